// What the author's client key allows: edits within the window, deletes (tombstones), and
// reactions per client.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock, newClientKey, startServer, type TestServer } from '../testing/helpers.js';

const clock = manualClock();
let s: TestServer;
before(async () => {
  s = await startServer({ now: clock.now, editWindowSeconds: 900 });
});
after(() => s.close());

const at = (thread: string, id: string) => `/threads/${encodeURIComponent(thread)}/comments/${id}`;

describe('edit', { timeout: 30_000 }, () => {
  test('the author edits within the window; editedAt is set', async () => {
    const client = newClientKey();
    const { json: comment } = await s.post('own/edit', { client, body: 'Frist!' });
    clock.advance(60_000);
    const edited = await s.api(at('own/edit', comment.id), { method: 'PATCH', client, body: { body: 'First!' } });
    assert.equal(edited.status, 200);
    assert.equal(edited.json.body, 'First!');
    assert.equal(edited.json.editedAt, clock.now().toISOString());
    assert.equal(edited.json.createdAt, comment.createdAt);
    assert.deepEqual(edited.json.can, { edit: true, delete: true });
    const { json } = await s.list('own/edit');
    assert.equal(json.comments[0].body, 'First!');
    assert.equal(json.comments[0].editedAt, edited.json.editedAt);
  });

  test('after the window the edit is 403, and can.edit turns false', async () => {
    const client = newClientKey();
    const { json: comment } = await s.post('own/late', { client });
    clock.advance(900_000);
    // Exactly at the end of the window it still counts as inside.
    assert.equal((await s.list('own/late', {}, client)).json.comments[0].can.edit, true);
    const onTime = await s.api(at('own/late', comment.id), { method: 'PATCH', client, body: { body: 'ok' } });
    assert.equal(onTime.status, 200);
    clock.advance(1);
    const late = await s.api(at('own/late', comment.id), { method: 'PATCH', client, body: { body: 'too late' } });
    assert.equal(late.status, 403);
    assert.equal(late.json.error.code, 'forbidden');
    assert.match(late.json.error.message, /time to edit/);
    const { json } = await s.list('own/late', {}, client);
    assert.deepEqual(json.comments[0].can, { edit: false, delete: true });
    assert.equal(json.comments[0].body, 'ok');
  });

  test('another client key, or none, gets 403; an unknown id 404', async () => {
    const { json: comment } = await s.post('own/other', { client: newClientKey() });
    const other = await s.api(at('own/other', comment.id), {
      method: 'PATCH',
      client: newClientKey(),
      body: { body: 'mine now' },
    });
    assert.equal(other.status, 403);
    assert.equal(other.json.error.code, 'forbidden');
    const anonymous = await s.api(at('own/other', comment.id), { method: 'PATCH', body: { body: 'x' } });
    assert.equal(anonymous.status, 403);
    const missing = await s.api(at('own/other', 'nope'), { method: 'PATCH', client: newClientKey(), body: { body: 'x' } });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'not_found');
    const wrongThread = await s.api(at('own/elsewhere', comment.id), { method: 'PATCH', client: newClientKey(), body: { body: 'x' } });
    assert.equal(wrongThread.status, 404);
    // An anonymous comment belongs to nobody.
    const { json: anon } = await s.post('own/other', { client: null });
    assert.deepEqual(anon.can, { edit: false, delete: false });
  });
});

describe('delete', { timeout: 30_000 }, () => {
  test('the author deletes: a tombstone, visible only while it has replies', async () => {
    const client = newClientKey();
    const thread = 'own/delete';
    const { json: parent } = await s.post(thread, { client, body: 'secret', name: 'Named' });
    const { json: reply } = await s.post(thread, { parentId: parent.id, body: 'reply', client: newClientKey() });
    const { json: alone } = await s.post(thread, { client, body: 'alone' });

    const denied = await s.api(at(thread, parent.id), { method: 'DELETE', client: newClientKey() });
    assert.equal(denied.status, 403);
    assert.equal((await s.api(at(thread, parent.id), { method: 'DELETE' })).status, 403);

    const deleted = await s.api(at(thread, parent.id), { method: 'DELETE', client });
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.json, {
      id: parent.id,
      parentId: null,
      author: { name: '' },
      body: '',
      createdAt: parent.createdAt,
      status: 'deleted',
      replyCount: 1,
      score: 0,
      reactions: { up: 0, down: 0 },
      viewerReactions: [],
      can: { edit: false, delete: false },
    });
    assert.equal((await s.api(at(thread, alone.id), { method: 'DELETE', client })).status, 200);

    // The tombstone keeps its reply in place; the comment without replies is gone.
    const { json } = await s.list(thread);
    assert.deepEqual(
      json.comments.map((c: any) => [c.id, c.status]),
      [
        [parent.id, 'deleted'],
        [reply.id, 'published'],
      ]
    );
    assert.equal(json.total, 2);
    assert.doesNotMatch(JSON.stringify(json), /secret|Named/);
    assert.deepEqual((await s.api(`/counts?thread=${encodeURIComponent(thread)}`)).json.counts, { [thread]: 1 });

    // Deleting again answers with the same tombstone; editing or reacting to it is 404.
    const again = await s.api(at(thread, parent.id), { method: 'DELETE', client });
    assert.equal(again.status, 200);
    assert.equal(again.json.status, 'deleted');
    assert.equal((await s.api(at(thread, parent.id), { method: 'PATCH', client, body: { body: 'x' } })).status, 404);
    const react = await s.api(`${at(thread, parent.id)}/reactions`, { client, body: { reaction: 'up', active: true } });
    assert.equal(react.status, 404);
    // Replying to a deleted comment is not possible.
    assert.equal((await s.post(thread, { parentId: parent.id })).status, 404);

    // When the last reply goes, the tombstone goes too.
    const replyOwner = newClientKey();
    const { json: p2 } = await s.post('own/cascade', { client });
    const { json: r2 } = await s.post('own/cascade', { parentId: p2.id, client: replyOwner });
    const { json: r3 } = await s.post('own/cascade', { parentId: r2.id, client: replyOwner });
    await s.api(at('own/cascade', p2.id), { method: 'DELETE', client });
    await s.api(at('own/cascade', r2.id), { method: 'DELETE', client: replyOwner });
    assert.equal((await s.list('own/cascade', { replies: 5 })).json.total, 3);
    await s.api(at('own/cascade', r3.id), { method: 'DELETE', client: replyOwner });
    const empty = await s.list('own/cascade', { replies: 5 });
    assert.deepEqual(empty.json, { comments: [], nextCursor: null, total: 0 });
    assert.equal((await s.list('own/cascade', { parentId: p2.id })).status, 404);
  });
});

