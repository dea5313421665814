/**
 * Fault injection for adapter tests: {@link withFaults} wraps any CommentAdapter so that a seeded,
 * reproducible share of its calls fail, slowly or not at all, the way a flaky network does.
 *
 * For adapter authors: wrap your adapter (or the MemoryAdapter in front of your UI code) to see
 * how retries, optimistic updates and idempotency keys behave when requests fail, including the
 * nasty case of a lost response (the server applied the change, the caller saw an error).
 *
 * For the soak test: run many random operations through a wrapper at, say, 20% failures, retry
 * each failed post with its idempotency key, then set `failureRate = 0` to let a final flush
 * succeed and check that the server holds exactly one copy of every submitted comment.
 *
 * ```ts
 * import { withFaults } from 'maoni/testing';
 * const server = new MemoryAdapter();
 * const flaky = withFaults(server, { failureRate: 0.2, seed: 7, latency: [0, 20] });
 * // … drive the UI or call flaky.post(…) …
 * flaky.failureRate = 0;
 * console.log(flaky.faults); // { calls, failed, failedBefore, failedAfter, offline, byMethod }
 * ```
 */
import { AdapterError, type AdapterErrorCode, type CommentAdapter } from '../adapters/adapter.js';
import { sleep, throwIfAborted } from '../core/abort.js';

/** Options of {@link withFaults}. */
export interface FaultOptions {
  /** Share of calls that fail, 0..1. Default 0.2. */
  failureRate?: number;
  /** Added delay per call in ms: a number, or [min, max] drawn from the seeded random source. Default 0. */
  latency?: number | readonly [number, number];
  /** Seed of the deterministic random source (mulberry32). Default 1. */
  seed?: number;
  /**
   * Of the failures of calls that change data (post, edit, delete, react), the share that happen
   * AFTER the inner adapter applied the change (the response is lost: the caller sees an error but
   * the comment exists). Default 0.5. The rest fail before the call reaches the inner adapter.
   * Failures of calls that change nothing (list, count, viewer) always happen before.
   */
  lostResponseShare?: number;
  /** Error codes to inject, drawn at random. Default ['network']. 'rate_limited' gets retryAfter 1. */
  codes?: readonly AdapterErrorCode[];
}

/** Counters of one method of a {@link FaultyAdapter}. */
export interface FaultMethodStats {
  /** Calls made, offline ones included. */
  calls: number;
  /** Calls that rejected with an injected fault (offline ones not included). */
  failed: number;
  /** Of `failed`: those that never reached the inner adapter. */
  failedBefore: number;
  /** Of `failed`: those whose change the inner adapter applied (lost responses). */
  failedAfter: number;
  /** Calls rejected because the wrapper was `offline`. */
  offline: number;
}

/**
 * What a {@link FaultyAdapter} did so far. Counts only the methods that can fail (list, post,
 * edit, delete, react, count, viewer); `failed === failedBefore + failedAfter`. A call that was
 * aborted, or that the inner adapter rejected by itself, counts in `calls` but not in `failed`.
 */
export interface FaultStats {
  calls: number;
  failed: number;
  failedBefore: number;
  failedAfter: number;
  offline: number;
  /** The same counters per method name. */
  byMethod: Record<string, FaultMethodStats>;
}

export type FaultyAdapter<A extends CommentAdapter> = A & {
  /** Live counters of the calls and the faults injected so far. */
  readonly faults: FaultStats;
  /** While offline every call fails at once with code 'network' (counted separately as offline, not in failed). */
  offline: boolean;
  /** Change the failure rate on the fly (e.g. 0 to let a final flush succeed). */
  failureRate: number;
};

/** The methods that can fail, and which argument holds their call options (with `signal`). */
const faultable = { list: 1, post: 2, edit: 3, delete: 2, react: 3, count: 1, viewer: -1 } as const;
type FaultableMethod = keyof typeof faultable;
const changesData: ReadonlySet<string> = new Set<FaultableMethod>(['post', 'edit', 'delete', 'react']);

