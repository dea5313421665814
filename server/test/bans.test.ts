// Bans (issue 16): a moderator bans the author of a comment; an anonymous author is then refused by
// e-mail or by network address, a verified reader by id — 403 with reason `banned` — while others
// post as before. Only moderators may ban; bans are listed, logged and can be lifted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { newClientKey, newKey, startServer, type TestServer } from '../testing/helpers.js';

const secret = 'the host site and maoni share this secret';
const owner = { email: 'owner@example.com', password: 'owner password 1' };
let s: TestServer;
let cookie = '';
before(async () => {
  // trustProxy: each test author comes from an address of its own (X-Forwarded-For).
  s = await startServer({ owner, ssoSecret: secret, trustProxy: true });
  cookie = (await s.api('/session', { method: 'POST', body: owner, headers: { origin: s.origin } })).headers.get('set-cookie')!.split(';')[0]!;
});
after(() => s.close());

const tokenFor = (sub: string, name: string) =>
  new SignJWT({ sub, name }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(secret));

function post(thread: string, from: { ip: string; email?: string; token?: string; cookie?: string }, body = 'Karibu') {
  const headers: Record<string, string> = { 'x-forwarded-for': from.ip };
  if (from.token) headers.authorization = `Bearer ${from.token}`;
  if (from.cookie) Object.assign(headers, { cookie: from.cookie, origin: s.origin });
  return s.api(`/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    client: newClientKey(),
    key: newKey(),
    headers,
    body: { parentId: null, body, author: { name: 'Someone', ...(from.email ? { email: from.email } : {}) } },
  });
}

const ban = (commentId: string, headers: Record<string, string> = { cookie, origin: s.origin }) =>
  s.api('/moderation/bans', { method: 'POST', body: { commentId }, headers });

describe('bans', { timeout: 60_000 }, () => {
  test('an anonymous author banned: refused from the same address and with the same e-mail elsewhere, others post', async () => {
    const first = await post('bans/anon', { ip: '198.51.100.1', email: 'Spammer@Example.com' });
    assert.equal(first.status, 201);
    const banned = await ban(first.json.id);
    assert.equal(banned.status, 201);
    assert.equal(banned.json.ban.commentId, first.json.id);
    assert.match(banned.json.ban.createdAt, /^\d{4}-\d\d-\d\dT/);

    const sameAddress = await post('bans/anon', { ip: '198.51.100.1' }, 'again');
    assert.equal(sameAddress.status, 403);
    assert.equal(sameAddress.json.error.code, 'forbidden');
    assert.equal(sameAddress.json.error.reason, 'banned');
    assert.match(sameAddress.json.error.message, /stopped this author/);
    const sameEmail = await post('bans/anon', { ip: '198.51.100.99', email: 'spammer@example.com' }, 'from elsewhere');
    assert.equal(sameEmail.status, 403, 'the e-mail is recognised however it is cased');
    const someoneElse = await post('bans/anon', { ip: '198.51.100.2', email: 'friend@example.com' });
    assert.equal(someoneElse.status, 201);
    assert.equal((await s.list('bans/anon')).json.total, 2, 'what the banned author wrote before stays; the refused posts are not stored');
  });

  test('a verified reader is banned by id: refused with any address, another reader at that address posts', async () => {
    const token = await tokenFor('troll-1', 'Troll');
    const first = await post('bans/sso', { ip: '203.0.113.5', token });
    assert.equal(first.status, 201);
    assert.equal((await ban(first.json.id)).status, 201);
    assert.equal((await post('bans/sso', { ip: '203.0.113.77', token })).status, 403);
    const neighbour = await post('bans/sso', { ip: '203.0.113.5', token: await tokenFor('reader-2', 'Neighbour') });
    assert.equal(neighbour.status, 201, 'a shared address does not ban the site’s other readers');
    const list = await s.api('/moderation/bans', { headers: { cookie } });
    assert.deepEqual(list.json.bans[0].author, { name: 'Troll', id: 'troll-1' });
  });

  test('a moderator is never banned out of their own site', async () => {
    const mine = await post('bans/mod', { ip: '192.0.2.10', cookie });
    assert.equal(mine.status, 201);
    assert.equal((await ban(mine.json.id)).status, 201);
    assert.equal((await post('bans/mod', { ip: '192.0.2.10', cookie })).status, 201);
  });

  test('logged as ban; lifting it (logged as unban) lets the author post again', async () => {
    const first = await post('bans/lift', { ip: '198.51.100.50' });
    const banned = await ban(first.json.id);
    assert.equal((await post('bans/lift', { ip: '198.51.100.50' })).status, 403);
    const log = await s.api('/moderation/log', { headers: { cookie } });
    assert.ok(log.json.entries.some((entry: any) => entry.action === 'ban' && entry.commentId === first.json.id && entry.actor.email === owner.email));
    const lifted = await s.api(`/moderation/bans/${banned.json.ban.id}`, { method: 'DELETE', headers: { cookie, origin: s.origin } });
    assert.equal(lifted.status, 204);
    assert.equal((await post('bans/lift', { ip: '198.51.100.50' })).status, 201);
    const after = await s.api('/moderation/log', { headers: { cookie } });
    assert.equal(after.json.entries[0].action, 'unban');
    assert.equal((await s.api(`/moderation/bans/${banned.json.ban.id}`, { method: 'DELETE', headers: { cookie, origin: s.origin } })).status, 404);
  });

  test('only moderators ban: 401 without a session, 403 for a reader or cross-origin, 404 for no such comment', async () => {
    const first = await post('bans/guard', { ip: '198.51.100.60' });
    assert.equal((await ban(first.json.id, {})).status, 401);
    assert.equal((await ban(first.json.id, { authorization: `Bearer ${await tokenFor('r', 'Reader')}` })).status, 403);
    assert.equal((await ban(first.json.id, { cookie, origin: 'https://evil.example' })).status, 403);
    assert.equal((await ban('no-such-comment-id', { cookie, origin: s.origin })).status, 404);
    assert.equal((await post('bans/guard', { ip: '198.51.100.60' })).status, 201, 'none of those banned anyone');
  });
});
