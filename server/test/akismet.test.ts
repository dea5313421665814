// The Akismet client against a fake service on loopback that speaks the real protocol: form-encoded
// POSTs to /comment-check, /submit-spam and /submit-ham, answered `true` or `false`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AkismetClient, type AkismetComment } from '../src/spam/akismet.js';

interface Received {
  path: string;
  contentType: string;
  form: URLSearchParams;
}

let server: Server;
let base = '';
const received: Received[] = [];
let mode: 'normal' | 'error' | 'slow' = 'normal';

before(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      received.push({ path: request.url ?? '', contentType: String(request.headers['content-type']), form });
      if (mode === 'error') return void response.writeHead(500).end('oops');
      if (mode === 'slow') return void setTimeout(() => response.end('false'), 1500);
      if (form.get('api_key') !== 'test-key') return void response.writeHead(200, { 'x-akismet-debug-help': 'bad key' }).end('invalid');
      if (request.url === '/comment-check') return void response.end(/viagra/i.test(form.get('comment_content') ?? '') ? 'true' : 'false');
      response.end('Thanks for making the web a better place.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const comment = (content: string): AkismetComment => ({
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
  type: 'reply',
  author: 'Amina',
  email: 'amina@example.com',
  content,
  createdAt: '2026-12-01T12:00:00.000Z',
});

describe('Akismet client', () => {
  test('comment-check sends the protocol fields form-encoded and reads true as spam, false as ham', async () => {
    mode = 'normal';
    received.length = 0;
    const client = new AkismetClient({ key: 'test-key', blog: 'https://blog.example', url: base });
    assert.equal(await client.check(comment('Buy viagra now')), 'spam');
    assert.equal(await client.check(comment('Asante sana')), 'ham');
    const first = received[0];
    assert.equal(first.path, '/comment-check');
    assert.match(first.contentType, /^application\/x-www-form-urlencoded/);
    assert.equal(first.form.get('blog'), 'https://blog.example');
    assert.equal(first.form.get('user_ip'), '203.0.113.7');
    assert.equal(first.form.get('comment_type'), 'reply');
    assert.equal(first.form.get('comment_author_email'), 'amina@example.com');
    assert.equal(first.form.get('comment_content'), 'Buy viagra now');
  });

  test('submit-spam and submit-ham reach their endpoints', async () => {
    mode = 'normal';
    received.length = 0;
    const client = new AkismetClient({ key: 'test-key', blog: 'https://blog.example', url: `${base}/` });
    assert.equal(await client.submitSpam(comment('x')), true);
    assert.equal(await client.submitHam(comment('y')), true);
    assert.deepEqual(received.map((each) => each.path), ['/submit-spam', '/submit-ham']);
  });

  test('a wrong key, a server error, a timeout or no service at all is "unavailable", never a throw', async () => {
    mode = 'normal';
    assert.equal(await new AkismetClient({ key: 'wrong', blog: 'b', url: base }).check(comment('hi')), 'unavailable');
    mode = 'error';
    assert.equal(await new AkismetClient({ key: 'test-key', blog: 'b', url: base }).check(comment('hi')), 'unavailable');
    mode = 'slow';
    const started = Date.now();
    assert.equal(await new AkismetClient({ key: 'test-key', blog: 'b', url: base, timeoutMs: 200 }).check(comment('hi')), 'unavailable');
    assert.ok(Date.now() - started < 1200, 'the timeout did not cut the wait');
    assert.equal(await new AkismetClient({ key: 'test-key', blog: 'b', url: 'http://127.0.0.1:9' }).check(comment('hi')), 'unavailable');
    mode = 'normal';
  });
});
