// The database is a real file in WAL mode with a versioned schema, data survives a restart, and a
// database made by the server before Kysely (server/db.mjs) opens, migrates and keeps its data.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../src/store/migrations/index.js';
import { openStore } from '../src/store/open.js';
import { newClientKey, startServer } from '../testing/helpers.js';

/** The schema exactly as the .mjs server created it (its migration 1, PRAGMA user_version 1). */
const OLD_SCHEMA = `
  CREATE TABLE comments (
    id              TEXT PRIMARY KEY,
    thread_id       TEXT NOT NULL,
    parent_id       TEXT REFERENCES comments (id),
    status          TEXT NOT NULL CHECK (status IN ('published', 'pending', 'deleted', 'removed')),
    body            TEXT NOT NULL,
    author_name     TEXT NOT NULL,
    author_email    TEXT,
    author_url      TEXT,
    client_key      TEXT,
    idempotency_key TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    edited_at       INTEGER,
    up              INTEGER NOT NULL DEFAULT 0,
    down            INTEGER NOT NULL DEFAULT 0,
    score           INTEGER GENERATED ALWAYS AS (up - down) VIRTUAL,
    UNIQUE (thread_id, idempotency_key)
  ) STRICT;
  CREATE INDEX comments_by_time ON comments (thread_id, parent_id, created_at, id);
  CREATE INDEX comments_by_score ON comments (thread_id, parent_id, score DESC, created_at, id);
  CREATE INDEX comments_by_parent ON comments (parent_id, created_at, id, status, client_key);
  CREATE INDEX comments_by_status ON comments (thread_id, status, client_key);
  CREATE INDEX comments_by_client ON comments (client_key, status);
  CREATE TABLE reactions (
    comment_id TEXT NOT NULL REFERENCES comments (id),
    client_key TEXT NOT NULL,
    reaction   TEXT NOT NULL CHECK (reaction IN ('up', 'down')),
    PRIMARY KEY (comment_id, client_key)
  ) STRICT, WITHOUT ROWID;
`;

