// The same Idempotency-Key never creates a second comment: not on a retry, not under a burst.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newClientKey, newKey, startServer, type TestServer } from '../testing/helpers.js';

let s: TestServer;
before(async () => {
  // Rate limiting on, as in production: replays must not count against it.
  s = await startServer({ rateLimit: { posts: 5, perSeconds: 60 } });
});
after(() => s.close());

describe('idempotency', { timeout: 30_000 }, () => {
  test('a retried post returns the same comment with 200', async () => {
    const client = newClientKey();
    const key = newKey();
    const first = await s.post('idem/seq', { client, key, body: 'once' });
    assert.equal(first.status, 201);
    const again = await s.post('idem/seq', { client, key, body: 'once' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, first.json);
    // Even with a different body: the key decides.
    const changed = await s.post('idem/seq', { client, key, body: 'twice?' });
    assert.equal(changed.status, 200);
    assert.equal(changed.json.id, first.json.id);
    assert.equal(changed.json.body, 'once');
    assert.equal((await s.list('idem/seq')).json.total, 1);
  });

  test('20 concurrent posts with one key make exactly one comment', async () => {
    const client = newClientKey();
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => s.post('idem/burst', { client, key, body: 'burst' }))
    );
    const statuses = responses.map((r) => r.status).sort((a, b) => a - b);
    assert.deepEqual(statuses, [...Array(19).fill(200), 201]);
    assert.equal(new Set(responses.map((r) => r.json.id)).size, 1);
    const { json } = await s.list('idem/burst');
    assert.equal(json.total, 1);
    assert.equal(json.comments.length, 1);
  });

  test('keys are per thread', async () => {
    const key = newKey();
    const a = await s.post('idem/a', { key });
    const b = await s.post('idem/b', { key });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.json.id, b.json.id);
  });

  test('the database refuses a duplicate key even past the code', async () => {
    const { openStore } = await import('../src/store/open.js');
    const store = await openStore(s.dbPath);
    try {
      const row = { threadId: 'idem/db', body: 'x', authorName: 'A', createdAt: 1, idempotencyKey: 'same-key-1' };
      assert.equal(typeof (await store.importComments([row]))[0], 'string');
      // The insert ignores the conflict: still one row.
      assert.deepEqual(await store.importComments([row]), [null]);
      assert.equal(await store.total('idem/db', null), 1);
    } finally {
      await store.close();
    }
  });
});
