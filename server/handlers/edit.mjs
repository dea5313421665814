// @ts-check
// PATCH /api/threads/{thread}/comments/{id}: the author changes the body within the edit window.
import { readJsonBody } from '../body.mjs';
import { isVisibleTo } from '../db.mjs';
import { forbidden, notFound } from '../errors.mjs';
import { parseEdit } from '../validate.mjs';

/** @type {import('../types.mjs').Handler} */
export async function editComment({ req, thread, commentId, viewer }, services) {
  const { store, present, events, config } = services;
  const json = await readJsonBody(req);
  const row = store.get(thread, commentId, viewer);
  if (!row || !isVisibleTo(row, viewer) || row.status === 'deleted') {
    throw notFound('The comment does not exist in this thread.');
  }
  if (viewer === null || row.client_key !== viewer) {
    throw forbidden('Only the author can edit this comment.');
  }
  const now = config.now().getTime();
  if (now - row.created_at > config.editWindowSeconds * 1000) {
    throw forbidden('The time to edit this comment has passed.');
  }
  const { body } = parseEdit(json, config.maxBodyLength);
  const updated = store.editComment(thread, commentId, body, now, viewer);
  if (updated.status === 'published') events.broadcast(thread, 'edited', present(updated, null));
  const [reaction] = store.viewerReactions([commentId], viewer).values();
  return { status: 200, body: present(updated, viewer, reaction) };
}
