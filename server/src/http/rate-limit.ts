// The post limit: at most `posts` new comments per client key and address in any `perSeconds`.
// @fastify/rate-limit counts, through a sliding-window store on the app's clock (so tests can move
// time); the post route asks at the exact point where a post counts: after a replay was answered
// and the input was checked, before anything is stored.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { RateLimitOptions } from '../options.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Recent post times per key, oldest first. A refused post is not recorded, so a client that keeps
 * trying is let in as soon as its oldest post leaves the window. In memory, per app: the limit
 * protects one server process, which is what the reference server is.
 */
function slidingWindowStore(now: () => Date) {
  return class SlidingWindowStore {
    readonly #recent = new Map<string, number[]>();
    #nextSweep = 0;

    incr(key: string, callback: Callback, windowMs: number, max: number) {
      const t = now().getTime();
      this.#sweep(t, windowMs);
      const times = (this.#recent.get(key) ?? []).filter((time) => time > t - windowMs);
      const full = times.length >= max;
      if (!full) times.push(t);
      this.#recent.set(key, times);
      // Over the limit reads as max + 1; ttl is when the oldest post in the window leaves it.
      callback(null, { current: full ? max + 1 : times.length, ttl: times[0]! + windowMs - t });
    }

    child() {
      return this;
    }

    /** Forget clients with nothing in the window, so the map cannot grow without bound. */
    #sweep(t: number, windowMs: number) {
      if (t < this.#nextSweep) return;
      this.#nextSweep = t + windowMs;
      for (const [key, times] of this.#recent) {
        if (times[times.length - 1]! <= t - windowMs) this.#recent.delete(key);
      }
    }
  };
}

export const postLimit = fp(
  async (app: FastifyInstance, { limit, now }: { limit: RateLimitOptions | false; now: () => Date }) => {
    if (!limit) {
      app.decorate('takePostLimit', async () => 0);
      return;
    }
    await app.register(rateLimit, {
      global: false,
      max: limit.posts,
      timeWindow: limit.perSeconds * 1000,
      store: slidingWindowStore(now) as never,
      keyGenerator: (request: FastifyRequest) => `${request.viewer ?? ''} ${request.ip}`,
    });
    const check = app.createRateLimit();
    app.decorate('takePostLimit', async (request: FastifyRequest) => {
      const result = await check(request);
      if (result.isAllowed || !result.isExceeded) return 0;
      return Math.max(1, result.ttlInSeconds);
    });
  },
  { name: 'maoni-post-limit' }
);
