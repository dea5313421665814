import {
  AdapterError,
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
  isRecord,
  newCommentId,
  pageComments,
  throwIfAborted,
  usableComments,
  validateNewComment,
} from '../internal/comment-store.js';

/** The part of the Web Storage API this adapter uses; `localStorage` and `sessionStorage` fit. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Options of {@link LocalStorageAdapter}. */
export interface LocalStorageAdapterOptions {
  /** Prefix of every key this adapter writes. Default `'maoni:'`. */
  prefix?: string;
  /**
   * Where comments are kept. Default `window.localStorage`, looked up on every call (never at
   * import or construction), so a page where storage is blocked still loads and gets an
   * AdapterError from the calls instead.
   */
  storage?: StorageLike;
  /**
   * Comments per thread id shown while that thread has nothing stored yet. They are written to
   * storage together with the first comment posted there; from then on the stored data wins.
   */
  seed?: Record<string, Comment[]>;
  /** The signed-in identity; `null` (default) makes the form ask for a name. */
  viewer?: Viewer | null;
  /** Clock for `createdAt`. Default: the real time. */
  now?: () => Date;
}

/** What one thread's storage key holds. */
interface StoredThread {
  version: 1;
  /** Entries as stored: malformed ones are kept (and skipped when reading) so nothing is lost. */
  comments: unknown[];
  /** Idempotency key → id of the comment that key created. */
  keys: Record<string, string>;
}

interface LoadedThread {
  entries: unknown[];
  comments: Comment[];
  keys: Record<string, string>;
  dropped: number;
}

/** Why the stored value cannot be used, or the thread. */
function parseThread(text: string): LoadedThread | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (!isRecord(data)) return 'not an object';
  if (data.version !== 1) return `unknown version ${JSON.stringify(data.version) ?? 'undefined'}`;
  if (!Array.isArray(data.comments)) return 'no comments array';
  const keys = data.keys ?? {};
  if (!isRecord(keys) || !Object.values(keys).every((id) => typeof id === 'string')) {
    return 'invalid idempotency keys';
  }
  const { comments, dropped } = usableComments(data.comments);
  // A few bad entries are skipped; an array of nothing but garbage is not a thread at all.
  if (dropped > 0 && comments.length === 0) return 'no valid comment';
  return { entries: data.comments, comments, keys: keys as Record<string, string>, dropped };
}

function corrupted(reason: string): AdapterError {
  return new AdapterError('unknown', `Stored comments for this thread are corrupted (${reason})`);
}

function unavailable(cause: unknown): AdapterError {
  return new AdapterError('unknown', 'Browser storage is unavailable (blocked or private mode)', {
    cause,
  });
}

