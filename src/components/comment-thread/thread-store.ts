/**
 * One thread's comments as the reader has loaded them so far, and the paging state around them.
 * A ReactiveController, so the element re-renders when its state changes.
 *
 * Paging follows the adapter contract: top-level pages (`Load more comments`) and, per comment,
 * pages of direct replies (`Show N more replies`). Comments that arrive more than once (inline
 * replies fetched again, realtime echoes of the reader's own post) are kept once.
 *
 * Each load aborts the previous one, and a response that arrives after a newer load started is
 * dropped: a slow answer for an old thread id never overwrites the current thread.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdapterError, isAbort, type Comment, type CommentAdapter, type ListOptions } from '../../adapters/adapter.js';
import { withDeadline } from '../../core/deadline.js';
import type { LazyModule } from '../../core/lazy-module.js';
import type { addToTree, buildTree, replaceInTree } from '../../core/comment-tree.js';
import type { normalizeComment, normalizeComments } from '../../core/normalize.js';
import { emptyTree, touch as touchNode, type CommentNode, type CommentTree } from '../../core/tree.js';

/**
 * What the store uses of the list chunk: reading adapter data and building the tree. The element
 * hands the chunk's loader in; the store does not import it, since the chunk's modules use the store.
 */
export interface TreeTools {
  normalizeComment: typeof normalizeComment;
  normalizeComments: typeof normalizeComments;
  addToTree: typeof addToTree;
  buildTree: typeof buildTree;
  replaceInTree: typeof replaceInTree;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadRequest {
  adapter: CommentAdapter;
  threadId: string;
  pageSize: number;
  sort?: string;
  /** Longest wait for one page, in ms (≤ 0: no limit); a page that takes longer fails as `network`. */
  timeout?: number;
}

interface Page {
  comments: Comment[];
  nextCursor: string | null;
  total?: number;
}

/** A list() result checked for shape: custom adapters may return anything, or throw synchronously. */
async function fetchPage(tools: LazyModule<TreeTools>, adapter: CommentAdapter, threadId: string, options: ListOptions): Promise<Page> {
  const result: unknown = await adapter.list(threadId, options);
  // Normalization comes with the list chunk, which is on its way since the load began.
  const { normalizeComments } = await tools.load();
  if (!result || typeof result !== 'object') throw new AdapterError('unknown', 'list() returned no result');
  const { comments, nextCursor, total } = result as { comments?: unknown; nextCursor?: unknown; total?: unknown };
  return {
    comments: normalizeComments(comments),
    nextCursor: typeof nextCursor === 'string' && nextCursor ? nextCursor : null,
    total: typeof total === 'number' && Number.isFinite(total) && total >= 0 ? total : undefined,
  };
}

export class ThreadStore implements ReactiveController {
  status: LoadStatus = 'idle';
  error: AdapterError | null = null;
  tree: CommentTree = emptyTree();
  /** The thread's size as the adapter reports it. */
  total = 0;
  /** Cursor of the next top-level page; `null` when everything is loaded. */
  nextCursor: string | null = null;
  /** A "Load more comments" request is running. */
  loadingMore = false;
  /** The last "load more" (top level or replies) failed; the loaded comments stay. */
  moreError: AdapterError | null = null;

  private comments: Comment[] = [];
  private readonly replyCursors = new Map<string, string | null>();
  private readonly loadingReplies = new Set<string>();
  private readonly host: ReactiveControllerHost;
  private controller?: AbortController;
  private request?: LoadRequest;
  private generation = 0;

  /**
   * `changedIn` asks the host for an update after only `touch`ed comments changed, so the list
   * renders just those (and their ancestors' lists). Without it, every change is a plain update.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly tools: LazyModule<TreeTools>,
    private readonly changedIn?: () => void
  ) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Stops the running load, if any; its result will be ignored. */
  cancel(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.loadingMore = false;
    this.loadingReplies.clear();
    if (this.status === 'loading') this.status = 'idle';
  }

  /** The comment count to show: what the adapter reports, never less than what is shown. */
  get count(): number {
    return Math.max(this.total, this.tree.size);
  }

  /** How many replies of `node` exist but are not loaded yet (0 when unknown or none). */
  missingReplies(node: CommentNode): number {
    if (this.replyCursors.get(node.comment.id) === null) return 0;
    return Math.max(0, (node.comment.replyCount ?? 0) - node.children.length);
  }

  isLoadingReplies(id: string): boolean {
    return this.loadingReplies.has(id);
  }

  /** Loads the first top-level page. Resolves `true` when its result was applied. */
  async load(request: LoadRequest): Promise<boolean> {
    this.cancel();
    this.request = request;
    this.controller = new AbortController();
    this.status = 'loading';
    this.error = null;
    this.moreError = null;
    this.host.requestUpdate();
    const applied = await this.run(
      (signal) => fetchPage(this.tools, request.adapter, request.threadId, {
        parentId: null, cursor: null, limit: request.pageSize, sort: request.sort, signal,
      }),
      (page) => {
        this.comments = [];
        this.replyCursors.clear();
        this.merge(page.comments);
        this.nextCursor = page.nextCursor;
        this.total = page.total ?? 0;
        this.status = 'ready';
      }
    );
    if (applied) this.host.requestUpdate();
    return applied;
  }

