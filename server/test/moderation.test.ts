// Moderation holds first-time commenters' comments as pending, visible to their author only; the
// honeypot answers bots like a success and stores nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../src/store/open.js';
import { newClientKey, openEventStream, startServer, type TestServer } from '../testing/helpers.js';

let s: TestServer;
before(async () => {
  s = await startServer({ moderation: true });
});
after(() => s.close());

describe('moderation', { timeout: 30_000 }, () => {
  test('config says so', async () => {
    assert.equal((await s.api('/config')).json.moderation, true);
  });

  test('a first-time commenter’s comment is pending, visible only to its author', async () => {
    const thread = 'mod/first';
    const author = newClientKey();
    const stream = await openEventStream(`${s.base}/threads/${encodeURIComponent(thread)}/events`);
    try {
      const { status, json: pending } = await s.post(thread, { client: author, body: 'hello?' });
      assert.equal(status, 201);
      assert.equal(pending.status, 'pending');
      assert.deepEqual(pending.can, { edit: true, delete: true });

      const own = await s.list(thread, {}, author);
      assert.deepEqual(own.json.comments, [pending]);
      assert.equal(own.json.total, 1);
      for (const viewer of [null, newClientKey()]) {
        const other = await s.list(thread, {}, viewer);
        assert.deepEqual(other.json, { comments: [], nextCursor: null, total: 0 });
      }
      assert.deepEqual((await s.api('/counts?thread=mod%2Ffirst')).json.counts, { [thread]: 0 });
      // Others cannot reply to it, edit it or even see it exists.
      assert.equal((await s.post(thread, { parentId: pending.id, client: newClientKey() })).status, 404);
      const path = `/threads/${encodeURIComponent(thread)}/comments/${pending.id}`;
      assert.equal((await s.api(path, { method: 'PATCH', client: newClientKey(), body: { body: 'x' } })).status, 404);
      assert.equal((await s.api(path, { method: 'DELETE', client: newClientKey() })).status, 404);
      // Its author can edit it, and replies to it are pending too.
      assert.equal((await s.api(path, { method: 'PATCH', client: author, body: { body: 'hello!' } })).status, 200);
      const { json: ownReply } = await s.post(thread, { parentId: pending.id, client: author });
      assert.equal(ownReply.status, 'pending');

      // A moderator approves it (db module): now everyone sees it, and the author is trusted.
      const store = await openStore(s.dbPath);
      assert.equal(await store.approve(pending.id), true);
      await store.close();
      const { json: list } = await s.list(thread);
      assert.deepEqual(
        list.comments.map((c: any) => [c.id, c.status, c.body]),
        [[pending.id, 'published', 'hello!']]
      );
      const { json: next } = await s.post(thread, { client: author, body: 'trusted now' });
      assert.equal(next.status, 'published');

      // Pending comments were never broadcast; the first event is the published one.
      const created = await stream.nextEvent('created');
      assert.equal(created.id, next.id);
    } finally {
      stream.close();
    }
  });

  test('without a client key every comment is pending (and invisible)', async () => {
    const { json } = await s.post('mod/anon', { client: null });
    assert.equal(json.status, 'pending');
    assert.equal((await s.list('mod/anon')).json.total, 0);
  });
});

describe('honeypot', { timeout: 30_000 }, () => {
  test('a filled honeypot gets a plausible 201 and nothing is stored', async () => {
    const thread = 'mod/honeypot';
    const client = newClientKey();
    const store = await openStore(s.dbPath);
    await store.importComments([{ threadId: 'mod/trust', body: 'x', authorName: 'A', createdAt: 1, clientKey: client }]);
    await store.close();
    for (const honeypot of ['http://spam.example', 'x', 1, true, ['x']]) {
      const bot = await s.post(thread, { client, extra: { honeypot } });
      assert.equal(bot.status, 201);
      assert.match(bot.json.id, /^[A-Za-z0-9_-]{16}$/);
      assert.equal(bot.json.body, 'A comment');
      assert.ok(['published', 'pending'].includes(bot.json.status));
    }
    assert.equal((await s.list(thread, {}, client)).json.total, 0);
    // An empty honeypot is a human.
    const human = await s.post(thread, { client, extra: { honeypot: '' } });
    assert.equal(human.status, 201);
    assert.equal((await s.list(thread, {}, client)).json.total, 1);
  });
});
