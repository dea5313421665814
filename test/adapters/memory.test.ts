import { expect } from '@open-wc/testing';
import { adapterErrorOf, rejectionOf } from '../support/promises.js';
import { AdapterError, type Comment, type NewComment } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { comment } from '../support/comments.js';



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
    it('returns the top level, oldest first, then up to three replies of each (recursively), with the total', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const result = await adapter.list('t1', {});
      expect(result.comments.map((c) => c.id)).to.deep.equal(['r1', 'r2', 'r3', 'r1a', 'r1a1']);
      expect(result.comments.map((c) => c.replyCount)).to.deep.equal([1, 0, 0, 1, 0]);
      expect(result.total).to.equal(5);
      expect(result.nextCursor ?? null).to.equal(null);
    });

    it('returns an empty list for an unknown thread', async () => {
      const result = await new MemoryAdapter().list('nothing', {});
      expect(result.comments).to.deep.equal([]);
      expect(result.total).to.equal(0);
    });

    it('declares its sorts and orders the requested level by sort', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      expect(adapter.sorts).to.deep.equal(['oldest', 'newest', 'top']);
      const ids = async (sort: string, parentId: string | null = null) =>
        (await adapter.list('t1', { sort, parentId, limit: 10 })).comments.filter((c) => c.parentId === parentId).map((c) => c.id);
      expect(await ids('oldest')).to.deep.equal(['r1', 'r2', 'r3']);
      expect(await ids('newest')).to.deep.equal(['r3', 'r2', 'r1']);
      expect(await ids('top')).to.deep.equal(['r2', 'r1', 'r3']);
    });

    it('pages through every top-level comment exactly once, for every sort', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      for (const sort of ['oldest', 'newest', 'top']) {
        const seen: string[] = [];
        let cursor: string | null | undefined;
        let pages = 0;
        do {
          const page = await adapter.list('t1', { sort, limit: 2, cursor });
          const level = page.comments.filter((c) => c.parentId === null);
          expect(level.length).to.be.at.most(2);
          expect(page.total).to.equal(5);
          seen.push(...level.map((c) => c.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 10);
        expect(pages, sort).to.equal(2);
        expect(seen.length, sort).to.equal(3);
        expect(new Set(seen), sort).to.deep.equal(new Set(['r1', 'r2', 'r3']));
      }
    });

    it('keeps its cursor stable when comments are posted between pages', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const first = await adapter.list('t1', { sort: 'newest', limit: 2 });
      await adapter.post('t1', named('newer than everything'), { idempotencyKey: 'k' });
      const second = await adapter.list('t1', { sort: 'newest', limit: 2, cursor: first.nextCursor });
      expect(first.comments.filter((c) => c.parentId === null).map((c) => c.id)).to.deep.equal(['r3', 'r2']);
      expect(second.comments.filter((c) => c.parentId === null).map((c) => c.id)).to.deep.equal(['r1']);
    });

    it('returns the direct replies of parentId (with their inline replies), not_found for an unknown one', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const r1 = await adapter.list('t1', { parentId: 'r1' });
      expect(r1.comments.map((c) => c.id)).to.deep.equal(['r1a', 'r1a1']);
      expect(r1.total).to.equal(5);
      expect((await adapter.list('t1', { parentId: 'r1a', limit: 1 })).comments.map((c) => c.id)).to.deep.equal(['r1a1']);
      expect((await adapter.list('t1', { parentId: 'r3' })).comments).to.deep.equal([]);
      expect((await adapterErrorOf(adapter.list('t1', { parentId: 'o1' }))).code).to.equal('not_found');
      // parentId: null is the top level, like no parentId.
      expect((await adapter.list('t1', { parentId: null })).comments.length).to.equal(5);
    });

    it('inlines at most three replies per comment, oldest first', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      for (let i = 1; i <= 5; i++) await adapter.post('t1', named(`reply ${i}`, 'r2'), { idempotencyKey: `k${i}` });
      const { comments } = await adapter.list('t1', {});
      const inline = comments.filter((c) => c.parentId === 'r2');
      expect(inline.map((c) => c.body)).to.deep.equal(['reply 1', 'reply 2', 'reply 3']);
      expect(comments.find((c) => c.id === 'r2')!.replyCount).to.equal(5);
      const all = await adapter.list('t1', { parentId: 'r2', limit: 2 });
      const rest = await adapter.list('t1', { parentId: 'r2', limit: 10, cursor: all.nextCursor });
      expect([...all.comments, ...rest.comments].map((c) => c.body)).to.deep.equal(['reply 1', 'reply 2', 'reply 3', 'reply 4', 'reply 5']);
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
        replyCount: 0,
        reactions: { up: 0, down: 0 },
        score: 0,
        viewerReactions: [],
        can: { edit: true, delete: true },
      });
      expect(JSON.stringify(created)).not.to.contain('amina@example.com');
      const listed = await adapter.list('t1', {});
      expect(listed.total).to.equal(6);
      expect(listed.comments.find((c) => c.id === created.id)).to.deep.equal(created);
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

  describe('edit, delete and react', () => {
    it('edits its own comment within the edit window, setting editedAt', async () => {
      let now = new Date('2025-01-01T00:00:00.000Z');
      const adapter = new MemoryAdapter({ now: () => now, editWindowMs: 60_000 });
      const created = await adapter.post('t', named('first words'), { idempotencyKey: 'k' });
      now = new Date('2025-01-01T00:00:30.000Z');
      const edited = await adapter.edit('t', created.id, { body: 'better words' });
      expect(edited.body).to.equal('better words');
      expect(edited.editedAt).to.equal('2025-01-01T00:00:30.000Z');
      expect(edited.can).to.deep.equal({ edit: true, delete: true });
      expect((await adapter.list('t', {})).comments[0].body).to.equal('better words');

      now = new Date('2025-01-01T00:01:00.001Z');
      expect((await adapter.list('t', {})).comments[0].can).to.deep.equal({ edit: false, delete: true });
      expect((await adapterErrorOf(adapter.edit('t', created.id, { body: 'too late' }))).code).to.equal('forbidden');
    });

    it("rejects edits and deletes of someone else's comment with forbidden, unknown ones with not_found", async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const listed = (await adapter.list('t1', {})).comments;
      expect(listed.every((c) => !c.can!.edit && !c.can!.delete)).to.equal(true);
      expect((await adapterErrorOf(adapter.edit('t1', 'r1', { body: 'x' }))).code).to.equal('forbidden');
      expect((await adapterErrorOf(adapter.delete('t1', 'r1'))).code).to.equal('forbidden');
      expect((await adapterErrorOf(adapter.edit('t1', 'nope', { body: 'x' }))).code).to.equal('not_found');
      expect((await adapterErrorOf(adapter.delete('t1', 'o1'))).code).to.equal('not_found');
      const mine = await adapter.post('t1', named('mine'), { idempotencyKey: 'k' });
      expect((await adapterErrorOf(adapter.edit('t1', mine.id, { body: ' ' }))).code).to.equal('validation');
    });

    it('owns the comments of the signed-in viewer, also seeded ones', async () => {
      const seeded = { t: [comment('v1', '2024-01-01T00:00:00Z', { author: { name: 'Zawadi', id: 'u1' } })] };
      const adapter = new MemoryAdapter({ comments: seeded, viewer: { id: 'u1', name: 'Zawadi' } });
      const [listed] = (await adapter.list('t', {})).comments;
      // Seeded long ago: outside the edit window, but still deletable.
      expect(listed.can).to.deep.equal({ edit: false, delete: true });
      adapter.setViewer(null);
      expect((await adapter.list('t', {})).comments[0].can).to.deep.equal({ edit: false, delete: false });
    });

    it('deletes a comment with replies into a tombstone, and one without replies out of the list', async () => {
      const adapter = new MemoryAdapter();
      const parent = await adapter.post('t', named('parent'), { idempotencyKey: 'p' });
      const reply = await adapter.post('t', named('reply', parent.id), { idempotencyKey: 'r' });
      const alone = await adapter.post('t', named('alone'), { idempotencyKey: 'a' });

      const tomb = await adapter.delete('t', parent.id);
      expect(tomb).to.deep.include({ id: parent.id, status: 'deleted', body: '', author: { name: '' }, replyCount: 1 });
      expect(tomb.can).to.deep.equal({ edit: false, delete: false });
      const gone = await adapter.delete('t', alone.id);
      expect(gone).to.deep.include({ status: 'deleted', body: '', replyCount: 0 });

      let listed = await adapter.list('t', {});
      expect(listed.comments.map((c) => c.id)).to.deep.equal([parent.id, reply.id]);
      expect(listed.total).to.equal(2);
      expect(await adapter.count(['t'])).to.deep.equal({ t: 1 });
      // A retried delete succeeds; a reply to a tombstone does not.
      expect((await adapter.delete('t', parent.id)).status).to.equal('deleted');
      expect((await adapterErrorOf(adapter.post('t', named('x', parent.id), { idempotencyKey: 'x' }))).code).to.equal('not_found');

      // The last reply gone, the tombstone goes too.
      await adapter.delete('t', reply.id);
      listed = await adapter.list('t', {});
      expect(listed.comments).to.deep.equal([]);
      expect(listed.total).to.equal(0);
    });

    it('declares up/down reactions: one per viewer, counts, score and viewerReactions', async () => {
      const adapter = new MemoryAdapter({ comments: seed() });
      const other = adapter.connect();
      expect(adapter.reactions).to.deep.equal(['up', 'down']);
      await other.react('t1', 'r3', 'up', { active: true });
      let r3 = await adapter.react('t1', 'r3', 'up', { active: true });
      expect(r3).to.deep.include({ reactions: { up: 2, down: 0 }, score: 2, viewerReactions: ['up'] });
      r3 = await adapter.react('t1', 'r3', 'down', { active: true });
      expect(r3).to.deep.include({ reactions: { up: 1, down: 1 }, score: 0, viewerReactions: ['down'] });
      const seen = (await other.list('t1', {})).comments.find((c) => c.id === 'r3')!;
      expect(seen).to.deep.include({ score: 0, viewerReactions: ['up'] });
      expect((await adapterErrorOf(adapter.react('t1', 'r3', 'love', { active: true }))).code).to.equal('validation');
      // Seeded scores move by one per vote and drive sort=top (ties: oldest first).
      await adapter.react('t1', 'r1', 'up', { active: true });
      await other.react('t1', 'r1', 'up', { active: true });
      const top = (await adapter.list('t1', { sort: 'top' })).comments.filter((c) => c.parentId === null);
      expect(top.map((c) => [c.id, c.score])).to.deep.equal([['r1', 3], ['r2', 3], ['r3', 0]]);
    });

    it('reacts as the viewer when signed in, so two clients of one viewer share their votes', async () => {
      const viewer = { id: 'u1', name: 'Zawadi' };
      const adapter = new MemoryAdapter({ comments: seed(), viewer });
      const sameViewer = adapter.connect({ viewer });
      await adapter.react('t1', 'r3', 'up', { active: true });
      const again = await sameViewer.react('t1', 'r3', 'up', { active: true });
      expect(again).to.deep.include({ reactions: { up: 1, down: 0 }, viewerReactions: ['up'] });
    });
  });

  describe('connect and subscribe', () => {
    it('connects clients to one backend, each with its own ownership', async () => {
      const first = new MemoryAdapter({ comments: seed() });
      const second = first.connect({ viewer: { id: 'u2', name: 'Baraka' } });
      const mine = await first.post('t1', named('from the first'), { idempotencyKey: 'k' });
      const seen = (await second.list('t1', {})).comments.find((c) => c.id === mine.id)!;
      expect(seen.can).to.deep.equal({ edit: false, delete: false });
      expect((await adapterErrorOf(second.delete('t1', mine.id))).code).to.equal('forbidden');
      // Idempotency keys belong to the backend: a retry through another client finds the comment.
      expect((await second.post('t1', named('from the first'), { idempotencyKey: 'k' })).id).to.equal(mine.id);
      expect(await second.count(['t1'])).to.deep.equal({ t1: 6 });
      expect(await new MemoryAdapter({ comments: seed() }).count(['t1'])).to.deep.equal({ t1: 5 });
    });

    it('delivers created, edited and deleted events after the call has resolved', async () => {
      const adapter = new MemoryAdapter();
      const events: string[] = [];
      const stop = adapter.subscribe('t', (event) => events.push(`${event.type} ${event.comment.body}`));
      const created = await adapter.post('t', named('hello'), { idempotencyKey: 'k' });
      expect(events).to.deep.equal([]);
      await sleep(0);
      expect(events).to.deep.equal(['created hello']);
      await adapter.edit('t', created.id, { body: 'hello again' });
      await adapter.delete('t', created.id);
      await sleep(0);
      expect(events).to.deep.equal(['created hello', 'edited hello again', 'deleted ']);
      stop();
    });

    it("presents events as each subscriber's client sees them", async () => {
      const first = new MemoryAdapter();
      const second = first.connect();
      const events: Array<{ who: string; can: unknown }> = [];
      const stops = [
        first.subscribe('t', (e) => events.push({ who: 'first', can: e.comment.can })),
        second.subscribe('t', (e) => events.push({ who: 'second', can: e.comment.can })),
      ];
      await first.post('t', named('x'), { idempotencyKey: 'k' });
      await sleep(0);
      expect(events).to.deep.equal([
        { who: 'first', can: { edit: true, delete: true } },
        { who: 'second', can: { edit: false, delete: false } },
      ]);
      stops.forEach((stop) => stop());
    });

    it('stops after unsubscribe, also for changes already made, and hears only its thread', async () => {
      const adapter = new MemoryAdapter();
      const events: string[] = [];
      const stop = adapter.subscribe('t', (event) => events.push(event.comment.body));
      await adapter.post('other', named('elsewhere'), { idempotencyKey: 'a' });
      await adapter.post('t', named('made before unsubscribe'), { idempotencyKey: 'b' });
      stop();
      stop();
      await adapter.post('t', named('after'), { idempotencyKey: 'c' });
      await sleep(10);
      expect(events).to.deep.equal([]);
    });

    it('does not announce a repeated idempotent post or a reaction', async () => {
      const adapter = new MemoryAdapter();
      const events: string[] = [];
      const stop = adapter.subscribe('t', (event) => events.push(event.type));
      const created = await adapter.post('t', named('once'), { idempotencyKey: 'k' });
      await adapter.post('t', named('once'), { idempotencyKey: 'k' });
      await adapter.react('t', created.id, 'up', { active: true });
      await sleep(10);
      expect(events).to.deep.equal(['created']);
      stop();
    });
  });

  describe('every call goes through the simulated network', () => {
    it('fails the next edit, delete, react or count with failNext, changing nothing', async () => {
      const adapter = new MemoryAdapter();
      const created = await adapter.post('t', named('x'), { idempotencyKey: 'k' });
      for (const operation of ['edit', 'delete', 'react', 'count'] as const) adapter.failNext(operation, new AdapterError('rate_limited'));
      expect((await adapterErrorOf(adapter.edit('t', created.id, { body: 'y' }))).code).to.equal('rate_limited');
      expect((await adapterErrorOf(adapter.delete('t', created.id))).code).to.equal('rate_limited');
      expect((await adapterErrorOf(adapter.react('t', created.id, 'up', { active: true }))).code).to.equal('rate_limited');
      expect((await adapterErrorOf(adapter.count(['t']))).code).to.equal('rate_limited');
      const [stored] = (await adapter.list('t', {})).comments;
      expect(stored).to.deep.include({ body: 'x', status: 'published', score: 0 });
      expect(await adapter.count(['t'])).to.deep.equal({ t: 1 });
    });

    it('delays edit, delete and react by the latency, and aborts them', async () => {
      const adapter = new MemoryAdapter();
      const created = await adapter.post('t', named('x'), { idempotencyKey: 'k' });
      adapter.latency = 40;
      const started = performance.now();
      await adapter.react('t', created.id, 'up', { active: true });
      expect(performance.now() - started).to.be.at.least(35);
      const controller = new AbortController();
      const pending = rejectionOf(adapter.delete('t', created.id, { signal: controller.signal }));
      controller.abort();
      expect(((await pending) as Error).name).to.equal('AbortError');
      adapter.latency = 0;
      expect((await adapter.list('t', {})).comments[0].status).to.equal('published');
    });
  });
});
