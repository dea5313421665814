// @ts-check
// DELETE /api/threads/{thread}/comments/{id}: the author deletes; the answer is the tombstone.
import { isVisibleTo } from '../db.mjs';
import { forbidden, notFound } from '../errors.mjs';

/** @type {import('../types.mjs').Handler} */
export function deleteComment({ thread, commentId, viewer }, { store, present, events }) {
  const row = store.get(thread, commentId, viewer);
  const own = row !== undefined && viewer !== null && row.client_key === viewer;
  if (!row || !(own || isVisibleTo(row, viewer))) {
    throw notFound('The comment does not exist in this thread.');
  }
  if (!own) throw forbidden('Only the author can delete this comment.');
  // Deleting again answers with the same tombstone, so a retried DELETE never shows an error.
  const wasPublished = row.status === 'published';
  if (row.status === 'published' || row.status === 'pending') store.deleteComment(commentId);
  const tombstone = /** @type {import('../db.mjs').CommentRow} */ (store.get(thread, commentId, viewer));
  if (wasPublished) events.broadcast(thread, 'deleted', present(tombstone, null));
  return { status: 200, body: present(tombstone, viewer) };
}
