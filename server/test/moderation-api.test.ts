// The moderation API (issue 16): only a signed-in owner or moderator reaches it; the queue lists
// held comments newest first with why they were held and counts per status; approving publishes
// live to the thread's readers; spam and delete take a comment away from readers, restore brings
// it back; every action is in the log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newClientKey, openEventStream, startServer, type TestServer } from '../testing/helpers.js';

const owner = { email: 'owner@example.com', password: 'owner password 1' };
let s: TestServer;
let cookie = '';
before(async () => {
  s = await startServer({ owner, moderation: true });
  const signedIn = await s.api('/session', { method: 'POST', body: owner, headers: { origin: s.origin } });
  cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
});
after(() => s.close());

const asOwner = (extra: Record<string, string> = {}) => ({ cookie, origin: s.origin, ...extra });
const act = (id: string, action: string, headers = asOwner()) => s.api(`/moderation/comments/${id}`, { method: 'POST', body: { action }, headers });

describe('moderation API', { timeout: 60_000 }, () => {
  test('no moderation route works without a session, with a forged one, or with a reader’s token', async () => {
    for (const headers of [{}, { cookie: 'maoni_session=forged-forged-forged-forged-forged-forged-for' }] as Record<string, string>[]) {
      assert.equal((await s.api('/moderation/comments', { headers })).status, 401);
      assert.equal((await s.api('/moderation/log', { headers })).status, 401);
      assert.equal((await s.api('/moderation/comments/x', { method: 'POST', body: { action: 'approve' }, headers: { ...headers, origin: s.origin } })).status, 401);
    }
    assert.equal((await s.api('/moderation/comments', { headers: { authorization: 'Bearer a.reader.token' } })).status, 403);
  });

  test('a moderator action from another site is refused even with the session (CSRF)', async () => {
    const { json } = await s.post('mod/csrf', { client: newClientKey(), body: 'held' });
    const refused = await act(json.id, 'approve', { cookie, origin: 'https://evil.example' });
    assert.equal(refused.status, 403);
    const queue = await s.api('/moderation/comments?status=pending&thread=mod%2Fcsrf', { headers: asOwner() });
    assert.equal(queue.json.comments[0].status, 'pending', 'nothing changed');
  });

  test('the queue: held comments newest first, with their thread and why they were held, and counts', async () => {
    const first = (await s.post('mod/queue-a', { client: newClientKey(), body: 'first' })).json;
    const second = (await s.post('mod/queue-b', { client: newClientKey(), body: 'second' })).json;
    const queue = await s.api('/moderation/comments?status=pending&limit=100', { headers: asOwner() });
    assert.equal(queue.status, 200);
    const ids = queue.json.comments.map((comment: any) => comment.id);
    assert.ok(ids.indexOf(second.id) < ids.indexOf(first.id), 'newest first');
    const held = queue.json.comments.find((comment: any) => comment.id === first.id);
    assert.equal(held.threadId, 'mod/queue-a');
    assert.equal(held.status, 'pending');
    assert.ok(!('email' in held.author));
    assert.ok(queue.json.counts.pending >= 2);
    const one = await s.api('/moderation/comments?status=pending&thread=mod%2Fqueue-b', { headers: asOwner() });
    assert.deepEqual(one.json.comments.map((comment: any) => comment.id), [second.id]);
    assert.equal(one.json.counts.pending, 1);
  });

  test('the queue pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await s.post('mod/pages', { client: newClientKey(), body: `page ${i}` });
    const first = await s.api('/moderation/comments?thread=mod%2Fpages&limit=2', { headers: asOwner() });
    assert.equal(first.json.comments.length, 2);
    assert.ok(first.json.nextCursor);
    const next = await s.api(`/moderation/comments?thread=mod%2Fpages&limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`, { headers: asOwner() });
    assert.equal(next.json.comments.length, 1);
    assert.equal(next.json.nextCursor, null);
  });

  test('approving a held comment publishes it to the thread’s readers, live', async () => {
    const thread = 'mod/live';
    const { json: held } = await s.post(thread, { client: newClientKey(), body: 'please approve me' });
    assert.equal(held.status, 'pending');
    assert.equal((await s.list(thread)).json.comments.length, 0, 'readers do not see it yet');
    const stream = await openEventStream(`${s.base}/threads/${encodeURIComponent(thread)}/events`);
    try {
      const approved = await act(held.id, 'approve');
      assert.equal(approved.status, 200);
      assert.equal(approved.json.status, 'published');
      const event = await stream.nextEvent('created');
      assert.equal(event.id, held.id);
      assert.equal(event.body, 'please approve me');
    } finally {
      stream.close();
    }
    assert.deepEqual((await s.list(thread)).json.comments.map((comment: any) => comment.id), [held.id]);
  });

  test('spam and delete take a published comment from readers; restore brings it back; all is logged', async () => {
    const thread = 'mod/cycle';
    const { json: held } = await s.post(thread, { client: newClientKey(), body: 'a comment' });
    await act(held.id, 'approve');
    const spam = await act(held.id, 'spam');
    assert.equal(spam.json.status, 'spam');
    assert.equal(spam.json.heldFor, 'manual');
    assert.equal((await s.list(thread)).json.comments.length, 0);
    assert.equal((await act(held.id, 'restore')).json.status, 'published');
    assert.equal((await s.list(thread)).json.comments[0].body, 'a comment');
    assert.equal((await act(held.id, 'delete')).json.status, 'deleted');
    const tombstone = (await s.list(thread)).json.comments[0];
    assert.equal(tombstone.status, 'deleted');
    assert.equal(tombstone.body, '', 'readers see no text');
    assert.equal((await act(held.id, 'restore')).json.body, 'a comment', 'the text came back');
    const log = await s.api('/moderation/log?limit=100', { headers: asOwner() });
    const mine = log.json.entries.filter((entry: any) => entry.commentId === held.id).map((entry: any) => entry.action);
    assert.deepEqual(mine, ['restore', 'delete', 'restore', 'spam', 'approve']);
    assert.equal(log.json.entries[0].actor.email, owner.email);
    assert.equal(log.json.entries[0].threadId, thread);
  });

  test('an unknown comment is 404, an unknown action 400', async () => {
    assert.equal((await act('nope', 'approve')).status, 404);
    const { json } = await s.post('mod/bad', { client: newClientKey() });
    const bad = await act(json.id, 'publish');
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 'validation');
  });

  test('in the thread itself, a moderator’s list holds the held comments (marked), a reader’s does not', async () => {
    const thread = 'mod/in-thread';
    const { json: held } = await s.post(thread, { client: newClientKey(), body: 'waiting' });
    const asModerator = await s.api(`/threads/${encodeURIComponent(thread)}/comments`, { headers: { cookie } });
    assert.deepEqual(asModerator.json.comments.map((comment: any) => [comment.id, comment.status]), [[held.id, 'pending']]);
    assert.equal(asModerator.json.total, 1);
    await act(held.id, 'spam');
    const again = await s.api(`/threads/${encodeURIComponent(thread)}/comments`, { headers: { cookie } });
    assert.equal(again.json.comments[0].status, 'spam');
    const reader = await s.list(thread);
    assert.equal(reader.json.comments.length, 0);
    assert.equal(reader.json.total, 0);
  });
});
