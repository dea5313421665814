import {
  AdapterError,
  type CallOptions,
  type Comment,
  type CommentAdapter,
  type CommentSort,
  type EditInput,
  type ListOptions,
  type ModerationAction,
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
import { sleep, throwIfAborted } from '../core/abort.js';
import { deleteComment, editComment, reactTo } from './in-browser/comment-changes.js';
import { eventFor, moderateComment } from './in-browser/comment-moderation.js';
import { countThread, listLevel, present, tombstone } from './in-browser/comment-listing.js';
import { sorts } from './in-browser/comment-order.js';
import { MemoryBackend } from './in-browser/memory-backend.js';
import { defaultEditWindowMs, reactionIds, sees, ThreadIndex, type Actor, type ThreadData } from './in-browser/thread-data.js';
import { checkIdempotencyKey } from '../core/idempotency.js';

/**
 * A simulated failure: `true` fails with `AdapterError('network')`, an AdapterError fails with
 * exactly that error, `false` does not fail.
 */
export type SimulatedFailure = AdapterError | boolean;

/** The calls of {@link MemoryAdapter} that go through the simulated network. */
export type MemoryOperation = 'list' | 'post' | 'edit' | 'delete' | 'react' | 'count' | 'moderate';

/** Options of {@link MemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Initial comments per thread id. Copied: later changes to these objects have no effect. */
  comments?: Record<string, Comment[]>;
  /** Artificial delay of every call but `viewer`, in milliseconds. Default 0. */
  latency?: number;
  /** Make every `list` fail (see {@link SimulatedFailure}). */
  failList?: SimulatedFailure;
  /** Make every `post` fail (see {@link SimulatedFailure}). */
  failPost?: SimulatedFailure;
  /** The signed-in identity; `null` (default) makes the form ask for a name. */
  viewer?: Viewer | null;
  /** Clock for `createdAt`, `editedAt` and the edit window. Default: the real time. */
  now?: () => Date;
  /** How long after posting the author may edit, in milliseconds. Default 15 minutes. */
  editWindowMs?: number;
  /**
   * Which new comments the backend holds for moderation (`pending`: shown to their author and to
   * moderators only, until one approves), like a server's first-comment or link rule. A
   * moderator's own comments are never held. Default: none.
   */
  hold?: (input: NewComment) => boolean;
}

/**
 * A backend that keeps comments in this object, for tests and demos. Nothing persists. It
 * implements the whole adapter contract with the reference server's semantics: per-level paging
 * with inline replies, sorts, up/down reactions, edit and delete of one's own comments, counts,
 * and `subscribe`.
 *
 * Ownership: a comment is the caller's when it was posted through this instance, or when a viewer
 * is set and the comment's `author.id` is the viewer's id. {@link MemoryAdapter.connect} makes
 * another client of the same comments (a second browser), with its own viewer and ownership.
 *
 * Moderation: a viewer whose `role` is `moderator` or `owner` sees held comments (`pending`,
 * `spam`) and may `moderate` any comment; readers see published comments and their own pending
 * ones. `hold` decides which new comments wait for approval.
 *
 * Failures can be switched at runtime: set `failList` / `failPost` (persistent until set back to
 * `false`), or queue one-shot failures with {@link MemoryAdapter.failNext}. A simulated failure
 * happens after the artificial latency, like a network error would, and a failed call changes
 * nothing. `latency` is a public field too.
 *
 * Idempotency keys are remembered per backend (across threads): a post with a key already used
 * returns the comment that key created, whatever its input.
 */
export class MemoryAdapter implements CommentAdapter {
  readonly sorts: readonly CommentSort[] = sorts;
  readonly reactions: readonly string[] = reactionIds;

  /** Artificial delay per call, in milliseconds. */
  latency: number;
  /** Persistent failure of `list`; see {@link SimulatedFailure}. */
  failList: SimulatedFailure;
  /** Persistent failure of `post`; see {@link SimulatedFailure}. */
  failPost: SimulatedFailure;

