// Kysely's SQLite dialect, with one change: transactions begin IMMEDIATE. The read-then-write
// transactions (moderation, parent, idempotency key, reaction) then hold the write lock before
// they read, so another process on the same file (a second server, a migration) cannot change
// what they read, and they never deadlock upgrading a read lock to a write lock.
//
// And the migrations run in such a transaction too (SQLite's DDL is transactional, though Kysely's
// adapter does not claim it): two processes opening one new file cannot both create the schema.
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
} from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
