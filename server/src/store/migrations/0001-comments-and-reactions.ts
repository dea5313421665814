// 1 — comments and reactions: the schema the server had before it used Kysely (server/schema.mjs,
// PRAGMA user_version 1). A database file made by that server already has these tables, so this
// migration creates them only when they are absent; it never touches existing data.
import { sql, type Kysely, type Migration } from 'kysely';

/** SQLite's STRICT tables check column types; other dialects check them anyway. */
async function isSqlite(db: Kysely<unknown>) {
  const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db).catch(() => ({ rows: [] }));
  return rows.length === 1;
}

export const commentsAndReactions: Migration = {
  async up(db: Kysely<unknown>) {
    const tables = await db.introspection.getTables();
    if (tables.some((table) => table.name === 'comments')) return;
    const strict = (await isSqlite(db)) ? sql`strict` : sql``;

    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('thread_id', 'text', (col) => col.notNull())
      .addColumn('parent_id', 'text', (col) => col.references('comments.id'))
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sql`status in ('published', 'pending', 'deleted', 'removed')`)
      )
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('author_name', 'text', (col) => col.notNull())
      .addColumn('author_email', 'text')
      .addColumn('author_url', 'text')
      .addColumn('client_key', 'text')
      .addColumn('idempotency_key', 'text', (col) => col.notNull())
      .addColumn('created_at', 'integer', (col) => col.notNull())
      .addColumn('edited_at', 'integer')
      .addColumn('up', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('down', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('score', 'integer', (col) => col.generatedAlwaysAs(sql`up - down`))
      // The database, not the code, guarantees one comment per key, even across processes.
      .addUniqueConstraint('comments_thread_key', ['thread_id', 'idempotency_key'])
      .modifyEnd(strict)
      .execute();

    // One index per keyset order, so every page is an index range scan, however deep.
    await db.schema.createIndex('comments_by_time').on('comments').columns(['thread_id', 'parent_id', 'created_at', 'id']).execute();
    await db.schema
      .createIndex('comments_by_score')
      .on('comments')
      .columns(['thread_id', 'parent_id', 'score desc', 'created_at', 'id'])
      .execute();
    // Replies of a comment in order (inline replies); covering for replyCount and tombstone checks.
    await db.schema
      .createIndex('comments_by_parent')
      .on('comments')
      .columns(['parent_id', 'created_at', 'id', 'status', 'client_key'])
      .execute();
    // Totals and counts per thread, covering.
    await db.schema.createIndex('comments_by_status').on('comments').columns(['thread_id', 'status', 'client_key']).execute();
    // "Has this client a published comment yet?" for moderation.
    await db.schema.createIndex('comments_by_client').on('comments').columns(['client_key', 'status']).execute();

    // At most one reaction per client and comment: switching up to down replaces the row.
    await db.schema
      .createTable('reactions')
      .addColumn('comment_id', 'text', (col) => col.notNull().references('comments.id'))
      .addColumn('client_key', 'text', (col) => col.notNull())
      .addColumn('reaction', 'text', (col) => col.notNull().check(sql`reaction in ('up', 'down')`))
      .addPrimaryKeyConstraint('reactions_pk', ['comment_id', 'client_key'])
      .modifyEnd((await isSqlite(db)) ? sql`strict, without rowid` : sql``)
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('reactions').ifExists().execute();
    await db.schema.dropTable('comments').ifExists().execute();
  },
};
