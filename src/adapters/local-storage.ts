import {
  AdapterError,
  type CallOptions,
  type Comment,
  type CommentAdapter,
  type CommentSort,
  type EditInput,
  type ListOptions,
  type ListResult,
  type NewComment,
  type PostOptions,
  type ReactOptions,
  type ThreadEvent,
  type Viewer,
} from './adapter.js';
import {
  buildComment,
  newCommentId,
  validateNewComment,
} from './in-browser/comment-store.js';
import { throwIfAborted } from '../core/abort.js';
import { changesBetween, deleteComment, editComment, reactTo, type Change } from './in-browser/comment-changes.js';
import { canDelete, canEdit, countThread, listLevel, present } from './in-browser/comment-listing.js';
import { sorts } from './in-browser/comment-order.js';
import { ownIds, parseThread, seededThread, storedThread, type LoadedThread } from './in-browser/stored-thread.js';
import { Subscribers } from './in-browser/subscribers.js';
import { TabLink, type TabMessage } from './in-browser/tab-link.js';
import { defaultEditWindowMs, reactionIds, ThreadIndex, type Actor } from './in-browser/thread-data.js';
import { checkIdempotencyKey } from '../core/idempotency.js';

/** The part of the Web Storage API this adapter uses; `localStorage` and `sessionStorage` fit. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Options of {@link LocalStorageAdapter}. */
export interface LocalStorageAdapterOptions {
  /** Prefix of every key this adapter writes, and of its cross-tab channel. Default `'maoni:'`. */
  prefix?: string;
  /**
   * Where comments are kept. Default `window.localStorage`, looked up on every call (never at
   * import or construction), so a page where storage is blocked still loads and gets an
   * AdapterError from the calls instead.
   */
  storage?: StorageLike;
  /**
   * Comments per thread id shown while that thread has nothing stored yet. They are written to
   * storage together with the first change there; from then on the stored data wins.
   */
  seed?: Record<string, Comment[]>;
  /** The signed-in identity; `null` (default) makes the form ask for a name. */
  viewer?: Viewer | null;
  /** Clock for `createdAt`, `editedAt` and the edit window. Default: the real time. */
  now?: () => Date;
  /** How long after posting the author may edit, in milliseconds. Default 15 minutes. */
  editWindowMs?: number;
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

/** Sees comments as nobody in particular: what travels to other tabs, which add their own view. */
const nobody: Actor = { owns: () => false, reactor: '', now: 0, editWindowMs: 0 };

/**
 * The embedded backend: comments live in the browser's `localStorage`, one key per thread
 * (`${prefix}thread:${threadId}`), and survive reloads. Nobody else sees them — it is for pages
 * without a server, demos and prototypes. It implements the whole adapter contract with the
 * reference server's semantics (per-level paging with inline replies, sorts, up/down reactions,
 * edit and delete, counts, `subscribe`).
 *
 * Ownership: the comments posted from this browser (recorded in the thread's stored idempotency
 * keys, so every tab and every reload of this origin and prefix shares it), and, when a viewer is
 * set, comments whose `author.id` is the viewer's id.
 *
 * `subscribe` hears this instance's changes and those of other tabs and instances with the same
 * prefix, over a BroadcastChannel named `${prefix}events`; where the browser has none, over the
 * `storage` event (which reaches other tabs only).
 *
 * Data it cannot read is never overwritten: a thread whose stored value is corrupted makes every
 * call on it reject with `AdapterError('unknown')` and leaves the value as it is. Blocked storage
 * and a full quota reject the same way, never with an uncaught exception. Idempotency keys are
 * stored per thread, so a retry after a reload still finds its comment.
 */
export class LocalStorageAdapter implements CommentAdapter {
  readonly sorts: readonly CommentSort[] = sorts;
  readonly reactions: readonly string[] = reactionIds;

  readonly #prefix: string;
  readonly #storage?: StorageLike;
  readonly #seed: Record<string, Comment[]>;
  readonly #viewer: Viewer | null;
  readonly #now: () => Date;
  readonly #editWindowMs: number;
  /** Threads already warned about, so a damaged thread warns once, not on every list. */
  readonly #warned = new Set<string>();
  readonly #subscribers = new Subscribers();
  readonly #link: TabLink;

