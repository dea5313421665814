import { AdapterError } from './errors.js';

/**
 * Rejects with a `network` error after `ms` (and aborts `controller`): an adapter call that never
 * settles counts as a failure the reader can retry, not a spinner forever. `ms` ≤ 0: no deadline.
 * Without a controller nothing is aborted: others may still wait for the call (a shared batch).
 */
export function withDeadline<T>(call: Promise<T>, ms: number, controller?: AbortController): Promise<T> {
  if (!(ms > 0)) return call;
  let timer: ReturnType<typeof setTimeout>;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new AdapterError('network', `no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