describe('reactions', { timeout: 30_000 }, () => {
  test('up/down toggle per client; score and sort=top follow', async () => {
    const thread = 'own/react';
    const { json: a } = await s.post(thread, { body: 'a' });
    const { json: b } = await s.post(thread, { body: 'b' });
    const alice = newClientKey();
    const bob = newClientKey();
    const react = (id: string, client: string, reaction: string, active = true) =>
      s.api(`${at(thread, id)}/reactions`, { client, body: { reaction, active } });

    let r = await react(b.id, alice, 'up');
    assert.equal(r.status, 200);
    assert.equal(r.json.score, 1);
    assert.deepEqual(r.json.reactions, { up: 1, down: 0 });
    assert.deepEqual(r.json.viewerReactions, ['up']);
    // The same again changes nothing.
    r = await react(b.id, alice, 'up');
    assert.deepEqual(r.json.reactions, { up: 1, down: 0 });
    // Down replaces up.
    r = await react(b.id, alice, 'down');
    assert.deepEqual(r.json.reactions, { up: 0, down: 1 });
    assert.deepEqual(r.json.viewerReactions, ['down']);
    assert.equal(r.json.score, -1);
    // Taking back a reaction one does not have changes nothing.
    r = await react(b.id, alice, 'up', false);
    assert.deepEqual(r.json.reactions, { up: 0, down: 1 });
    r = await react(b.id, alice, 'down', false);
    assert.deepEqual(r.json.reactions, { up: 0, down: 0 });
    assert.deepEqual(r.json.viewerReactions, []);

    await react(b.id, alice, 'up');
    await react(b.id, bob, 'up');
    await react(a.id, bob, 'down');
    const top = await s.list(thread, { sort: 'top' }, bob);
    assert.deepEqual(
      top.json.comments.map((c: any) => [c.id, c.score, c.viewerReactions]),
      [
        [b.id, 2, ['up']],
        [a.id, -1, ['down']],
      ]
    );
    // Another reader sees the counts but not bob's reactions.
    const anonymous = await s.list(thread, { sort: 'top' });
    assert.deepEqual(anonymous.json.comments[0].viewerReactions, []);
    assert.deepEqual(anonymous.json.comments[0].reactions, { up: 2, down: 0 });
  });

  test('reacting needs a client key (401) and an existing comment (404)', async () => {
    const { json } = await s.post('own/react2');
    const anonymous = await s.api(`${at('own/react2', json.id)}/reactions`, { body: { reaction: 'up', active: true } });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json.error.code, 'unauthorized');
    const missing = await s.api(`${at('own/react2', 'nope')}/reactions`, {
      client: newClientKey(),
      body: { reaction: 'up', active: true },
    });
    assert.equal(missing.status, 404);
  });
});

describe('counts', { timeout: 30_000 }, () => {
  test('published comments per thread, all levels, many threads at once', async () => {
    const { json: top } = await s.post('own/count-a');
    await s.post('own/count-a', { parentId: top.id });
    await s.post('own/count-a');
    await s.post('own/count-b');
    const { status, json } = await s.api(
      `/counts?thread=own%2Fcount-a&thread=own%2Fcount-b&thread=own%2Fcount-none&thread=__proto__&thread=own%2Fcount-a`
    );
    assert.equal(status, 200);
    assert.deepEqual(json, { counts: { 'own/count-a': 3, 'own/count-b': 1, 'own/count-none': 0, ['__proto__']: 0 } });
    assert.ok(Object.hasOwn(json.counts, '__proto__'));
  });
});
