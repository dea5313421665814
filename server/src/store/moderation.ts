// The moderation queries: the queue across threads (newest first, by status, optionally one
// thread), counts per status, a moderator's change of status, and the moderation log. A moderator's
// delete only changes the status, so Restore can bring the comment back; readers see a tombstone.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StoredStatus } from './database.js';

export type QueueStatus = 'pending' | 'spam' | 'published' | 'deleted';
export type ModerationAction = 'approve' | 'spam' | 'delete' | 'restore';

export interface QueueRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  status: StoredStatus;
  body: string;
  author_name: string;
  author_url: string | null;
  created_at: number;
  edited_at: number | null;
  held_for: string | null;
  author_id: string | null;
  author_verified: number;
}

export interface LogRow {
  id: string;
  at: number;
  actor_email: string;
  action: string;
  comment_id: string;
  thread_id: string;
}

/** The status each action leaves a comment in. */
export const STATUS_AFTER: Record<ModerationAction, StoredStatus> = { approve: 'published', restore: 'published', spam: 'spam', delete: 'deleted' };

/** Keyset cursor of a newest-first list: `<time>.<id>`. */
const after = (cursor: string | null) => {
  const match = cursor ? /^(\d{1,16})\.([\w-]{1,128})$/.exec(cursor) : null;
  return match ? { time: Number(match[1]), id: match[2]! } : null;
};
export const cursorOf = (row: { created_at?: number; at?: number; id: string }) => `${row.created_at ?? row.at}.${row.id}`;

/** Numbers as numbers on every dialect. */
const normalize = <T extends Omit<QueueRow, 'created_at' | 'edited_at' | 'author_verified'> & { created_at: unknown; edited_at: unknown; author_verified: unknown }>(row: T): QueueRow => ({
  ...row,
  created_at: Number(row.created_at),
  edited_at: row.edited_at === null ? null : Number(row.edited_at),
  author_verified: Number(row.author_verified),
});

export function createModerationStore(db: Kysely<Database>) {
  const columns = ['id', 'thread_id', 'parent_id', 'status', 'body', 'author_name', 'author_url', 'created_at', 'edited_at', 'held_for', 'author_id', 'author_verified'] as const;
  return {
    async queue(query: { status: QueueStatus; thread: string | null; cursor: string | null; limit: number }): Promise<QueueRow[]> {
      let select = db.selectFrom('comments').select(columns).where('status', '=', query.status);
      if (query.thread !== null) select = select.where('thread_id', '=', query.thread);
      const start = after(query.cursor);
      if (start) {
        select = select.where((eb) => eb.or([eb('created_at', '<', start.time), eb.and([eb('created_at', '=', start.time), eb('id', '<', start.id)])]));
      }
      const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(normalize);
    },

    async counts(thread: string | null): Promise<Record<QueueStatus, number>> {
      let select = db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status');
      if (thread !== null) select = select.where('thread_id', '=', thread);
      const counts: Record<QueueStatus, number> = { pending: 0, spam: 0, published: 0, deleted: 0 };
      for (const row of await select.execute()) if (row.status in counts) counts[row.status as QueueStatus] = Number(row.n);
      return counts;
    },

    async get(id: string): Promise<QueueRow | undefined> {
      const row = await db.selectFrom('comments').select(columns).where('id', '=', id).where('status', '!=', 'removed').executeTakeFirst();
      return row && normalize(row);
    },

    /** Applies the action and logs it, in one transaction; resolves the comment before and after. */
    async act(id: string, action: ModerationAction, actor: string, at: Date): Promise<{ before: QueueRow; after: QueueRow } | null> {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('comments').select(columns).where('id', '=', id).where('status', '!=', 'removed').executeTakeFirst();
        if (!before) return null;
        const status = STATUS_AFTER[action];
        // Marked by a person: the queue says so. Approving keeps the record of why it was held.
        const heldFor = action === 'spam' ? 'manual' : before.held_for;
        await trx.updateTable('comments').set({ status, held_for: heldFor }).where('id', '=', id).execute();
        await trx
          .insertInto('moderation_log')
          .values({ id: randomBytes(9).toString('base64url'), at: at.getTime(), actor_email: actor, action, comment_id: id, thread_id: before.thread_id })
          .execute();
        const normalized = normalize(before);
        return { before: normalized, after: { ...normalized, status, held_for: heldFor } };
      });
    },

    async log(cursor: string | null, limit: number): Promise<LogRow[]> {
      let select = db.selectFrom('moderation_log').selectAll();
      const start = after(cursor);
      if (start) select = select.where((eb) => eb.or([eb('at', '<', start.time), eb.and([eb('at', '=', start.time), eb('id', '<', start.id)])]));
      const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => ({ ...row, at: Number(row.at) }));
    },
  };
}

export type ModerationStore = ReturnType<typeof createModerationStore>;