  /** Appends the next top-level page; on failure the loaded comments stay and `moreError` is set. */
  async loadMore(): Promise<void> {
    const request = this.request;
    if (!request || this.nextCursor === null || this.loadingMore || this.status !== 'ready') return;
    this.loadingMore = true;
    this.moreError = null;
    this.host.requestUpdate();
    const cursor = this.nextCursor;
    await this.run(
      (signal) => fetchPage(this.tools, request.adapter, request.threadId, {
        parentId: null, cursor, limit: request.pageSize, sort: request.sort, signal,
      }),
      (page) => {
        // A cursor that does not move would loop forever: treat it as the end.
        this.nextCursor = page.nextCursor === cursor ? null : page.nextCursor;
        if (page.total !== undefined) this.total = page.total;
        this.merge(page.comments);
      },
      true
    );
    this.loadingMore = false;
    this.host.requestUpdate();
  }

  /** Loads the next page of `parentId`'s direct replies (always oldest first, as conversations read). */
  async loadReplies(parentId: string): Promise<void> {
    const request = this.request;
    if (!request || this.loadingReplies.has(parentId) || this.replyCursors.get(parentId) === null) return;
    this.loadingReplies.add(parentId);
    this.moreError = null;
    this.host.requestUpdate();
    const cursor = this.replyCursors.get(parentId) ?? null;
    await this.run(
      (signal) => fetchPage(this.tools, request.adapter, request.threadId, {
        parentId, cursor, limit: request.pageSize, sort: 'oldest', signal,
      }),
      (page) => {
        this.replyCursors.set(parentId, page.nextCursor === cursor ? null : page.nextCursor);
        this.merge(page.comments);
      },
      true
    );
    this.loadingReplies.delete(parentId);
    this.host.requestUpdate();
  }

  /**
   * Adds a comment the adapter just created, without reloading the thread. Needs the rich text
   * chunk (normalization): the thread awaits the list chunk before it inserts.
   */
  insert(raw: unknown): Comment | null {
    const rich = this.tools.loaded();
    const comment = rich?.normalizeComment(raw);
    if (!rich || !comment) return null;
    // An idempotent replay or a realtime echo returns a comment that is already shown: keep one.
    const existing = this.tree.byId.get(comment.id);
    if (existing) return existing.comment;
    // In place: the tree keeps its numbers and nodes, so only the new comment renders.
    this.comments = [...this.comments, comment];
    rich.addToTree(this.tree, comment);
    this.total = this.total ? this.total + 1 : 0;
    if (comment.parentId !== null) {
      const parent = this.tree.byId.get(comment.parentId)?.comment;
      // The parent now has one more reply, and it is loaded.
      if (parent && parent.replyCount !== undefined) this.replace(parent.id, { ...parent, replyCount: parent.replyCount + 1 });
    }
    this.touch(comment.id);
    return comment;
  }

  /**
   * Takes a comment out (deleted without replies, or a submission taken back): the mirror of
   * `insert`, so the thread's count and its parent's reply count drop with it (else the parent
   * would offer "Show 1 more reply" for a comment that is gone).
   */
  remove(id: string): void {
    const parentId = this.tree.byId.get(id)?.comment.parentId;
    const parent = parentId != null ? this.tree.byId.get(parentId)?.comment : undefined;
    if (this.total) this.total--;
    if (parent?.replyCount) this.replace(parent.id, { ...parent, replyCount: parent.replyCount - 1 });
    this.replace(id, null);
  }

  /** Puts a newer version of a shown comment in its place, or takes it out (`null`). */
  replace(id: string, comment: Comment | null): void {
    this.comments = comment
      ? this.comments.map((existing) => (existing.id === id ? comment : existing))
      : this.comments.filter((existing) => existing.id !== id);
    // An edit, a new score, a confirmed post: the node takes it (and keeps its element's key).
    if (comment && this.tools.loaded()?.replaceInTree(this.tree, id, comment)) return this.touch(comment.id);
    this.rebuild();
    this.host.requestUpdate();
  }

  /** Renders a comment again (its delivery, say, changed), or the whole list when it is not shown. */
  touch(id: string): void {
    if (!this.changedIn || !this.tree.byId.has(id)) return this.host.requestUpdate();
    touchNode(this.tree, id);
    this.changedIn();
  }

  private merge(incoming: Comment[]): void {
    const known = new Set(this.comments.map((comment) => comment.id));
    const fresh = incoming.filter((comment) => !known.has(comment.id) && (known.add(comment.id), true));
    if (fresh.length) this.comments = [...this.comments, ...fresh];
    this.rebuild();
  }

  /** The tree built anew, each comment keeping its number and its element's key (comment-tree.ts). */
  private rebuild(): void {
    // Comments only come in with the list chunk (it normalizes them), which builds the tree.
    this.tree = this.tools.loaded()?.buildTree(this.comments, this.tree) ?? emptyTree();
  }

  /**
   * Fetches one page under the current load's abort signal and applies it, unless a newer load
   * started meanwhile. Resolves whether it was applied.
   */
  private async run(fetch: (signal: AbortSignal) => Promise<Page>, apply: (page: Page) => void, isMore = false): Promise<boolean> {
    const generation = this.generation;
    const load = this.controller?.signal;
    // Each call has its own controller: its deadline aborts it alone, the load's abort aborts all.
    const call = new AbortController();
    const abort = () => call.abort();
    if (load?.aborted) call.abort();
    else load?.addEventListener('abort', abort, { once: true });
    try {
      const page = await withDeadline(fetch(call.signal), this.request?.timeout ?? 0, call);
      if (generation !== this.generation) return false;
      apply(page);
      return true;
    } catch (error) {
      if (generation !== this.generation || isAbort(error)) return false;
      const failure = AdapterError.from(error);
      if (isMore) this.moreError = failure;
      else {
        this.error = failure;
        this.status = 'error';
        this.host.requestUpdate();
      }
      return false;
    } finally {
      // A load lives for many pages (Load more, replies): each call's listener goes with the call.
      load?.removeEventListener('abort', abort);
    }
  }
}
