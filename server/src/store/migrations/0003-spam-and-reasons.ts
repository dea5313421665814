// 3 — moderation: the status `spam`, and why a comment was held (`held_for`: honeypot, too-fast,
// links, moderation, akismet, …, or null). SQLite cannot change a CHECK constraint in place, so the
// table is rebuilt the way SQLite documents (new table, copy, drop, rename; open.ts runs migrations
// with foreign keys off and checks them after). Every row, id and reaction stays as it was.
import { sql, type Kysely, type Migration } from 'kysely';

const STATUSES = sql`status in ('published', 'pending', 'spam', 'deleted', 'removed')`;
const COLUMNS = ['id', 'thread_id', 'parent_id', 'status', 'body', 'author_name', 'author_email', 'author_url', 'client_key', 'idempotency_key', 'created_at', 'edited_at', 'up', 'down'];

async function isSqlite(db: Kysely<unknown>) {
  const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db).catch(() => ({ rows: [] }));
  return rows.length === 1;
}

async function createIndexes(db: Kysely<unknown>) {
  await db.schema.createIndex('comments_by_time').on('comments').columns(['thread_id', 'parent_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_by_score').on('comments').columns(['thread_id', 'parent_id', 'score desc', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_by_parent').on('comments').columns(['parent_id', 'created_at', 'id', 'status', 'client_key']).execute();
  await db.schema.createIndex('comments_by_status').on('comments').columns(['thread_id', 'status', 'client_key']).execute();
  await db.schema.createIndex('comments_by_client').on('comments').columns(['client_key', 'status']).execute();
  // The moderation queue: newest first per status, across threads.
  await db.schema.createIndex('comments_by_status_time').on('comments').columns(['status', 'created_at', 'id']).execute();
}

export const spamAndReasons: Migration = {
  async up(db: Kysely<unknown>) {
    if (!(await isSqlite(db))) {
      await sql`alter table comments drop constraint if exists comments_status_check`.execute(db);
      await sql`alter table comments add constraint comments_status_check check (${STATUSES})`.execute(db);
      await db.schema.alterTable('comments').addColumn('held_for', 'text').execute();
      await db.schema.createIndex('comments_by_status_time').on('comments').columns(['status', 'created_at', 'id']).execute();
      return;
    }
    await db.schema
      .createTable('comments_next')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('thread_id', 'text', (col) => col.notNull())
      .addColumn('parent_id', 'text', (col) => col.references('comments.id'))
      .addColumn('status', 'text', (col) => col.notNull().check(STATUSES))
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
      .addColumn('held_for', 'text')
      .addUniqueConstraint('comments_thread_key', ['thread_id', 'idempotency_key'])
      .modifyEnd(sql`strict`)
      .execute();
    const columns = sql.join(COLUMNS.map((column) => sql.ref(column)));
    await sql`insert into comments_next (${columns}) select ${columns} from comments`.execute(db);
    await db.schema.dropTable('comments').execute();
    // The reference `comments.id` of parent_id (and of reactions) names the table, which is
    // `comments` again after the rename.
    await sql`alter table comments_next rename to comments`.execute(db);
    await createIndexes(db);
  },

  async down() {
    throw new Error('maoni: migration 3 (spam and reasons) cannot be undone; restore a backup instead.');
  },
};