  constructor(options: LocalStorageAdapterOptions = {}) {
    this.#prefix = options.prefix ?? 'maoni:';
    this.#storage = options.storage;
    this.#seed = options.seed ?? {};
    this.#viewer = options.viewer ? { ...options.viewer } : null;
    this.#now = options.now ?? (() => new Date());
    this.#editWindowMs = options.editWindowMs ?? defaultEditWindowMs;
    this.#link = new TabLink(`${this.#prefix}events`);
  }

  async list(threadId: string, options: ListOptions = {}): Promise<ListResult> {
    throwIfAborted(options.signal);
    const thread = this.#load(threadId);
    return listLevel(thread.data, options, this.#actor(thread));
  }

  async post(threadId: string, input: NewComment, options: PostOptions): Promise<Comment> {
    throwIfAborted(options?.signal);
    const key = options?.idempotencyKey;
    checkIdempotencyKey(key);
    // Read, check and write happen in one synchronous stretch: concurrent posts in this page
    // cannot interleave, so the second post with a key always sees the first one's comment.
    const thread = this.#load(threadId);
    const earlierId = Object.hasOwn(thread.keys, key) ? thread.keys[key] : undefined;
    const earlier = thread.data.comments.find((comment) => comment.id === earlierId);
    if (earlier) return this.#present(thread, earlier);

    validateNewComment(thread.data.comments, input, this.#viewer);
    const comment = buildComment(input, this.#viewer, newCommentId(), this.#now());
    thread.entries.push(comment);
    thread.data.comments.push(comment);
    // fromEntries defines own properties: a key such as "__proto__" cannot reach the prototype.
    thread.keys = Object.fromEntries([...Object.entries(thread.keys), [key, comment.id]]);
    this.#save(threadId, thread, [{ type: 'created', comment }]);
    return this.#present(thread, comment);
  }

  async edit(threadId: string, commentId: string, input: EditInput, options: CallOptions = {}): Promise<Comment> {
    throwIfAborted(options.signal);
    const thread = this.#load(threadId);
    const change = editComment(thread.data, commentId, input?.body, this.#actor(thread));
    this.#save(threadId, thread, [change]);
    return this.#present(thread, change.comment);
  }

  async delete(threadId: string, commentId: string, options: CallOptions = {}): Promise<Comment> {
    throwIfAborted(options.signal);
    const thread = this.#load(threadId);
    const { comment, changes } = deleteComment(thread.data, commentId, this.#actor(thread));
    if (changes.length > 0) this.#save(threadId, thread, changes);
    return this.#present(thread, comment);
  }

  async react(threadId: string, commentId: string, reaction: string, options: ReactOptions): Promise<Comment> {
    throwIfAborted(options?.signal);
    const thread = this.#load(threadId);
    const comment = reactTo(thread.data, commentId, reaction, Boolean(options?.active), this.#actor(thread));
    this.#save(threadId, thread, []);
    return this.#present(thread, comment);
  }

  async viewer(): Promise<Viewer | null> {
    return this.#viewer ? { ...this.#viewer } : null;
  }

  /**
   * Visible comments per thread (tombstones not counted). A corrupted thread is left out (its
   * count is unknown) with a warning.
   */
  async count(threadIds: string[], options: CallOptions = {}): Promise<Record<string, number>> {
    throwIfAborted(options.signal);
    const counts: [string, number][] = [];
    for (const id of threadIds) {
      const thread = this.#read(id);
      if (typeof thread === 'string') console.warn(`maoni: ${corrupted(thread).message}: ${id}`);
      else counts.push([id, countThread(thread.data)]);
    }
    return Object.fromEntries(counts);
  }

  /**
   * Delivers the thread's changes: this instance's in a task of their own after the call that
   * made them resolved, other tabs' and instances' as they arrive. The channel (or `storage`
   * listener) is open only while this instance has a subscriber.
   */
  subscribe(threadId: string, onEvent: (event: ThreadEvent) => void): () => void {
    const unsubscribe = this.#subscribers.add(threadId, onEvent, () => {
      if (this.#subscribers.size === 0) this.#link.close();
    });
    this.#link.listen({
      message: (message) => this.#received(message),
      storage: (event) => this.#storageChanged(event),
    });
    return unsubscribe;
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

  #actor(thread: LoadedThread): Actor {
    const own = ownIds(thread);
    const viewer = this.#viewer;
    return {
      owns: (comment) => own.has(comment.id) || (viewer !== null && comment.author.id === viewer.id),
      // Without a signed-in viewer, the browser is the one who reacts: every tab shares its votes.
      reactor: viewer ? `viewer:${viewer.id}` : 'browser',
      now: this.#now().getTime(),
      editWindowMs: this.#editWindowMs,
    };
  }

  #present(thread: LoadedThread, comment: Comment): Comment {
    const actor = this.#actor(thread);
    return present(comment, thread.data, new ThreadIndex(thread.data.comments, actor), actor);
  }

  /** Writes the thread, then tells this instance's subscribers and every other tab. */
  #save(threadId: string, thread: LoadedThread, changes: readonly Change[]): void {
    this.#write(threadId, thread);
    if (changes.length === 0) return;
    const actor = this.#actor(thread);
    const index = new ThreadIndex(thread.data.comments, actor);
    this.#subscribers.deliverLater(
      threadId,
      changes.map(({ type, comment }) => ({ type, comment: present(comment, thread.data, index, actor) }))
    );
    for (const { type, comment } of changes) {
      this.#link.send({ version: 1, type, threadId, comment: present(comment, thread.data, index, nobody) });
    }
  }

