// Readers the host site signed in (issue 16): a valid HS256 token posts as the reader — verified,
// with the token's sub and name, not held as a stranger — and /config names them; a forged or
// expired token is refused with 401 and a reason the widget words; a server without
// MAONI_SSO_SECRET says it takes no tokens. Nobody can post under a verified reader's id.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { newClientKey, newKey, startServer, type TestServer } from '../testing/helpers.js';

const secret = 'the host site and maoni share this secret';
const sign = (claims: Record<string, unknown>, { key = secret, expires = '1h' }: { key?: string; expires?: string | number } = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expires).sign(new TextEncoder().encode(key));

let s: TestServer;
let plain: TestServer;
before(async () => {
  s = await startServer({ ssoSecret: secret, moderation: true });
  plain = await startServer();
});
after(async () => {
  await s.close();
  await plain.close();
});

const postAs = (server: TestServer, thread: string, token: string | null, body: Record<string, unknown> = {}) =>
  server.api(`/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    client: newClientKey(),
    key: newKey(),
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: { parentId: null, body: 'Habari za asubuhi', author: { name: 'Typed name' }, ...body },
  });

describe('signed-in readers (SSO)', { timeout: 60_000 }, () => {
  test('a valid token posts as the reader: verified, the sub as author.id, the signed name, published at once', async () => {
    const token = await sign({ sub: 'reader-42', name: 'Neema Mushi', email: 'neema@example.com' });
    const posted = await postAs(s, 'sso/valid', token);
    assert.equal(posted.status, 201);
    assert.deepEqual(posted.json.author, { name: 'Neema Mushi', id: 'reader-42', verified: true });
    assert.equal(posted.json.status, 'published', 'the site vouches for them: no first-comment hold');
    const listed = await s.list('sso/valid');
    assert.deepEqual(listed.json.comments[0].author, { name: 'Neema Mushi', id: 'reader-42', verified: true });
    assert.doesNotMatch(listed.text, /neema@example\.com/, 'the e-mail is never shown');
  });

  test('a signed-in reader may leave author out (the widget asks no name); anyone else may not', async () => {
    const token = await sign({ sub: 'reader-43', name: 'Baraka' });
    const bare = { parentId: null, body: 'Bila jina' };
    const signed = await s.api('/threads/sso%2Fbare/comments', { method: 'POST', client: newClientKey(), key: newKey(), headers: { authorization: `Bearer ${token}` }, body: bare });
    assert.equal(signed.status, 201);
    assert.deepEqual(signed.json.author, { name: 'Baraka', id: 'reader-43', verified: true });
    const anonymous = await s.api('/threads/sso%2Fbare/comments', { method: 'POST', client: newClientKey(), key: newKey(), body: bare });
    assert.equal(anonymous.status, 400);
    assert.equal(anonymous.json.error.message, '"author" must be an object with a "name".');
  });

  test('GET /config names the signed-in reader (role reader, verified); without a token nobody', async () => {
    const token = await sign({ sub: 'reader-7', name: 'Juma', avatar: 'https://example.com/j.png' });
    const config = await s.api('/config', { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(config.json.viewer, { id: 'reader-7', name: 'Juma', role: 'reader', verified: true, avatarUrl: 'https://example.com/j.png' });
    assert.equal((await s.api('/config')).json.viewer, null);
  });

  test('an anonymous post cannot claim a verified id: author.id and verified in the body are ignored', async () => {
    const posted = await postAs(s, 'sso/claim', null, { author: { name: 'Neema Mushi', id: 'reader-42', verified: true } });
    assert.equal(posted.status, 201);
    assert.deepEqual(posted.json.author, { name: 'Neema Mushi' });
    assert.equal(posted.json.status, 'pending', 'a stranger waits under moderation');
  });

  test('a forged token (another secret) answers 401 sign-in-invalid and stores nothing', async () => {
    const forged = await sign({ sub: 'reader-42', name: 'Neema Mushi' }, { key: 'an attacker guessing at the shared secret' });
    const posted = await postAs(s, 'sso/forged', forged);
    assert.equal(posted.status, 401);
    assert.equal(posted.json.error.code, 'unauthorized');
    assert.equal(posted.json.error.reason, 'sign-in-invalid');
    assert.match(posted.json.error.message, /could not be checked/);
    assert.equal((await s.list('sso/forged')).json.total, 0);
  });

  test('an expired token answers 401 sign-in-expired; a token that is not a JWT is invalid', async () => {
    const expired = await sign({ sub: 'reader-42', name: 'Neema' }, { expires: Math.floor(Date.now() / 1000) - 60 });
    const late = await postAs(s, 'sso/expired', expired);
    assert.equal(late.status, 401);
    assert.equal(late.json.error.reason, 'sign-in-expired');
    assert.match(late.json.error.message, /expired/);
    const garbage = await postAs(s, 'sso/expired', 'not a token');
    assert.equal(garbage.status, 401);
    assert.equal(garbage.json.error.reason, 'sign-in-invalid');
  });

  test('reading with a bad token still works: the thread shows as to anyone', async () => {
    const listed = await s.api('/threads/sso%2Fvalid/comments', { headers: { authorization: 'Bearer a.b.c' } });
    assert.equal(listed.status, 200);
    assert.equal(listed.json.comments.length, 1);
  });

  test('a server without MAONI_SSO_SECRET refuses a token with sign-in-unsupported (not silently anonymous)', async () => {
    const token = await sign({ sub: 'reader-42', name: 'Neema' });
    const posted = await postAs(plain, 'sso/plain', token);
    assert.equal(posted.status, 401);
    assert.equal(posted.json.error.reason, 'sign-in-unsupported');
    assert.match(posted.json.error.message, /MAONI_SSO_SECRET/);
  });
});
