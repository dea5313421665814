// Every migration, in order, by name. A static list (not a folder scan) so the Migrator finds
// them in the compiled output and in any bundle. Append only: never edit a migration that has
// shipped; add the next one.
import type { Migration, MigrationProvider } from 'kysely';
import { commentsAndReactions } from './0001-comments-and-reactions.js';
import { accountsAndSessions } from './0002-accounts-and-sessions.js';
import { spamAndReasons } from './0003-spam-and-reasons.js';
import { authorsAndBans } from './0004-authors-and-bans.js';

export const migrations: Record<string, Migration> = {
  '0001-comments-and-reactions': commentsAndReactions,
  '0002-accounts-and-sessions': accountsAndSessions,
  '0003-spam-and-reasons': spamAndReasons,
  '0004-authors-and-bans': authorsAndBans,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** How many migrations this code knows; recorded as SQLite's user_version too. */
export const SCHEMA_VERSION = Object.keys(migrations).length;
