// Opens the SQLite file (creating it and its folder if needed) with the settings the server
// relies on, runs the migrations, and returns the comment store over it.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely } from 'kysely';
import { createAccountStore, type AccountStore } from './accounts.js';
import { createBanStore, type BanStore } from './bans.js';
import { createModerationStore, type ModerationStore } from './moderation.js';
import { createCommentStore, type CommentStore } from './comments.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

export interface Store extends CommentStore {
  /** Owner and moderator accounts, and their sessions. */
  readonly accounts: AccountStore;
  /** The moderation queue, moderators' changes and their log. */
  readonly moderation: ModerationStore;
  /** Bans of authors, and the hashes that recognise them. */
  readonly bans: BanStore;
  /** The Kysely instance, for tools and tests. */
  readonly db: Kysely<Database>;
  /** Closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** @param path A file path, or ':memory:'. */
export async function openStore(path: string): Promise<Store> {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  try {
    // WAL: readers never wait for the writer, and a crash never corrupts the file.
    sqlite.pragma('journal_mode = WAL');
    // With WAL, NORMAL keeps the file consistent on power loss and only risks the last commits;
    // for comments that trade is worth the much cheaper commits.
    sqlite.pragma('synchronous = NORMAL');
    // Off while migrating: a table rebuild (migration 3) must not cascade or fail on the old
    // table's references; checked below, then on for good.
    sqlite.pragma('foreign_keys = OFF');
    // Another process (a second server, a backup) may hold the write lock for a moment.
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  let closed: Promise<void> | null = null;
  const close = () => (closed ??= db.destroy());
  try {
    await migrate(db, { sqlite: true });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`maoni: the database has ${broken.length} broken references after migrating.`);
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    await close();
    throw error;
  }
  return { ...createCommentStore(db), accounts: createAccountStore(db), moderation: createModerationStore(db), bans: createBanStore(db), db, close };
}
