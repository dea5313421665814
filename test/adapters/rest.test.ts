import { expect } from '@open-wc/testing';
import { adapterErrorOf, rejectionOf } from '../support/promises.js';
import { AdapterError, type Comment, type ThreadEvent } from '../../src/adapters/adapter.js';
import { RestAdapter, parseRetryAfter, type RestAdapterOptions } from '../../src/adapters/rest.js';

// ---- Fakes ----

interface Recorded {
  method: string;
  url: string;
  /** Lower-cased names, as the Headers class gives them. */
  headers: Record<string, string>;
  body: unknown;
  signal?: AbortSignal;
  credentials?: RequestCredentials;
}

/** Makes a fresh Response for one request (a Response body can be read once only). */
type Reply = (request: Recorded) => Response | Promise<Response>;

/**
 * A fetch that records every request and answers with the scripted replies in order; the last
 * reply repeats once the script runs out.
 */
function fakeFetch(...replies: Reply[]) {
  const requests: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const request: Recorded = {
      method: init.method ?? 'GET',
      url: String(input),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
      credentials: init.credentials,
    };
    requests.push(request);
    const reply = replies.length > 1 ? replies.shift()! : replies[0];
    if (!reply) throw new Error('no scripted reply');
    return reply(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Reply =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });

const text =
  (body: string, status = 200, contentType = 'text/html'): Reply =>
  () =>
    new Response(body, { status, headers: { 'Content-Type': contentType } });

const apiError = (status: number, code: string, message: string, headers: Record<string, string> = {}, extra = {}) =>
  json({ error: { code, message, ...extra } }, status, headers);

/** fetch's rejection when the server cannot be reached. */
const offline: Reply = () => Promise.reject(new TypeError('Failed to fetch'));

/** A request that never answers, but is cancelled by its signal as a real fetch is. */
const hang: Reply = (request) =>
  new Promise((_, reject) => {
    request.signal?.addEventListener('abort', () => reject(request.signal!.reason), { once: true });
  });

/** A request that never settles and ignores its signal. */
const deaf: Reply = () => new Promise(() => undefined);

/** An in-memory Storage whose operations can be made to throw. */
class FakeStorage {
  readonly data = new Map<string, string>();
  failGet = false;
  failSet = false;
  getItem(key: string): string | null {
    if (this.failGet) throw new DOMException('blocked', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failSet) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, String(value));
  }
}

class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data: unknown): void {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
}

function comment(id: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId: null,
    author: { name: `author ${id}` },
    body: `body ${id}`,
    createdAt: '2024-02-01T00:00:00.000Z',
    status: 'published',
    ...extra,
  };
}

const page = (comments: Comment[] = [], nextCursor: string | null = null, total = comments.length) =>
  json({ comments, nextCursor, total });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits (briefly) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await sleep(5);
  expect(condition(), 'condition reached').to.equal(true);
}

function adapterWith(replies: Reply[], options: Partial<RestAdapterOptions> = {}) {
  const fake = fakeFetch(...replies);
  const storage = new FakeStorage();
  const adapter = new RestAdapter({
    baseUrl: '/api',
    fetch: fake.fetch,
    clientKeyStorage: storage,
    retryBaseMs: 1,
    ...options,
  });
  return { adapter, requests: fake.requests, storage };
}

const named = { parentId: null, body: 'Habari', author: { name: 'Amina', email: 'amina@example.com' } };

