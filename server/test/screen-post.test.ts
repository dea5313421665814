// The spam screen on real posts (issue 16): a filled honeypot is stored as spam yet answered like
// a success; too many links, a submit faster than a person, or a spam service's verdict holds the
// comment with its reason; the Akismet service being down holds for review and never blocks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { manualClock, newClientKey, startServer, type TestServer } from '../testing/helpers.js';

let fake: Server;
let akismetUrl = '';
let akismetDown = false;
/** What the fake service was sent: the method (path) and the comment's content. */
const reports: { path: string; content: string; ip: string }[] = [];
const owner = { email: 'owner@example.com', password: 'owner password 1' };
const clock = manualClock();
let s: TestServer;
let cookie = '';
before(async () => {
  // Speaks the Akismet protocol: form-encoded POST, `true` (spam) or `false`.
  fake = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (akismetDown) return void response.writeHead(503).end();
      const form = new URLSearchParams(body);
      if (request.url !== '/comment-check') {
        reports.push({ path: request.url ?? '', content: form.get('comment_content') ?? '', ip: form.get('user_ip') ?? '' });
        return void response.end('Thanks for making the web a better place.');
      }
      response.end(/casino/i.test(new URLSearchParams(body).get('comment_content') ?? '') ? 'true' : 'false');
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  akismetUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  s = await startServer({ owner, now: clock.now, akismet: { key: 'k', url: akismetUrl, timeoutMs: 500 } });
  cookie = (await s.api('/session', { method: 'POST', body: owner, headers: { origin: s.origin } })).headers.get('set-cookie')!.split(';')[0]!;
});
after(async () => {
  await s.close();
  await new Promise<void>((resolve) => fake.close(() => resolve()));
});

async function heldFor(id: string): Promise<{ status: string; heldFor: string | null }> {
  for (const status of ['pending', 'spam', 'published']) {
    const queue = await s.api(`/moderation/comments?status=${status}&limit=100`, { headers: { cookie } });
    const found = queue.json.comments.find((comment: any) => comment.id === id);
    if (found) return { status: found.status, heldFor: found.heldFor };
  }
  throw new Error(`comment ${id} is in no queue`);
}

describe('the spam screen on posts', { timeout: 60_000 }, () => {
  test('a filled honeypot: 201 like a success, stored as spam, shown to nobody', async () => {
    const posted = await s.post('screen/honeypot', { client: newClientKey(), extra: { honeypot: 'http://bot.example' } });
    assert.equal(posted.status, 201);
    assert.equal(posted.json.status, 'published', 'the bot sees a success');
    assert.equal((await s.list('screen/honeypot')).json.comments.length, 0);
    assert.deepEqual(await heldFor(posted.json.id), { status: 'spam', heldFor: 'honeypot' });
  });

  test('more links than MAONI_MAX_LINKS wait for review', async () => {
    const posted = await s.post('screen/links', { client: newClientKey(), body: 'https://a.example https://b.example https://c.example' });
    assert.equal(posted.json.status, 'pending');
    assert.deepEqual(await heldFor(posted.json.id), { status: 'pending', heldFor: 'links' });
  });

  test('a submit within seconds of the form token waits; one after a human pause does not; a forged token waits', async () => {
    const token = (await s.api('/config')).json.formToken;
    const quick = await s.post('screen/timing', { client: newClientKey(), body: 'so fast', extra: { formToken: token } });
    assert.deepEqual(await heldFor(quick.json.id), { status: 'pending', heldFor: 'too-fast' });
    clock.advance(5000);
    const human = await s.post('screen/timing', { client: newClientKey(), body: 'after thinking', extra: { formToken: token } });
    assert.equal(human.json.status, 'published');
    const forged = await s.post('screen/timing', { client: newClientKey(), body: 'forged', extra: { formToken: `${Date.parse('2020-01-01')}.AAAA` } });
    assert.deepEqual(await heldFor(forged.json.id), { status: 'pending', heldFor: 'too-fast' });
  });

  test('the Akismet verdict: spam is stored as spam; ham is published', async () => {
    const spam = await s.post('screen/akismet', { client: newClientKey(), body: 'Best casino bonus' });
    assert.deepEqual(await heldFor(spam.json.id), { status: 'spam', heldFor: 'akismet' });
    const ham = await s.post('screen/akismet', { client: newClientKey(), body: 'Asante kwa makala' });
    assert.equal(ham.json.status, 'published');
  });

  test('Akismet down: the comment is stored and waits for review, posting is not blocked', async () => {
    akismetDown = true;
    try {
      const posted = await s.post('screen/akismet-down', { client: newClientKey(), body: 'while the service is down' });
      assert.equal(posted.status, 201);
      assert.deepEqual(await heldFor(posted.json.id), { status: 'pending', heldFor: 'akismet-unavailable' });
    } finally {
      akismetDown = false;
    }
  });

  test('a moderator’s Approve sends submit-ham, Spam sends submit-spam, with the comment as posted', async () => {
    const caught = await s.post('screen/reports', { client: newClientKey(), body: 'Casino night at the village hall' });
    const missed = await s.post('screen/reports', { client: newClientKey(), body: 'Cheap pills, visit us' });
    const moderate = (id: string, action: string) =>
      s.api(`/moderation/comments/${id}`, { method: 'POST', body: { action }, headers: { cookie, origin: s.origin } });
    reports.length = 0;
    assert.equal((await moderate(caught.json.id, 'approve')).status, 200);
    assert.equal((await moderate(missed.json.id, 'spam')).status, 200);
    await s.app.fastify.maoni.background.settled();
    assert.deepEqual(
      reports.map(({ path, content }) => ({ path, content })),
      [
        { path: '/submit-ham', content: 'Casino night at the village hall' },
        { path: '/submit-spam', content: 'Cheap pills, visit us' },
      ]
    );
    assert.equal(reports[0]!.ip, '127.0.0.1');
    // Deleting or restoring teaches nothing; approving what was never held neither.
    await moderate(missed.json.id, 'delete');
    await moderate(missed.json.id, 'restore');
    await s.app.fastify.maoni.background.settled();
    assert.equal(reports.length, 2);
  });

  test('a signed-in moderator’s comment is published as it is', async () => {
    const posted = await s.api('/threads/screen%2Fmod/comments', {
      method: 'POST',
      key: 'moderator-key-1',
      headers: { cookie, origin: s.origin },
      body: { parentId: null, body: 'https://a https://b https://c casino', author: { name: 'Owner' } },
    });
    assert.equal(posted.json.status, 'published');
  });
});
