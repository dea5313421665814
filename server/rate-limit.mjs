// @ts-check
// A sliding-window limit on posts per client: at most `posts` in any `perSeconds`. In memory, per
// app: the limit protects one server process, which is what the reference server is.

/**
 * @param {{ posts: number, perSeconds: number } | false} limit `false` switches limiting off.
 * @param {() => Date} now
 */
export function createRateLimiter(limit, now) {
  /** Recent post times per client, oldest first. */
  /** @type {Map<string, number[]>} */
  const recent = new Map();
  let nextSweep = 0;

  /** Forget clients with nothing in the window, so the map cannot grow without bound. */
  const sweep = (/** @type {number} */ t, /** @type {number} */ windowMs) => {
    if (t < nextSweep) return;
    nextSweep = t + windowMs;
    for (const [key, times] of recent) {
      if (times[times.length - 1] <= t - windowMs) recent.delete(key);
    }
  };

  return {
    /**
     * Records one post for `key` when the limit allows it.
     * @param {string} key
     * @returns {number} 0 when allowed; otherwise the whole seconds to wait (at least 1).
     */
    take(key) {
      if (!limit) return 0;
      const windowMs = limit.perSeconds * 1000;
      const t = now().getTime();
      sweep(t, windowMs);
      const times = (recent.get(key) ?? []).filter((time) => time > t - windowMs);
      if (times.length >= limit.posts) {
        recent.set(key, times);
        return Math.max(1, Math.ceil((times[0] + windowMs - t) / 1000));
      }
      times.push(t);
      recent.set(key, times);
      return 0;
    },
  };
}
