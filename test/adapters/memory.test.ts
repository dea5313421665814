import { expect } from '@open-wc/testing';
import { adapterErrorOf, rejectionOf } from '../support/promises.js';
import { AdapterError, type Comment, type NewComment } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';

function comment(id: string, createdAt: string, extra: Partial<Comment> = {}): Comment {
  return { id, parentId: null, author: { name: `author ${id}` }, body: `body ${id}`, createdAt, ...extra };
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A thread with a nested reply chain: r1 ← r1a ← r1a1, and two more top-level comments.
function seed(): Record<string, Comment[]> {
  return {
    t1: [
      comment('r2', '2024-02-02T00:00:00Z', { score: 3 }),
      comment('r1a1', '2024-02-04T00:00:00Z', { parentId: 'r1a' }),
      comment('r1', '2024-02-01T00:00:00Z', { score: 1 }),
      comment('r1a', '2024-02-03T00:00:00Z', { parentId: 'r1', score: 7 }),
      comment('r3', '2024-02-05T00:00:00Z'),
    ],
    other: [comment('o1', '2024-01-01T00:00:00Z')],
  };
}

const named = (body: string, parentId: string | null = null): NewComment => ({
  parentId,
  body,
  author: { name: 'Amina', email: 'amina@example.com', url: 'https://amina.example' },
});

describe('MemoryAdapter', () => {
  describe('list', () => {
    it('returns the seeded thread, every level, oldest first, with the total', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const result = await adapter.list('t1', {});
      expect(result.comments.map((c) => c.id)).to.deep.equal(['r1', 'r2', 'r1a', 'r1a1', 'r3']);
      expect(result.total).to.equal(5);
      expect(result.nextCursor ?? null).to.equal(null);
    });

    it('returns an empty list for an unknown thread', async () => {
      const result = await new MemoryAdapter().list('nothing', {});
      expect(result.comments).to.deep.equal([]);
      expect(result.total).to.equal(0);
    });

    it('orders by sort', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const ids = async (sort: string) => (await adapter.list('t1', { sort })).comments.map((c) => c.id);
      expect(await ids('oldest')).to.deep.equal(['r1', 'r2', 'r1a', 'r1a1', 'r3']);
      expect(await ids('newest')).to.deep.equal(['r3', 'r1a1', 'r1a', 'r2', 'r1']);
      expect(await ids('top')).to.deep.equal(['r1a', 'r2', 'r1', 'r1a1', 'r3']);
    });

    it('pages through every comment exactly once, for every sort', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      for (const sort of ['oldest', 'newest', 'top']) {
        const seen: string[] = [];
        let cursor: string | null | undefined;
        let pages = 0;
        do {
          const page = await adapter.list('t1', { sort, limit: 2, cursor });
          expect(page.comments.length).to.be.at.most(2);
          expect(page.total).to.equal(5);
          seen.push(...page.comments.map((c) => c.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 10);
        expect(pages, sort).to.equal(3);
        expect(seen.length, sort).to.equal(5);
        expect(new Set(seen), sort).to.deep.equal(new Set(['r1', 'r2', 'r1a', 'r1a1', 'r3']));
      }
    });

    it('returns only direct replies when parentId is set', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      expect((await adapter.list('t1', { parentId: 'r1' })).comments.map((c) => c.id)).to.deep.equal(['r1a']);
      expect((await adapter.list('t1', { parentId: 'r1a' })).comments.map((c) => c.id)).to.deep.equal(['r1a1']);
      expect((await adapter.list('t1', { parentId: 'r3' })).comments).to.deep.equal([]);
      // parentId: null is the whole thread, like no parentId.
      expect((await adapter.list('t1', { parentId: null })).comments.length).to.equal(5);
    });

    it('returns copies: changing a result or the seed does not change the store', async () => {
      const seeded = seed();
      const adapter = new MemoryAdapter({ comments: seeded });
      seeded.t1[0].body = 'changed seed';
      seeded.t1.push(comment('late', '2030-01-01T00:00:00Z'));
      const first = await adapter.list('t1', {});
      first.comments[0].body = 'changed result';
      first.comments[0].author.name = 'changed author';
      first.comments.pop();
      const second = await adapter.list('t1', {});
      expect(second.comments.length).to.equal(5);
      expect(second.comments[0].body).to.equal('body r1');
      expect(second.comments[0].author.name).to.equal('author r1');
      expect(second.comments.find((c) => c.id === 'r2')!.body).to.equal('body r2');
    });
  });

  describe('post', () => {
    it('creates a published comment and lists it', async () => {
      const adapter = new MemoryAdapter({
        comments: seed(),
        now: () => new Date('2025-03-04T05:06:07.000Z'),
      });
      const created = await adapter.post('t1', named('Asante sana!', 'r1a'), { idempotencyKey: 'k1' });
      expect(created.id).to.be.a('string').and.not.equal('');
      expect(created).to.deep.equal({
        id: created.id,
        parentId: 'r1a',
        author: { name: 'Amina', url: 'https://amina.example' },
        body: 'Asante sana!',
        createdAt: '2025-03-04T05:06:07.000Z',
        status: 'published',
      });
      expect(JSON.stringify(created)).not.to.contain('amina@example.com');
      const listed = await adapter.list('t1', {});
      expect(listed.total).to.equal(6);
      expect(listed.comments.at(-1)).to.deep.equal(created);
      expect((await adapter.list('t1', { parentId: 'r1a' })).comments.map((c) => c.id)).to.include(created.id);
      expect((await adapter.list('other', {})).total).to.equal(1);
    });

    it('gives every comment its own id', async () => {
      const adapter = new MemoryAdapter();
      const one = await adapter.post('t', named('one'), { idempotencyKey: 'a' });
      const two = await adapter.post('t', named('two'), { idempotencyKey: 'b' });
      expect(one.id).not.to.equal(two.id);
      expect((await adapter.list('t', {})).comments.map((c) => c.body)).to.deep.equal(['one', 'two']);
    });

    it('takes the author from the viewer when signed in', async () => {
      const viewer = { id: 'u7', name: 'Baraka', avatarUrl: 'https://img.example/b.png' };
      const adapter = new MemoryAdapter({ viewer });
      const created = await adapter.post('t', { parentId: null, body: 'hi' }, { idempotencyKey: 'k' });
      expect(created.author).to.deep.equal({ id: 'u7', name: 'Baraka', avatarUrl: 'https://img.example/b.png' });
    });

    it('rejects an empty or whitespace body with validation and stores nothing', async () => {
      const adapter = new MemoryAdapter();
      for (const body of ['', '   \n  ']) {
        const error = await adapterErrorOf(adapter.post('t', named(body), { idempotencyKey: `k${body.length}` }));
        expect(error.code).to.equal('validation');
      }
      expect((await adapter.list('t', {})).total).to.equal(0);
    });

    it('requires a name when nobody is signed in', async () => {
      const adapter = new MemoryAdapter();
      const noAuthor = await adapterErrorOf(adapter.post('t', { parentId: null, body: 'x' }, { idempotencyKey: 'a' }));
      expect(noAuthor.code).to.equal('validation');
      const blank = await adapterErrorOf(
        adapter.post('t', { parentId: null, body: 'x', author: { name: '  ' } }, { idempotencyKey: 'b' })
      );
      expect(blank.code).to.equal('validation');
      expect((await adapter.list('t', {})).total).to.equal(0);
    });

    it('rejects a parent that is not in this thread with not_found', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      expect((await adapterErrorOf(adapter.post('t1', named('x', 'nope'), { idempotencyKey: 'a' }))).code).to.equal(
        'not_found'
      );
      // o1 exists, but in another thread.
      expect((await adapterErrorOf(adapter.post('t1', named('x', 'o1'), { idempotencyKey: 'b' }))).code).to.equal(
        'not_found'
      );
      expect((await adapter.list('t1', {})).total).to.equal(5);
    });

    it('returns the same comment for a repeated idempotency key', async () => {
      const adapter = new MemoryAdapter();
      const first = await adapter.post('t', named('once'), { idempotencyKey: 'same' });
      const again = await adapter.post('t', named('once'), { idempotencyKey: 'same' });
      expect(again).to.deep.equal(first);
      expect(again).not.to.equal(first);
      expect((await adapter.list('t', {})).comments.map((c) => c.id)).to.deep.equal([first.id]);
    });

    for (const latency of [0, 20]) {
      it(`creates one comment for concurrent posts with one key (latency ${latency})`, async () => {
        const adapter = new MemoryAdapter({ latency });
        const results = await Promise.all(
          [1, 2, 3].map(() => adapter.post('t', named('once'), { idempotencyKey: 'same' }))
        );
        expect(new Set(results.map((c) => c.id)).size).to.equal(1);
        expect((await adapter.list('t', {})).total).to.equal(1);
      });
    }

    it('lets a post retried after a failure create the comment once', async () => {
      const adapter = new MemoryAdapter();
      adapter.failNext('post');
      await adapterErrorOf(adapter.post('t', named('retry me'), { idempotencyKey: 'k' }));
      expect((await adapter.list('t', {})).total).to.equal(0);
      const created = await adapter.post('t', named('retry me'), { idempotencyKey: 'k' });
      const again = await adapter.post('t', named('retry me'), { idempotencyKey: 'k' });
      expect(again.id).to.equal(created.id);
      expect((await adapter.list('t', {})).total).to.equal(1);
    });

    it('returns a copy: changing it does not change the store', async () => {
      const adapter = new MemoryAdapter();
      const created = await adapter.post('t', named('original'), { idempotencyKey: 'k' });
      created.body = 'changed';
      created.author.name = 'changed';
      const [stored] = (await adapter.list('t', {})).comments;
      expect(stored.body).to.equal('original');
      expect(stored.author.name).to.equal('Amina');
    });
  });

  describe('abort', () => {
    it('rejects list and post with AbortError when the signal is already aborted', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const controller = new AbortController();
      controller.abort();
      const listError = await rejectionOf(adapter.list('t1', { signal: controller.signal }));
      expect((listError as Error).name).to.equal('AbortError');
      const postError = await rejectionOf(
        adapter.post('t1', named('x'), { idempotencyKey: 'k', signal: controller.signal })
      );
      expect((postError as Error).name).to.equal('AbortError');
      expect((await adapter.list('t1', {})).total).to.equal(5);
    });

    it('rejects with AbortError as soon as the signal aborts during the latency', async () => {
      const adapter = new MemoryAdapter({ comments: seed(), latency: 300 });
      const controller = new AbortController();
      const started = performance.now();
      const pending = rejectionOf(adapter.list('t1', { signal: controller.signal }));
      setTimeout(() => controller.abort(), 20);
      const error = await pending;
      expect((error as Error).name).to.equal('AbortError');
      expect(performance.now() - started).to.be.below(250);
    });

    it('does not create a comment when the post is aborted during the latency', async () => {
      const adapter = new MemoryAdapter({ latency: 50 });
      const controller = new AbortController();
      const pending = rejectionOf(adapter.post('t', named('x'), { idempotencyKey: 'k', signal: controller.signal }));
      await sleep(10);
      controller.abort();
      expect(((await pending) as Error).name).to.equal('AbortError');
      await sleep(80);
      adapter.latency = 0;
      expect((await adapter.list('t', {})).total).to.equal(0);
    });
  });

  describe('simulated failures', () => {
    it('fails list with network for failList: true, until switched off', async () => {
      const adapter = new MemoryAdapter({ comments: seed(), failList: true });
      expect((await adapterErrorOf(adapter.list('t1', {}))).code).to.equal('network');
      expect((await adapterErrorOf(adapter.list('t1', {}))).code).to.equal('network');
      adapter.failList = false;
      expect((await adapter.list('t1', {})).total).to.equal(5);
    });

    it('fails with exactly the configured error', async () => {
      const limited = new AdapterError('rate_limited', 'slow down', { retryAfter: 30 });
      const adapter = new MemoryAdapter();
      adapter.failPost = limited;
      const error = await adapterErrorOf(adapter.post('t', named('x'), { idempotencyKey: 'k' }));
      expect(error).to.equal(limited);
      expect(error.retryAfter).to.equal(30);
      expect((await adapter.list('t', {})).total).to.equal(0);
      adapter.failPost = false;
      await adapter.post('t', named('x'), { idempotencyKey: 'k' });
      expect((await adapter.list('t', {})).total).to.equal(1);
    });

    it('fails only the next call with failNext', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      adapter.failNext('list', new AdapterError('unauthorized'));
      adapter.failNext('list');
      expect((await adapterErrorOf(adapter.list('t1', {}))).code).to.equal('unauthorized');
      expect((await adapterErrorOf(adapter.list('t1', {}))).code).to.equal('network');
      expect((await adapter.list('t1', {})).total).to.equal(5);
      // A queued list failure never hits post.
      adapter.failNext('list');
      await adapter.post('t1', named('x'), { idempotencyKey: 'k' });
    });

    it('fails post from the constructor option', async () => {
      const adapter = new MemoryAdapter({ failPost: new AdapterError('forbidden') });
      expect((await adapterErrorOf(adapter.post('t', named('x'), { idempotencyKey: 'k' }))).code).to.equal('forbidden');
      expect((await adapter.list('t', {})).total).to.equal(0);
    });
  });

  describe('viewer and count', () => {
    it('returns null without a viewer, a copy of the configured one otherwise', async () => {
      expect(await new MemoryAdapter().viewer()).to.equal(null);
      const adapter = new MemoryAdapter({ viewer: { id: 'u1', name: 'Zawadi' } });
      const viewer = await adapter.viewer();
      expect(viewer).to.deep.equal({ id: 'u1', name: 'Zawadi' });
      viewer!.name = 'changed';
      expect((await adapter.viewer())!.name).to.equal('Zawadi');
      adapter.setViewer(null);
      expect(await adapter.viewer()).to.equal(null);
    });

    it('counts many threads in one call, 0 for unknown ones', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      await adapter.post('other', named('x'), { idempotencyKey: 'k' });
      expect(await adapter.count(['t1', 'other', 'none'])).to.deep.equal({ t1: 5, other: 2, none: 0 });
    });
  });
});
