// @ts-check
// Storage: one SQLite file through better-sqlite3. Every statement is prepared once at open and
// takes bound parameters only; every write that touches more than one row runs in a transaction.
// The module knows nothing about HTTP: it returns rows and plain results.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { migrate } from './schema.mjs';

/** @typedef {'published' | 'pending' | 'deleted' | 'removed'} StoredStatus */
/** @typedef {import('./validate.mjs').Sort} Sort */
/** @typedef {import('./validate.mjs').Reaction} Reaction */

/**
 * A comment as stored, plus its reply count for the viewer who asked.
 * @typedef {{
 *   id: string, thread_id: string, parent_id: string | null, status: StoredStatus, body: string,
 *   author_name: string, author_url: string | null, client_key: string | null,
 *   created_at: number, edited_at: number | null, up: number, down: number, score: number,
 *   reply_count: number
 * }} CommentRow
 */

/**
 * What a caller supplies to create a comment.
 * @typedef {{
 *   threadId: string, parentId: string | null, body: string,
 *   author: { name: string, email: string | null, url: string | null },
 *   clientKey: string | null, idempotencyKey: string, createdAt: number, moderation: boolean
 * }} NewCommentRecord
 */

/**
 * One comment for a bulk import (tests, migrations from another system). Ids and keys are
 * generated when absent.
 * @typedef {{
 *   threadId: string, parentId?: string | null, body: string, authorName: string,
 *   authorEmail?: string | null, authorUrl?: string | null, clientKey?: string | null,
 *   createdAt: number, status?: 'published' | 'pending', up?: number, down?: number,
 *   id?: string, idempotencyKey?: string
 * }} ImportedComment
 */

/** Opaque, unguessable comment ids: 16 base64url characters of randomness. */
export function newCommentId() {
  return randomBytes(12).toString('base64url');
}

/** Who may see a row `c`: everyone for published comments and tombstones, the author for pending. */
const visible = (/** @type {string} */ c) =>
  `(${c}.status IN ('published', 'deleted') OR (${c}.status = 'pending' AND ${c}.client_key = :viewer))`;

/** The columns every comment query returns; the reply count depends on the viewer. */
const columns = `
  c.id, c.thread_id, c.parent_id, c.status, c.body, c.author_name, c.author_url, c.client_key,
  c.created_at, c.edited_at, c.up, c.down, c.score,
  (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND ${visible('r')}) AS reply_count`;

/** Keyset conditions and orders, per sort. `parent_id IS :parent` matches NULL for the top level. */
const orders = {
  oldest: {
    after: '(c.created_at, c.id) > (:createdAt, :id)',
    order: 'c.created_at, c.id',
  },
  newest: {
    after: '(c.created_at, c.id) < (:createdAt, :id)',
    order: 'c.created_at DESC, c.id DESC',
  },
  top: {
    // Written as a range on score plus a filter, so SQLite scans the index from the cursor on.
    after: 'c.score <= :score AND (c.score < :score OR (c.created_at, c.id) > (:createdAt, :id))',
    order: 'c.score DESC, c.created_at, c.id',
  },
};

/**
 * Opens (creating if needed) the database file and brings its schema up to date.
 * @param {string} path A file path, or ':memory:'.
 */
