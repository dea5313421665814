/**
 * Listing for the in-page adapters, with the reference server's semantics: one level per call
 * (top level or one comment's direct replies), keyset-paged, with up to {@link inlineReplies}
 * direct replies of each listed comment appended (recursively), and every comment decorated for
 * the caller (`replyCount`, `reactions`, `score`, `viewerReactions`, `can`).
 */
import { AdapterError, type Comment, type ListOptions, type ListResult } from '../adapter.js';
import { copyComment } from './comment-store.js';
import { afterCursor, countOf, cursorAfter, scoreOf, sortComments } from './comment-order.js';
import { reactionIds, ThreadIndex, type Actor, type ThreadData } from './thread-data.js';

/** Direct replies appended per listed comment (oldest first), like the server's `replies=3`. */
export const inlineReplies = 3;
/** How many levels below a listed comment inline replies reach. */
export const inlineDepth = 10;

/** Whether `actor` may edit `comment` now: its author, not deleted, inside the edit window. */
export function canEdit(comment: Comment, actor: Actor): boolean {
  if (comment.status === 'deleted' || !actor.owns(comment)) return false;
  const created = Date.parse(comment.createdAt);
  return !Number.isNaN(created) && actor.now - created <= actor.editWindowMs;
}

/** Whether `actor` may delete `comment`: its author, not yet deleted. */
export function canDelete(comment: Comment, actor: Actor): boolean {
  return comment.status !== 'deleted' && actor.owns(comment);
}

/** Counts per reaction id: the stored ones (numbers only), with every supported id present. */
export function reactionCounts(comment: Comment): Record<string, number> {
  // fromEntries defines own properties: a stored id such as "__proto__" cannot reach the prototype.
  const counts: Record<string, number> = Object.fromEntries(
    Object.entries(comment.reactions ?? {}).filter(([, count]) => typeof count === 'number' && Number.isFinite(count))
  );
  for (const id of reactionIds) counts[id] = countOf(counts[id]);
  return counts;
}

/** What a reader is shown of a comment taken away: its place in the thread, no text, no author. */
export function tombstone(comment: Comment): Comment {
  return { ...comment, status: 'deleted', body: '', author: { name: '' } };
}

/** A copy of a stored comment as `actor` sees it. */
export function present(comment: Comment, data: ThreadData, index: ThreadIndex, actor: Actor): Comment {
  // A moderator's delete keeps the text (so restore brings it back); nobody reads a tombstone's.
  const copy = comment.status === 'deleted' ? tombstone(copyComment(comment)) : copyComment(comment);
  copy.replyCount = index.replies(comment.id).length;
  copy.reactions = reactionCounts(comment);
  copy.score = scoreOf(comment);
  const mine = data.reactions.get(comment.id)?.get(actor.reactor);
  copy.viewerReactions = mine ? [mine] : [];
  copy.can = { edit: canEdit(comment, actor), delete: canDelete(comment, actor) };
  return copy;
}

/** Descendants of `comment` to append inline: depth first, each level oldest first. */
function inline(index: ThreadIndex, comment: Comment, depth: number, into: Comment[]): void {
  if (depth > inlineDepth) return;
  for (const reply of sortComments(index.replies(comment.id), 'oldest').slice(0, inlineReplies)) {
    into.push(reply);
    inline(index, reply, depth + 1, into);
  }
}

/**
 * One page of one level of a thread. Throws `validation` for a bad limit or cursor and
 * `not_found` for a `parentId` that is not a comment of this thread.
 */
export function listLevel(data: ThreadData, options: ListOptions, actor: Actor): ListResult {
  const { limit, sort } = options;
  if (limit !== undefined && limit !== null && !(limit >= 1)) {
    // A limit below 1 would return empty pages with a cursor that never advances.
    throw new AdapterError('validation', `Invalid limit: ${String(limit)}`);
  }
  const parentId = options.parentId ?? null;
  const index = new ThreadIndex(data.comments, actor);
  if (parentId !== null && !index.byId.has(parentId)) {
    throw new AdapterError('not_found', `No comment ${String(parentId)} in this thread`);
  }
  const after = afterCursor(sort, options.cursor);
  const rest = sortComments(index.replies(parentId), sort).filter(after);
  const size = limit === undefined || limit === null ? rest.length : Math.floor(limit);
  const page = rest.slice(0, size);
  const replies: Comment[] = [];
  for (const comment of page) inline(index, comment, 1, replies);
  return {
    comments: [...page, ...replies].map((comment) => present(comment, data, index, actor)),
    nextCursor: rest.length > size ? cursorAfter(sort, page[page.length - 1]) : null,
    total: index.visibleCount,
  };
}

/** The count badge number: visible comments that are not tombstones, all levels. */
export function countThread(data: ThreadData): number {
  return new ThreadIndex(data.comments).liveCount;
}
