// @ts-check
// The database is a real file in WAL mode with a versioned schema, and data survives a restart.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db.mjs';
import { SCHEMA_VERSION } from '../schema.mjs';
import { newClientKey, startServer } from '../testing/helpers.mjs';

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
      openDatabase(path).close();
      assert.ok((await stat(path)).isFile());
      const db = new Database(path, { readonly: true });
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      db.close();
      // Opening again migrates nothing and keeps the version.
      openDatabase(path).close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a database from a newer server is refused, not misread', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-db-'));
    try {
      const path = join(dir, 'maoni.sqlite');
      const db = new Database(path);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      assert.throws(() => openDatabase(path), /newer than this server/);
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