function isQuotaError(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  // Chromium/WebKit name it QuotaExceededError (legacy code 22); old Firefox used its own name.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/**
 * The embedded backend: comments live in the browser's `localStorage`, one key per thread
 * (`${prefix}thread:${threadId}`), and survive reloads. Nobody else sees them — it is for pages
 * without a server, demos and prototypes.
 *
 * Data it cannot read is never overwritten: a thread whose stored value is corrupted makes
 * `list` and `post` reject with `AdapterError('unknown')` and leaves the value as it is.
 * Blocked storage and a full quota reject the same way, never with an uncaught exception.
 * Idempotency keys are stored per thread, so a retry after a reload still finds its comment.
 */
export class LocalStorageAdapter implements CommentAdapter {
  readonly #prefix: string;
  readonly #storage?: StorageLike;
  readonly #seed: Record<string, Comment[]>;
  readonly #viewer: Viewer | null;
  readonly #now: () => Date;
  /** Threads already warned about, so a damaged thread warns once, not on every list. */
  readonly #warned = new Set<string>();

  constructor(options: LocalStorageAdapterOptions = {}) {
    this.#prefix = options.prefix ?? 'maoni:';
    this.#storage = options.storage;
    this.#seed = options.seed ?? {};
    this.#viewer = options.viewer ? { ...options.viewer } : null;
    this.#now = options.now ?? (() => new Date());
  }

  async list(threadId: string, options: ListOptions = {}): Promise<ListResult> {
    throwIfAborted(options.signal);
    return pageComments(this.#load(threadId).comments, options);
  }

  async post(threadId: string, input: NewComment, options: PostOptions): Promise<Comment> {
    throwIfAborted(options?.signal);
    const key = options?.idempotencyKey;
    checkIdempotencyKey(key);
    // Read, check and write happen in one synchronous stretch: concurrent posts in this page
    // cannot interleave, so the second post with a key always sees the first one's comment.
    const thread = this.#load(threadId);
    const earlierId = Object.hasOwn(thread.keys, key) ? thread.keys[key] : undefined;
    const earlier = thread.comments.find((comment) => comment.id === earlierId);
    if (earlier) return copyComment(earlier);

    validateNewComment(thread.comments, input, this.#viewer);
    const comment = buildComment(input, this.#viewer, newCommentId(), this.#now());
    this.#write(threadId, {
      version: 1,
      comments: [...thread.entries, comment],
      // fromEntries defines own properties: a key such as "__proto__" cannot reach the prototype.
      keys: Object.fromEntries([...Object.entries(thread.keys), [key, comment.id]]),
    });
    return copyComment(comment);
  }

  async viewer(): Promise<Viewer | null> {
    return this.#viewer ? { ...this.#viewer } : null;
  }

  /** Counts per thread. A corrupted thread is left out (its count is unknown) with a warning. */
  async count(threadIds: string[]): Promise<Record<string, number>> {
    const counts: [string, number][] = [];
    for (const id of threadIds) {
      const thread = this.#read(id);
      if (typeof thread === 'string') console.warn(`maoni: ${corrupted(thread).message}: ${id}`);
      else counts.push([id, thread.comments.length]);
    }
    return Object.fromEntries(counts);
  }

  /**
   * Delete the stored comments of one thread, or of every thread under this prefix when no id
   * is given. For demos and tests; the seed applies again afterwards.
   */
  clear(threadId?: string): void {
    const storage = this.#resolveStorage();
    try {
      if (threadId !== undefined) {
        storage.removeItem(this.#key(threadId));
        return;
      }
      const ours: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(`${this.#prefix}thread:`)) ours.push(key);
      }
      // Removing while iterating would shift the indexes and skip keys.
      for (const key of ours) storage.removeItem(key);
    } catch (cause) {
      throw unavailable(cause);
    }
  }

  #key(threadId: string): string {
    return `${this.#prefix}thread:${threadId}`;
  }

  #resolveStorage(): StorageLike {
    try {
      // Reading window.localStorage throws a SecurityError where storage is blocked.
      const storage = this.#storage ?? window.localStorage;
      if (!storage) throw new Error('No localStorage in this environment');
      return storage;
    } catch (cause) {
      throw unavailable(cause);
    }
  }

  /** The thread, or the reason its stored value is corrupted. Throws when storage is unavailable. */
  #read(threadId: string): LoadedThread | string {
    const storage = this.#resolveStorage();
    let text: string | null;
    try {
      text = storage.getItem(this.#key(threadId));
    } catch (cause) {
      throw unavailable(cause);
    }
    const thread = text === null ? this.#seeded(threadId) : parseThread(text);
    if (typeof thread !== 'string' && thread.dropped > 0 && !this.#warned.has(threadId)) {
      this.#warned.add(threadId);
      console.warn(`maoni: skipped ${thread.dropped} malformed stored comment(s) in thread ${threadId}`);
    }
    return thread;
  }

  #load(threadId: string): LoadedThread {
    const thread = this.#read(threadId);
    if (typeof thread === 'string') throw corrupted(thread);
    return thread;
  }

  #seeded(threadId: string): LoadedThread {
    const seed = Object.hasOwn(this.#seed, threadId) ? this.#seed[threadId] : [];
    const { comments, dropped } = usableComments(seed ?? []);
    const copies = comments.map(copyComment);
    // Only the usable seed entries get stored: the seed is code, not user data to preserve.
    return { entries: copies, comments: copies, keys: {}, dropped };
  }

  #write(threadId: string, data: StoredThread): void {
    const storage = this.#resolveStorage();
    try {
      storage.setItem(this.#key(threadId), JSON.stringify(data));
    } catch (cause) {
      if (isQuotaError(cause)) {
        throw new AdapterError('unknown', 'Browser storage is full: the comment was not saved', {
          cause,
        });
      }
      throw unavailable(cause);
    }
  }
}