describe('persistence', { timeout: 30_000 }, () => {
  test('a restart on the same file keeps comments, reactions and ownership', async () => {
    const first = await startServer();
    const client = newClientKey();
    const { json: comment } = await first.post('persist/a', { client, body: 'kept' });
    const path = `/threads/persist%2Fa/comments/${comment.id}`;
    await first.api(`${path}/reactions`, { client, body: { reaction: 'up', active: true } });
    await first.close({ keepFiles: true });

    const second = await startServer({ dbPath: first.dbPath });
    try {
      const { json } = await second.list('persist/a', {}, client);
      assert.equal(json.total, 1);
      assert.equal(json.comments[0].id, comment.id);
      assert.equal(json.comments[0].body, 'kept');
      assert.deepEqual(json.comments[0].viewerReactions, ['up']);
      assert.equal(json.comments[0].can.edit, true);
      // The idempotency key is remembered across the restart too.
      const edit = await second.api(path, { method: 'PATCH', client, body: { body: 'still mine' } });
      assert.equal(edit.status, 200);
    } finally {
      await second.close();
      await rm(first.dir, { recursive: true, force: true });
    }
  });

  test('the file is created on first open, in WAL mode, with the schema version', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-db-'));
    try {
      const path = join(dir, 'nested', 'folder', 'maoni.sqlite');
      await (await openStore(path)).close();
      assert.ok((await stat(path)).isFile());
      const db = new Database(path, { readonly: true });
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      const names = (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((row) => row.name);
      assert.equal(names.length, SCHEMA_VERSION);
      db.close();
      // Opening again migrates nothing and keeps the version.
      await (await openStore(path)).close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a database from a newer server is refused, not misread', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-db-'));
    try {
      // Newer by the pre-Kysely version number…
      const byVersion = join(dir, 'version.sqlite');
      const db = new Database(byVersion);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      await assert.rejects(openStore(byVersion), /newer than this server/);

      // …and by a migration this code does not know.
      const byMigration = join(dir, 'migration.sqlite');
      await (await openStore(byMigration)).close();
      const later = new Database(byMigration);
      later.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString());
      later.close();
      await assert.rejects(openStore(byMigration), /newer than this server/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a database made by the server before Kysely opens, migrates, and serves its data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-db-'));
    const path = join(dir, 'maoni.sqlite');
    const client = newClientKey();
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec(OLD_SCHEMA);
    old.pragma('user_version = 1');
    const insert = old.prepare(`
      INSERT INTO comments (id, thread_id, parent_id, status, body, author_name, author_email, author_url,
                            client_key, idempotency_key, created_at, edited_at, up, down)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    insert.run('oldcomment000001', 'old/thread', null, 'published', 'From before', 'Amina', 'a@example.com', 'https://amina.example/', client, 'old-key-1', Date.parse('2025-01-02T03:04:05Z'), null, 2, 0);
    insert.run('oldcomment000002', 'old/thread', 'oldcomment000001', 'published', 'A reply', 'Juma', null, null, null, 'old-key-2', Date.parse('2025-01-02T04:00:00Z'), Date.parse('2025-01-02T04:05:00Z'), 0, 1);
    insert.run('oldcomment000003', 'old/thread', null, 'pending', 'Waiting', 'Amina', null, null, client, 'old-key-3', Date.parse('2025-01-03T00:00:00Z'), null, 0, 0);
    old.prepare('INSERT INTO reactions (comment_id, client_key, reaction) VALUES (?, ?, ?)').run('oldcomment000001', client, 'up');
    old.close();

    const s = await startServer({ dbPath: path });
    try {
      const { status, json } = await s.list('old/thread', {}, client);
      assert.equal(status, 200);
      assert.equal(json.total, 3);
      assert.deepEqual(
        json.comments.map((c: any) => [c.id, c.parentId, c.status, c.body, c.author, c.score, c.replyCount]),
        [
          ['oldcomment000001', null, 'published', 'From before', { name: 'Amina', url: 'https://amina.example/' }, 2, 1],
          ['oldcomment000003', null, 'pending', 'Waiting', { name: 'Amina' }, 0, 0],
          ['oldcomment000002', 'oldcomment000001', 'published', 'A reply', { name: 'Juma' }, -1, 0],
        ]
      );
      assert.deepEqual(json.comments[0].viewerReactions, ['up']);
      assert.equal(json.comments[0].createdAt, '2025-01-02T03:04:05.000Z');
      assert.equal(json.comments[2].editedAt, '2025-01-02T04:05:00.000Z');
      // The old idempotency keys still hold, and new comments go into the same tables.
      const replay = await s.api('/threads/old%2Fthread/comments', {
        key: 'old-key-1',
        client,
        body: { parentId: null, body: 'again', author: { name: 'Amina' } },
      });
      assert.equal(replay.status, 200);
      assert.equal(replay.json.id, 'oldcomment000001');
      assert.equal((await s.post('old/thread', { client })).status, 201);
      assert.deepEqual((await s.api('/counts?thread=old%2Fthread')).json.counts, { 'old/thread': 3 });
    } finally {
      await s.close({ keepFiles: true });
    }
    try {
      // The file now records the migrations, and has the old tables and the owner's side's new ones.
      const db = new Database(path, { readonly: true });
      assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
      assert.deepEqual(tables, ['bans', 'comments', 'moderation_log', 'reactions', 'sessions', 'settings', 'users']);
      assert.equal((db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n, 4);
      db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test(':memory: works for embedding, and two apps in one process share nothing', async () => {
    const one = await startServer({ dbPath: ':memory:', rateLimit: { posts: 1, perSeconds: 60 } });
    const two = await startServer({ dbPath: ':memory:', rateLimit: { posts: 1, perSeconds: 60 } });
    try {
      const client = newClientKey();
      assert.equal((await one.post('m', { client })).status, 201);
      assert.equal((await one.list('m')).json.total, 1);
      assert.equal((await two.list('m')).json.total, 0);
      // Each app has its own rate limits.
      assert.equal((await one.post('m', { client })).status, 429);
      assert.equal((await two.post('m', { client })).status, 201);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
