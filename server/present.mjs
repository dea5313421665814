// @ts-check
// Turns a stored row into the Comment JSON of the API (src/adapters/adapter.ts). This is the only
// place that decides what leaves the server: never email, client key, IP or idempotency key, and
// nothing of a deleted comment but its place in the tree.

/** @typedef {import('./db.mjs').CommentRow} CommentRow */
/** @typedef {import('./validate.mjs').Reaction} Reaction */

/**
 * @typedef {{
 *   id: string, parentId: string | null, author: { name: string, url?: string }, body: string,
 *   createdAt: string, editedAt?: string, status: 'published' | 'pending' | 'deleted',
 *   replyCount: number, score: number, reactions: Record<Reaction, number>,
 *   viewerReactions: Reaction[], can: { edit: boolean, delete: boolean }
 * }} CommentJson
 */

/**
 * @param {{ editWindowSeconds: number, now: () => Date }} config
 */
export function createPresenter({ editWindowSeconds, now }) {
  /**
   * @param {CommentRow} row
   * @param {string | null} viewer The client key of who asked; `null` for broadcasts.
   * @param {Reaction} [viewerReaction]
   * @returns {CommentJson}
   */
  return function present(row, viewer, viewerReaction) {
    const gone = row.status === 'deleted' || row.status === 'removed';
    const own = viewer !== null && row.client_key === viewer;
    /** @type {CommentJson['author']} */
    const author = { name: gone ? '' : row.author_name };
    if (!gone && row.author_url) author.url = row.author_url;
    // Built in the documented key order; editedAt only when there was an edit.
    /** @type {Pick<CommentJson, 'id' | 'parentId' | 'author' | 'body' | 'createdAt' | 'editedAt'>} */
    const head = {
      id: row.id,
      parentId: row.parent_id,
      author,
      body: gone ? '' : row.body,
      createdAt: new Date(row.created_at).toISOString(),
    };
    if (!gone && row.edited_at !== null) head.editedAt = new Date(row.edited_at).toISOString();
    return {
      ...head,
      status: gone ? 'deleted' : /** @type {'published' | 'pending'} */ (row.status),
      replyCount: row.reply_count,
      score: gone ? 0 : row.score,
      reactions: { up: gone ? 0 : row.up, down: gone ? 0 : row.down },
      viewerReactions: !gone && viewerReaction ? [viewerReaction] : [],
      can: {
        edit: own && !gone && now().getTime() - row.created_at <= editWindowSeconds * 1000,
        delete: own && !gone,
      },
    };
  };
}

/** @typedef {ReturnType<typeof createPresenter>} Present */