  #backend: MemoryBackend;
  /** Ids of the comments posted through this instance. */
  readonly #own = new Set<string>();
  /** Who reacts when nobody is signed in: this instance. */
  readonly #client = `client:${newCommentId()}`;
  readonly #queued = new Map<MemoryOperation, AdapterError[]>();
  #viewer: Viewer | null;
  readonly #now: () => Date;
  readonly #editWindowMs: number;
  readonly #hold: (input: NewComment) => boolean;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#backend = new MemoryBackend(options.comments);
    this.latency = options.latency ?? 0;
    this.failList = options.failList ?? false;
    this.failPost = options.failPost ?? false;
    this.#viewer = options.viewer ? { ...options.viewer } : null;
    this.#now = options.now ?? (() => new Date());
    this.#editWindowMs = options.editWindowMs ?? defaultEditWindowMs;
    this.#hold = options.hold ?? (() => false);
  }

  /**
   * Another client of the same comments, like a second browser on one server: it lists, posts
   * and subscribes to the same threads, with its own viewer, ownership, latency and failures, and
   * this backend's `hold` unless it names its own.
   */
  connect(options: Omit<MemoryAdapterOptions, 'comments'> = {}): MemoryAdapter {
    const client = new MemoryAdapter({ hold: this.#hold, ...options });
    client.#backend = this.#backend;
    return client;
  }

  /**
   * Make only the next call of `operation` fail, with `error` (default `AdapterError('network')`).
   * Calls queue up: `failNext('post'); failNext('post')` fails the next two posts.
   */
  failNext(operation: MemoryOperation, error: AdapterError = new AdapterError('network')): void {
    const queue = this.#queued.get(operation) ?? [];
    queue.push(error);
    this.#queued.set(operation, queue);
  }

  /** Sign in (a Viewer) or out (`null`), e.g. for a demo's toggle. Affects later calls only. */
  setViewer(viewer: Viewer | null): void {
    this.#viewer = viewer ? { ...viewer } : null;
  }

  async list(threadId: string, options: ListOptions = {}): Promise<ListResult> {
    await this.#roundTrip('list', options.signal);
    return listLevel(this.#backend.read(threadId), options, this.#actor());
  }

  async post(threadId: string, input: NewComment, options: PostOptions): Promise<Comment> {
    await this.#roundTrip('post', options?.signal);
    // Everything from here on is synchronous, so two concurrent posts with one key cannot both
    // miss the key: the first to get here stores the comment before the other looks.
    const key = options?.idempotencyKey;
    checkIdempotencyKey(key);
    const earlier = this.#backend.byKey(key);
    if (earlier) return this.#present(earlier.comment, earlier.data);

    validateNewComment(this.#backend.read(threadId).comments, input, this.#viewer);
    const held = !this.#actor().moderator && this.#hold(input);
    const comment = buildComment(input, this.#viewer, newCommentId(), this.#now(), held);
    const data = this.#backend.write(threadId);
    data.comments.push(comment);
    this.#own.add(comment.id);
    this.#backend.remember(key, threadId, comment.id);
    this.#backend.emit(threadId, [{ type: 'created', comment }]);
    return this.#present(comment, data);
  }

  async edit(threadId: string, commentId: string, input: EditInput, options: CallOptions = {}): Promise<Comment> {
    await this.#roundTrip('edit', options.signal);
    const data = this.#backend.read(threadId);
    const change = editComment(data, commentId, input?.body, this.#actor());
    this.#backend.emit(threadId, [change]);
    return this.#present(change.comment, data);
  }

  async delete(threadId: string, commentId: string, options: CallOptions = {}): Promise<Comment> {
    await this.#roundTrip('delete', options.signal);
    const data = this.#backend.read(threadId);
    const { comment, changes } = deleteComment(data, commentId, this.#actor());
    this.#backend.emit(threadId, changes);
    return this.#present(comment, data);
  }

  async react(threadId: string, commentId: string, reaction: string, options: ReactOptions): Promise<Comment> {
    await this.#roundTrip('react', options?.signal);
    const data = this.#backend.read(threadId);
    const comment = reactTo(data, commentId, reaction, Boolean(options?.active), this.#actor());
    return this.#present(comment, data);
  }

  /** Approve, mark as spam, delete or restore any comment of the thread: for a moderator or owner viewer. */
  async moderate(threadId: string, commentId: string, action: ModerationAction, options: CallOptions = {}): Promise<Comment> {
    await this.#roundTrip('moderate', options.signal);
    const data = this.#backend.read(threadId);
    const change = moderateComment(data, commentId, action, this.#actor());
    this.#backend.emit(threadId, [change]);
    return this.#present(change.comment, data);
  }

  async viewer(): Promise<Viewer | null> {
    return this.#viewer ? { ...this.#viewer } : null;
  }

  /** Visible comments per thread (tombstones not counted), 0 for unknown threads. */
  async count(threadIds: string[], options: CallOptions = {}): Promise<Record<string, number>> {
    await this.#roundTrip('count', options.signal);
    // fromEntries defines own properties, so a thread called "__proto__" is counted, not lost.
    return Object.fromEntries(threadIds.map((id) => [id, countThread(this.#backend.read(id))]));
  }

  /**
   * Delivers every change to the thread made through any client of this backend (this one
   * included), each in a task of its own after the call that made it has resolved.
   */
  subscribe(threadId: string, onEvent: (event: ThreadEvent) => void): () => void {
    let active = true;
    const stop = this.#backend.listen(threadId, (changes, data) => {
      // Presented now, as this client sees the comment at the moment of the change.
      const actor = this.#actor();
      const index = new ThreadIndex(data.comments, actor);
      const events: ThreadEvent[] = [];
      for (const change of changes) {
        const type = eventFor(change, actor);
        if (!type) continue;
        const comment = present(change.comment, data, index, actor);
        // Gone from this client's view (spam, held): it hears of a tombstone, never the text.
        events.push({ type, comment: type === 'deleted' && !sees(change.comment, actor) ? tombstone(comment) : comment });
      }
      setTimeout(() => {
        for (const event of events) if (active) onEvent(event);
      });
    });
    return () => {
      active = false;
      stop();
    };
  }

  #actor(): Actor {
    const viewer = this.#viewer;
    return {
      owns: (comment) => this.#own.has(comment.id) || (viewer !== null && comment.author.id === viewer.id),
      reactor: viewer ? `viewer:${viewer.id}` : this.#client,
      now: this.#now().getTime(),
      editWindowMs: this.#editWindowMs,
      moderator: viewer?.role === 'moderator' || viewer?.role === 'owner',
    };
  }

  #present(comment: Comment, data: ThreadData): Comment {
    const actor = this.#actor();
    return present(comment, data, new ThreadIndex(data.comments, actor), actor);
  }

  /** The simulated network: latency (abortable), then the configured failure, if any. */
  async #roundTrip(operation: MemoryOperation, signal?: AbortSignal): Promise<void> {
    await sleep(this.latency, signal);
    // An abort that lands in the same tick as the timer must still win.
    throwIfAborted(signal);
    const queued = this.#queued.get(operation)?.shift();
    if (queued) throw queued;
    const failure = operation === 'list' ? this.failList : operation === 'post' ? this.failPost : false;
    if (failure instanceof AdapterError) throw failure;
    if (failure) throw new AdapterError('network', `Simulated ${operation} failure`);
  }
}
