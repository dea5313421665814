/**
 * Renders that can wait: a comment far off screen (content-visibility skipped it) takes a new
 * locale or clock tick later, in idle time, as many as fit in each idle period — so switching the
 * language of a 1,000-comment thread re-renders what the reader sees at once and the rest just
 * after, without one long task. One queue and one idle callback for the page.
 */

/** A comment element: renders what it put off when asked, at once (synchronously). */
export interface CatchesUp extends Element {
  readonly hasUpdated: boolean;
  catchUp(): void;
}

// Without requestIdleCallback: batches of about 3 ms of comment renders.
const batchSize = 40;
const waiting = new Set<CatchesUp>();
let scheduled = false;
let drained: Array<() => void> = [];

const whenIdle: (run: (deadline?: IdleDeadline) => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 1000 }) : (run) => setTimeout(run, 16);

function runBatch(deadline?: IdleDeadline): void {
  scheduled = false;
  let count = 0;
  for (const element of waiting) {
    // Keeps a couple of milliseconds of the idle period for the browser.
    if (deadline && !deadline.didTimeout ? deadline.timeRemaining() < 3 : count++ === batchSize) break;
    waiting.delete(element);
    element.catchUp();
  }
  if (waiting.size) schedule();
  else {
    const resolve = drained;
    drained = [];
    // After the renders just asked for (microtasks) have run.
    setTimeout(() => resolve.forEach((done) => done()));
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  whenIdle(runBatch);
}

// Whether each comment is off screen, as content-visibility last said (on the element itself: no
// listener on window or document).
const offscreen = new WeakMap<CatchesUp, boolean>();

function watch(element: CatchesUp): void {
  offscreen.set(element, false);
  element.addEventListener('contentvisibilityautostatechange', (event) => {
    const skipped = (event as Event & { skipped: boolean }).skipped;
    offscreen.set(element, skipped);
    // Near the screen now, or focused: what it put off renders at once.
    if (!skipped && waiting.delete(element)) element.catchUp();
  });
}

/**
 * Called by a comment about to render: true when the render can wait — it is off screen and only
 * the locale or the clock changed — and it is queued for idle time. Otherwise it renders now, so
 * it leaves the queue.
 */
export function putOff(element: CatchesUp, changed: ReadonlyMap<PropertyKey, unknown>): boolean {
  if (!offscreen.has(element)) watch(element);
  if (offscreen.get(element) && element.hasUpdated && [...changed.keys()].every((key) => key === 'localization' || key === 'now')) {
    waiting.add(element);
    schedule();
    return true;
  }
  waiting.delete(element);
  return false;
}

/** Resolves once every put-off render has run (tests, benchmarks). */
export function idleUpdatesDone(): Promise<void> {
  return waiting.size || scheduled ? new Promise((resolve) => drained.push(resolve)) : Promise.resolve();
}
