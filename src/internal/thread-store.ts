/**
 * Loads one thread's comments through the adapter and holds them as a tree. A ReactiveController,
 * so the element re-renders when its state changes. Each load aborts the previous one, and a
 * response that arrives after a newer load started is dropped: a slow answer for an old thread id
 * never overwrites the current thread.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdapterError, isAbort, type Comment, type CommentAdapter } from '../adapters/adapter.js';
import { normalizeComment, normalizeComments } from './normalize.js';
import { buildTree, type CommentTree } from './tree.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadRequest {
  adapter: CommentAdapter;
  threadId: string;
  pageSize: number;
  sort?: string;
}

// A runaway adapter that always returns a next cursor must not keep the widget loading forever.
const maxPages = 1000;

export class ThreadStore implements ReactiveController {
  status: LoadStatus = 'idle';
  error: AdapterError | null = null;
  comments: Comment[] = [];
  tree: CommentTree = buildTree([]);
  /** The thread's size as the adapter reports it, when larger than what is loaded. */
  total = 0;

  private readonly host: ReactiveControllerHost;
  private controller?: AbortController;
  private generation = 0;

  constructor(host: ReactiveControllerHost) {
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
    if (this.status === 'loading') this.status = 'idle';
  }

  /** The comment count to show: what the adapter reports, never less than what is shown. */
  get count(): number {
    return Math.max(this.total, this.tree.size);
  }

  /**
   * Loads every page of the thread. Resolves `true` when this load's result was applied, `false`
   * when it failed, was aborted or was overtaken by a newer load.
   */
  async load(request: LoadRequest): Promise<boolean> {
    this.cancel();
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    this.error = null;
    this.host.requestUpdate();
    try {
      const loaded: Comment[] = [];
      let cursor: string | null = null;
      let total = 0;
      for (let page = 0; page < maxPages; page++) {
        // A custom adapter may return a non-promise or throw synchronously: both are handled here.
        const result: unknown = await request.adapter.list(request.threadId, {
          parentId: null, cursor, limit: request.pageSize, sort: request.sort, signal: controller.signal,
        });
        if (generation !== this.generation) return false;
        if (!result || typeof result !== 'object') throw new AdapterError('unknown', 'list() returned no result');
        const { comments, nextCursor, total: reported } = result as { comments?: unknown; nextCursor?: unknown; total?: unknown };
        loaded.push(...normalizeComments(comments));
        if (typeof reported === 'number' && Number.isFinite(reported)) total = reported;
        if (typeof nextCursor !== 'string' || !nextCursor || nextCursor === cursor) break;
        cursor = nextCursor;
      }
      this.comments = loaded;
      this.tree = buildTree(loaded);
      this.total = total;
      this.status = 'ready';
      return true;
    } catch (error) {
      if (generation !== this.generation || isAbort(error)) return false;
      this.error = AdapterError.from(error);
      this.status = 'error';
      return false;
    } finally {
      if (generation === this.generation) {
        this.controller = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Adds a comment the adapter just created, without reloading the thread. */
  insert(raw: unknown): Comment | null {
    const comment = normalizeComment(raw);
    if (!comment) return null;
    // An idempotent replay returns a comment that is already shown: keep one.
    if (this.tree.byId.has(comment.id)) return this.tree.byId.get(comment.id)!.comment;
    this.comments = [...this.comments, comment];
    this.tree = buildTree(this.comments);
    if (this.total) this.total++;
    this.host.requestUpdate();
    return comment;
  }
}
