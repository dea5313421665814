/**
 * Collects the counts that `<comment-count>` elements ask for and fetches them in one
 * `adapter.count(threadIds)` call per adapter per animation frame, however many elements a page has.
 */
import { AdapterError, type CommentAdapter } from '../../adapters/adapter.js';
import { withDeadline } from '../../core/deadline.js';

interface Waiter {
  resolve: (count: number) => void;
  reject: (error: AdapterError) => void;
}

const queued = new Map<CommentAdapter, Map<string, Waiter[]>>();
let scheduled = false;

/** Counts without a `count` capability: the first page's `total` (or its length). */
async function countByListing(adapter: CommentAdapter, threadId: string): Promise<number> {
  const page = await adapter.list(threadId, { parentId: null, limit: 1 });
  return typeof page?.total === 'number' ? page.total : Array.isArray(page?.comments) ? page.comments.length : 0;
}

async function flushAdapter(adapter: CommentAdapter, requests: Map<string, Waiter[]>): Promise<void> {
  const ids = [...requests.keys()];
  const settle = (id: string, outcome: number | AdapterError) => {
    for (const waiter of requests.get(id) ?? []) {
      if (typeof outcome === 'number') waiter.resolve(outcome);
      else waiter.reject(outcome);
    }
  };
  try {
    if (adapter.count) {
      const counts: unknown = await adapter.count(ids);
      for (const id of ids) {
        const value = (counts as Record<string, unknown> | null)?.[id];
        settle(id, typeof value === 'number' && value >= 0 ? value : new AdapterError('unknown', 'count() gave no number'));
      }
    } else {
      await Promise.all(ids.map((id) => countByListing(adapter, id).then((n) => settle(id, n), (e) => settle(id, AdapterError.from(e)))));
    }
  } catch (error) {
    for (const id of ids) settle(id, AdapterError.from(error));
  }
}

function flush(): void {
  scheduled = false;
  const batches = [...queued];
  queued.clear();
  for (const [adapter, requests] of batches) void flushAdapter(adapter, requests);
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // The next frame batches everything rendered together; the timeout covers pages in background
  // tabs, which get no frames. Whichever comes first flushes; the other finds nothing to do.
  const once = () => scheduled && flush();
  requestAnimationFrame(once);
  setTimeout(once, 100);
}

/** The thread's comment count, fetched together with every other count asked for in this frame. */
export function requestCount(adapter: CommentAdapter, threadId: string, timeout = 0): Promise<number> {
  const request = new Promise<number>((resolve, reject) => {
    let requests = queued.get(adapter);
    if (!requests) queued.set(adapter, (requests = new Map()));
    const waiters = requests.get(threadId) ?? [];
    waiters.push({ resolve, reject });
    requests.set(threadId, waiters);
    schedule();
  });
  // The batch is shared: a deadline gives up waiting for it (a count that never comes shows as
  // failed), without aborting the call other elements may still wait for.
  return withDeadline(request, timeout);
}
