// @ts-check
// The database schema as an ordered list of migrations. `PRAGMA user_version` records how many
// have run, so opening an older database file upgrades it in place, and a newer file (from a
// later server) is refused instead of being misread.

/**
 * Append only: never edit a migration that has shipped; add the next one.
 * @type {string[]}
 */
export const migrations = [
  // 1 — comments and reactions.
  `
  CREATE TABLE comments (
    id              TEXT PRIMARY KEY,
    thread_id       TEXT NOT NULL,
    parent_id       TEXT REFERENCES comments (id),
    -- 'removed' is internal: a deleted comment with no replies left, which nobody sees any more.
    status          TEXT NOT NULL CHECK (status IN ('published', 'pending', 'deleted', 'removed')),
    body            TEXT NOT NULL,
    author_name     TEXT NOT NULL,
    author_email    TEXT,
    author_url      TEXT,
    client_key      TEXT,
    idempotency_key TEXT NOT NULL,
    created_at      INTEGER NOT NULL,  -- milliseconds since the epoch: exact, and cheap to compare
    edited_at       INTEGER,
    up              INTEGER NOT NULL DEFAULT 0,
    down            INTEGER NOT NULL DEFAULT 0,
    score           INTEGER GENERATED ALWAYS AS (up - down) VIRTUAL,
    -- The database, not the code, guarantees one comment per key, even across processes.
    UNIQUE (thread_id, idempotency_key)
  ) STRICT;

  -- One index per keyset order, so every page is an index range scan, however deep.
  CREATE INDEX comments_by_time ON comments (thread_id, parent_id, created_at, id);
  CREATE INDEX comments_by_score ON comments (thread_id, parent_id, score DESC, created_at, id);
  -- Replies of a comment in order (inline replies); covering for replyCount and tombstone checks.
  CREATE INDEX comments_by_parent ON comments (parent_id, created_at, id, status, client_key);
  -- Totals and counts per thread, covering.
  CREATE INDEX comments_by_status ON comments (thread_id, status, client_key);
  -- "Has this client a published comment yet?" for moderation.
  CREATE INDEX comments_by_client ON comments (client_key, status);

  -- At most one reaction per client and comment: switching up to down replaces the row.
  CREATE TABLE reactions (
    comment_id TEXT NOT NULL REFERENCES comments (id),
    client_key TEXT NOT NULL,
    reaction   TEXT NOT NULL CHECK (reaction IN ('up', 'down')),
    PRIMARY KEY (comment_id, client_key)
  ) STRICT, WITHOUT ROWID;
  `,
];

/**
 * Brings the schema up to date in one write transaction. IMMEDIATE takes the write lock first,
 * so two processes opening the same new file cannot both run migration 1.
 * @param {import('better-sqlite3').Database} db
 */
export function migrate(db) {
  const upgrade = db.transaction(() => {
    const current = /** @type {number} */ (db.pragma('user_version', { simple: true }));
    if (current > migrations.length) {
      throw new Error(
        `maoni: the database has schema version ${current}, newer than this server's ${migrations.length}.`
      );
    }
    for (let version = current; version < migrations.length; version++) {
      db.exec(migrations[version]);
      // A pragma cannot take a bound parameter; `version` is a number from this loop.
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  upgrade.immediate();
}

/** The schema version this code writes. */
export const SCHEMA_VERSION = migrations.length;
