// @ts-check
// POST /api/threads/{thread}/comments/{id}/reactions: add or take back the client's up/down.
import { readJsonBody } from '../body.mjs';
import { isVisibleTo } from '../db.mjs';
import { notFound, unauthorized } from '../errors.mjs';
import { parseReaction } from '../validate.mjs';

/** @type {import('../types.mjs').Handler} */
export async function reactToComment({ req, thread, commentId, viewer }, { store, present }) {
  // Reactions are counted per client key; without one there is nobody to count.
  if (viewer === null) throw unauthorized('Reacting needs an X-Maoni-Client key.');
  const { reaction, active } = parseReaction(await readJsonBody(req));
  const row = store.get(thread, commentId, viewer);
  if (!row || !isVisibleTo(row, viewer) || row.status === 'deleted') {
    throw notFound('The comment does not exist in this thread.');
  }
  store.react(commentId, viewer, reaction, active);
  const updated = /** @type {import('../db.mjs').CommentRow} */ (store.get(thread, commentId, viewer));
  const [mine] = store.viewerReactions([commentId], viewer).values();
  return { status: 200, body: present(updated, viewer, mine) };
}
