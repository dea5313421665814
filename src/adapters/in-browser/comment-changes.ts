/**
 * Edit, delete and react for the in-page adapters, with the reference server's rules. Each
 * function checks first and changes `data` in place only when everything passed, so a caller that
 * fails to save can simply drop the data it loaded.
 */
import { AdapterError, type Comment, type ThreadEvent } from '../adapter.js';
import { checkBody } from './comment-store.js';
import { canDelete, canEdit, reactionCounts } from './comment-listing.js';
import { scoreOf } from './comment-order.js';
import { reactionIds, ThreadIndex, type Actor, type ThreadData } from './thread-data.js';

/** A change to report: the stored comment (not yet presented to anyone). */
export interface Change {
  type: ThreadEvent['type'];
  comment: Comment;
  /**
   * The status before a moderator changed it: who hears what then depends on who saw it before
   * and sees it now (see `eventFor` in comment-moderation.ts).
   */
  statusBefore?: Comment['status'];
}

/** The stored comment, unless it is missing or a deleted comment nobody sees any more. */
function target(data: ThreadData, commentId: string, actor: Actor): { comment: Comment; index: ThreadIndex } {
  const index = new ThreadIndex(data.comments, actor);
  const comment = index.byId.get(commentId);
  if (!comment || !index.isVisible(commentId)) {
    throw new AdapterError('not_found', `No comment ${String(commentId)} in this thread`);
  }
  return { comment, index };
}

/** Replaces the body of the actor's own comment inside the edit window; sets `editedAt`. */
export function editComment(data: ThreadData, commentId: string, body: unknown, actor: Actor): Change {
  const { comment } = target(data, commentId, actor);
  if (!canEdit(comment, actor)) {
    throw new AdapterError('forbidden', 'Only the author may edit a comment, and only for a while after posting it');
  }
  checkBody(body);
  comment.body = body;
  comment.editedAt = new Date(actor.now).toISOString();
  return { type: 'edited', comment };
}

/**
 * Deletes the actor's own comment: it becomes a tombstone (status `deleted`, empty body, empty
 * author), listed while it has visible replies and gone otherwise. Deleting it again changes
 * nothing and returns the tombstone (a retried delete succeeds). The changes are the comment and
 * every deleted ancestor this delete left without visible replies (they disappear too).
 */
export function deleteComment(data: ThreadData, commentId: string, actor: Actor): { comment: Comment; changes: Change[] } {
  const before = new ThreadIndex(data.comments, actor);
  const comment = before.byId.get(commentId);
  if (!comment || (comment.status !== 'deleted' && !before.isVisible(commentId))) {
    throw new AdapterError('not_found', `No comment ${String(commentId)} in this thread`);
  }
  if (!actor.owns(comment)) throw new AdapterError('forbidden', 'Only the author may delete a comment');
  if (!canDelete(comment, actor)) return { comment, changes: [] };
  comment.status = 'deleted';
  comment.body = '';
  comment.author = { name: '' };
  const after = new ThreadIndex(data.comments, actor);
  const changes: Change[] = [{ type: 'deleted', comment }];
  let parent = comment.parentId === null ? undefined : before.byId.get(comment.parentId);
  while (parent && parent.status === 'deleted' && before.isVisible(parent.id) && !after.isVisible(parent.id)) {
    changes.push({ type: 'deleted', comment: parent });
    parent = parent.parentId === null ? undefined : before.byId.get(parent.parentId);
  }
  return { comment, changes };
}

/**
 * Adds (`active`) or takes back the actor's reaction. An actor holds at most one reaction per
 * comment: adding `up` takes back `down`. Adding one already given, or taking back one not
 * given, changes nothing. Updates the counts and the score (`up` +1, `down` −1).
 */
export function reactTo(data: ThreadData, commentId: string, reaction: string, active: boolean, actor: Actor): Comment {
  if (!reactionIds.includes(reaction)) throw new AdapterError('validation', `Unknown reaction: ${String(reaction)}`);
  const { comment } = target(data, commentId, actor);
  if (comment.status === 'deleted') throw new AdapterError('forbidden', 'A deleted comment takes no reactions');
  const given = data.reactions.get(commentId) ?? new Map<string, string>();
  const previous = given.get(actor.reactor);
  const next = active ? reaction : previous === reaction ? undefined : previous;
  if (next === previous) return comment;

  const counts = reactionCounts(comment);
  let score = scoreOf(comment);
  const weight = (id: string | undefined) => (id === 'up' ? 1 : id === 'down' ? -1 : 0);
  if (previous) counts[previous] = Math.max(0, counts[previous] - 1);
  if (next) counts[next] += 1;
  score += weight(next) - weight(previous);
  comment.reactions = counts;
  comment.score = score;
  if (next) given.set(actor.reactor, next);
  else given.delete(actor.reactor);
  if (given.size > 0) data.reactions.set(commentId, given);
  else data.reactions.delete(commentId);
  return comment;
}

/**
 * The changes that turned `before` into `after` (two stored states of one thread), for a tab that
 * only sees the new stored value: new visible comments are `created`, changed bodies `edited`,
 * newly deleted comments and tombstones left without replies `deleted`.
 */
export function changesBetween(before: ThreadData, after: ThreadData): Change[] {
  const old = new ThreadIndex(before.comments);
  const now = new ThreadIndex(after.comments);
  const changes: Change[] = [];
  for (const comment of now.byId.values()) {
    const previous = old.byId.get(comment.id);
    if (!previous) {
      if (now.isVisible(comment.id) && comment.status !== 'deleted') changes.push({ type: 'created', comment });
    } else if (comment.status === 'deleted') {
      const vanished = old.isVisible(comment.id) && !now.isVisible(comment.id);
      if (previous.status !== 'deleted' || vanished) changes.push({ type: 'deleted', comment });
    } else if (previous.body !== comment.body || previous.editedAt !== comment.editedAt) {
      changes.push({ type: 'edited', comment });
    }
  }
  return changes;
}
