// Owner and moderator sign-in (issue 16): sessions in an HttpOnly cookie, revocable; wrong e-mail
// and wrong password answer alike; failures are rate limited; state-changing requests that rely on
// the cookie must come from this site or an allowed origin (CSRF); /config names the viewer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../testing/helpers.js';

const owner = { email: 'Owner@Example.com', password: 'correct horse battery' };
let s: TestServer;
before(async () => {
  s = await startServer({ owner, corsOrigins: ['https://blog.example'], signInLimits: { perAccount: 3, perAddress: 6 } });
});
after(() => s.close());

const sameSite = () => ({ origin: s.origin });

async function signIn(email = owner.email, password = owner.password, headers: Record<string, string> = sameSite()) {
  const response = await s.api('/session', { method: 'POST', body: { email, password }, headers });
  const cookie = response.headers.get('set-cookie');
  return { response, cookie: cookie?.split(';')[0] ?? null, raw: cookie };
}

describe('sessions', { timeout: 60_000 }, () => {
  test('the owner from MAONI_OWNER_EMAIL signs in: 204 and an HttpOnly, SameSite=Lax session cookie', async () => {
    const { response, cookie, raw } = await signIn();
    assert.equal(response.status, 204);
    assert.match(cookie ?? '', /^maoni_session=[\w-]{43}$/);
    assert.match(raw ?? '', /HttpOnly/i);
    assert.match(raw ?? '', /SameSite=Lax/i);
    assert.doesNotMatch(raw ?? '', /Secure/i, 'not over plain http');
    const me = await s.api('/session', { headers: { cookie: cookie! } });
    assert.equal(me.status, 200);
    assert.deepEqual(me.json, { email: 'owner@example.com', name: 'owner', role: 'owner' });
  });

  test('without a session GET /session is 401, and /config names nobody', async () => {
    assert.equal((await s.api('/session')).status, 401);
    assert.equal((await s.api('/config')).json.viewer, null);
  });

  test('/config names the signed-in owner as the viewer, with the role', async () => {
    const { cookie } = await signIn();
    const viewer = (await s.api('/config', { headers: { cookie: cookie! } })).json.viewer;
    assert.equal(viewer.role, 'owner');
    assert.equal(viewer.name, 'owner');
    assert.match(viewer.id, /^user:/);
  });

  test('a wrong password and an unknown e-mail answer the same 401', async () => {
    const wrongPassword = await signIn(owner.email, 'not the password');
    const unknown = await signIn('nobody@example.com', owner.password);
    assert.equal(wrongPassword.response.status, 401);
    assert.equal(unknown.response.status, 401);
    assert.deepEqual(wrongPassword.response.json, unknown.response.json);
    assert.equal(wrongPassword.cookie, null);
  });

  test('signing out revokes the session on the server: the old cookie no longer works', async () => {
    const { cookie } = await signIn();
    const out = await s.api('/session', { method: 'DELETE', headers: { cookie: cookie!, ...sameSite() } });
    assert.equal(out.status, 204);
    assert.equal((await s.api('/session', { headers: { cookie: cookie! } })).status, 401);
  });

  test('a forged cookie signs nobody in', async () => {
    assert.equal((await s.api('/session', { headers: { cookie: 'maoni_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } })).status, 401);
  });
});

describe('CSRF', { timeout: 60_000 }, () => {
  test('a state-changing request with the session cookie from another site is refused with 403', async () => {
    const { cookie } = await signIn();
    const evil = await s.api('/session', { method: 'DELETE', headers: { cookie: cookie!, origin: 'https://evil.example' } });
    assert.equal(evil.status, 403);
    assert.equal(evil.json.error.code, 'forbidden');
    const none = await s.api('/session', { method: 'DELETE', headers: { cookie: cookie! } });
    assert.equal(none.status, 403, 'no Origin and no Referer');
    assert.equal((await s.api('/session', { headers: { cookie: cookie! } })).status, 200, 'the session survived both');
  });

  test('the Referer counts when there is no Origin; an allowed CORS origin is trusted', async () => {
    const { cookie } = await signIn();
    const referred = await s.api('/session', { method: 'DELETE', headers: { cookie: cookie!, referer: `${s.origin}/admin/` } });
    assert.equal(referred.status, 204);
    const again = await signIn(owner.email, owner.password, { origin: 'https://blog.example' });
    assert.equal(again.response.status, 204);
    assert.equal(again.response.headers.get('access-control-allow-credentials'), 'true');
  });

  test('signing in from another site is refused (login CSRF)', async () => {
    const { response } = await signIn(owner.email, owner.password, { origin: 'https://evil.example' });
    assert.equal(response.status, 403);
  });

  test('posting a comment without a session needs no Origin (readers and API clients)', async () => {
    assert.equal((await s.post('csrf/open', { body: 'Habari' })).status, 201);
  });
});

describe('sign-in limits', { timeout: 60_000 }, () => {
  test('failures are limited per account: 429 with Retry-After, even with the right password', async () => {
    const limited = await startServer({ owner, signInLimits: { perAccount: 3, perAddress: 100 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await limited.api('/session', { method: 'POST', body: { email: owner.email, password: 'guess' + i }, headers: { origin: limited.origin } })).status, 401);
      const blocked = await limited.api('/session', { method: 'POST', body: owner, headers: { origin: limited.origin } });
      assert.equal(blocked.status, 429);
      assert.equal(blocked.json.error.code, 'rate_limited');
      assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    } finally {
      await limited.close();
    }
  });

  test('failures are limited per address across accounts', async () => {
    const limited = await startServer({ owner, signInLimits: { perAccount: 100, perAddress: 3 } });
    try {
      for (let i = 0; i < 3; i++) await limited.api('/session', { method: 'POST', body: { email: `user${i}@example.com`, password: 'guess' }, headers: { origin: limited.origin } });
      const blocked = await limited.api('/session', { method: 'POST', body: { email: 'other@example.com', password: 'x' }, headers: { origin: limited.origin } });
      assert.equal(blocked.status, 429);
    } finally {
      await limited.close();
    }
  });
});

describe('owner bootstrap', { timeout: 60_000 }, () => {
  test('a restart with a new MAONI_OWNER_PASSWORD updates the owner and ends the old sessions', async () => {
    const first = await startServer({ owner });
    const { cookie } = await (async () => {
      const response = await first.api('/session', { method: 'POST', body: owner, headers: { origin: first.origin } });
      return { cookie: response.headers.get('set-cookie')!.split(';')[0]! };
    })();
    await first.close({ keepFiles: true });
    const second = await startServer({ dbPath: first.dbPath, owner: { email: owner.email, password: 'a brand new password' } });
    try {
      assert.equal((await second.api('/session', { headers: { cookie } })).status, 401);
      assert.equal((await second.api('/session', { method: 'POST', body: owner, headers: { origin: second.origin } })).status, 401);
      assert.equal((await second.api('/session', { method: 'POST', body: { email: owner.email, password: 'a brand new password' }, headers: { origin: second.origin } })).status, 204);
      const stored = await second.app.store.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      assert.ok(!stored.password_hash.includes('brand new'));
    } finally {
      await second.close();
    }
  });
});
