// The spam screen: each step holds what it should, with its reason; the form token times submits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countLinks, screen, type ScreenOptions, type Submission } from '../src/spam/screen.js';
import { FormTokens } from '../src/spam/form-token.js';

const submission = (extra: Partial<Submission> = {}): Submission => ({
  threadId: 't',
  parentId: null,
  body: 'Asante kwa makala hii.',
  author: { name: 'Amina' },
  ip: '127.0.0.1',
  userAgent: 'test',
  formToken: 'ok',
  knownAuthor: true,
  moderator: false,
  verified: false,
  createdAt: new Date().toISOString(),
  ...extra,
});
const options: ScreenOptions = { moderation: false, maxLinks: 2 };

describe('screen', () => {
  test('an ordinary comment is published', async () => {
    assert.deepEqual(await screen(submission(), options), { status: 'published', heldFor: null });
  });

  test('a filled honeypot is spam', async () => {
    assert.deepEqual(await screen(submission({ honeypot: 'http://spam.example' }), options), { status: 'spam', heldFor: 'honeypot' });
  });

  test('a submit faster than a person, or with a token the server did not sign, waits for review', async () => {
    assert.deepEqual(await screen(submission({ formToken: 'too-fast' }), options), { status: 'pending', heldFor: 'too-fast' });
    assert.deepEqual(await screen(submission({ formToken: 'invalid' }), options), { status: 'pending', heldFor: 'too-fast' });
    assert.equal((await screen(submission({ formToken: 'absent' }), options)).status, 'published');
  });

  test('more links than MAONI_MAX_LINKS wait for review; as many pass', async () => {
    const three = 'see https://a.example and [b](https://b.example) or www.c.example';
    assert.equal(countLinks(three), 3);
    assert.deepEqual(await screen(submission({ body: three }), options), { status: 'pending', heldFor: 'links' });
    assert.equal((await screen(submission({ body: three }), { ...options, maxLinks: 3 })).status, 'published');
  });

  test('with moderation on, an unknown author waits; a known or verified one does not', async () => {
    const on = { ...options, moderation: true };
    assert.deepEqual(await screen(submission({ knownAuthor: false }), on), { status: 'pending', heldFor: 'moderation' });
    assert.equal((await screen(submission({ knownAuthor: true }), on)).status, 'published');
    assert.equal((await screen(submission({ knownAuthor: false, verified: true }), on)).status, 'published');
  });

  test('a moderator is published as they are, honeypot or links', async () => {
    assert.equal((await screen(submission({ moderator: true, body: 'https://a https://b https://c' }), options)).status, 'published');
  });

  test("a site's own checker holds what it says, and one that throws holds for review", async () => {
    const holdsShouting = { name: 'shouting', check: (s: Submission) => (s.body === s.body.toUpperCase() ? ('pending' as const) : null) };
    const broken = { name: 'broken', check: () => Promise.reject(new Error('down')) };
    assert.deepEqual(await screen(submission({ body: 'BUY NOW' }), { ...options, checkers: [holdsShouting] }), { status: 'pending', heldFor: 'checker' });
    assert.equal((await screen(submission(), { ...options, checkers: [holdsShouting] })).status, 'published');
    assert.deepEqual(await screen(submission(), { ...options, checkers: [broken] }), { status: 'pending', heldFor: 'checker' });
  });
});

describe('form tokens', () => {
  const start = new Date('2026-12-01T12:00:00Z');
  const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

  test('a token is ok after the minimum time, too fast before it', () => {
    const tokens = new FormTokens('secret', 3);
    const token = tokens.issue(start);
    assert.equal(tokens.check(token, later(1)), 'too-fast');
    assert.equal(tokens.check(token, later(4)), 'ok');
  });

  test('a token of another secret, a changed time or an old one is invalid; none is absent', () => {
    const tokens = new FormTokens('secret', 3, 60);
    const token = tokens.issue(start);
    assert.equal(new FormTokens('other').check(token, later(10)), 'invalid');
    const [, signature] = token.split('.');
    assert.equal(tokens.check(`${start.getTime() - 60_000}.${signature}`, later(10)), 'invalid');
    assert.equal(tokens.check(token, later(61)), 'invalid');
    assert.equal(tokens.check('garbage', later(10)), 'invalid');
    assert.equal(tokens.check(42, later(10)), 'invalid');
    assert.equal(tokens.check(undefined, later(10)), 'absent');
    assert.equal(tokens.check('', later(10)), 'absent');
  });
});
