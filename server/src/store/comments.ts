// The comment queries: everything the routes need from the database, and nothing about HTTP.
// Written with Kysely against the Database interface, so they run on any dialect; every write
// that touches more than one row runs in a transaction.
import { randomBytes } from 'node:crypto';
import { sql, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { SortKey } from '../cursor.js';
import type { Reaction, Sort } from '../validate.js';
import type { CommentsTable, Database, StoredStatus } from './database.js';

/** A comment as stored, plus its reply count for the viewer who asked. */
export interface CommentRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  status: StoredStatus;
  body: string;
  author_name: string;
  author_url: string | null;
  client_key: string | null;
  created_at: number;
  edited_at: number | null;
  up: number;
  down: number;
  score: number;
  /** The host site's reader id (SSO), shown with the verified badge; null for anyone else. */
  author_id: string | null;
  author_verified: number;
  reply_count: number;
}

/** What a caller supplies to create a comment. */
export interface NewCommentRecord {
  threadId: string;
  parentId: string | null;
  body: string;
  author: { name: string; email: string | null; url: string | null };
  clientKey: string | null;
  idempotencyKey: string;
  createdAt: number;
  moderation: boolean;
  /** The spam screen held it (screen.ts): stored with this status and reason. */
  held?: { status: 'pending' | 'spam'; heldFor: string } | null;
  /** Who wrote it, for bans and spam reports (bans.ts); absent for tools and imports. */
  marks?: AuthorRecord;
}

/** What the server keeps of a comment's author beyond the name (never shown to readers). */
export interface AuthorRecord {
  /** A reader the host site signed in: their id, and the verified badge. */
  authorId: string | null;
  verified: boolean;
  emailHash: string | null;
  ipHash: string | null;
  /** Only when an Akismet-protocol service is configured (its reports need them). */
  clientIp: string | null;
  userAgent: string | null;
}

/** One comment for a bulk import (tests, migrations from another system). Ids and keys are generated when absent. */
export interface ImportedComment {
  threadId: string;
  parentId?: string | null;
  body: string;
  authorName: string;
  authorEmail?: string | null;
  authorUrl?: string | null;
  clientKey?: string | null;
  createdAt: number;
  status?: 'published' | 'pending';
  up?: number;
  down?: number;
  id?: string;
  idempotencyKey?: string;
}

