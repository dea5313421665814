import type { CommentItem } from '../components/comment-item/comment-item.js';

/** The `<comment-item>` showing the comment with this id in a thread's shadow root, if it is shown. */
export function itemFor(root: ParentNode, commentId: string | null): CommentItem | undefined {
  return [...root.querySelectorAll('comment-item')].find((item) => item.comment?.id === commentId);
}
