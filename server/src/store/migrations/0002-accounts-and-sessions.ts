// 2 — the owner's side: owner and moderator accounts, their server-side sessions (revocable), and
// the moderation log. Only new tables: the comments keep their rows as they are.
import { sql, type Kysely, type Migration } from 'kysely';

async function isSqlite(db: Kysely<unknown>) {
  const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db).catch(() => ({ rows: [] }));
  return rows.length === 1;
}

export const accountsAndSessions: Migration = {
  async up(db: Kysely<unknown>) {
    const strict = (await isSqlite(db)) ? sql`strict` : sql``;
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (col) => col.primaryKey())
      // Stored lower-cased: one account per address, however it is typed.
      .addColumn('email', 'text', (col) => col.notNull().unique())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('owner', 'moderator')`))
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('created_at', 'integer', (col) => col.notNull())
      .modifyEnd(strict)
      .execute();
    await db.schema
      .createTable('sessions')
      // The SHA-256 of the cookie's token: a copy of the database signs nobody in.
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'integer', (col) => col.notNull())
      .addColumn('expires_at', 'integer', (col) => col.notNull())
      .addColumn('revoked_at', 'integer')
      .modifyEnd(strict)
      .execute();
    await db.schema.createIndex('sessions_by_user').on('sessions').columns(['user_id']).execute();
    await db.schema
      .createTable('moderation_log')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('at', 'integer', (col) => col.notNull())
      .addColumn('actor_email', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('comment_id', 'text', (col) => col.notNull())
      .addColumn('thread_id', 'text', (col) => col.notNull())
      .modifyEnd(strict)
      .execute();
    await db.schema.createIndex('moderation_log_by_time').on('moderation_log').columns(['at', 'id']).execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('moderation_log').ifExists().execute();
    await db.schema.dropTable('sessions').ifExists().execute();
    await db.schema.dropTable('users').ifExists().execute();
  },
};
