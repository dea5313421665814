/**
 * One timer for the whole page that keeps relative dates ("5 minutes ago") current. Threads
 * subscribe while connected; the timer runs only while at least one is subscribed.
 */

type Tick = (now: number) => void;

/** How often relative dates are refreshed. A minute is their finest visible step. */
export const clockIntervalMs = 30_000;

const subscribers = new Set<Tick>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  const now = Date.now();
  for (const subscriber of [...subscribers]) subscriber(now);
}

/** Calls `onTick` on every shared tick until the returned function is called. */
export function subscribeClock(onTick: Tick): () => void {
  subscribers.add(onTick);
  timer ??= setInterval(tick, clockIntervalMs);
  return () => {
    subscribers.delete(onTick);
    if (subscribers.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Whether the shared timer is running (for tests and diagnostics). */
export function clockRunning(): boolean {
  return timer !== undefined;
}