describe('RestAdapter', () => {
  describe('construction', () => {
    it('does no work until the first call', () => {
      let touched = 0;
      const storage = {
        getItem: () => (touched++, null),
        setItem: () => void touched++,
      };
      const fetch = (() => (touched++, Promise.reject(new Error('no')))) as unknown as typeof globalThis.fetch;
      class Source extends FakeEventSource {
        constructor(url: string) {
          super(url);
          touched++;
        }
      }
      new RestAdapter({
        baseUrl: '/api',
        fetch,
        clientKeyStorage: storage,
        EventSource: Source as unknown as typeof EventSource,
      });
      expect(touched).to.equal(0);
    });

    it('uses the real fetch, by default or passed unbound', async () => {
      // The test server answers 404 for a path it does not serve; an "Illegal invocation" from a
      // fetch called on the wrong `this` would be a network error instead.
      for (const fetch of [undefined, window.fetch]) {
        const adapter = new RestAdapter({ baseUrl: '/__maoni-no-such-api__', fetch, clientKeyStorage: null, retries: 0 });
        const error = await adapterErrorOf(adapter.list('t', {}));
        expect(error.code).to.equal('not_found');
      }
    });

    it('is exported from the package entry', async () => {
      const entry = await import('../../src/index.js');
      expect(entry.RestAdapter).to.equal(RestAdapter);
    });
  });

  describe('URLs', () => {
    it('sends the thread id as one encoded path segment', async () => {
      const { adapter, requests } = adapterWith([page()]);
      await adapter.list('blog/social-media-roi', {});
      expect(requests[0].method).to.equal('GET');
      expect(requests[0].url).to.equal('/api/threads/blog%2Fsocial-media-roi/comments');
    });

    it('encodes ids with reserved characters, spaces and non-ASCII text', async () => {
      const { adapter, requests } = adapterWith([json(comment('x'))]);
      await adapter.edit('a b?c#d&e', 'id/1?x', { body: 'b' });
      expect(requests[0].url).to.equal('/api/threads/a%20b%3Fc%23d%26e/comments/id%2F1%3Fx');
      await adapter.delete('maoni/ü', '../x');
      expect(requests[1].url).to.equal('/api/threads/maoni%2F%C3%BC/comments/..%2Fx');
    });

    it('adds parentId, cursor, limit and sort to list, leaving out empty ones', async () => {
      const { adapter, requests } = adapterWith([page()]);
      await adapter.list('t', { parentId: 'c 1', cursor: 'abc=/+', limit: 20, sort: 'newest' });
      const url = new URL(requests[0].url, location.origin);
      expect(url.pathname).to.equal('/api/threads/t/comments');
      expect([...url.searchParams]).to.deep.equal([
        ['parentId', 'c 1'],
        ['cursor', 'abc=/+'],
        ['limit', '20'],
        ['sort', 'newest'],
      ]);
      await adapter.list('t', { parentId: null, cursor: null, sort: '' });
      await adapter.list('t', { parentId: '', cursor: '' });
      expect(requests[1].url).to.equal('/api/threads/t/comments');
      expect(requests[2].url).to.equal('/api/threads/t/comments');
    });

    it('keeps limit within the server range and leaves out sorts it does not know', async () => {
      const { adapter, requests } = adapterWith([page()]);
      await adapter.list('t', { limit: 500, sort: 'random' });
      await adapter.list('t', { limit: 0 });
      await adapter.list('t', { limit: 7.9 });
      expect(requests.map((r) => r.url)).to.deep.equal([
        '/api/threads/t/comments?limit=100',
        '/api/threads/t/comments?limit=1',
        '/api/threads/t/comments?limit=7',
      ]);
    });

    it('joins an absolute baseUrl with or without trailing slashes', async () => {
      for (const baseUrl of ['https://comments.example/api', 'https://comments.example/api/', 'https://comments.example/api//']) {
        const { adapter, requests } = adapterWith([json({ counts: { a: 1 } })], { baseUrl });
        await adapter.count(['a']);
        expect(requests[0].url, baseUrl).to.equal('https://comments.example/api/counts?thread=a');
      }
    });

    it('uses the documented method, path and body of every call', async () => {
      const { adapter, requests } = adapterWith([json(comment('c1'), 201)]);
      await adapter.post('t', named, { idempotencyKey: 'key-00000001' });
      await adapter.edit('t', 'c1', { body: 'new' });
      await adapter.delete('t', 'c1');
      await adapter.react('t', 'c1', 'up', { active: true });
      await adapter.react('t', 'c1', 'down', { active: false });
      expect(requests.map((r) => [r.method, r.url, r.body])).to.deep.equal([
        ['POST', '/api/threads/t/comments', named],
        ['PATCH', '/api/threads/t/comments/c1', { body: 'new' }],
        ['DELETE', '/api/threads/t/comments/c1', undefined],
        ['POST', '/api/threads/t/comments/c1/reactions', { reaction: 'up', active: true }],
        ['POST', '/api/threads/t/comments/c1/reactions', { reaction: 'down', active: false }],
      ]);
    });

    it('posts a reply with its parentId, and no author for a signed-in viewer', async () => {
      const { adapter, requests } = adapterWith([json(comment('c2'), 201)]);
      await adapter.post('t', { parentId: 'c1', body: 'Ndiyo' }, { idempotencyKey: 'key-00000002' });
      expect(requests[0].body).to.deep.equal({ parentId: 'c1', body: 'Ndiyo' });
    });
  });

  describe('headers', () => {
    it('sends a stable X-Maoni-Client key, kept in storage and shared with other instances', async () => {
      const { adapter, requests, storage } = adapterWith([page()]);
      await adapter.list('t', {});
      await adapter.list('t', {});
      const key = requests[0].headers['x-maoni-client'];
      expect(key).to.match(/^[A-Za-z0-9_-]{16,128}$/);
      expect(requests[1].headers['x-maoni-client']).to.equal(key);
      expect(storage.data.get('maoni:client-key')).to.equal(key);

      const other = fakeFetch(page());
      const second = new RestAdapter({ baseUrl: '/api', fetch: other.fetch, clientKeyStorage: storage });
      await second.list('t', {});
      expect(other.requests[0].headers['x-maoni-client']).to.equal(key);
    });

    it('sends the key on every kind of request', async () => {
      const { adapter, requests } = adapterWith([json(comment('c1'))]);
      await adapter.post('t', named, { idempotencyKey: 'key-00000003' });
      await adapter.edit('t', 'c1', { body: 'b' });
      await adapter.delete('t', 'c1');
      await adapter.react('t', 'c1', 'up', { active: true });
      const keys = new Set(requests.map((r) => r.headers['x-maoni-client']));
      expect(keys.size).to.equal(1);
      expect([...keys][0]).to.be.a('string');
    });

    it('uses a key already in storage, and replaces one that is not a valid key', async () => {
      const storage = new FakeStorage();
      storage.data.set('maoni:client-key', 'stored_key-0123456789');
      const first = fakeFetch(page());
      await new RestAdapter({ baseUrl: '/api', fetch: first.fetch, clientKeyStorage: storage }).list('t', {});
      expect(first.requests[0].headers['x-maoni-client']).to.equal('stored_key-0123456789');

      storage.data.set('maoni:client-key', 'short <script>');
      const second = fakeFetch(page());
      await new RestAdapter({ baseUrl: '/api', fetch: second.fetch, clientKeyStorage: storage }).list('t', {});
      const key = second.requests[0].headers['x-maoni-client'];
      expect(key).to.match(/^[A-Za-z0-9_-]{16,128}$/);
      expect(storage.data.get('maoni:client-key')).to.equal(key);
    });

    it('keeps working with storage that throws, with a stable key', async () => {
      const { adapter, requests, storage } = adapterWith([page()]);
      storage.failGet = true;
      storage.failSet = true;
      await adapter.list('t', {});
      await adapter.list('t', {});
      const key = requests[0].headers['x-maoni-client'];
      expect(key).to.match(/^[A-Za-z0-9_-]{16,128}$/);
      expect(requests[1].headers['x-maoni-client']).to.equal(key);

      // Another adapter of the same page whose storage is blocked too is the same client.
      const other = fakeFetch(page());
      const blocked = new FakeStorage();
      blocked.failGet = true;
      await new RestAdapter({ baseUrl: '/api', fetch: other.fetch, clientKeyStorage: blocked }).list('t', {});
      expect(other.requests[0].headers['x-maoni-client']).to.equal(key);
    });

    it('works with storage that only fails to write, and with no storage at all', async () => {
      const { adapter, requests, storage } = adapterWith([page()]);
      storage.failSet = true;
      await adapter.list('t', {});
      expect(requests[0].headers['x-maoni-client']).to.match(/^[A-Za-z0-9_-]{16,128}$/);

      const none = adapterWith([page()], { clientKeyStorage: null });
      await none.adapter.list('t', {});
      await none.adapter.list('t', {});
      expect(none.requests[0].headers['x-maoni-client']).to.match(/^[A-Za-z0-9_-]{16,128}$/);
      expect(none.requests[1].headers['x-maoni-client']).to.equal(none.requests[0].headers['x-maoni-client']);
    });

    it('keeps the key in window.localStorage by default', async () => {
      const previous = localStorage.getItem('maoni:client-key');
      try {
        localStorage.removeItem('maoni:client-key');
        const fake = fakeFetch(page());
        await new RestAdapter({ baseUrl: '/api', fetch: fake.fetch }).list('t', {});
        const key = fake.requests[0].headers['x-maoni-client'];
        expect(localStorage.getItem('maoni:client-key')).to.equal(key);
      } finally {
        if (previous === null) localStorage.removeItem('maoni:client-key');
        else localStorage.setItem('maoni:client-key', previous);
      }
    });

    it('sends the Idempotency-Key of a post, JSON content type only with a body, and Accept', async () => {
      const { adapter, requests } = adapterWith([json(comment('c1'), 201), page()]);
      await adapter.post('t', named, { idempotencyKey: 'key-00000004' });
      await adapter.list('t', {});
      expect(requests[0].headers['idempotency-key']).to.equal('key-00000004');
      expect(requests[0].headers['content-type']).to.equal('application/json');
      expect(requests[0].headers.accept).to.equal('application/json');
      expect(requests[1].headers).not.to.have.property('idempotency-key');
      expect(requests[1].headers).not.to.have.property('content-type');
    });

    it('rejects a post without an idempotency key before any request', async () => {
      const { adapter, requests } = adapterWith([json(comment('c1'), 201)]);
      const error = await adapterErrorOf(adapter.post('t', named, { idempotencyKey: '' }));
      expect(error.code).to.equal('validation');
      expect(requests).to.have.length(0);
    });

    it('adds custom headers from an object; its own headers win', async () => {
      const { adapter, requests } = adapterWith([json(comment('c1'), 201)], {
        headers: { Authorization: 'Bearer abc', 'X-Maoni-Client': 'forged-key-0000000', 'Idempotency-Key': 'forged' },
      });
      await adapter.post('t', named, { idempotencyKey: 'key-00000005' });
      expect(requests[0].headers.authorization).to.equal('Bearer abc');
      expect(requests[0].headers['x-maoni-client']).not.to.equal('forged-key-0000000');
      expect(requests[0].headers['idempotency-key']).to.equal('key-00000005');
    });

    it('calls a headers function, sync or async, for every request', async () => {
      let calls = 0;
      const { adapter, requests } = adapterWith([page()], {
        headers: async () => {
          calls++;
          await sleep(1);
          return { Authorization: `Bearer t${calls}` };
        },
      });
      await adapter.list('t', {});
      await adapter.list('t', {});
      expect(requests.map((r) => r.headers.authorization)).to.deep.equal(['Bearer t1', 'Bearer t2']);

      const sync = adapterWith([page()], { headers: () => ({ 'X-Site': 'blog' }) });
      await sync.adapter.list('t', {});
      expect(sync.requests[0].headers['x-site']).to.equal('blog');
    });

    it('rejects when the headers function fails, without a request or retry', async () => {
      const failing = adapterWith([page()], {
        headers: () => {
          throw new Error('token store broken');
        },
      });
      const error = await adapterErrorOf(failing.adapter.list('t', {}));
      expect(error.code).to.equal('unknown');
      expect(failing.requests).to.have.length(0);

      const signedOut = adapterWith([page()], {
        headers: async () => {
          throw new AdapterError('unauthorized', 'Signed out');
        },
      });
      expect((await adapterErrorOf(signedOut.adapter.list('t', {}))).code).to.equal('unauthorized');
    });
  });

  describe('errors', () => {
    const table: Array<[number, string]> = [
      [400, 'validation'],
      [413, 'validation'],
      [422, 'validation'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'conflict'],
      [429, 'rate_limited'],
      [500, 'unknown'],
      [502, 'unknown'],
      [503, 'unknown'],
      [418, 'unknown'],
    ];

    for (const [status, code] of table) {
      it(`maps HTTP ${status} to ${code}, with the server's message`, async () => {
        const { adapter, requests } = adapterWith([apiError(status, code, `Server says ${status}`)], { retries: 0 });
        const error = await adapterErrorOf(adapter.edit('t', 'c1', { body: 'b' }));
        expect(error.code).to.equal(code);
        expect(error.message).to.equal(`Server says ${status}`);
        expect(requests).to.have.length(1);
      });
    }

    it('uses the status as the message when the body has none', async () => {
      const { adapter } = adapterWith([text('<h1>Bad gateway</h1>', 502)], { retries: 0 });
      const error = await adapterErrorOf(adapter.list('t', {}));
      expect(error.code).to.equal('unknown');
      expect(error.message).to.contain('502');
      expect(error.message).not.to.contain('<h1>');
    });

    it('maps a fetch rejection to network', async () => {
      const { adapter } = adapterWith([offline], { retries: 0 });
      const error = await adapterErrorOf(adapter.list('t', {}));
      expect(error.code).to.equal('network');
      expect(error.cause).to.be.instanceOf(TypeError);
    });

    it('maps a response that is not JSON, or not the expected JSON, to unknown without retrying', async () => {
      const cases: Array<[Reply, (a: RestAdapter) => Promise<unknown>]> = [
        [text('<!doctype html><title>My blog</title>'), (a) => a.list('t', {})],
        [text('', 200, 'application/json'), (a) => a.list('t', {})],
        [text('{"comments": [', 200, 'application/json'), (a) => a.list('t', {})],
        [json({ items: [] }), (a) => a.list('t', {})],
        [json({ comments: 'none' }), (a) => a.list('t', {})],
        [json(null), (a) => a.list('t', {})],
        [json([]), (a) => a.post('t', named, { idempotencyKey: 'key-00000006' })],
        [json({ id: 42 }), (a) => a.edit('t', 'c', { body: 'b' })],
        [json({ counts: 3 }), (a) => a.count(['t'])],
        [json(['oldest']), (a) => a.ready()],
      ];
      for (const [reply, call] of cases) {
        const { adapter, requests } = adapterWith([reply]);
        const error = await adapterErrorOf(call(adapter));
        expect(error.code).to.equal('unknown');
        expect(error.message).to.match(/response/i);
        expect(requests).to.have.length(1);
      }
    });

    it('says what came back when the body is not JSON', async () => {
      const { adapter } = adapterWith([text('<html></html>')]);
      const error = await adapterErrorOf(adapter.list('t', {}));
      expect(error.message).to.contain('non-JSON');
      expect(error.message).to.contain('text/html');
    });
  });

  describe('Retry-After', () => {
    it('parses seconds and HTTP dates', () => {
      const now = Date.parse('2025-01-01T00:00:00Z');
      expect(parseRetryAfter('120', now)).to.equal(120);
      expect(parseRetryAfter(' 0 ', now)).to.equal(0);
      expect(parseRetryAfter('1.5', now)).to.equal(2);
      expect(parseRetryAfter('Wed, 01 Jan 2025 00:02:00 GMT', now)).to.equal(120);
      expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter('-5', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
      expect(parseRetryAfter('', now)).to.equal(undefined);
    });

    it('puts the seconds of the header on a rate_limited error', async () => {
      const { adapter, requests } = adapterWith([apiError(429, 'rate_limited', 'Slow down', { 'Retry-After': '7' })]);
      const error = await adapterErrorOf(adapter.edit('t', 'c1', { body: 'b' }));
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(7);
      expect(requests).to.have.length(1);
    });

    it('reads an HTTP date in the header', async () => {
      const date = new Date(Date.now() + 120_000).toUTCString();
      const { adapter } = adapterWith([apiError(429, 'rate_limited', 'Slow down', { 'Retry-After': date })]);
      const error = await adapterErrorOf(adapter.react('t', 'c1', 'up', { active: true }));
      expect(error.retryAfter).to.be.within(110, 121);
    });

    it("carries the body's error.reason (banned, sign-in-expired), and only a short word of one", async () => {
      const { adapter } = adapterWith([
        apiError(403, 'forbidden', 'Banned', {}, { reason: 'banned' }),
        apiError(401, 'unauthorized', 'Expired', {}, { reason: 'sign-in-expired' }),
        apiError(403, 'forbidden', 'Odd', {}, { reason: '<img src=x onerror=alert(1)>' }),
      ]);
      const banned = await adapterErrorOf(adapter.delete('t', 'c1'));
      expect([banned.code, banned.reason]).to.deep.equal(['forbidden', 'banned']);
      const expired = await adapterErrorOf(adapter.delete('t', 'c1'));
      expect([expired.code, expired.reason]).to.deep.equal(['unauthorized', 'sign-in-expired']);
      const odd = await adapterErrorOf(adapter.delete('t', 'c1'));
      expect([odd.code, odd.reason]).to.deep.equal(['forbidden', undefined]);
    });

    it("falls back to the body's error.retryAfter", async () => {
      const { adapter } = adapterWith([apiError(429, 'rate_limited', 'Slow down', {}, { retryAfter: 9 })]);
      const error = await adapterErrorOf(adapter.delete('t', 'c1'));
      expect(error.retryAfter).to.equal(9);
    });
  });

  describe('retries', () => {
    it('retries a list after 502, 503, 504 and a network error, then resolves', async () => {
      const { adapter, requests } = adapterWith([
        apiError(502, 'unknown', 'x'),
        apiError(503, 'unknown', 'x'),
        offline,
        page([comment('c1')], 'next', 1),
      ]);
      const result = await adapter.list('t', {});
      expect(result).to.deep.equal({ comments: [comment('c1')], nextCursor: 'next', total: 1 });
      expect(requests).to.have.length(4);
      expect(new Set(requests.map((r) => r.url)).size).to.equal(1);

      const gateway = adapterWith([apiError(504, 'unknown', 'x'), page()]);
      await gateway.adapter.list('t', {});
      expect(gateway.requests).to.have.length(2);
    });

    it('retries a post with the same Idempotency-Key, body and client key', async () => {
      const { adapter, requests } = adapterWith([
        apiError(503, 'unknown', 'x'),
        offline,
        apiError(429, 'rate_limited', 'x', { 'Retry-After': '0' }),
        json(comment('c1'), 201),
      ]);
      const created = await adapter.post('t', named, { idempotencyKey: 'key-00000007' });
      expect(created.id).to.equal('c1');
      expect(requests).to.have.length(4);
      for (const request of requests) {
        expect(request.method).to.equal('POST');
        expect(request.headers['idempotency-key']).to.equal('key-00000007');
        expect(request.headers['x-maoni-client']).to.equal(requests[0].headers['x-maoni-client']);
        expect(request.body).to.deep.equal(named);
      }
    });

    it('retries count and the configuration too', async () => {
      const counts = adapterWith([offline, json({ counts: { a: 2 } })]);
      expect(await counts.adapter.count(['a'])).to.deep.equal({ a: 2 });
      expect(counts.requests).to.have.length(2);

      const config = adapterWith([apiError(503, 'unknown', 'x'), json({ sorts: ['oldest', 'top'] })]);
      expect((await config.adapter.ready()).sorts).to.deep.equal(['oldest', 'top']);
      expect(config.requests).to.have.length(2);
    });

    it('gives up after `retries` retries with the last error', async () => {
      const { adapter, requests } = adapterWith([apiError(503, 'unknown', 'Down for maintenance')], { retries: 2 });
      const error = await adapterErrorOf(adapter.list('t', {}));
      expect(error.code).to.equal('unknown');
      expect(error.message).to.equal('Down for maintenance');
      expect(requests).to.have.length(3);

      const defaults = adapterWith([offline]);
      expect((await adapterErrorOf(defaults.adapter.list('t', {}))).code).to.equal('network');
      expect(defaults.requests).to.have.length(4);

      const none = adapterWith([offline], { retries: 0 });
      await adapterErrorOf(none.adapter.list('t', {}));
      expect(none.requests).to.have.length(1);
    });

    it('never retries edit, delete or react', async () => {
      for (const reply of [offline, apiError(503, 'unknown', 'x'), apiError(429, 'rate_limited', 'x', { 'Retry-After': '0' })]) {
        const { adapter, requests } = adapterWith([reply]);
        await adapterErrorOf(adapter.edit('t', 'c1', { body: 'b' }));
        await adapterErrorOf(adapter.delete('t', 'c1'));
        await adapterErrorOf(adapter.react('t', 'c1', 'up', { active: true }));
        expect(requests.map((r) => r.method)).to.deep.equal(['PATCH', 'DELETE', 'POST']);
      }
    });

    it('never retries other 4xx or a 500', async () => {
      for (const status of [400, 401, 403, 404, 409, 500]) {
        const { adapter, requests } = adapterWith([apiError(status, 'x', 'x')]);
        await adapterErrorOf(adapter.list('t', {}));
        await adapterErrorOf(adapter.post('t', named, { idempotencyKey: 'key-00000008' }));
        expect(requests, String(status)).to.have.length(2);
      }
    });

    it('waits out a short Retry-After and tries again', async () => {
      const { adapter, requests } = adapterWith([
        apiError(429, 'rate_limited', 'x', { 'Retry-After': '0' }),
        page([comment('c1')]),
      ]);
      expect((await adapter.list('t', {})).comments).to.have.length(1);
      expect(requests).to.have.length(2);
    });

    it('gives up at once when Retry-After is longer than maxRetryAfterSeconds', async () => {
      const { adapter, requests } = adapterWith(
        [apiError(429, 'rate_limited', 'Too many comments', { 'Retry-After': '61' }), json(comment('c1'), 201)],
        { maxRetryAfterSeconds: 60 }
      );
      const error = await adapterErrorOf(adapter.post('t', named, { idempotencyKey: 'key-00000009' }));
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(61);
      expect(error.message).to.equal('Too many comments');
      expect(requests).to.have.length(1);

      const strict = adapterWith([apiError(429, 'rate_limited', 'x', { 'Retry-After': '1' })], { maxRetryAfterSeconds: 0 });
      expect((await adapterErrorOf(strict.adapter.list('t', {}))).retryAfter).to.equal(1);
      expect(strict.requests).to.have.length(1);
    });

    it('rejects with rate_limited once the retries are used up', async () => {
      const { adapter, requests } = adapterWith([apiError(429, 'rate_limited', 'x', { 'Retry-After': '0' })], { retries: 1 });
      const error = await adapterErrorOf(adapter.list('t', {}));
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(0);
      expect(requests).to.have.length(2);
    });
  });

  describe('abort and timeout', () => {
    it('rejects at once with the reason of an already aborted signal, without a request', async () => {
      const { adapter, requests } = adapterWith([page()]);
      const controller = new AbortController();
      controller.abort();
      const error = await rejectionOf(adapter.list('t', { signal: controller.signal }));
      expect((error as Error).name).to.equal('AbortError');
      expect(error).to.equal(controller.signal.reason);
      const posted = await rejectionOf(adapter.post('t', named, { idempotencyKey: 'key-00000010', signal: controller.signal }));
      expect((posted as Error).name).to.equal('AbortError');
      expect(requests).to.have.length(0);
    });

    it('cancels a request in flight and rejects with the signal reason', async () => {
      const { adapter, requests } = adapterWith([hang]);
      const controller = new AbortController();
      const pending = adapter.list('t', { signal: controller.signal });
      await until(() => requests.length === 1);
      const reason = new DOMException('Navigated away', 'AbortError');
      controller.abort(reason);
      expect(await rejectionOf(pending)).to.equal(reason);
      expect(requests[0].signal?.aborted).to.equal(true);
    });

    it('rejects on abort even when fetch ignores the signal', async () => {
      const { adapter, requests } = adapterWith([deaf]);
      const controller = new AbortController();
      const pending = adapter.edit('t', 'c1', { body: 'b' }, { signal: controller.signal });
      await until(() => requests.length === 1);
      controller.abort();
      expect(((await rejectionOf(pending)) as Error).name).to.equal('AbortError');
    });

    it('stops during a backoff wait, and sends nothing afterwards', async () => {
      const { adapter, requests } = adapterWith([apiError(503, 'unknown', 'x'), page()], { retryBaseMs: 60_000 });
      const controller = new AbortController();
      const pending = adapter.list('t', { signal: controller.signal });
      await until(() => requests.length === 1);
      await sleep(10);
      controller.abort();
      expect(((await rejectionOf(pending)) as Error).name).to.equal('AbortError');
      await sleep(30);
      expect(requests).to.have.length(1);
    });

    it('stops while a post waits out a Retry-After', async () => {
      const { adapter, requests } = adapterWith([apiError(429, 'rate_limited', 'x', { 'Retry-After': '30' })]);
      const controller = new AbortController();
      const pending = adapter.post('t', named, { idempotencyKey: 'key-00000011', signal: controller.signal });
      await until(() => requests.length === 1);
      await sleep(10);
      controller.abort();
      expect(((await rejectionOf(pending)) as Error).name).to.equal('AbortError');
      expect(requests).to.have.length(1);
    });

    it('stops while waiting for the headers function', async () => {
      const { adapter, requests } = adapterWith([page()], { headers: () => new Promise(() => undefined) });
      const controller = new AbortController();
      const pending = adapter.list('t', { signal: controller.signal });
      await sleep(5);
      controller.abort();
      expect(((await rejectionOf(pending)) as Error).name).to.equal('AbortError');
      expect(requests).to.have.length(0);
    });

    it('aborts every chunk of a count', async () => {
      const { adapter, requests } = adapterWith([hang]);
      const controller = new AbortController();
      const ids = Array.from({ length: 150 }, (_, i) => `t${i}`);
      const pending = adapter.count(ids, { signal: controller.signal });
      await until(() => requests.length === 2);
      controller.abort();
      expect(((await rejectionOf(pending)) as Error).name).to.equal('AbortError');
      expect(requests.every((r) => r.signal?.aborted)).to.equal(true);
    });

    it('turns a request that takes longer than timeoutMs into a network error', async () => {
      const { adapter, requests } = adapterWith([hang], { timeoutMs: 20, retries: 0 });
      const error = await adapterErrorOf(adapter.list('t', {}));
      expect(error.code).to.equal('network');
      expect(error.message).to.contain('20 ms');
      expect(requests[0].signal?.aborted).to.equal(true);
    });

    it('retries a timed-out read, and not a timed-out edit', async () => {
      const list = adapterWith([deaf, page([comment('c1')])], { timeoutMs: 20 });
      expect((await list.adapter.list('t', {})).comments).to.have.length(1);
      expect(list.requests).to.have.length(2);

      const edit = adapterWith([deaf], { timeoutMs: 20 });
      expect((await adapterErrorOf(edit.adapter.edit('t', 'c1', { body: 'b' }))).code).to.equal('network');
      expect(edit.requests).to.have.length(1);
    });
  });

  describe('responses', () => {
    it('returns a list page, dropping entries that are not comments', async () => {
      const { adapter } = adapterWith([
        json({ comments: [comment('c1'), null, 'x', { body: 'no id' }, comment('c2')], nextCursor: '', total: 'many' }),
      ]);
      const result = await adapter.list('t', {});
      expect(result.comments.map((c) => c.id)).to.deep.equal(['c1', 'c2']);
      expect(result.nextCursor).to.equal(null);
      expect(result).not.to.have.property('total');
    });

    it('returns the comment of post, edit, delete and react', async () => {
      const tombstone = comment('c1', { status: 'deleted', body: '', author: { name: '' } });
      const { adapter } = adapterWith([
        json(comment('c1'), 201),
        json(comment('c1', { body: 'edited', editedAt: '2024-02-02T00:00:00.000Z' })),
        json(comment('c1', { score: 1, reactions: { up: 1, down: 0 }, viewerReactions: ['up'] })),
        json(tombstone),
      ]);
      expect(await adapter.post('t', named, { idempotencyKey: 'key-00000012' })).to.deep.equal(comment('c1'));
      expect((await adapter.edit('t', 'c1', { body: 'edited' })).body).to.equal('edited');
      expect((await adapter.react('t', 'c1', 'up', { active: true })).viewerReactions).to.deep.equal(['up']);
      expect(await adapter.delete('t', 'c1')).to.deep.equal(tombstone);
    });
  });

  describe('capabilities', () => {
    const config = {
      sorts: ['oldest', 'newest', 'top'],
      reactions: ['up', 'down'],
      authorFields: { email: 'optional', url: 'optional' },
      editWindowSeconds: 900,
      maxBodyLength: 10000,
      moderation: false,
    };

    it('has safe defaults before the configuration is known', () => {
      const { adapter } = adapterWith([deaf]);
      expect(adapter.sorts).to.deep.equal(['oldest']);
      expect(adapter.reactions).to.deep.equal([]);
      expect(adapter.authorFields).to.deep.equal({});
    });

    it('loads GET /config once for concurrent callers and exposes it', async () => {
      const { adapter, requests } = adapterWith([json(config)]);
      const [a, b, c] = await Promise.all([adapter.ready(), adapter.ready(), adapter.capabilities()]);
      expect(requests).to.have.length(1);
      expect(requests[0].url).to.equal('/api/config');
      expect(a).to.equal(b);
      expect(c).to.equal(a);
      expect(a).to.deep.equal(config);
      expect(adapter.sorts).to.deep.equal(['oldest', 'newest', 'top']);
      expect(adapter.reactions).to.deep.equal(['up', 'down']);
      expect(adapter.authorFields).to.deep.equal({ email: 'optional', url: 'optional' });
      await adapter.ready();
      expect(requests).to.have.length(1);
    });

    it('starts loading in the background when a capability is first read', async () => {
      const { adapter, requests } = adapterWith([json(config)]);
      expect(adapter.sorts).to.deep.equal(['oldest']);
      expect(adapter.reactions).to.deep.equal([]);
      await until(() => requests.length === 1);
      await adapter.ready();
      expect(requests).to.have.length(1);
      expect(adapter.sorts).to.have.length(3);
    });

    it('keeps only values it understands', async () => {
      const { adapter } = adapterWith([
        json({ sorts: ['top', 'random', 3], reactions: ['like', '', 7, 'like'], authorFields: { email: 'required', url: 'sometimes', phone: 'required' }, moderation: 'yes' }),
      ]);
      const capabilities = await adapter.ready();
      expect(capabilities).to.deep.equal({ sorts: ['top'], reactions: ['like'], authorFields: { email: 'required' } });

      const empty = adapterWith([json({})]);
      expect(await empty.adapter.ready()).to.deep.equal({ sorts: ['oldest'], reactions: [], authorFields: {} });
    });

    it('keeps the defaults when loading fails, and tries again on the next ready()', async () => {
      const { adapter, requests } = adapterWith([apiError(404, 'not_found', 'No config'), json(config)]);
      expect((await adapterErrorOf(adapter.ready())).code).to.equal('not_found');
      expect(adapter.sorts).to.deep.equal(['oldest']);
      // A failed load is not repeated by reading a capability…
      await sleep(5);
      expect(requests).to.have.length(1);
      // …but by asking for it.
      expect((await adapter.ready()).reactions).to.deep.equal(['up', 'down']);
      expect(requests).to.have.length(2);
      expect(adapter.reactions).to.deep.equal(['up', 'down']);
    });

    it('lets one caller stop waiting without cancelling the shared load', async () => {
      let answer!: () => void;
      const { adapter, requests } = adapterWith([
        () => new Promise<Response>((resolve) => (answer = () => resolve(json(config)({} as Recorded) as Response))),
      ]);
      const controller = new AbortController();
      const impatient = adapter.ready({ signal: controller.signal });
      const patient = adapter.ready();
      await until(() => requests.length === 1);
      controller.abort();
      expect(((await rejectionOf(impatient)) as Error).name).to.equal('AbortError');
      answer();
      expect((await patient).sorts).to.have.length(3);
      expect(requests).to.have.length(1);
    });
  });

  describe('count', () => {
    it('asks nothing for no threads', async () => {
      const { adapter, requests } = adapterWith([json({ counts: {} })]);
      expect(await adapter.count([])).to.deep.equal({});
      expect(requests).to.have.length(0);
    });

    it('repeats the thread parameter, encoded', async () => {
      const { adapter, requests } = adapterWith([json({ counts: { 'blog/a&b': 3, 'ü x': 0 } })]);
      expect(await adapter.count(['blog/a&b', 'ü x'])).to.deep.equal({ 'blog/a&b': 3, 'ü x': 0 });
      const url = new URL(requests[0].url, location.origin);
      expect(url.pathname).to.equal('/api/counts');
      expect(url.searchParams.getAll('thread')).to.deep.equal(['blog/a&b', 'ü x']);
      expect(requests[0].url).to.equal('/api/counts?thread=blog%2Fa%26b&thread=%C3%BC+x');
    });

    it('asks for at most 100 threads per request and merges the answers', async () => {
      const ids = Array.from({ length: 250 }, (_, i) => `t${i}`);
      const { adapter, requests } = adapterWith([
        (request) => {
          const threads = new URL(request.url, location.origin).searchParams.getAll('thread');
          return json({ counts: Object.fromEntries(threads.map((id) => [id, Number(id.slice(1))])) })(request);
        },
      ]);
      const counts = await adapter.count([...ids, 't0', 't1']);
      expect(requests.map((r) => new URL(r.url, location.origin).searchParams.getAll('thread').length)).to.deep.equal([
        100, 100, 50,
      ]);
      expect(Object.keys(counts)).to.have.length(250);
      expect(counts.t0).to.equal(0);
      expect(counts.t249).to.equal(249);
    });

    it('counts 0 for threads the answer leaves out or gets wrong, and keeps odd ids', async () => {
      const { adapter } = adapterWith([json({ counts: { a: 'many', c: -1, __proto__: 5 } })]);
      const counts = await adapter.count(['a', 'b', 'c', '__proto__']);
      expect(Object.entries(counts)).to.deep.equal([
        ['a', 0],
        ['b', 0],
        ['c', 0],
        ['__proto__', 0],
      ]);
      const own = adapterWith([text('{"counts":{"__proto__":4}}', 200, 'application/json')]);
      expect(Object.entries(await own.adapter.count(['__proto__']))).to.deep.equal([['__proto__', 4]]);
    });
  });

  describe('viewer', () => {
    it('without a viewer option, is who the server\'s configuration names, or null', async () => {
      const moderator = { id: 'm1', name: 'Mod', role: 'moderator', verified: false };
      const { adapter, requests } = adapterWith([json({ sorts: ['oldest'], viewer: moderator })]);
      expect(await adapter.viewer()).to.deep.equal({ id: 'm1', name: 'Mod', role: 'moderator' });
      expect(requests.map((request) => request.url)).to.deep.equal(['/api/config']);
      expect(await adapterWith([json({ sorts: ['oldest'] })]).adapter.viewer()).to.equal(null);
      expect(await adapterWith([json({ viewer: null })]).adapter.viewer()).to.equal(null);
    });

    it('ignores a viewer of the wrong shape and an unknown role', async () => {
      expect(await adapterWith([json({ viewer: { id: 7, name: 'x' } })]).adapter.viewer()).to.equal(null);
      expect(await adapterWith([json({ viewer: { id: 'a', name: 'A', role: 'admin', verified: 'yes' } })]).adapter.viewer()).to.deep.equal({
        id: 'a',
        name: 'A',
      });
    });

    it('resolves what the viewer option gives, without asking the server', async () => {
      const viewer = { id: 'u1', name: 'Amina' };
      const { adapter, requests } = adapterWith([page()], { viewer: async () => viewer });
      expect(await adapter.viewer()).to.equal(viewer);
      expect(requests).to.have.length(0);
      expect(await adapterWith([page()], { viewer: () => null }).adapter.viewer()).to.equal(null);
    });
  });

  describe('identity (host-site SSO) and cookies', () => {
    it('sends the token of setIdentity as a Bearer token, and none after setIdentity(null)', async () => {
      const { adapter, requests } = adapterWith([page()]);
      adapter.setIdentity('header.payload.signature');
      await adapter.list('t');
      adapter.setIdentity(null);
      await adapter.list('t');
      expect(requests[0].headers.authorization).to.equal('Bearer header.payload.signature');
      expect(requests[1].headers.authorization).to.equal(undefined);
    });

    it('asks the configuration again after a new identity: the viewer changes with it', async () => {
      const { adapter, requests } = adapterWith([json({ viewer: null }), json({ viewer: { id: 'sso:42', name: 'Baraka', verified: true } })]);
      expect(await adapter.viewer()).to.equal(null);
      adapter.setIdentity('token');
      expect(await adapter.viewer()).to.deep.equal({ id: 'sso:42', name: 'Baraka', verified: true });
      expect(requests.map((request) => request.url)).to.deep.equal(['/api/config', '/api/config']);
      expect(requests[1].headers.authorization).to.equal('Bearer token');
    });

    it('sends cookies (credentials include) unless told otherwise', async () => {
      const included = adapterWith([page()]);
      await included.adapter.list('t');
      expect(included.requests[0].credentials).to.equal('include');
      const sameOrigin = adapterWith([page()], { credentials: 'same-origin' });
      await sameOrigin.adapter.list('t');
      expect(sameOrigin.requests[0].credentials).to.equal('same-origin');
    });
  });

  describe('moderate', () => {
    it('posts the action to /moderation/comments/{id} and resolves the comment as it is now', async () => {
      const { adapter, requests } = adapterWith([json(comment('c/1', { status: 'published' }))]);
      const result = await adapter.moderate('t', 'c/1', 'approve');
      expect(result.status).to.equal('published');
      expect(requests[0].method).to.equal('POST');
      expect(requests[0].url).to.equal('/api/moderation/comments/c%2F1');
      expect(requests[0].body).to.deep.equal({ action: 'approve' });
    });

    it('is never retried, and a refusal is a forbidden AdapterError', async () => {
      const { adapter, requests } = adapterWith([apiError(403, 'forbidden', 'Moderators only.'), json(comment('c1'))]);
      const failure = await adapterErrorOf(adapter.moderate('t', 'c1', 'spam'));
      expect(failure.code).to.equal('forbidden');
      expect(requests).to.have.length(1);
    });
  });

  describe('subscribe', () => {
    beforeEach(() => {
      FakeEventSource.instances = [];
    });

    const subscribed = (threadId = 'blog/roi', options: Partial<RestAdapterOptions> = {}) => {
      const { adapter } = adapterWith([page()], { EventSource: FakeEventSource as unknown as typeof EventSource, ...options });
      const events: ThreadEvent[] = [];
      const stop = adapter.subscribe(threadId, (event) => events.push(event));
      return { events, stop, source: FakeEventSource.instances[0] };
    };

    it('opens the thread events stream', () => {
      const { source, stop } = subscribed('blog/roi', { baseUrl: 'https://c.example/api/' });
      expect(FakeEventSource.instances).to.have.length(1);
      expect(source.url).to.equal('https://c.example/api/threads/blog%2Froi/events');
      stop();
    });

    it('turns created, edited and deleted events into ThreadEvents', () => {
      const { source, events, stop } = subscribed();
      source.emit('created', JSON.stringify(comment('c1')));
      source.emit('edited', JSON.stringify(comment('c1', { body: 'edited' })));
      source.emit('deleted', JSON.stringify(comment('c1', { status: 'deleted', body: '' })));
      expect(events).to.deep.equal([
        { type: 'created', comment: comment('c1') },
        { type: 'edited', comment: comment('c1', { body: 'edited' }) },
        { type: 'deleted', comment: comment('c1', { status: 'deleted', body: '' }) },
      ]);
      stop();
    });

    it('ignores malformed data and other events', () => {
      const { source, events, stop } = subscribed();
      source.emit('created', 'not json');
      source.emit('created', '{"id": 5}');
      source.emit('created', '[]');
      source.emit('created', 'null');
      source.emit('edited', '');
      source.emit('message', JSON.stringify(comment('c1')));
      source.emit('ping', JSON.stringify(comment('c1')));
      source.dispatchEvent(new Event('created'));
      expect(events).to.deep.equal([]);
      stop();
    });

    it('returns a function that closes the stream, after which nothing arrives', () => {
      const { source, events, stop } = subscribed();
      source.emit('created', JSON.stringify(comment('c1')));
      stop();
      expect(source.closed).to.equal(true);
      source.emit('created', JSON.stringify(comment('c2')));
      stop();
      expect(events.map((e) => e.comment.id)).to.deep.equal(['c1']);
    });

    it('does nothing without EventSource', () => {
      const { stop } = subscribed('t', { EventSource: null });
      expect(FakeEventSource.instances).to.have.length(0);
      expect(() => stop()).not.to.throw();

      const global = globalThis as { EventSource?: unknown };
      const saved = global.EventSource;
      global.EventSource = undefined;
      try {
        const { adapter } = adapterWith([page()]);
        const stopGlobal = adapter.subscribe('t', () => undefined);
        expect(() => stopGlobal()).not.to.throw();
      } finally {
        global.EventSource = saved;
      }
    });

    it('does nothing when EventSource refuses the URL', () => {
      class Refusing {
        constructor() {
          throw new DOMException('bad url', 'SyntaxError');
        }
      }
      const { stop } = subscribed('t', { EventSource: Refusing as unknown as typeof EventSource });
      expect(() => stop()).not.to.throw();
    });
  });
});