  /** A change from another tab or instance: add what this browser may do with the comment. */
  #received(message: TabMessage): void {
    const { type, threadId, comment } = message;
    if (!this.#subscribers.has(threadId)) return;
    const thread = this.#tryRead(threadId);
    if (thread) {
      const actor = this.#actor(thread);
      const mine = thread.data.reactions.get(comment.id)?.get(actor.reactor);
      comment.viewerReactions = mine ? [mine] : [];
      comment.can = { edit: canEdit(comment, actor), delete: canDelete(comment, actor) };
    }
    this.#subscribers.deliver(threadId, [{ type, comment }]);
  }

  /** Without BroadcastChannel: another tab wrote a thread; work out what changed. */
  #storageChanged(event: StorageEvent): void {
    const prefix = `${this.#prefix}thread:`;
    if (!event.key?.startsWith(prefix) || event.newValue === null) return;
    const threadId = event.key.slice(prefix.length);
    if (!this.#subscribers.has(threadId) || event.storageArea !== this.#tryStorage()) return;
    const after = parseThread(event.newValue);
    if (typeof after === 'string') return;
    const before = event.oldValue === null ? this.#seeded(threadId) : parseThread(event.oldValue);
    const previous = typeof before === 'string' ? seededThread([]) : before;
    const actor = this.#actor(after);
    const index = new ThreadIndex(after.data.comments, actor);
    this.#subscribers.deliver(
      threadId,
      changesBetween(previous.data, after.data).map(({ type, comment }) => ({
        type,
        comment: present(comment, after.data, index, actor),
      }))
    );
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

  #tryStorage(): StorageLike | undefined {
    try {
      return this.#resolveStorage();
    } catch {
      return undefined;
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

  /** The thread when it can be read at all, else undefined (for best-effort event details). */
  #tryRead(threadId: string): LoadedThread | undefined {
    try {
      const thread = this.#read(threadId);
      return typeof thread === 'string' ? undefined : thread;
    } catch {
      return undefined;
    }
  }

  #load(threadId: string): LoadedThread {
    const thread = this.#read(threadId);
    if (typeof thread === 'string') throw corrupted(thread);
    return thread;
  }

  #seeded(threadId: string): LoadedThread {
    return seededThread(Object.hasOwn(this.#seed, threadId) ? (this.#seed[threadId] ?? []) : []);
  }

  #write(threadId: string, thread: LoadedThread): void {
    const storage = this.#resolveStorage();
    try {
      storage.setItem(this.#key(threadId), JSON.stringify(storedThread(thread)));
    } catch (cause) {
      if (isQuotaError(cause)) {
        throw new AdapterError('unknown', 'Browser storage is full: the change was not saved', {
          cause,
        });
      }
      throw unavailable(cause);
    }
  }
}
