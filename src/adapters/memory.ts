import {
  AdapterError,
  abortError,
  type Comment,
  type CommentAdapter,
  type ListOptions,
  type ListResult,
  type NewComment,
  type PostOptions,
  type Viewer,
} from './adapter.js';
import {
  buildComment,
  checkIdempotencyKey,
  copyComment,
  newCommentId,
  pageComments,
  throwIfAborted,
  validateNewComment,
} from '../internal/comment-store.js';

/**
 * A simulated failure: `true` fails with `AdapterError('network')`, an AdapterError fails with
 * exactly that error, `false` does not fail.
 */
export type SimulatedFailure = AdapterError | boolean;

/** Options of {@link MemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Initial comments per thread id. Copied: later changes to these objects have no effect. */
  comments?: Record<string, Comment[]>;
  /** Artificial delay of every `list`, `post` and `count`, in milliseconds. Default 0. */
  latency?: number;
  /** Make every `list` fail (see {@link SimulatedFailure}). */
  failList?: SimulatedFailure;
  /** Make every `post` fail (see {@link SimulatedFailure}). */
  failPost?: SimulatedFailure;
  /** The signed-in identity; `null` (default) makes the form ask for a name. */
  viewer?: Viewer | null;
  /** Clock for `createdAt`. Default: the real time. */
  now?: () => Date;
}

/** Resolves after `ms`, or rejects with the signal's abort reason as soon as it aborts. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  if (!(ms > 0)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A backend that keeps comments in this object, for tests and demos. Nothing persists.
 *
 * Failures can be switched at runtime: set `failList` / `failPost` (persistent until set back to
 * `false`), or queue one-shot failures with {@link MemoryAdapter.failNext}. A simulated failure
 * happens after the artificial latency, like a network error would, and a failed `post` stores
 * nothing. `latency` is a public field too.
 *
 * Idempotency keys are remembered per adapter instance (across threads): a post with a key
 * already used returns a copy of the comment that key created, whatever its input.
 */
export class MemoryAdapter implements CommentAdapter {
  /** Artificial delay per call, in milliseconds. */
  latency: number;
  /** Persistent failure of `list`; see {@link SimulatedFailure}. */
  failList: SimulatedFailure;
  /** Persistent failure of `post`; see {@link SimulatedFailure}. */
  failPost: SimulatedFailure;

  readonly #threads = new Map<string, Comment[]>();
  readonly #byKey = new Map<string, Comment>();
  readonly #queued: Record<'list' | 'post', AdapterError[]> = { list: [], post: [] };
  #viewer: Viewer | null;
  readonly #now: () => Date;

  constructor(options: MemoryAdapterOptions = {}) {
    for (const [threadId, comments] of Object.entries(options.comments ?? {})) {
      this.#threads.set(threadId, comments.map(copyComment));
    }
    this.latency = options.latency ?? 0;
    this.failList = options.failList ?? false;
    this.failPost = options.failPost ?? false;
    this.#viewer = options.viewer ? { ...options.viewer } : null;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Make only the next call of `operation` fail, with `error` (default `AdapterError('network')`).
   * Calls queue up: `failNext('post'); failNext('post')` fails the next two posts.
   */
  failNext(operation: 'list' | 'post', error: AdapterError = new AdapterError('network')): void {
    this.#queued[operation].push(error);
  }

  /** Sign in (a Viewer) or out (`null`), e.g. for a demo's toggle. Affects later calls only. */
  setViewer(viewer: Viewer | null): void {
    this.#viewer = viewer ? { ...viewer } : null;
  }

  async list(threadId: string, options: ListOptions = {}): Promise<ListResult> {
    await this.#roundTrip('list', options.signal);
    return pageComments(this.#threads.get(threadId) ?? [], options);
  }

  async post(threadId: string, input: NewComment, options: PostOptions): Promise<Comment> {
    await this.#roundTrip('post', options?.signal);
    // Everything from here on is synchronous, so two concurrent posts with one key cannot both
    // miss the key: the first to get here stores the comment before the other looks.
    const key = options?.idempotencyKey;
    checkIdempotencyKey(key);
    const earlier = this.#byKey.get(key);
    if (earlier) return copyComment(earlier);

    const thread = this.#threads.get(threadId) ?? [];
    validateNewComment(thread, input, this.#viewer);
    const comment = buildComment(input, this.#viewer, newCommentId(), this.#now());
    thread.push(comment);
    this.#threads.set(threadId, thread);
    this.#byKey.set(key, comment);
    return copyComment(comment);
  }

  async viewer(): Promise<Viewer | null> {
    return this.#viewer ? { ...this.#viewer } : null;
  }

  async count(threadIds: string[]): Promise<Record<string, number>> {
    await delay(this.latency);
    // fromEntries defines own properties, so a thread called "__proto__" is counted, not lost.
    return Object.fromEntries(threadIds.map((id) => [id, this.#threads.get(id)?.length ?? 0]));
  }

  /** The simulated network: latency (abortable), then the configured failure, if any. */
  async #roundTrip(operation: 'list' | 'post', signal?: AbortSignal): Promise<void> {
    await delay(this.latency, signal);
    // An abort that lands in the same tick as the timer must still win.
    throwIfAborted(signal);
    const queued = this.#queued[operation].shift();
    if (queued) throw queued;
    const failure = operation === 'list' ? this.failList : this.failPost;
    if (failure instanceof AdapterError) throw failure;
    if (failure) throw new AdapterError('network', `Simulated ${operation} failure`);
  }
}
