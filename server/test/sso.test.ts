// Host-site SSO tokens: HS256 JWTs signed with MAONI_SSO_SECRET, verified with jose.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { verifySsoToken } from '../src/auth/sso.js';
import { HttpError } from '../src/errors.js';

const secret = 'a-long-shared-secret-of-the-host-site';
const sign = (claims: Record<string, unknown>, key = secret, alg = 'HS256') => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg }).setIssuedAt();
  return jwt.sign(new TextEncoder().encode(key));
};

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HttpError);
    return error;
  }
  assert.fail('the token was accepted');
}

describe('SSO tokens', () => {
  test('a valid token gives the reader: id in its own namespace, name, e-mail, avatar', async () => {
    const token = await sign({ sub: '42', name: ' Baraka ', email: 'baraka@example.com', avatar: 'https://example.com/b.png', exp: Math.floor(Date.now() / 1000) + 600 });
    assert.deepEqual(await verifySsoToken(token, secret), { id: '42', name: 'Baraka', email: 'baraka@example.com', avatarUrl: 'https://example.com/b.png' });
  });

  test('a token signed with another secret is refused as unauthorized', async () => {
    const error = await refusal(verifySsoToken(await sign({ sub: '42', name: 'Mallory' }, 'some-other-secret'), secret));
    assert.equal(error.status, 401);
    assert.equal(error.code, 'unauthorized');
  });

  test('an expired token is refused with a message that says so', async () => {
    const error = await refusal(verifySsoToken(await sign({ sub: '42', name: 'Baraka', exp: Math.floor(Date.now() / 1000) - 60 }), secret));
    assert.equal(error.status, 401);
    assert.match(error.message, /expired/);
  });

  test('a forged token is refused: alg none, a tampered payload, garbage', async () => {
    const valid = await sign({ sub: '42', name: 'Baraka' });
    const [header, , signature] = valid.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'owner', name: 'Owner' })).toString('base64url');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forgedPayload}.`;
    for (const token of [`${header}.${forgedPayload}.${signature}`, none, 'not-a-token', '']) {
      assert.equal((await refusal(verifySsoToken(token, secret))).status, 401, token);
    }
  });

  test('a token without sub or name is refused', async () => {
    await refusal(verifySsoToken(await sign({ name: 'Nobody' }), secret));
    await refusal(verifySsoToken(await sign({ sub: '7' }), secret));
  });

  test('an avatar that is not http(s) and an e-mail without @ are dropped', async () => {
    const reader = await verifySsoToken(await sign({ sub: '9', name: 'Zawadi', avatar: 'javascript:alert(1)', email: 'nope' }), secret);
    assert.deepEqual(reader, { id: '9', name: 'Zawadi' });
  });
});
