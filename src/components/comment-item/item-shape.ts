/**
 * A `<comment-item>` as the thread's modules and the lazy chunks see it: its parts and the members
 * they use. They import this instead of the element, which loads them (no import cycle).
 */
import type { ReactiveElement } from 'lit';
import type { Comment } from '../../core/comment.js';

/** Parts of a comment, forwarded by `<comment-thread>` through `exportparts`. */
export const commentItemParts = [
  'comment', 'avatar', 'meta', 'number', 'author', 'date', 'edited', 'status', 'body', 'paragraph',
  'mention', 'link', 'strong', 'emphasis', 'code', 'code-block', 'quote', 'body-list', 'body-list-item', 'expand-button', 'deleted', 'actions', 'reply-button', 'edit-button', 'delete-button', 'confirm',
  'reactions', 'reaction', 'score', 'delivery', 'delivery-button', 'orphan-note', 'verified', 'moderation', 'approve-button',
  'spam-button', 'remove-button',
] as const;

/** The members of `<comment-item>` that code outside the element reads. */
export interface CommentItemShape extends ReactiveElement {
  comment?: Comment;
  readonly reactions: readonly string[];
  readonly busy: boolean;
  readonly canEdit: boolean;
  readonly canDelete: boolean;
  readonly canModerate: boolean;
}
