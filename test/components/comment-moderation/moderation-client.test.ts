import { expect } from '@open-wc/testing';
import { RestModerationClient, retryAfterSeconds } from '../../../src/components/comment-moderation/moderation-client.js';
import { AdapterError } from '../../../src/core/errors.js';

interface Seen {
  method: string;
  url: string;
  body: unknown;
  credentials?: RequestCredentials;
  contentType: string | null;
}

/** A fetch stub that answers each request from `answer` and records what was asked. */
function stub(answer: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: Seen = {
      method: init.method ?? 'GET',
      url: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
      contentType: new Headers(init.headers).get('Content-Type'),
    };
    seen.push(request);
    return answer(request);
  }) as typeof globalThis.fetch;
  return { seen, client: new RestModerationClient({ baseUrl: 'https://comments.example/api/', fetch }) };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const apiError = (status: number, code: string, message = code, headers: Record<string, string> = {}) => json(status, { error: { code, message } }, headers);

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected a rejection');
}

describe('RestModerationClient', () => {
  it('signs in with POST /session and the cookie credentials', async () => {
    const { seen, client } = stub(() => new Response(null, { status: 204 }));
    await client.signIn('owner@example.com', 'secret');
    expect(seen).to.deep.equal([
      { method: 'POST', url: 'https://comments.example/api/session', body: { email: 'owner@example.com', password: 'secret' }, credentials: 'include', contentType: 'application/json' },
    ]);
  });

  it('turns a 401 into unauthorized with the server’s message, and a 429 into rate_limited with retryAfter', async () => {
    let next = apiError(401, 'unauthorized', 'Wrong email or password');
    const { client } = stub(() => next);
    const wrong = await rejection(client.signIn('a@b.c', 'x'));
    expect([wrong.code, wrong.message]).to.deep.equal(['unauthorized', 'Wrong email or password']);
    next = apiError(429, 'rate_limited', 'Slow down', { 'Retry-After': '30' });
    const limited = await rejection(client.signIn('a@b.c', 'x'));
    expect([limited.code, limited.retryAfter]).to.deep.equal(['rate_limited', 30]);
  });

  it('reads the session; signed out or a reader, it asks the config only (no failed request in the console)', async () => {
    let viewer: unknown = { id: 'user:1', name: 'Mod', role: 'moderator' };
    const { seen, client } = stub((request) =>
      request.url.endsWith('/config') ? json(200, { viewer }) : json(200, { email: 'mod@example.com', role: 'moderator' })
    );
    expect(await client.session()).to.deep.equal({ email: 'mod@example.com', role: 'moderator' });
    viewer = null;
    expect(await client.session()).to.equal(null);
    viewer = { id: 'reader-1', name: 'Amani', role: 'reader', verified: true };
    expect(await client.session()).to.equal(null);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.credentials}`)).to.deep.equal([
      'GET https://comments.example/api/config include',
      'GET https://comments.example/api/session include',
      'GET https://comments.example/api/config include',
      'GET https://comments.example/api/config include',
    ]);
  });

  it('a server whose config names no viewer: the session answers, a 401 meaning nobody is signed in', async () => {
    let signedIn = true;
    const { client } = stub((request) =>
      request.url.endsWith('/config') ? json(200, { sorts: ['oldest'] }) : signedIn ? json(200, { email: 'owner@example.com', role: 'owner' }) : apiError(401, 'unauthorized')
    );
    expect(await client.session()).to.deep.equal({ email: 'owner@example.com', role: 'owner' });
    signedIn = false;
    expect(await client.session()).to.equal(null);
  });

  it('signs out with DELETE /session', async () => {
    const { seen, client } = stub(() => new Response(null, { status: 204 }));
    await client.signOut();
    expect(seen.map((s) => `${s.method} ${s.url}`)).to.deep.equal(['DELETE https://comments.example/api/session']);
  });

  it('lists with status, thread, cursor and limit, and checks what comes back', async () => {
    const { seen, client } = stub(() =>
      json(200, {
        comments: [
          { id: 'c1', parentId: null, author: { name: 'Asha', verified: true }, body: 'Hi', createdAt: '2025-01-01T00:00:00Z', status: 'pending', threadId: 'blog/a', heldFor: 'links' },
          { body: 'no id' },
          { id: 'c2', author: { name: 'Bo', verified: 'yes' }, body: 5, createdAt: '2025-01-01T00:00:00Z', status: 'weird' },
        ],
        nextCursor: 'abc',
        counts: { pending: 2, spam: -1, published: '3' },
      })
    );
    const page = await client.list({ status: 'pending', thread: 'blog/a b', cursor: 'xyz', limit: 20 });
    const url = new URL(seen[0].url);
    expect(url.pathname).to.equal('/api/moderation/comments');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ status: 'pending', thread: 'blog/a b', cursor: 'xyz', limit: '20' });
    expect(page.comments.map((c) => [c.id, c.threadId, c.heldFor, c.author.verified ?? false, c.body, c.status])).to.deep.equal([
      ['c1', 'blog/a', 'links', true, 'Hi', 'pending'],
      ['c2', '', null, false, '5', undefined],
    ]);
    expect(page.nextCursor).to.equal('abc');
    expect(page.counts).to.deep.equal({ pending: 2, spam: 0, published: 0, deleted: 0 });
  });

  it('moderates with POST /moderation/comments/{id} and bans with POST /moderation/bans', async () => {
    const { seen, client } = stub((request) =>
      request.url.endsWith('/bans')
        ? json(201, { ban: { id: 'b1', createdAt: '2025-01-01T00:00:00Z' } })
        : json(200, { id: 'c/1', parentId: null, author: { name: 'A' }, body: 'x', createdAt: '2025-01-01T00:00:00Z', status: 'published', threadId: 't', heldFor: null })
    );
    const updated = await client.moderate('c/1', 'approve');
    expect(updated.status).to.equal('published');
    expect(await client.ban('c/1')).to.deep.equal({ id: 'b1', createdAt: '2025-01-01T00:00:00Z' });
    expect(seen.map((s) => [s.method, s.url, s.body])).to.deep.equal([
      ['POST', 'https://comments.example/api/moderation/comments/c%2F1', { action: 'approve' }],
      ['POST', 'https://comments.example/api/moderation/bans', { commentId: 'c/1' }],
    ]);
  });

  it('reads the log, dropping entries it cannot read', async () => {
    const { seen, client } = stub(() =>
      json(200, {
        entries: [
          { id: 'l1', at: '2025-01-01T00:00:00Z', actor: { email: 'o@example.com' }, action: 'ban', commentId: 'c1', threadId: 't' },
          { id: 'l2', action: 'explode' },
          'nonsense',
        ],
        nextCursor: null,
      })
    );
    const page = await client.log({ cursor: 'n1' });
    expect(seen[0].url).to.equal('https://comments.example/api/moderation/log?cursor=n1');
    expect(page).to.deep.equal({ entries: [{ id: 'l1', at: '2025-01-01T00:00:00Z', actor: { email: 'o@example.com' }, action: 'ban', commentId: 'c1', threadId: 't' }], nextCursor: null });
  });

  it('maps every error code and status, the network and unreadable answers', async () => {
    const answers: Array<[() => Response | Promise<Response>, string]> = [
      [() => apiError(403, 'forbidden'), 'forbidden'],
      [() => apiError(404, 'not_found'), 'not_found'],
      [() => apiError(409, 'conflict'), 'conflict'],
      [() => apiError(400, 'validation'), 'validation'],
      [() => json(403, {}), 'forbidden'],
      [() => apiError(418, 'teapot'), 'unknown'],
      [() => new Response('<html>Bad gateway</html>', { status: 502 }), 'network'],
      [() => new Response('oops', { status: 500 }), 'unknown'],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'network'],
      [() => json(200, { nothing: true }), 'unknown'],
    ];
    for (const [answer, code] of answers) {
      const { client } = stub(answer);
      expect((await rejection(client.list({ status: 'pending' }))).code, code).to.equal(code);
    }
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('12')).to.equal(12);
    expect(retryAfterSeconds(new Date(Date.now() + 5000).toUTCString(), Date.now())).to.be.within(4, 6);
    expect(retryAfterSeconds('soon')).to.equal(undefined);
    expect(retryAfterSeconds(null)).to.equal(undefined);
  });
});
