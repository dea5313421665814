/**
 * A small scripted adapter that follows the v1 contract to the letter: top-level pages with
 * inline replies (the first `inline` direct replies of each listed comment), `replyCount`, and
 * per-parent reply pages. Independent of the shipped adapters, so UI tests test the UI.
 */
import type { Comment, CommentAdapter, ListOptions, ListResult, NewComment, ThreadEvent } from '../../src/adapters/adapter.js';

export interface PagedAdapter extends CommentAdapter {
  comments: Comment[];
  lists: ListOptions[];
  emit(event: ThreadEvent): void;
}

export function pagedAdapter(comments: Comment[], options: { inline?: number; capabilities?: boolean } = {}): PagedAdapter {
  const inline = options.inline ?? 0;
  const listeners = new Set<(event: ThreadEvent) => void>();
  const children = (id: string | null) => adapter.comments.filter((comment) => comment.parentId === id);
  const withCount = (comment: Comment): Comment => ({ ...comment, replyCount: children(comment.id).length });
  const adapter: PagedAdapter = {
    comments: [...comments],
    lists: [],
    async list(_thread: string, opts: ListOptions): Promise<ListResult> {
      adapter.lists.push(opts);
      const level = children(opts.parentId ?? null);
      const sorted = opts.sort === 'newest' ? [...level].reverse() : level;
      const start = Number(opts.cursor ?? 0);
      const end = start + (opts.limit ?? 100);
      const page = sorted.slice(start, end);
      const extra = inline ? page.flatMap((comment) => children(comment.id).slice(0, inline)) : [];
      return {
        comments: [...page, ...extra].map(withCount),
        nextCursor: end < sorted.length ? String(end) : null,
        total: adapter.comments.length,
      };
    },
    async post(_thread: string, input: NewComment): Promise<Comment> {
      const comment: Comment = {
        id: `new-${adapter.comments.length + 1}`, parentId: input.parentId, body: input.body,
        author: { name: input.author?.name ?? 'Me' }, createdAt: new Date().toISOString(), can: { edit: true, delete: true },
      };
      adapter.comments.push(comment);
      return withCount(comment);
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
  };
  if (options.capabilities) {
    Object.assign(adapter, {
      sorts: ['oldest', 'newest'],
      reactions: ['up', 'down'],
      subscribe(_thread: string, onEvent: (event: ThreadEvent) => void) {
        listeners.add(onEvent);
        return () => listeners.delete(onEvent);
      },
      async edit(_thread: string, id: string, input: { body: string }) {
        const index = adapter.comments.findIndex((comment) => comment.id === id);
        adapter.comments[index] = { ...adapter.comments[index], body: input.body, editedAt: new Date().toISOString() };
        return withCount(adapter.comments[index]);
      },
      async delete(_thread: string, id: string) {
        const index = adapter.comments.findIndex((comment) => comment.id === id);
        adapter.comments[index] = { ...adapter.comments[index], status: 'deleted', body: '', author: { name: '' }, can: {} };
        return withCount(adapter.comments[index]);
      },
      async react(_thread: string, id: string, reaction: string, opts: { active: boolean }) {
        const index = adapter.comments.findIndex((comment) => comment.id === id);
        const current = adapter.comments[index];
        const counts = { up: 0, down: 0, ...current.reactions };
        counts[reaction as 'up' | 'down'] += opts.active ? 1 : -1;
        adapter.comments[index] = {
          ...current, reactions: counts, score: counts.up - counts.down,
          viewerReactions: opts.active ? [reaction] : [],
        };
        return withCount(adapter.comments[index]);
      },
    });
  }
  return adapter;
}

/** `count` top-level comments c1…cN, a day apart, plus replies given as [parentId, count]. */
export function manyComments(count: number, replies: Array<[string, number]> = []): Comment[] {
  const comments: Comment[] = [];
  for (let i = 1; i <= count; i++) {
    comments.push({ id: `c${i}`, parentId: null, author: { name: `Author ${i}` }, body: `Comment ${i}`, createdAt: new Date(Date.UTC(2024, 0, i)).toISOString(), can: { edit: true, delete: true } });
  }
  for (const [parentId, n] of replies) {
    for (let i = 1; i <= n; i++) {
      comments.push({ id: `${parentId}-r${i}`, parentId, author: { name: `Replier ${i}` }, body: `Reply ${i} to ${parentId}`, createdAt: new Date(Date.UTC(2024, 1, i)).toISOString() });
    }
  }
  return comments;
}
