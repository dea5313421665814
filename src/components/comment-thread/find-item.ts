import type { CommentItemShape } from '../comment-item/item-shape.js';

/** The `<comment-item>` showing the comment with this id in a thread's shadow root, if it is shown. */
export function itemFor(root: ParentNode, commentId: string | null): CommentItemShape | undefined {
  return [...root.querySelectorAll('comment-item')].find((item) => item.comment?.id === commentId);
}

/** Moves the focus to a comment (its article, which keyboard moves focus too) once it has rendered. */
export async function focusComment(item: CommentItemShape | undefined): Promise<void> {
  await item?.updateComplete;
  item?.shadowRoot?.querySelector<HTMLElement>('[part="comment"]')?.focus();
}
