// Posting and listing, the config, routing, and thread id rules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newClientKey, newKey, startServer, type TestServer } from '../testing/helpers.js';

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(() => s.close());

describe('basics', { timeout: 30_000 }, () => {
  test('GET /config describes the capabilities', async () => {
    const { status, json } = await s.api('/config');
    assert.equal(status, 200);
    // A signed form token (spam/form-token.ts): when the form was shown.
    const { formToken, ...capabilities } = json;
    assert.match(formToken, /^\d+\.[\w-]{43}$/);
    assert.deepEqual(capabilities, {
      sorts: ['oldest', 'newest', 'top'],
      reactions: ['up', 'down'],
      authorFields: { email: 'optional', url: 'optional' },
      editWindowSeconds: 900,
      maxBodyLength: 10000,
      moderation: false,
      viewer: null,
    });
  });

  test('a posted comment comes back in full and is listed', async () => {
    const client = newClientKey();
    const thread = 'blog/social-media-roi';
    const created = await s.api(`/threads/${encodeURIComponent(thread)}/comments`, {
      method: 'POST',
      client,
      key: newKey(),
      body: {
        parentId: null,
        body: 'Asante kwa makala hii!\n\nPara two.',
        author: { name: '  Nick   Stamoulis ', email: 'nick@example.com', url: 'https://nick.example' },
      },
    });
    assert.equal(created.status, 201);
    const comment = created.json;
    assert.match(comment.id, /^[A-Za-z0-9_-]{16}$/);
    assert.equal(comment.parentId, null);
    assert.deepEqual(comment.author, { name: 'Nick Stamoulis', url: 'https://nick.example/' });
    assert.equal(comment.body, 'Asante kwa makala hii!\n\nPara two.');
    assert.ok(!Number.isNaN(Date.parse(comment.createdAt)));
    assert.equal(comment.status, 'published');
    assert.equal(comment.replyCount, 0);
    assert.equal(comment.score, 0);
    assert.deepEqual(comment.reactions, { up: 0, down: 0 });
    assert.deepEqual(comment.viewerReactions, []);
    assert.deepEqual(comment.can, { edit: true, delete: true });
    assert.equal(comment.editedAt, undefined);
    // Never returned: email, client key, idempotency key.
    assert.doesNotMatch(created.text, /nick@example\.com/);
    assert.doesNotMatch(created.text, new RegExp(client));

    const mine = await s.list(thread, {}, client);
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.json, { comments: [comment], nextCursor: null, total: 1 });
    // Another reader sees the same comment without the author's rights.
    const theirs = await s.list(thread);
    assert.deepEqual(theirs.json.comments[0], { ...comment, can: { edit: false, delete: false } });
  });

  test('responses are JSON, uncacheable and unsniffable', async () => {
    const { headers } = await s.api('/config');
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
  });

  test('an unknown thread lists empty', async () => {
    const { status, json } = await s.list('never/posted');
    assert.equal(status, 200);
    assert.deepEqual(json, { comments: [], nextCursor: null, total: 0 });
  });

  test('thread ids: one encoded segment, 1–200 characters, no controls', async () => {
    const good = ['i', 'ids/blog/social-media-roi', 'हिंदी/टिप्पणी 🎉', 'x'.repeat(200), '🎉'.repeat(200), '?#&=% +'];
    for (const thread of good) {
      const posted = await s.post(thread);
      assert.equal(posted.status, 201, thread);
      const listed = await s.list(thread);
      assert.equal(listed.json.total, 1, thread);
    }
    // Threads are separate: a slash-separated id is not a prefix of another.
    assert.equal((await s.list('ids/blog')).json.total, 0);

    const bad = [
      ['x'.repeat(201), 'too long'],
      ['a\u0000b', 'NUL'],
      ['a\nb', 'newline'],
      ['a\u0085b', 'C1 control'],
    ];
    for (const [thread, why] of bad) {
      const { status, json } = await s.list(thread);
      assert.equal(status, 400, why);
      assert.equal(json.error.code, 'validation', why);
      assert.equal((await s.post(thread)).status, 400, why);
    }
    // Malformed percent-encoding and invalid UTF-8 in the segment.
    for (const raw of ['%E0%A4%A', '%FF', '%']) {
      const { status, json } = await s.api(`/threads/${raw}/comments`);
      assert.equal(status, 400, raw);
      assert.equal(json.error.code, 'validation');
    }
  });

  test('unknown paths are 404 and wrong methods 405, as JSON errors', async () => {
    for (const path of ['/nope', '/threads', '/threads/a', '/threads/a/comments/b/c', '/threads//comments', '/config/']) {
      const { status, json } = await s.api(path);
      assert.equal(status, 404, path);
      assert.equal(json.error.code, 'not_found', path);
      assert.equal(typeof json.error.message, 'string');
    }
    const wrong = await s.api('/config', { method: 'DELETE' });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET');
    assert.equal(wrong.json.error.code, 'validation');
    const put = await s.api('/threads/a/comments', { method: 'PUT', body: {} });
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'GET, POST');
  });

  test('a malformed X-Maoni-Client is refused on every route', async () => {
    for (const client of ['short', 'has space in it 123456', 'x'.repeat(129), 'dots.are.not.allowed.here']) {
      for (const path of ['/threads/a/comments', '/config', '/counts?thread=a']) {
        const read = await s.api(path, { headers: { 'x-maoni-client': client } });
        assert.equal(read.status, 400, `${client} ${path}`);
        assert.match(read.json.error.message, /X-Maoni-Client/);
      }
    }
  });

  test('replies: parentId links to a comment of the same thread', async () => {
    const parent = (await s.post('replies/basic')).json;
    const reply = await s.post('replies/basic', { parentId: parent.id, body: '@Amina yes' });
    assert.equal(reply.status, 201);
    assert.equal(reply.json.parentId, parent.id);
    // The parent exists, but in another thread.
    const elsewhere = await s.post('replies/other', { parentId: parent.id });
    assert.equal(elsewhere.status, 404);
    assert.equal(elsewhere.json.error.code, 'not_found');
    const missing = await s.post('replies/basic', { parentId: 'nonexistent' });
    assert.equal(missing.status, 404);
  });

  test('no response ever carries a stack trace', async () => {
    const { text } = await s.api('/threads/a/comments', {
      method: 'POST',
      key: newKey(),
      rawBody: '{"body": ',
      headers: { 'content-type': 'application/json' },
    });
    assert.doesNotMatch(text, /at .*\.mjs|Error:|\n\s+at /);
  });
});