export function openDatabase(path) {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL: readers never wait for the writer, and a crash never corrupts the file.
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL keeps the file consistent on power loss and only risks the last commits;
    // for comments that trade is worth the much cheaper commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Another process (a second server, a backup) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return createStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** @param {import('better-sqlite3').Database} db */
function createStore(db) {
  const byId = db.prepare(`SELECT ${columns} FROM comments c WHERE c.id = :id AND c.thread_id = :thread`);
  const byKey = db.prepare(
    `SELECT ${columns} FROM comments c WHERE c.thread_id = :thread AND c.idempotency_key = :key`
  );
  const insert = db.prepare(`
    INSERT INTO comments (id, thread_id, parent_id, status, body, author_name, author_email,
                          author_url, client_key, idempotency_key, created_at, up, down)
    VALUES (:id, :thread, :parent, :status, :body, :name, :email, :url, :client, :key, :createdAt,
            :up, :down)
    ON CONFLICT (thread_id, idempotency_key) DO NOTHING`);
  const hasPublished = db.prepare(
    `SELECT 1 FROM comments WHERE client_key = :client AND status = 'published' LIMIT 1`
  );
  const replyable = db.prepare(`
    SELECT 1 FROM comments c
    WHERE c.id = :id AND c.thread_id = :thread
      AND (c.status = 'published' OR (c.status = 'pending' AND c.client_key = :viewer))`);

  /** @type {Record<Sort, { first: import('better-sqlite3').Statement, next: import('better-sqlite3').Statement }>} */
  const levels = /** @type {any} */ ({});
  for (const [sort, { after, order }] of Object.entries(orders)) {
    const base = `SELECT ${columns} FROM comments c
      WHERE c.thread_id = :thread AND c.parent_id IS :parent AND ${visible('c')}`;
    levels[/** @type {Sort} */ (sort)] = {
      first: db.prepare(`${base} ORDER BY ${order} LIMIT :limit`),
      next: db.prepare(`${base} AND ${after} ORDER BY ${order} LIMIT :limit`),
    };
  }
  const firstReplies = db.prepare(`
    SELECT ${columns} FROM comments c
    WHERE c.parent_id = :parent AND ${visible('c')}
    ORDER BY c.created_at, c.id LIMIT :limit`);
  const totalVisible = db.prepare(
    `SELECT count(*) AS n FROM comments c WHERE c.thread_id = :thread AND ${visible('c')}`
  );
  const publishedCounts = db.prepare(`
    SELECT thread_id AS thread, count(*) AS n FROM comments
    WHERE thread_id IN (SELECT value FROM json_each(:threads)) AND status = 'published'
    GROUP BY thread_id`);

  const updateBody = db.prepare(`UPDATE comments SET body = :body, edited_at = :editedAt WHERE id = :id`);
  const hasLiveReplies = db.prepare(`
    SELECT 1 FROM comments WHERE parent_id = :id AND status IN ('published', 'pending', 'deleted')
    LIMIT 1`);
  const tombstone = db.prepare(`
    UPDATE comments SET status = :status, body = '', author_name = '', author_email = NULL,
                        author_url = NULL, edited_at = NULL, up = 0, down = 0
    WHERE id = :id`);
  const setStatus = db.prepare(`UPDATE comments SET status = :status WHERE id = :id`);
  const parentOf = db.prepare(`SELECT parent_id AS parent, status FROM comments WHERE id = :id`);
  const dropReactions = db.prepare(`DELETE FROM reactions WHERE comment_id = :id`);

  const reactionOf = db.prepare(
    `SELECT reaction FROM reactions WHERE comment_id = :id AND client_key = :client`
  );
  const putReaction = db.prepare(`
    INSERT INTO reactions (comment_id, client_key, reaction) VALUES (:id, :client, :reaction)
    ON CONFLICT (comment_id, client_key) DO UPDATE SET reaction = excluded.reaction`);
  const removeReaction = db.prepare(`DELETE FROM reactions WHERE comment_id = :id AND client_key = :client`);
  const adjustCounts = db.prepare(`UPDATE comments SET up = up + :up, down = down + :down WHERE id = :id`);
  const viewerReactions = db.prepare(`
    SELECT comment_id AS id, reaction FROM reactions
    WHERE client_key = :client AND comment_id IN (SELECT value FROM json_each(:ids))`);
  const approvePending = db.prepare(
    `UPDATE comments SET status = 'published' WHERE id = :id AND status = 'pending'`
  );

  /** @param {string} thread @param {string} id @param {string | null} viewer @returns {CommentRow | undefined} */
  const get = (thread, id, viewer) => /** @type {any} */ (byId.get({ thread, id, viewer }));

  /**
   * Creates a comment unless its idempotency key was used in the thread before.
   * @param {NewCommentRecord} input
   * @returns {{ created: boolean, row: CommentRow } | { parentNotFound: true }}
   */
  function createCommentOnce(input) {
    const viewer = input.clientKey;
    const thread = input.threadId;
    const earlier = /** @type {CommentRow | undefined} */ (
      byKey.get({ thread, key: input.idempotencyKey, viewer })
    );
    if (earlier) return { created: false, row: earlier };
    if (input.parentId !== null && !replyable.get({ id: input.parentId, thread, viewer })) {
      return { parentNotFound: true };
    }
    const pending = input.moderation && (viewer === null || !hasPublished.get({ client: viewer }));
    const id = newCommentId();
    const { changes } = insert.run({
      id,
      thread,
      parent: input.parentId,
      status: pending ? 'pending' : 'published',
      body: input.body,
      name: input.author.name,
      email: input.author.email,
      url: input.author.url,
      client: viewer,
      key: input.idempotencyKey,
      createdAt: input.createdAt,
      up: 0,
      down: 0,
    });
    if (changes === 0) {
      // Another process inserted the same key between our look and our insert.
      const winner = byKey.get({ thread, key: input.idempotencyKey, viewer });
      return { created: false, row: /** @type {CommentRow} */ (winner) };
    }
    return { created: true, row: /** @type {CommentRow} */ (get(thread, id, viewer)) };
  }
  const createComment = db.transaction(createCommentOnce);

  /**
   * Turns a comment into a tombstone and forgets what it said and who said it. A tombstone with no
   * replies left becomes 'removed' (invisible), and so, upwards, does every tombstone ancestor
   * whose last reply that was.
   */
  const deleteComment = db.transaction((/** @type {string} */ id) => {
    tombstone.run({ id, status: hasLiveReplies.get({ id }) ? 'deleted' : 'removed' });
    dropReactions.run({ id });
    let current = /** @type {{ parent: string | null, status: string } | undefined} */ (parentOf.get({ id }));
    while (current?.status === 'removed' && current.parent !== null) {
      const parentId = current.parent;
      const parent = /** @type {{ parent: string | null, status: string }} */ (parentOf.get({ id: parentId }));
      if (parent.status !== 'deleted' || hasLiveReplies.get({ id: parentId })) break;
      setStatus.run({ id: parentId, status: 'removed' });
      current = { parent: parent.parent, status: 'removed' };
    }
  });

  /**
   * Adds or takes back one client's reaction; a client has at most one (up or down) per comment.
   * @param {string} id @param {string} client @param {Reaction} reaction @param {boolean} active
   */
  function setReaction(id, client, reaction, active) {
    const row = /** @type {{ reaction: Reaction } | undefined} */ (reactionOf.get({ id, client }));
    const current = row?.reaction;
    const delta = { up: 0, down: 0 };
    if (active && current !== reaction) {
      if (current) delta[current] -= 1;
      delta[reaction] += 1;
      putReaction.run({ id, client, reaction });
    } else if (!active && current === reaction) {
      delta[reaction] -= 1;
      removeReaction.run({ id, client });
    }
    // Counters, not a recount: imported comments may carry counts without reaction rows.
    if (delta.up !== 0 || delta.down !== 0) adjustCounts.run({ id, ...delta });
  }
  const react = db.transaction(setReaction);

  /**
   * Inserts many comments in one transaction (one commit, so thousands take milliseconds).
   * Returns the new ids in order; `null` where the idempotency key existed and nothing was added.
   */
  const importComments = db.transaction((/** @type {ImportedComment[]} */ comments) =>
    comments.map((comment) => {
      const id = comment.id ?? newCommentId();
      const { changes } = insert.run({
        id,
        thread: comment.threadId,
        parent: comment.parentId ?? null,
        status: comment.status ?? 'published',
        body: comment.body,
        name: comment.authorName,
        email: comment.authorEmail ?? null,
        url: comment.authorUrl ?? null,
        client: comment.clientKey ?? null,
        key: comment.idempotencyKey ?? `import-${id}`,
        createdAt: comment.createdAt,
        up: comment.up ?? 0,
        down: comment.down ?? 0,
      });
      return changes === 1 ? id : null;
    })
  );

  return {
    /** One comment of a thread, whatever its status (callers decide who may see it). */
    get,

    /** @param {string} thread @param {string} key @param {string | null} viewer @returns {CommentRow | undefined} */
    getByIdempotencyKey: (thread, key, viewer) => /** @type {any} */ (byKey.get({ thread, key, viewer })),

    /**
     * One level of a thread, in keyset order, starting after `after` (exclusive).
     * @param {{ thread: string, parentId: string | null, sort: Sort, limit: number,
     *   after: import('./cursor.mjs').SortKey | null, viewer: string | null }} query
     * @returns {CommentRow[]}
     */
    listLevel({ thread, parentId, sort, limit, after, viewer }) {
      const params = { thread, parent: parentId, limit, viewer };
      const statement = after ? levels[sort].next : levels[sort].first;
      return /** @type {any} */ (statement.all(after ? { ...params, ...after } : params));
    },

    /** @param {string} parentId @param {number} limit @param {string | null} viewer @returns {CommentRow[]} */
    firstReplies: (parentId, limit, viewer) =>
      /** @type {any} */ (firstReplies.all({ parent: parentId, limit, viewer })),

    /** @param {string} thread @param {string} parentId @param {string | null} viewer */
    isVisible(thread, parentId, viewer) {
      const row = get(thread, parentId, viewer);
      return row !== undefined && isVisibleTo(row, viewer);
    },

    /** @param {string} thread @param {string | null} viewer @returns {number} */
    total: (thread, viewer) => /** @type {{ n: number }} */ (totalVisible.get({ thread, viewer })).n,

    /** Published comments per thread (0 for unknown threads). @param {string[]} threads */
    counts(threads) {
      /** @type {Map<string, number>} */
      const counts = new Map(threads.map((thread) => [thread, 0]));
      for (const row of /** @type {{ thread: string, n: number }[]} */ (
        publishedCounts.all({ threads: JSON.stringify(threads) })
      )) {
        counts.set(row.thread, row.n);
      }
      return counts;
    },

    // The read-then-write transactions run IMMEDIATE: they take the write lock before reading,
    // so another process cannot change what they read (moderation, parent, key, reaction) before
    // they write, and they never deadlock upgrading a read lock.

    /** @param {NewCommentRecord} input */
    createComment: (input) => createComment.immediate(input),

    /**
     * @param {string} thread @param {string} id @param {string} body @param {number} editedAt
     * @param {string | null} viewer Whose reply count the returned row carries.
     */
    editComment(thread, id, body, editedAt, viewer) {
      updateBody.run({ id, body, editedAt });
      return /** @type {CommentRow} */ (get(thread, id, viewer));
    },

    /** @param {string} id */
    deleteComment: (id) => deleteComment.immediate(id),

    /** @param {string} id @param {string} client @param {Reaction} reaction @param {boolean} active */
    react: (id, client, reaction, active) => react.immediate(id, client, reaction, active),

    /**
     * The viewer's reaction per comment id, for a page of comments.
     * @param {string[]} ids @param {string | null} client @returns {Map<string, Reaction>}
     */
    viewerReactions(ids, client) {
      if (client === null || ids.length === 0) return new Map();
      const rows = /** @type {{ id: string, reaction: Reaction }[]} */ (
        viewerReactions.all({ client, ids: JSON.stringify(ids) })
      );
      return new Map(rows.map((row) => [row.id, row.reaction]));
    },

    /** Publishes a pending comment (the moderator's tool; there is no HTTP route for it yet). */
    approve: (/** @type {string} */ id) => approvePending.run({ id }).changes > 0,

    importComments,

    close: () => db.close(),
  };
}

/**
 * Whether a comment is shown to this viewer at all.
 * @param {CommentRow} row @param {string | null} viewer
 */
export function isVisibleTo(row, viewer) {
  return (
    row.status === 'published' ||
    row.status === 'deleted' ||
    (row.status === 'pending' && viewer !== null && row.client_key === viewer)
  );
}

/** @typedef {ReturnType<typeof createStore>} Store */