const isFaultable = (key: PropertyKey): key is FaultableMethod => typeof key === 'string' && Object.hasOwn(faultable, key);

/** The members of the wrapper itself; everything else belongs to the inner adapter. */
const own = ['faults', 'offline', 'failureRate'] as const;
const isOwn = (key: PropertyKey): key is (typeof own)[number] => (own as readonly PropertyKey[]).includes(key);

const injected = new WeakSet<AdapterError>();

/** True for an error a {@link withFaults} wrapper made up (as opposed to one of the inner adapter). */
export function isInjectedFault(error: unknown): boolean {
  return error instanceof AdapterError && injected.has(error);
}

function fault(code: AdapterErrorCode, why: string = code): AdapterError {
  const error = new AdapterError(code, `injected fault (${why})`, code === 'rate_limited' ? { retryAfter: 1 } : {});
  injected.add(error);
  return error;
}

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function share(value: number, name: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a number from 0 to 1, got ${String(value)}`);
  return value;
}

const zero = (): FaultMethodStats => ({ calls: 0, failed: 0, failedBefore: 0, failedAfter: 0, offline: 0 });

/**
 * `adapter`, with faults injected into its calls, for tests of adapters and of the code that uses
 * them (retries, idempotency, offline handling) and for soak tests.
 *
 * - `list`, `post` and the capability methods `edit`, `delete`, `react`, `count` and `viewer` fail
 *   at `failureRate` with an {@link AdapterError} of a code drawn from `codes` and the message
 *   `injected fault (<code>)` (`rate_limited` with `retryAfter: 1`). Of the failures of `post`,
 *   `edit`, `delete` and `react`, `lostResponseShare` happen after the inner adapter applied the
 *   change (the response is lost); every other failure happens before the call reaches it.
 * - `ready`, `subscribe` and `mentionUrl` never fail: events of `subscribe` pass through unchanged
 *   (a dropped event is not a fault of the call, and the UI cannot retry it).
 * - `latency` delays each call before it reaches the inner adapter; aborting the call's `signal`
 *   meanwhile rejects with an AbortError and the inner adapter is never called. The signal is
 *   passed through to the inner adapter unchanged.
 * - Errors of the inner adapter pass through unchanged and are not counted as faults.
 * - Capabilities mirror the inner adapter, live: a method it lacks is absent here too (the UI
 *   shows a capability only when the method exists); other members (`sorts`, `reactions`,
 *   `authorFields`, and e.g. MemoryAdapter's `failNext` or `latency`) read and write through.
 *
 * Deterministic: one seeded random source per wrapper, drawn from synchronously when a call is
 * made (latency first when it is a range, then whether the call fails, then the code and, for
 * changes, before or after). So the same seed, options and sequence of calls give the same faults,
 * whatever the timing. Offline calls draw nothing.
 *
 * Statistics are in `faults` (see {@link FaultStats}).
 */
export function withFaults<A extends CommentAdapter>(adapter: A, options: FaultOptions = {}): FaultyAdapter<A> {
  const random = mulberry32(options.seed ?? 1);
  let failureRate = share(options.failureRate ?? 0.2, 'failureRate');
  const lostResponseShare = share(options.lostResponseShare ?? 0.5, 'lostResponseShare');
  const codes = [...(options.codes ?? ['network'])];
  if (codes.length === 0) throw new RangeError('codes must name at least one error code');
  const latency = options.latency ?? 0;
  const [minLatency, maxLatency] = typeof latency === 'number' ? [latency, latency] : latency;
  if (!(minLatency >= 0 && maxLatency >= minLatency)) throw new RangeError(`latency must be a number ≥ 0 or [min, max] with 0 ≤ min ≤ max`);
  let offline = false;

  const stats: FaultStats = { calls: 0, failed: 0, failedBefore: 0, failedAfter: 0, offline: 0, byMethod: {} };
  for (const method of Object.keys(faultable)) stats.byMethod[method] = zero();

  const inner = adapter as unknown as Record<PropertyKey, unknown>;

  function count(method: FaultableMethod, what: 'calls' | 'offline' | 'failedBefore' | 'failedAfter'): void {
    const counters = [stats, stats.byMethod[method]!];
    for (const counter of counters) {
      counter[what]++;
      if (what === 'failedBefore' || what === 'failedAfter') counter.failed++;
    }
  }

  async function call(method: FaultableMethod, target: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
    const at = faultable[method];
    const signal = at < 0 ? undefined : (args[at] as { signal?: AbortSignal } | undefined)?.signal;
    count(method, 'calls');
    throwIfAborted(signal);
    if (offline) {
      count(method, 'offline');
      throw fault('network', 'offline');
    }
    // Every draw happens now, synchronously, so the faults depend on the order of calls only.
    const wait = minLatency === maxLatency ? minLatency : minLatency + random() * (maxLatency - minLatency);
    let planned: { code: AdapterErrorCode; after: boolean } | undefined;
    if (random() < failureRate) {
      const code = codes[Math.floor(random() * codes.length)]!;
      planned = { code, after: changesData.has(method) && random() < lostResponseShare };
    }

    if (wait > 0) await sleep(wait, signal);
    // An abort that lands in the same tick as the timer must still win.
    throwIfAborted(signal);
    if (planned && !planned.after) {
      count(method, 'failedBefore');
      throw fault(planned.code);
    }
    const result = await target.apply(adapter, args);
    if (planned) {
      count(method, 'failedAfter');
      throw fault(planned.code);
    }
    return result;
  }

  // Wrappers are made once per member and inner function, so `faulty.post === faulty.post`.
  const wrapped = new Map<PropertyKey, { fn: unknown; wrapper: unknown }>();
  const wrap = (key: PropertyKey, value: unknown): unknown => {
    if (typeof value !== 'function') return value;
    const cached = wrapped.get(key);
    if (cached?.fn === value) return cached.wrapper;
    const fn = value as (...args: unknown[]) => unknown;
    const wrapper = isFaultable(key) ? (...args: unknown[]) => call(key, fn, args) : fn.bind(adapter);
    wrapped.set(key, { fn, wrapper });
    return wrapper;
  };

  const read = (key: (typeof own)[number]): unknown => (key === 'faults' ? stats : key === 'offline' ? offline : failureRate);

  return new Proxy({} as object, {
    get(_target, key) {
      if (isOwn(key)) return read(key);
      return wrap(key, Reflect.get(inner, key));
    },
    set(_target, key, value) {
      if (key === 'faults') return false;
      if (key === 'offline') offline = Boolean(value);
      else if (key === 'failureRate') failureRate = share(value as number, 'failureRate');
      else return Reflect.set(inner, key, value);
      return true;
    },
    has(_target, key) {
      return isOwn(key) || key in inner;
    },
    deleteProperty(_target, key) {
      return !isOwn(key) && Reflect.deleteProperty(inner, key);
    },
    defineProperty() {
      return false;
    },
    ownKeys() {
      return [...new Set([...Reflect.ownKeys(inner), ...own])];
    },
    getOwnPropertyDescriptor(_target, key) {
      if (isOwn(key)) return { value: read(key), writable: key !== 'faults', enumerable: true, configurable: true };
      const descriptor = Reflect.getOwnPropertyDescriptor(inner, key);
      if (!descriptor) return undefined;
      return { value: wrap(key, Reflect.get(inner, key)), writable: true, enumerable: descriptor.enumerable ?? false, configurable: true };
    },
    getPrototypeOf() {
      // `withFaults(new MemoryAdapter()) instanceof MemoryAdapter` stays true.
      return Reflect.getPrototypeOf(inner);
    },
  }) as FaultyAdapter<A>;
}