export interface LevelQuery {
  thread: string;
  parentId: string | null;
  sort: Sort;
  limit: number;
  after: SortKey | null;
  viewer: string | null;
  /** A signed-in moderator: held comments (pending, spam) are listed too. */
  moderator?: boolean;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Opaque, unguessable comment ids: 16 base64url characters of randomness. */
export function newCommentId(): string {
  return randomBytes(12).toString('base64url');
}

/** Whether a comment is shown to this viewer at all. */
export function isVisibleTo(row: CommentRow, viewer: string | null, moderator = false): boolean {
  if (moderator && row.status !== 'removed') return true;
  return (
    row.status === 'published' ||
    row.status === 'deleted' ||
    (row.status === 'pending' && viewer !== null && row.client_key === viewer)
  );
}

/** Who may see a row of `alias`: everyone for published comments and tombstones, the author for pending. */
function visible(alias: 'c' | 'r', viewer: string | null, moderator = false) {
  const status = sql.ref(`${alias}.status`);
  // Moderators see what is held (pending, spam) too, to approve it in the thread itself.
  if (moderator) return sql<SqlBool>`${status} in ('published', 'deleted', 'pending', 'spam')`;
  if (viewer === null) return sql<SqlBool>`${status} in ('published', 'deleted')`;
  return sql<SqlBool>`(${status} in ('published', 'deleted') or (${status} = 'pending' and ${sql.ref(`${alias}.client_key`)} = ${viewer}))`;
}

/** The columns every comment query returns; the reply count depends on the viewer. */
function selectComments(db: Db, viewer: string | null, moderator = false) {
  return db
    .selectFrom('comments as c')
    .select([
      'c.id',
      'c.thread_id',
      'c.parent_id',
      'c.status',
      'c.body',
      'c.author_name',
      'c.author_url',
      'c.client_key',
      'c.created_at',
      'c.edited_at',
      'c.up',
      'c.down',
      'c.score',
      'c.author_id',
      'c.author_verified',
    ])
    .select((eb) =>
      eb
        .selectFrom('comments as r')
        .select(eb.fn.countAll().as('n'))
        .whereRef('r.parent_id', '=', 'c.id')
        .where(visible('r', viewer, moderator))
        .as('reply_count')
    );
}

/** Numbers as numbers on every dialect (PostgreSQL returns counts as strings). */
function toRow(row: Omit<CommentRow, 'reply_count'> & { reply_count: unknown }): CommentRow {
  return {
    ...row,
    created_at: Number(row.created_at),
    edited_at: row.edited_at === null ? null : Number(row.edited_at),
    up: Number(row.up),
    down: Number(row.down),
    score: Number(row.score),
    author_verified: Number(row.author_verified),
    reply_count: Number(row.reply_count ?? 0),
  };
}

export function createCommentStore(db: Kysely<Database>) {
  const get = async (thread: string, id: string, viewer: string | null, on: Db = db) => {
    const row = await selectComments(on, viewer).where('c.id', '=', id).where('c.thread_id', '=', thread).executeTakeFirst();
    return row && toRow(row);
  };

  const getByIdempotencyKey = async (thread: string, key: string, viewer: string | null, on: Db = db) => {
    const row = await selectComments(on, viewer)
      .where('c.thread_id', '=', thread)
      .where('c.idempotency_key', '=', key)
      .executeTakeFirst();
    return row && toRow(row);
  };

  /** Inserts unless the thread has the key already; true when a row was added. */
  const insertOnce = async (on: Db, values: Insertable<CommentsTable>) => {
    const result = await on
      .insertInto('comments')
      .values(values)
      .onConflict((oc) => oc.columns(['thread_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  };

  const hasLiveReplies = async (on: Db, id: string) =>
    (await on
      .selectFrom('comments')
      .select('id')
      .where('parent_id', '=', id)
      .where('status', 'in', ['published', 'pending', 'deleted'])
      .limit(1)
      .executeTakeFirst()) !== undefined;

  const parentOf = (on: Db, id: string) =>
    on.selectFrom('comments').select(['parent_id', 'status']).where('id', '=', id).executeTakeFirst();

  return {
    /** One comment of a thread, whatever its status (callers decide who may see it). */
    get: (thread: string, id: string, viewer: string | null) => get(thread, id, viewer),

    getByIdempotencyKey: (thread: string, key: string, viewer: string | null) => getByIdempotencyKey(thread, key, viewer),

    /** Creates a comment unless its idempotency key was used in the thread before. */
    createComment(input: NewCommentRecord): Promise<{ created: boolean; row: CommentRow } | { parentNotFound: true }> {
      return db.transaction().execute(async (trx) => {
        const viewer = input.clientKey;
        const thread = input.threadId;
        const earlier = await getByIdempotencyKey(thread, input.idempotencyKey, viewer, trx);
        if (earlier) return { created: false, row: earlier };
        if (input.parentId !== null) {
          const parent = await trx
            .selectFrom('comments as c')
            .select('c.id')
            .where('c.id', '=', input.parentId)
            .where('c.thread_id', '=', thread)
            .where((eb) =>
              eb.or([
                eb('c.status', '=', 'published'),
                eb.and([eb('c.status', '=', 'pending'), eb('c.client_key', '=', viewer)]),
              ])
            )
            .executeTakeFirst();
          if (!parent) return { parentNotFound: true as const };
        }
        const trusted =
          viewer !== null &&
          (await trx
            .selectFrom('comments')
            .select('id')
            .where('client_key', '=', viewer)
            .where('status', '=', 'published')
            .limit(1)
            .executeTakeFirst()) !== undefined;
        // A reader the host site vouches for is not held as a stranger.
        const pending = input.moderation && !trusted && !input.marks?.verified;
        const status = input.held?.status ?? (pending ? 'pending' : 'published');
        const heldFor = input.held?.heldFor ?? (pending ? 'moderation' : null);
        const id = newCommentId();
        const inserted = await insertOnce(trx, {
          id,
          thread_id: thread,
          parent_id: input.parentId,
          status,
          held_for: heldFor,
          body: input.body,
          author_name: input.author.name,
          author_email: input.author.email,
          author_url: input.author.url,
          client_key: viewer,
          idempotency_key: input.idempotencyKey,
          created_at: input.createdAt,
          edited_at: null,
          up: 0,
          down: 0,
          author_id: input.marks?.authorId ?? null,
          author_verified: input.marks?.verified ? 1 : 0,
          email_hash: input.marks?.emailHash ?? null,
          ip_hash: input.marks?.ipHash ?? null,
          client_ip: input.marks?.clientIp ?? null,
          user_agent: input.marks?.userAgent ?? null,
        });
        if (!inserted) {
          // Another process inserted the same key between our look and our insert.
          return { created: false, row: (await getByIdempotencyKey(thread, input.idempotencyKey, viewer, trx))! };
        }
        return { created: true, row: (await get(thread, id, viewer, trx))! };
      });
    },

    /** One level of a thread, in keyset order, starting after `after` (exclusive). */
    async listLevel({ thread, parentId, sort, limit, after, viewer, moderator = false }: LevelQuery): Promise<CommentRow[]> {
      let query = selectComments(db, viewer, moderator).where('c.thread_id', '=', thread).where(visible('c', viewer, moderator));
      query = parentId === null ? query.where('c.parent_id', 'is', null) : query.where('c.parent_id', '=', parentId);
      if (sort === 'oldest') {
        if (after) query = query.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '>', eb.tuple(after.createdAt, after.id)));
        query = query.orderBy('c.created_at').orderBy('c.id');
      } else if (sort === 'newest') {
        if (after) query = query.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(after.createdAt, after.id)));
        query = query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
      } else {
        // A range on score plus a filter, so SQLite scans the index from the cursor on.
        if (after) {
          query = query.where((eb) =>
            eb.and([
              eb('c.score', '<=', after.score),
              eb.or([
                eb('c.score', '<', after.score),
                eb(eb.refTuple('c.created_at', 'c.id'), '>', eb.tuple(after.createdAt, after.id)),
              ]),
            ])
          );
        }
        query = query.orderBy('c.score', 'desc').orderBy('c.created_at').orderBy('c.id');
      }
      return (await query.limit(limit).execute()).map(toRow);
    },

    /** The first `limit` replies of a comment, oldest first. */
    async firstReplies(parentId: string, limit: number, viewer: string | null, moderator = false): Promise<CommentRow[]> {
      const rows = await selectComments(db, viewer, moderator)
        .where('c.parent_id', '=', parentId)
        .where(visible('c', viewer, moderator))
        .orderBy('c.created_at')
        .orderBy('c.id')
        .limit(limit)
        .execute();
      return rows.map(toRow);
    },

    async isVisible(thread: string, id: string, viewer: string | null, moderator = false): Promise<boolean> {
      const row = await get(thread, id, viewer);
      return row !== undefined && isVisibleTo(row, viewer, moderator);
    },

    async total(thread: string, viewer: string | null, moderator = false): Promise<number> {
      const row = await db
        .selectFrom('comments as c')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('c.thread_id', '=', thread)
        .where(visible('c', viewer, moderator))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Published comments per thread (0 for unknown threads). */
    async counts(threads: string[]): Promise<Map<string, number>> {
      const counts = new Map(threads.map((thread) => [thread, 0]));
      const rows = await db
        .selectFrom('comments')
        .select(['thread_id', (eb) => eb.fn.countAll().as('n')])
        .where('thread_id', 'in', threads)
        .where('status', '=', 'published')
        .groupBy('thread_id')
        .execute();
      for (const row of rows) counts.set(row.thread_id, Number(row.n));
      return counts;
    },

    /** Changes the body; returns the row with the reply count `viewer` sees. */
    async editComment(thread: string, id: string, body: string, editedAt: number, viewer: string | null): Promise<CommentRow> {
      await db.updateTable('comments').set({ body, edited_at: editedAt }).where('id', '=', id).execute();
      return (await get(thread, id, viewer))!;
    },

    /**
     * Turns a comment into a tombstone and forgets what it said and who said it. A tombstone with
     * no replies left becomes 'removed' (invisible), and so, upwards, does every tombstone
     * ancestor whose last reply that was.
     */
    deleteComment(id: string): Promise<void> {
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('comments')
          .set({
            status: (await hasLiveReplies(trx, id)) ? 'deleted' : 'removed',
            body: '',
            author_name: '',
            author_email: null,
            author_url: null,
            // Forgotten too: a tombstone tells nobody who wrote it (a ban taken before stays).
            author_id: null,
            author_verified: 0,
            email_hash: null,
            ip_hash: null,
            client_ip: null,
            user_agent: null,
            edited_at: null,
            up: 0,
            down: 0,
          })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('reactions').where('comment_id', '=', id).execute();
        let current = await parentOf(trx, id);
        while (current?.status === 'removed' && current.parent_id !== null) {
          const parentId = current.parent_id;
          const parent = (await parentOf(trx, parentId))!;
          if (parent.status !== 'deleted' || (await hasLiveReplies(trx, parentId))) break;
          await trx.updateTable('comments').set({ status: 'removed' }).where('id', '=', parentId).execute();
          current = { parent_id: parent.parent_id, status: 'removed' };
        }
      });
    },

    /** Adds or takes back one client's reaction; a client has at most one (up or down) per comment. */
    react(id: string, client: string, reaction: Reaction, active: boolean): Promise<void> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('reactions')
          .select('reaction')
          .where('comment_id', '=', id)
          .where('client_key', '=', client)
          .executeTakeFirst();
        const current = row?.reaction;
        const delta = { up: 0, down: 0 };
        if (active && current !== reaction) {
          if (current) delta[current] -= 1;
          delta[reaction] += 1;
          await trx
            .insertInto('reactions')
            .values({ comment_id: id, client_key: client, reaction })
            .onConflict((oc) => oc.columns(['comment_id', 'client_key']).doUpdateSet({ reaction }))
            .execute();
        } else if (!active && current === reaction) {
          delta[reaction] -= 1;
          await trx.deleteFrom('reactions').where('comment_id', '=', id).where('client_key', '=', client).execute();
        }
        // Counters, not a recount: imported comments may carry counts without reaction rows.
        if (delta.up !== 0 || delta.down !== 0) {
          await trx
            .updateTable('comments')
            .set((eb) => ({ up: eb('up', '+', delta.up), down: eb('down', '+', delta.down) }))
            .where('id', '=', id)
            .execute();
        }
      });
    },

    /** The viewer's reaction per comment id, for a page of comments. */
    async viewerReactions(ids: string[], client: string | null): Promise<Map<string, Reaction>> {
      if (client === null || ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('reactions')
        .select(['comment_id', 'reaction'])
        .where('client_key', '=', client)
        .where('comment_id', 'in', ids)
        .execute();
      return new Map(rows.map((row) => [row.comment_id, row.reaction]));
    },

    /** Publishes a pending comment (the moderator's tool; there is no HTTP route for it yet). */
    async approve(id: string): Promise<boolean> {
      const result = await db
        .updateTable('comments')
        .set({ status: 'published' })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Inserts many comments in one transaction (one commit, so thousands take milliseconds).
     * Returns the new ids in order; `null` where the idempotency key existed and nothing was added.
     */
    importComments(comments: ImportedComment[]): Promise<(string | null)[]> {
      return db.transaction().execute(async (trx) => {
        const ids: (string | null)[] = [];
        for (const comment of comments) {
          const id = comment.id ?? newCommentId();
          const inserted = await insertOnce(trx, {
            id,
            thread_id: comment.threadId,
            parent_id: comment.parentId ?? null,
            status: comment.status ?? 'published',
            body: comment.body,
            author_name: comment.authorName,
            author_email: comment.authorEmail ?? null,
            author_url: comment.authorUrl ?? null,
            client_key: comment.clientKey ?? null,
            idempotency_key: comment.idempotencyKey ?? `import-${id}`,
            created_at: comment.createdAt,
            edited_at: null,
            up: comment.up ?? 0,
            down: comment.down ?? 0,
          });
          ids.push(inserted ? id : null);
        }
        return ids;
      });
    },
  };
}

export type CommentStore = ReturnType<typeof createCommentStore>;
