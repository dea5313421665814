// Every input rule: each bad request gets a 4xx JSON error with a clear message and stores nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { newClientKey, newKey, startServer, type ApiResponse, type TestServer } from '../testing/helpers.js';

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(() => s.close());

const path = '/threads/validation/comments';
const good = { parentId: null, body: 'Fine', author: { name: 'Amina' } };

function assertError(response: ApiResponse, status: number, message: RegExp) {
  assert.equal(response.status, status, response.text);
  assert.equal(response.json.error.code, 'validation', response.text);
  assert.match(response.json.error.message, message);
  assert.deepEqual(Object.keys(response.json), ['error']);
}

describe('validation', { timeout: 30_000 }, () => {
  test('POST: every rule on the comment', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['array body', [good], /JSON object/],
      ['string body', 'hello', /JSON object/],
      ['null body', null, /JSON object/],
      ['missing body', { ...good, body: undefined }, /"body" must be a string/],
      ['number body', { ...good, body: 42 }, /"body" must be a string/],
      ['empty body', { ...good, body: '' }, /"body" must not be empty/],
      ['whitespace body', { ...good, body: ' \n\t \r\n ' }, /"body" must not be empty/],
      ['only control characters', { ...good, body: '\u0000\u0007' }, /"body" must not be empty/],
      ['body too long', { ...good, body: 'x'.repeat(10001) }, /at most 10000 characters/],
      ['emoji body too long', { ...good, body: '🎉'.repeat(10001) }, /at most 10000 characters/],
      ['missing author', { ...good, author: undefined }, /"author" must be an object/],
      ['author as string', { ...good, author: 'Amina' }, /"author" must be an object/],
      ['missing name', { ...good, author: {} }, /"author.name" must be a string/],
      ['empty name', { ...good, author: { name: '   ' } }, /"author.name" must not be empty/],
      ['name too long', { ...good, author: { name: 'n'.repeat(101) } }, /at most 100 characters/],
      ['bad email', { ...good, author: { name: 'A', email: 'not-an-email' } }, /"author.email"/],
      ['email without domain dot', { ...good, author: { name: 'A', email: 'a@b' } }, /"author.email"/],
      ['email as number', { ...good, author: { name: 'A', email: 5 } }, /"author.email"/],
      ['url not a url', { ...good, author: { name: 'A', url: 'nick dot example' } }, /"author.url"/],
      ['javascript: url', { ...good, author: { name: 'A', url: 'javascript:alert(1)' } }, /http/],
      ['ftp url', { ...good, author: { name: 'A', url: 'ftp://example.com' } }, /http/],
      ['url with password', { ...good, author: { name: 'A', url: 'https://u:p@example.com' } }, /password/],
      ['url too long', { ...good, author: { name: 'A', url: `https://e.com/${'a'.repeat(2048)}` } }, /"author.url"/],
      ['parentId not a string', { ...good, parentId: 7 }, /"parentId"/],
      ['parentId empty', { ...good, parentId: '' }, /"parentId"/],
    ];
    for (const [why, body, message] of cases) {
      assertError(await s.api(path, { key: newKey(), body }), 400, message);
      void why;
    }
    assert.equal((await s.list('validation')).json.total, 0, 'nothing was stored');
  });

  test('POST: limits are inclusive', async () => {
    const longest = await s.api(path, {
      key: newKey(),
      body: { ...good, body: '🎉'.repeat(10000), author: { name: 'n'.repeat(100) } },
    });
    assert.equal(longest.status, 201);
  });

  test('POST: bodies are cleaned, not refused, for invisible characters', async () => {
    const { json } = await s.api(path, {
      key: newKey(),
      body: { ...good, body: 'line one\r\nline two\rthree\u0000\u001b', author: { name: 'A\u202eB\nC' } },
    });
    assert.equal(json.body, 'line one\nline two\nthree');
    assert.equal(json.author.name, 'AB C');
  });

  test('POST: the Idempotency-Key header is required and well formed', async () => {
    assertError(await s.api(path, { body: good }), 400, /Idempotency-Key header is required/);
    assertError(await s.api(path, { key: 'short', body: good }), 400, /8 to 128/);
    assertError(await s.api(path, { key: 'k'.repeat(129), body: good }), 400, /8 to 128/);
    assertError(await s.api(path, { key: 'has spaces in it', body: good }), 400, /8 to 128/);
  });

  test('malformed JSON, wrong content type, bad UTF-8 and empty bodies are 400/415', async () => {
    const json = { 'content-type': 'application/json' };
    assertError(await s.api(path, { key: newKey(), rawBody: '{"body": "x",', headers: json }), 400, /not valid JSON/);
    assertError(await s.api(path, { key: newKey(), rawBody: "{'body': 1}", headers: json }), 400, /not valid JSON/);
    assertError(await s.api(path, { key: newKey(), rawBody: '', headers: json }), 400, /must be JSON/);
    assertError(
      await s.api(path, { key: newKey(), rawBody: Buffer.from([0x7b, 0xff, 0x7d]), headers: json }),
      400,
      /UTF-8/
    );
    const form = await s.api(path, {
      key: newKey(),
      rawBody: 'body=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assertError(form, 415, /application\/json/);
    const text = await s.api(path, { key: newKey(), rawBody: JSON.stringify(good), headers: { 'content-type': 'text/plain' } });
    assertError(text, 415, /application\/json/);
    // A JSON body with a charset or a +json type is fine.
    const charset = await s.api(path, {
      key: newKey(),
      rawBody: JSON.stringify(good),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    assert.equal(charset.status, 201);
  });

  test('a body over 64 KB is 413, whether declared or streamed', async () => {
    const big = JSON.stringify({ ...good, body: 'x'.repeat(70 * 1024) });
    assertError(await s.api(path, { key: newKey(), rawBody: big, headers: { 'content-type': 'application/json' } }), 413, /larger than 65536 bytes/);

    // Chunked, without a Content-Length: the cap holds while the stream arrives.
    const streamed = await new Promise((resolve, reject) => {
      const url = new URL(s.base + path);
      const req = request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
          timeout: 10_000,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, text }));
        }
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error('timeout')));
      for (let i = 0; i < 80; i++) req.write('x'.repeat(1024));
      req.end();
    });
    const { status, text } = streamed as { status: number; text: string };
    assert.equal(status, 413);
    assert.equal(JSON.parse(text).error.code, 'validation');
    // The server is still fine afterwards.
    assert.equal((await s.api('/config')).status, 200);
  });

  test('GET comments: query parameters', async () => {
    const thread = '/threads/validation/comments';
    for (const [query, message] of [
      ['limit=0', /"limit"/],
      ['limit=101', /"limit"/],
      ['limit=abc', /"limit"/],
      ['limit=-1', /"limit"/],
      ['limit=1.5', /"limit"/],
      ['replies=21', /"replies"/],
      ['replies=x', /"replies"/],
      ['cursor=not-a-cursor', /"cursor"/],
      ['cursor=%21%21', /"cursor"/],
      [`cursor=${Buffer.from('{"s":"oldest","p":null,"t":"x","i":1}').toString('base64url')}`, /"cursor"/],
      [`cursor=${Buffer.from('[1,2]').toString('base64url')}`, /"cursor"/],
      [`cursor=${'A'.repeat(2000)}`, /"cursor"/],
    ]) {
      assertError(await s.api(`${thread}?${query}`), 400, message as RegExp);
    }
    // Inclusive limits, defaults for empty values, and an unknown sort means oldest (adapter contract).
    for (const query of ['limit=1', 'limit=100', 'replies=0', 'replies=20', 'limit=&replies=', 'sort=sideways']) {
      assert.equal((await s.api(`${thread}?${query}`)).status, 200, query);
    }
    const missingParent = await s.api(`${thread}?parentId=nope`);
    assert.equal(missingParent.status, 404);
    assert.equal(missingParent.json.error.code, 'not_found');
  });

  test('a cursor only continues the listing it came from', async () => {
    for (let i = 0; i < 3; i++) await s.post('validation/cursor');
    const first = await s.list('validation/cursor', { limit: 1, sort: 'newest' });
    assert.ok(first.json.nextCursor);
    const otherSort = await s.list('validation/cursor', { limit: 1, sort: 'oldest', cursor: first.json.nextCursor });
    assertError(otherSort, 400, /different sort or parentId/);
  });

  test('GET counts: 1 to 100 valid thread ids', async () => {
    assertError(await s.api('/counts'), 400, /at least one/);
    const many = new URLSearchParams(Array.from({ length: 101 }, (_, i) => ['thread', `t${i}`] as [string, string]));
    assertError(await s.api(`/counts?${many}`), 400, /at most 100/);
    assertError(await s.api('/counts?thread=a&thread=%00'), 400, /control characters/);
    assertError(await s.api(`/counts?thread=${'x'.repeat(201)}`), 400, /1 to 200/);
    const hundred = new URLSearchParams(Array.from({ length: 100 }, (_, i) => ['thread', `t${i}`] as [string, string]));
    assert.equal((await s.api(`/counts?${hundred}`)).status, 200);
  });

  test('PATCH and reactions: body rules', async () => {
    const client = newClientKey();
    const { json: comment } = await s.post('validation/edits', { client });
    const at = `/threads/validation%2Fedits/comments/${comment.id}`;
    assertError(await s.api(at, { method: 'PATCH', client, body: { body: '  ' } }), 400, /must not be empty/);
    assertError(await s.api(at, { method: 'PATCH', client, body: {} }), 400, /must be a string/);
    assertError(await s.api(at, { method: 'PATCH', client, body: { body: 'x'.repeat(10001) } }), 400, /at most/);
    assertError(await s.api(at, { method: 'PATCH', client, rawBody: '{', headers: { 'content-type': 'application/json' } }), 400, /JSON/);
    const react = `${at}/reactions`;
    assertError(await s.api(react, { client, body: { reaction: 'love', active: true } }), 400, /"reaction" must be one of: up, down/);
    assertError(await s.api(react, { client, body: { reaction: 'up' } }), 400, /"active"/);
    assertError(await s.api(react, { client, body: { reaction: 'up', active: 'yes' } }), 400, /"active"/);
    assertError(await s.api(react, { client, body: 'up' }), 400, /JSON object/);
  });
});
