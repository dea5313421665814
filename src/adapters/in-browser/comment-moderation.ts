/**
 * Moderation for the in-page adapters, with the reference server's rules: a moderator (or owner)
 * approves, marks as spam, deletes or restores any comment of the thread, whatever its status;
 * a moderator's delete keeps the text, so restore brings it back. Who hears what depends on what
 * each subscriber saw before and sees now: the comment appears (`created`), changes (`edited`)
 * or goes (`deleted`, as a tombstone).
 */
import { AdapterError, type Comment, type ModerationAction, type ThreadEvent } from '../adapter.js';
import type { Change } from './comment-changes.js';
import { sees, type Actor, type ThreadData } from './thread-data.js';

const statusAfter: Record<ModerationAction, NonNullable<Comment['status']>> = {
  approve: 'published',
  restore: 'published',
  spam: 'spam',
  delete: 'deleted',
};

/** Applies `action` to a comment of the thread; throws `forbidden` for a non-moderator. */
export function moderateComment(data: ThreadData, commentId: string, action: ModerationAction, actor: Actor): Change {
  if (!actor.moderator) throw new AdapterError('forbidden', 'Only a moderator or owner may moderate');
  if (!Object.hasOwn(statusAfter, action)) throw new AdapterError('validation', `Unknown moderation action: ${String(action)}`);
  const comment = data.comments.find((each) => each.id === commentId);
  if (!comment) throw new AdapterError('not_found', `No comment ${String(commentId)} in this thread`);
  const statusBefore = comment.status ?? 'published';
  comment.status = statusAfter[action];
  return { type: 'edited', comment, statusBefore };
}

/**
 * The event a subscriber acting as `actor` gets for `change`, or `null` when it concerns a
 * comment this subscriber neither saw before nor sees now. Other changes pass as they are, but
 * a held comment's are heard only by those who see it (its author, moderators).
 */
export function eventFor(change: Change, actor: Actor): ThreadEvent['type'] | null {
  if (change.statusBefore === undefined) return change.type === 'deleted' || sees(change.comment, actor) ? change.type : null;
  const before = sees({ ...change.comment, status: change.statusBefore }, actor) && change.statusBefore !== 'deleted';
  const now = sees(change.comment, actor) && change.comment.status !== 'deleted';
  if (before && now) return 'edited';
  if (now) return 'created';
  if (before) return 'deleted';
  return null;
}
