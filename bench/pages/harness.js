// The in-page half of the benchmark, shared by the three variants (maoni, lit-html, vanilla).
// bench/run.mjs opens `<variant>.html?size=1000&shape=nested`, then calls window.bench.*.
//
// Every measurement has the same shape:
//   t0        performance.now() just before the action (insert the thread, click "Post", set `lang`)
//   ready     the new DOM is in place: synchronous work plus every microtask it queued (maoni's
//             Lit updates are microtasks; the baselines are synchronous)
//   layout    after `document.body.offsetHeight` forced style recalculation and layout of the
//             whole document (shadow trees included) — "first render after layout"
//   paint     after the next frame: requestAnimationFrame, then a MessageChannel message, which
//             runs after that frame's paint. Includes waiting for the frame (vsync), so it is
//             noisier and quantized; the main figure is `layout`.
// run.mjs adds main-thread busy time from the DevTools protocol (Performance.getMetrics
// TaskDuration) around the same call.
import { makeThread, describeThread } from './data.js';

export const params = new URLSearchParams(location.search);
export const size = Number(params.get('size') ?? 100);
export const shape = params.get('shape') === 'nested' ? 'nested' : 'flat';

/** Resolves after the next frame has been painted. */
export function nextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
}

async function measure(action) {
  const t0 = performance.now();
  const detail = await action();
  const ready = performance.now();
  void document.body.offsetHeight; // forces style and layout now
  const layout = performance.now();
  await nextPaint();
  const paint = performance.now();
  return { ready: ready - t0, layout: layout - t0, paint: paint - t0, detail };
}

/** The body of the reply every variant posts (same text everywhere). */
export const replyBody = 'Thanks @Amina, that matches what we measured.\nThe second campaign had twice the engagement.';
export const replyName = 'Bench Reader';

/**
 * Which comment the reply answers: the top-level comment in the middle of the thread, so the new
 * reply lands in the middle of the list, not at its end.
 */
export function replyTarget(comments) {
  const roots = comments.filter((comment) => comment.parentId === null);
  return roots[Math.floor(roots.length / 2)].id;
}

/**
 * Installs `window.bench` for one variant. A variant is an object with:
 *   setup(comments)      prepares anything not measured (adapters, locale preloading)
 *   render()             inserts the thread; resolves when its comments are rendered
 *   mounted()            how many comments are in the DOM (elements), after render
 *   preparePost(id)      opens the reply form for comment `id` and types the reply (not measured)
 *   post()               submits; resolves when the new comment is rendered
 *   checkPost()          after timing: true when the reply is in the DOM under its parent
 *   preloadLocale()      loads the Swahili translations (not measured)
 *   switchLocale()       switches en → sw; resolves when everything on screen re-rendered
 *   allLocale()          optional: resolves when every comment, on screen or not, re-rendered
 *   checkLocale()        after timing: true when the thread shows Swahili
 */
let localeStart = 0;

export function installBench(name, variant) {
  const comments = makeThread(size, shape);
  window.bench = {
    name,
    size,
    shape,
    data: describeThread(comments),
    async setup() {
      await variant.setup(comments);
      return this.data;
    },
    async render() {
      const result = await measure(() => variant.render());
      result.mounted = variant.mounted();
      return result;
    },
    /** Opens the reply form and types the reply (not measured). */
    async preparePost() {
      await variant.preparePost(replyTarget(comments));
      await nextPaint();
    },
    async post() {
      const result = await measure(() => variant.post());
      result.ok = variant.checkPost(replyTarget(comments));
      return result;
    },
    /** Loads the Swahili translations (not measured). */
    async preloadLocale() {
      await variant.preloadLocale();
      await nextPaint();
    },
    async locale() {
      localeStart = performance.now();
      const result = await measure(() => variant.switchLocale());
      result.ok = variant.checkLocale();
      return result;
    },
    /**
     * After locale(), a call of its own (run.mjs takes its CPU time apart): resolves when every
     * comment shows the new locale — maoni re-renders those off screen in idle time after the ones
     * on screen — with the ms since the switch began. The baselines are done already.
     */
    async localeAll() {
      if (variant.allLocale) await variant.allLocale();
      return performance.now() - localeStart;
    },
    /** maoni only: the harness's own cost of checking that every element finished updating. */
    async settleCost() {
      return variant.settleCost ? variant.settleCost() : 0;
    },
    nextPaint,
  };
  window.benchReady = true;
}
