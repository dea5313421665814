// 4 — who wrote a comment, as far as moderation needs it: the host site's reader id when the site
// signed the reader in (author_id, author_verified), salted hashes of the e-mail and network
// address (for bans of anonymous authors: the clear values are not needed to recognise them), and
// the address and user agent in clear only where an Akismet-protocol service needs them for its
// submit-spam / submit-ham reports. The bans, and a per-database salt for those hashes.
// Only added columns and tables: SQLite adds a nullable column in place, every row stays.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';

async function isSqlite(db: Kysely<unknown>) {
  const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db).catch(() => ({ rows: [] }));
  return rows.length === 1;
}

export const authorsAndBans: Migration = {
  async up(db: Kysely<unknown>) {
    const strict = (await isSqlite(db)) ? sql`strict` : sql``;
    for (const column of ['author_id', 'email_hash', 'ip_hash', 'client_ip', 'user_agent']) {
      await db.schema.alterTable('comments').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('comments').addColumn('author_verified', 'integer', (col) => col.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('bans')
      .addColumn('id', 'text', (col) => col.primaryKey())
      // A signed-in reader is banned by id; anyone else by e-mail hash and by address hash.
      .addColumn('author_id', 'text')
      .addColumn('email_hash', 'text')
      .addColumn('ip_hash', 'text')
      .addColumn('author_name', 'text', (col) => col.notNull())
      .addColumn('comment_id', 'text', (col) => col.notNull())
      .addColumn('created_at', 'integer', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.notNull())
      .modifyEnd(strict)
      .execute();
    for (const column of ['author_id', 'email_hash', 'ip_hash']) {
      await db.schema.createIndex(`bans_by_${column}`).on('bans').column(column).execute();
    }
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (col) => col.primaryKey())
      .addColumn('value', 'text', (col) => col.notNull())
      .modifyEnd(strict)
      .execute();
    // Salts the hashes: without it, the hash of an address is found by trying all four billion.
    await sql`insert into settings (key, value) values ('hash_salt', ${randomBytes(32).toString('base64url')})`.execute(db);
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('settings').ifExists().execute();
    await db.schema.dropTable('bans').ifExists().execute();
    for (const column of ['author_id', 'email_hash', 'ip_hash', 'client_ip', 'user_agent', 'author_verified']) {
      await db.schema.alterTable('comments').dropColumn(column).execute();
    }
  },
};
