// @ts-check
// GET /api/threads/{thread}/comments: one page of one level, plus inline replies.
import { decodeCursor, encodeCursor } from '../cursor.mjs';
import { notFound } from '../errors.mjs';
import { parseListQuery } from '../validate.mjs';

/** How deep inline replies go below the listed comments. */
const MAX_INLINE_DEPTH = 10;
/**
 * Inline replies grow geometrically with depth (20 per comment, 10 levels), so one response is
 * capped; the UI loads whatever is missing per comment, guided by replyCount.
 */
const MAX_INLINE_REPLIES = 500;

/** @typedef {import('../db.mjs').CommentRow} CommentRow */

/** @type {import('../types.mjs').Handler} */
export function listComments({ thread, query, viewer }, { store, present }) {
  const { parentId, cursor, limit, sort, replies } = parseListQuery(query);
  const after = cursor === null ? null : decodeCursor(cursor, sort, parentId);
  if (parentId !== null && !store.isVisible(thread, parentId, viewer)) {
    throw notFound('The parent comment does not exist in this thread.');
  }
  // One row more than asked says whether there is a next page, without a count.
  const rows = store.listLevel({ thread, parentId, sort, limit: limit + 1, after, viewer });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit
      ? encodeCursor(sort, parentId, { createdAt: last.created_at, id: last.id, score: last.score })
      : null;
  const all = [...page, ...inlineReplies(store, page, replies, viewer)];
  const reactions = store.viewerReactions(
    all.map((row) => row.id),
    viewer
  );
  return {
    status: 200,
    body: {
      comments: all.map((row) => present(row, viewer, reactions.get(row.id))),
      nextCursor,
      total: store.total(thread, viewer),
    },
  };
}

/**
 * Up to `perComment` first replies of each comment, level by level (breadth first), so a capped
 * response still has the shallow replies a reader sees first.
 * @param {import('../db.mjs').Store} store
 * @param {CommentRow[]} page
 * @param {number} perComment
 * @param {string | null} viewer
 */
function inlineReplies(store, page, perComment, viewer) {
  /** @type {CommentRow[]} */
  const found = [];
  let level = page;
  for (let depth = 0; depth < MAX_INLINE_DEPTH && perComment > 0 && level.length > 0; depth++) {
    /** @type {CommentRow[]} */
    const next = [];
    for (const row of level) {
      if (row.reply_count === 0) continue;
      const room = MAX_INLINE_REPLIES - found.length - next.length;
      if (room <= 0) break;
      next.push(...store.firstReplies(row.id, Math.min(perComment, room), viewer));
    }
    found.push(...next);
    level = next;
  }
  return found;
}
