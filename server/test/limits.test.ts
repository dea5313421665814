// Rate limiting of posts (per client key and address) and CORS.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock, newClientKey, newKey, startServer, type TestServer } from '../testing/helpers.js';

const clock = manualClock();
let s: TestServer;
before(async () => {
  s = await startServer({
    now: clock.now,
    rateLimit: { posts: 3, perSeconds: 60 },
    corsOrigins: ['https://blog.example', 'http://localhost:8000/'],
  });
});
after(() => s.close());

describe('rate limit', { timeout: 30_000 }, () => {
  test('the post over the limit is 429 with Retry-After; it lifts as time passes', async () => {
    const client = newClientKey();
    for (let i = 0; i < 3; i++) assert.equal((await s.post('limits/a', { client })).status, 201);
    clock.advance(20_000);
    const limited = await s.post('limits/a', { client });
    assert.equal(limited.status, 429);
    assert.equal(limited.json.error.code, 'rate_limited');
    assert.equal(limited.json.error.retryAfter, 40);
    assert.equal(limited.headers.get('retry-after'), '40');
    // Limits count per client (and address), in any thread; reads are never limited.
    assert.equal((await s.post('limits/b', { client })).status, 429);
    assert.equal((await s.post('limits/a', { client: newClientKey() })).status, 201);
    for (let i = 0; i < 10; i++) assert.equal((await s.list('limits/a', {}, client)).status, 200);

    clock.advance(40_000);
    assert.equal((await s.post('limits/a', { client })).status, 201);
  });

  test('a replayed key is not a new post and is never limited', async () => {
    const client = newClientKey();
    const key = newKey();
    assert.equal((await s.post('limits/replay', { client, key })).status, 201);
    for (let i = 0; i < 2; i++) await s.post('limits/replay', { client });
    assert.equal((await s.post('limits/replay', { client })).status, 429);
    assert.equal((await s.post('limits/replay', { client, key })).status, 200);
  });

  test('anonymous posts share the limit of their address', async () => {
    clock.advance(120_000);
    for (let i = 0; i < 3; i++) assert.equal((await s.post('limits/anon', { client: null })).status, 201);
    assert.equal((await s.post('limits/anon', { client: null })).status, 429);
  });
});

describe('CORS', { timeout: 30_000 }, () => {
  test('a preflight from an allowed origin is answered with the allowances', async () => {
    const response = await fetch(`${s.base}/threads/a/comments`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://blog.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key, x-maoni-client',
      },
      signal: AbortSignal.timeout(5000),
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://blog.example');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /DELETE/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['content-type', 'idempotency-key', 'x-maoni-client']) assert.ok(allowed.includes(header));
    assert.equal(response.headers.get('vary'), 'Origin');
  });

  test('origins are compared exactly (a configured trailing slash is ignored)', async () => {
    const localhost = await fetch(`${s.base}/config`, { headers: { origin: 'http://localhost:8000' } });
    assert.equal(localhost.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    for (const origin of ['https://evil.example', 'https://blog.example.evil', 'http://blog.example', 'null']) {
      const preflight = await fetch(`${s.base}/config`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(preflight.headers.get('access-control-allow-methods'), null, origin);
    }
  });

  test('responses, errors included, carry the headers an allowed page needs', async () => {
    const ok = await fetch(`${s.base}/config`, { headers: { origin: 'https://blog.example' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://blog.example');
    assert.equal(ok.headers.get('access-control-expose-headers'), 'Retry-After');
    const error = await fetch(`${s.base}/nope`, { headers: { origin: 'https://blog.example' } });
    assert.equal(error.status, 404);
    assert.equal(error.headers.get('access-control-allow-origin'), 'https://blog.example');
  });

  test('by default no origin is allowed', async () => {
    const plain = await startServer();
    try {
      const preflight = await fetch(`${plain.base}/config`, {
        method: 'OPTIONS',
        headers: { origin: 'https://blog.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      const get = await fetch(`${plain.base}/config`, { headers: { origin: 'https://blog.example' } });
      assert.equal(get.headers.get('access-control-allow-origin'), null);
    } finally {
      await plain.close();
    }
  });
});
