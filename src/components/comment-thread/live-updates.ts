/**
 * Realtime changes from `adapter.subscribe`: edits and deletions apply in place at once; new
 * comments wait in a queue until the reader asks to see them ("3 new comments — show"), so the
 * list never moves under someone who is reading it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentAdapter, ThreadEvent } from '../../adapters/adapter.js';
import type { Comment } from '../../adapters/adapter.js';
import { updateComment } from './comment-update.js';
import { listModule } from '../shared/list-loader.js';
import type { ThreadStore } from './thread-store.js';

export class LiveUpdates implements ReactiveController {
  /** New comments from others, not shown yet. */
  waiting: Comment[] = [];
  private readonly host: ReactiveControllerHost;
  private readonly store: ThreadStore;
  private stop?: () => void;
  private key?: { adapter: CommentAdapter; threadId: string };

  /** Told how many new comments wait, each time one more arrives (for the live region). */
  private readonly onNews?: (count: number) => void;

  constructor(host: ReactiveControllerHost, store: ThreadStore, onNews?: (count: number) => void) {
    this.host = host;
    this.store = store;
    this.onNews = onNews;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.unsubscribe();
  }

  /** Follows `threadId` on `adapter` (once per pair); anything else stops following. */
  follow(adapter: CommentAdapter | undefined, threadId: string): void {
    if (this.key?.adapter === adapter && this.key?.threadId === threadId && this.stop) return;
    this.unsubscribe();
    if (!adapter?.subscribe) return;
    this.key = { adapter, threadId };
    try {
      this.stop = adapter.subscribe(threadId, (event) => this.onEvent(threadId, event));
    } catch (error) {
      // Realtime is an extra: the thread works without it.
      console.warn('maoni: subscribe() failed; realtime updates are off for this thread.', error);
    }
  }

  unsubscribe(): void {
    try {
      this.stop?.();
    } catch {
      // A failing unsubscribe must not break disconnecting.
    }
    this.stop = undefined;
    this.key = undefined;
    if (this.waiting.length) {
      this.waiting = [];
      this.host.requestUpdate();
    }
  }

  /** Shows every waiting comment; resolves the ones that were inserted. */
  reveal(): Comment[] {
    const shown = this.waiting.map((comment) => this.store.insert(comment)).filter((c): c is Comment => !!c);
    this.waiting = [];
    this.host.requestUpdate();
    return shown;
  }

  private onEvent(threadId: string, event: ThreadEvent): void {
    if (this.key?.threadId !== threadId || !event || typeof event !== 'object') return;
    const comment = listModule().normalizeComment((event as { comment?: unknown }).comment);
    if (!comment) return;
    if (event.type === 'created') {
      // The reader's own post (already shown) and repeats are not news.
      if (this.store.tree.byId.has(comment.id) || this.waiting.some((waiting) => waiting.id === comment.id)) return;
      // The echo of the reader's post that is still on its way: Safekeeping puts it in place.
      if (listModule().claimEcho(this.store, comment)) return;
      this.waiting = [...this.waiting, comment];
      this.onNews?.(this.waiting.length);
      this.host.requestUpdate();
    } else if (event.type === 'edited' || event.type === 'deleted') {
      const index = this.waiting.findIndex((waiting) => waiting.id === comment.id);
      // Deleted before the reader saw it, without replies: no news any more (and no tombstone to show).
      const gone = comment.status === 'deleted' && !comment.replyCount;
      if (index >= 0) this.waiting = this.waiting.flatMap((waiting, i) => (i !== index ? [waiting] : gone ? [] : [comment]));
      else updateComment(this.store, comment, true);
      this.host.requestUpdate();
    }
  }
}
