// Brings a database up to the schema this code writes, with Kysely's Migrator. A database that
// a newer server has migrated further is refused instead of being misread.
import { Migrator, sql, type Kysely } from 'kysely';
import { SCHEMA_VERSION, migrationProvider } from './migrations/index.js';

export async function migrate(db: Kysely<any>, { sqlite }: { sqlite: boolean }): Promise<void> {
  // Before Kysely, the schema version lived only in SQLite's user_version (1 = the first schema).
  // It is still written, so a server from before Kysely also refuses a database that is newer.
  if (sqlite) {
    const version = await userVersion(db);
    if (version > SCHEMA_VERSION) throw newerDatabase(`schema version ${version}`);
  }
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Kysely: "corrupted migrations: previously executed migration X is missing".
    if (/previously executed migration/.test(message)) throw newerDatabase(message.replace(/^.*migration /, 'migration '));
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`maoni: migrating the database failed${failed ? ` in ${failed}` : ''}: ${message}`, { cause: error });
  }
  // A pragma cannot take a bound parameter; the version is a number this code computed.
  if (sqlite) await sql.raw(`pragma user_version = ${SCHEMA_VERSION}`).execute(db);
}

async function userVersion(db: Kysely<any>) {
  const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
  return Number(rows[0]?.user_version ?? 0);
}

const newerDatabase = (what: string) =>
  new Error(`maoni: the database has ${what}, newer than this server's schema (${SCHEMA_VERSION} migrations).`);
