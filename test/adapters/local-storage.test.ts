import { expect } from '@open-wc/testing';
import { adapterErrorOf, rejectionOf } from '../support/promises.js';
import { AdapterError, type Comment, type NewComment } from '../../src/adapters/adapter.js';
import { LocalStorageAdapter, type StorageLike } from '../../src/adapters/local-storage.js';
import { comment } from '../support/comments.js';



const named = (body: string, parentId: string | null = null): NewComment => ({
  parentId,
  body,
  author: { name: 'Amina', email: 'amina@example.com' },
});

/** An in-memory Storage whose operations can be made to throw. */
class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  failGet?: unknown;
  failSet?: unknown;
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    if (this.failGet) throw this.failGet;
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failSet) throw this.failSet;
    this.data.set(key, String(value));
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

describe('LocalStorageAdapter', () => {
  let prefix: string;

  beforeEach(() => {
    prefix = `maoni-test-${crypto.randomUUID()}:`;
  });

  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
  });

  describe('persistence', () => {
    it('stores each thread under prefix + thread:id in window.localStorage by default', async () => {
      const adapter = new LocalStorageAdapter({ prefix, now: () => new Date('2025-01-02T03:04:05.000Z') });
      const created = await adapter.post('blog/roi', named('Habari'), { idempotencyKey: 'k1' });
      const stored = JSON.parse(localStorage.getItem(`${prefix}thread:blog/roi`)!);
      // Only the comment itself is stored; replyCount, can and the like are worked out on reading.
      const { id, parentId, author, body, createdAt, status } = created;
      expect(stored).to.deep.equal({ version: 1, comments: [{ id, parentId, author, body, createdAt, status }], keys: { k1: created.id } });
      expect(created.createdAt).to.equal('2025-01-02T03:04:05.000Z');
      expect(created.status).to.equal('published');
      expect(localStorage.getItem(`${prefix}thread:blog/roi`)).not.to.contain('amina@example.com');
    });

    it('keeps comments across adapter instances (a reload)', async () => {
      const before = new LocalStorageAdapter({ prefix });
      const first = await before.post('t', named('first'), { idempotencyKey: 'a' });
      const reply = await before.post('t', named('reply', first.id), { idempotencyKey: 'b' });

      const after = new LocalStorageAdapter({ prefix });
      const listed = await after.list('t', {});
      expect(listed.comments).to.deep.equal([{ ...first, replyCount: 1 }, reply]);
      expect(listed.total).to.equal(2);
      expect((await after.list('t', { parentId: first.id })).comments.map((c) => c.id)).to.deep.equal([reply.id]);
      // A retry after the reload with the same key still finds the comment.
      const retried = await after.post('t', named('reply', first.id), { idempotencyKey: 'b' });
      expect(retried).to.deep.equal(reply);
      expect((await after.list('t', {})).total).to.equal(2);
    });

    it('keeps threads and prefixes apart', async () => {
      const adapter = new LocalStorageAdapter({ prefix });
      await adapter.post('one', named('x'), { idempotencyKey: 'k' });
      expect((await adapter.list('two', {})).total).to.equal(0);
      expect((await new LocalStorageAdapter({ prefix: `${prefix}other:` }).list('one', {})).total).to.equal(0);
    });

    it('creates one comment for concurrent posts with one key', async () => {
      const adapter = new LocalStorageAdapter({ prefix });
      const results = await Promise.all([1, 2, 3].map(() => adapter.post('t', named('x'), { idempotencyKey: 'k' })));
      expect(new Set(results.map((c) => c.id)).size).to.equal(1);
      expect((await adapter.list('t', {})).total).to.equal(1);
    });

    it('sorts, pages and filters like the other adapters', async () => {
      const seed = {
        t: [
          comment('b', '2024-01-02T00:00:00Z', { score: 2 }),
          comment('a', '2024-01-01T00:00:00Z'),
          comment('c', '2024-01-03T00:00:00Z', { parentId: 'a', score: 9 }),
          comment('d', '2024-01-04T00:00:00Z', { score: 1 }),
        ],
      };
      const adapter = new LocalStorageAdapter({ prefix, seed });
      expect(adapter.sorts).to.deep.equal(['oldest', 'newest', 'top']);
      const ids = async (sort: string) => (await adapter.list('t', { sort })).comments.map((c) => c.id);
      // The top level in the requested order, then the inline replies.
      expect(await ids('oldest')).to.deep.equal(['a', 'b', 'd', 'c']);
      expect(await ids('newest')).to.deep.equal(['d', 'b', 'a', 'c']);
      expect(await ids('top')).to.deep.equal(['b', 'd', 'a', 'c']);
      const first = await adapter.list('t', { limit: 2 });
      const second = await adapter.list('t', { limit: 2, cursor: first.nextCursor });
      expect(first.comments.map((c) => c.id)).to.deep.equal(['a', 'b', 'c']);
      expect(second.comments.map((c) => c.id)).to.deep.equal(['d']);
      expect(second.nextCursor ?? null).to.equal(null);
      expect(second.total).to.equal(4);
      expect((await adapter.list('t', { parentId: 'a' })).comments.map((c) => c.id)).to.deep.equal(['c']);
      expect((await adapterErrorOf(adapter.list('t', { parentId: 'zzz' }))).code).to.equal('not_found');
    });

    it('validates like the other adapters', async () => {
      const adapter = new LocalStorageAdapter({ prefix });
      expect((await adapterErrorOf(adapter.post('t', named('  '), { idempotencyKey: 'a' }))).code).to.equal('validation');
      expect(
        (await adapterErrorOf(adapter.post('t', { parentId: null, body: 'x' }, { idempotencyKey: 'b' }))).code
      ).to.equal('validation');
      expect((await adapterErrorOf(adapter.post('t', named('x', 'ghost'), { idempotencyKey: 'c' }))).code).to.equal(
        'not_found'
      );
      expect(localStorage.getItem(`${prefix}thread:t`)).to.equal(null);
    });

    it('uses the viewer as author', async () => {
      const viewer = { id: 'u1', name: 'Zawadi' };
      const adapter = new LocalStorageAdapter({ prefix, viewer });
      expect(await adapter.viewer()).to.deep.equal(viewer);
      const created = await adapter.post('t', { parentId: null, body: 'x' }, { idempotencyKey: 'k' });
      expect(created.author).to.deep.equal({ id: 'u1', name: 'Zawadi' });
      expect(await new LocalStorageAdapter({ prefix }).viewer()).to.equal(null);
    });

    it('returns copies', async () => {
      const adapter = new LocalStorageAdapter({ prefix, seed: { t: [comment('a', '2024-01-01T00:00:00Z')] } });
      const listed = await adapter.list('t', {});
      listed.comments[0].author.name = 'changed';
      const created = await adapter.post('t', named('x'), { idempotencyKey: 'k' });
      created.body = 'changed';
      const again = await adapter.list('t', {});
      expect(again.comments.map((c) => c.author.name)).to.deep.equal(['author a', 'Amina']);
      expect(again.comments[1].body).to.equal('x');
    });

    it('rejects with AbortError when the signal is already aborted, storing nothing', async () => {
      const adapter = new LocalStorageAdapter({ prefix });
      const controller = new AbortController();
      controller.abort();
      expect(((await rejectionOf(adapter.list('t', { signal: controller.signal }))) as Error).name).to.equal(
        'AbortError'
      );
      const postError = await rejectionOf(
        adapter.post('t', named('x'), { idempotencyKey: 'k', signal: controller.signal })
      );
      expect((postError as Error).name).to.equal('AbortError');
      expect(localStorage.getItem(`${prefix}thread:t`)).to.equal(null);
    });

    it('counts threads', async () => {
      const adapter = new LocalStorageAdapter({ prefix, seed: { s: [comment('a', '2024-01-01T00:00:00Z')] } });
      await adapter.post('t', named('x'), { idempotencyKey: 'k1' });
      await adapter.post('t', named('y'), { idempotencyKey: 'k2' });
      expect(await adapter.count(['t', 's', 'none'])).to.deep.equal({ t: 2, s: 1, none: 0 });
    });

    it('clears one thread, or every thread under its prefix only', async () => {
      const adapter = new LocalStorageAdapter({ prefix });
      const neighbour = `${prefix.slice(0, -1)}-neighbour:thread:t`;
      localStorage.setItem(neighbour, 'keep');
      try {
        await adapter.post('t', named('x'), { idempotencyKey: 'k' });
        await adapter.post('u', named('y'), { idempotencyKey: 'k' });
        await adapter.post('v', named('z'), { idempotencyKey: 'k' });
        adapter.clear('t');
        expect(localStorage.getItem(`${prefix}thread:t`)).to.equal(null);
        expect((await adapter.list('u', {})).total).to.equal(1);
        adapter.clear();
        expect((await adapter.list('u', {})).total).to.equal(0);
        expect((await adapter.list('v', {})).total).to.equal(0);
        expect(localStorage.getItem(neighbour)).to.equal('keep');
      } finally {
        localStorage.removeItem(neighbour);
      }
    });
  });

  describe('seed', () => {
    const seed = () => ({ t: [comment('s1', '2024-01-01T00:00:00Z'), comment('s2', '2024-01-02T00:00:00Z')] });

    it('is listed while the thread has no stored data, without writing', async () => {
      const adapter = new LocalStorageAdapter({ prefix, seed: seed() });
      expect((await adapter.list('t', {})).comments.map((c) => c.id)).to.deep.equal(['s1', 's2']);
      expect((await adapter.list('other', {})).total).to.equal(0);
      expect(localStorage.getItem(`${prefix}thread:t`)).to.equal(null);
    });

    it('is written with the first post and never applied again', async () => {
      const first = new LocalStorageAdapter({ prefix, seed: seed() });
      const reply = await first.post('t', named('reply', 's1'), { idempotencyKey: 'k' });
      const stored = JSON.parse(localStorage.getItem(`${prefix}thread:t`)!);
      expect(stored.comments.map((c: Comment) => c.id)).to.deep.equal(['s1', 's2', reply.id]);

      // After a reload with a changed seed, the stored thread wins and nothing is duplicated.
      const changed = { t: [comment('s1', '2024-01-01T00:00:00Z', { body: 'edited seed' }), comment('s3', '2024-01-03T00:00:00Z')] };
      const second = new LocalStorageAdapter({ prefix, seed: changed });
      const listed = await second.list('t', {});
      expect(listed.comments.map((c) => c.id)).to.deep.equal(['s1', 's2', reply.id]);
      expect(listed.comments[0].body).to.equal('body s1');
      await second.post('t', named('more'), { idempotencyKey: 'k2' });
      expect((await second.list('t', {})).total).to.equal(4);
    });

    it('does not share mutations with the seed object', async () => {
      const seeded = seed();
      const adapter = new LocalStorageAdapter({ prefix, seed: seeded });
      (await adapter.list('t', {})).comments[0].body = 'changed';
      expect(seeded.t[0].body).to.equal('body s1');
      expect((await adapter.list('t', {})).comments[0].body).to.equal('body s1');
    });
  });

  describe('corrupted data', () => {
    const cases: Record<string, string> = {
      'invalid JSON': '{"version":1,"comments":[',
      'a JSON array': '[]',
      'JSON null': 'null',
      'an unknown version': '{"version":2,"comments":[],"keys":{}}',
      'no comments array': '{"version":1,"comments":"nope","keys":{}}',
      'keys that are not a map': '{"version":1,"comments":[],"keys":[1]}',
      'a comments array of garbage': '{"version":1,"comments":[1,"x",null,{"id":5}],"keys":{}}',
    };

    for (const [what, text] of Object.entries(cases)) {
      it(`rejects list and post for ${what}, leaving the stored value untouched`, async () => {
        const key = `${prefix}thread:t`;
        localStorage.setItem(key, text);
        const adapter = new LocalStorageAdapter({ prefix });
        const listError = await adapterErrorOf(adapter.list('t', {}));
        expect(listError.code).to.equal('unknown');
        expect(listError.message).to.match(/Stored comments for this thread are corrupted/);
        const postError = await adapterErrorOf(adapter.post('t', named('x'), { idempotencyKey: 'k' }));
        expect(postError.code).to.equal('unknown');
        expect(postError.message).to.match(/corrupted/);
        expect(localStorage.getItem(key)).to.equal(text);
      });
    }

    it('leaves a corrupted thread out of count, with a warning, and counts the others', async () => {
      localStorage.setItem(`${prefix}thread:bad`, 'garbage');
      const adapter = new LocalStorageAdapter({ prefix });
      await adapter.post('good', named('x'), { idempotencyKey: 'k' });
      const warn = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        expect(await adapter.count(['good', 'bad'])).to.deep.equal({ good: 1 });
      } finally {
        console.warn = warn;
      }
      expect(warnings.length).to.equal(1);
    });

    it('skips malformed entries with one warning and keeps them stored', async () => {
      const key = `${prefix}thread:t`;
      const good = comment('g1', '2024-01-01T00:00:00Z');
      localStorage.setItem(key, JSON.stringify({ version: 1, comments: [good, { junk: true }, 42], keys: {} }));
      const adapter = new LocalStorageAdapter({ prefix });
      const warn = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        expect((await adapter.list('t', {})).comments.map((c) => c.id)).to.deep.equal(['g1']);
        expect((await adapter.list('t', {})).total).to.equal(1);
        const created = await adapter.post('t', named('reply', 'g1'), { idempotencyKey: 'k' });
        const stored = JSON.parse(localStorage.getItem(key)!);
        // Nothing lost: the entries this version cannot read are written back as they were.
        expect(stored.comments.slice(0, 3)).to.deep.equal([good, { junk: true }, 42]);
        expect(stored.comments[3].id).to.equal(created.id);
      } finally {
        console.warn = warn;
      }
      expect(warnings.length).to.equal(1);
    });
  });

  describe('unavailable or full storage', () => {
    it('rejects with AdapterError when window.localStorage throws, and constructs fine', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
      expect(descriptor, 'localStorage is an own property of window').to.not.equal(undefined);
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
      try {
        const adapter = new LocalStorageAdapter({ prefix });
        for (const call of [
          () => adapter.list('t', {}),
          () => adapter.post('t', named('x'), { idempotencyKey: 'k' }),
          () => adapter.count(['t']),
        ]) {
          const error = await adapterErrorOf(call());
          expect(error.code).to.equal('unknown');
          expect(error.message).to.match(/storage is unavailable/i);
        }
        expect(() => adapter.clear('t')).to.throw(AdapterError);
      } finally {
        Object.defineProperty(window, 'localStorage', descriptor!);
      }
      expect(window.localStorage).to.be.instanceOf(Storage);
    });

    it('rejects with AdapterError when reading the storage throws', async () => {
      const storage = new FakeStorage();
      storage.failGet = new DOMException('denied', 'SecurityError');
      const adapter = new LocalStorageAdapter({ storage });
      expect((await adapterErrorOf(adapter.list('t', {}))).code).to.equal('unknown');
      expect((await adapterErrorOf(adapter.post('t', named('x'), { idempotencyKey: 'k' }))).code).to.equal('unknown');
      expect(storage.data.size).to.equal(0);
    });

    it('rejects a post with AdapterError when the quota is exceeded, and keeps the old data', async () => {
      const storage = new FakeStorage();
      const adapter = new LocalStorageAdapter({ storage });
      const kept = await adapter.post('t', named('kept'), { idempotencyKey: 'a' });
      const before = storage.data.get('maoni:thread:t');
      expect(before, 'default prefix').to.be.a('string');

      storage.failSet = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const error = await adapterErrorOf(adapter.post('t', named('too much'), { idempotencyKey: 'b' }));
      expect(error.code).to.equal('unknown');
      expect(error.message).to.match(/storage is full/i);
      expect((error as { cause?: unknown }).cause).to.equal(storage.failSet);
      expect(storage.data.get('maoni:thread:t')).to.equal(before);
      expect((await adapter.list('t', {})).comments).to.deep.equal([kept]);

      // Once there is room again, the retry with the same key succeeds exactly once.
      storage.failSet = undefined;
      await adapter.post('t', named('too much'), { idempotencyKey: 'b' });
      await adapter.post('t', named('too much'), { idempotencyKey: 'b' });
      expect((await adapter.list('t', {})).total).to.equal(2);
    });

    it('rejects with AdapterError when writing throws something else', async () => {
      const storage = new FakeStorage();
      storage.failSet = new Error('disk on fire');
      const adapter = new LocalStorageAdapter({ storage });
      const error = await adapterErrorOf(adapter.post('t', named('x'), { idempotencyKey: 'k' }));
      expect(error.code).to.equal('unknown');
      expect(error.message).to.match(/unavailable/);
    });
  });

  describe('edit, delete and react', () => {
    it('lets this browser edit and delete what it posted, also after a reload, but not seeded comments', async () => {
      const seed = { t: [comment('s1', '2024-01-01T00:00:00Z')] };
      const before = new LocalStorageAdapter({ prefix, seed });
      const mine = await before.post('t', named('mine'), { idempotencyKey: 'k' });
      expect(mine.can).to.deep.equal({ edit: true, delete: true });

      const after = new LocalStorageAdapter({ prefix, seed });
      const listed = (await after.list('t', {})).comments;
      expect(listed.map((c) => [c.id, c.can])).to.deep.equal([
        ['s1', { edit: false, delete: false }],
        [mine.id, { edit: true, delete: true }],
      ]);
      const edited = await after.edit('t', mine.id, { body: 'mine, edited' });
      expect(edited.body).to.equal('mine, edited');
      expect(edited.editedAt).to.be.a('string');
      expect((await adapterErrorOf(after.edit('t', 's1', { body: 'x' }))).code).to.equal('forbidden');
      expect((await adapterErrorOf(after.delete('t', 's1'))).code).to.equal('forbidden');
    });

    it('forbids edits after the edit window', async () => {
      let now = new Date('2025-01-01T00:00:00.000Z');
      const adapter = new LocalStorageAdapter({ prefix, now: () => now });
      const created = await adapter.post('t', named('x'), { idempotencyKey: 'k' });
      now = new Date('2025-01-01T00:15:00.001Z');
      expect((await adapter.list('t', {})).comments[0].can).to.deep.equal({ edit: false, delete: true });
      expect((await adapterErrorOf(adapter.edit('t', created.id, { body: 'y' }))).code).to.equal('forbidden');
      const short = new LocalStorageAdapter({ prefix, now: () => now, editWindowMs: Infinity });
      expect((await short.edit('t', created.id, { body: 'y' })).body).to.equal('y');
    });

    it('stores a tombstone without the deleted content, listed while it has replies', async () => {
      const adapter = new LocalStorageAdapter({ prefix });
      const parent = await adapter.post('t', { parentId: null, body: 'private words', author: { name: 'Amina', url: 'https://amina.example' } }, { idempotencyKey: 'p' });
      const reply = await adapter.post('t', named('reply', parent.id), { idempotencyKey: 'r' });
      const tomb = await adapter.delete('t', parent.id);
      expect(tomb).to.deep.include({ status: 'deleted', body: '', author: { name: '' }, replyCount: 1 });
      const stored = localStorage.getItem(`${prefix}thread:t`)!;
      expect(stored).not.to.contain('private words');
      expect(stored).not.to.contain('amina.example');
      expect((await adapter.list('t', {})).comments.map((c) => c.id)).to.deep.equal([parent.id, reply.id]);
      await adapter.delete('t', reply.id);
      expect((await adapter.list('t', {})).comments).to.deep.equal([]);
      expect(await adapter.count(['t'])).to.deep.equal({ t: 0 });
    });

    it('stores reactions per viewer, the browser when nobody is signed in', async () => {
      const adapter = new LocalStorageAdapter({ prefix, seed: { t: [comment('s1', '2024-01-01T00:00:00Z')] } });
      expect(adapter.reactions).to.deep.equal(['up', 'down']);
      const up = await adapter.react('t', 's1', 'up', { active: true });
      expect(up).to.deep.include({ reactions: { up: 1, down: 0 }, score: 1, viewerReactions: ['up'] });
      const stored = JSON.parse(localStorage.getItem(`${prefix}thread:t`)!);
      expect(stored.reactions).to.deep.equal({ s1: { browser: 'up' } });
      // Another tab of this browser is the same voter; a signed-in viewer is another.
      const tab = new LocalStorageAdapter({ prefix });
      expect((await tab.list('t', {})).comments[0].viewerReactions).to.deep.equal(['up']);
      const signedIn = new LocalStorageAdapter({ prefix, viewer: { id: 'u1', name: 'Zawadi' } });
      const both = await signedIn.react('t', 's1', 'down', { active: true });
      expect(both).to.deep.include({ reactions: { up: 1, down: 1 }, score: 0, viewerReactions: ['down'] });
      const off = await tab.react('t', 's1', 'up', { active: false });
      expect(off).to.deep.include({ reactions: { up: 0, down: 1 }, score: -1, viewerReactions: [] });
    });

    it('rejects every call on a thread with corrupted reactions, leaving it untouched', async () => {
      const key = `${prefix}thread:t`;
      const text = JSON.stringify({ version: 1, comments: [comment('g1', '2024-01-01T00:00:00Z')], keys: {}, reactions: { g1: 'up' } });
      localStorage.setItem(key, text);
      const adapter = new LocalStorageAdapter({ prefix });
      for (const call of [
        () => adapter.list('t', {}),
        () => adapter.edit('t', 'g1', { body: 'x' }),
        () => adapter.delete('t', 'g1'),
        () => adapter.react('t', 'g1', 'up', { active: true }),
      ]) {
        expect((await adapterErrorOf(call())).message).to.match(/corrupted \(invalid reactions\)/);
      }
      expect(localStorage.getItem(key)).to.equal(text);
    });

    it('keeps the old data when an edit does not fit the quota', async () => {
      const storage = new FakeStorage();
      const adapter = new LocalStorageAdapter({ storage });
      const created = await adapter.post('t', named('short'), { idempotencyKey: 'k' });
      storage.failSet = new DOMException('full', 'QuotaExceededError');
      expect((await adapterErrorOf(adapter.edit('t', created.id, { body: 'much longer' }))).message).to.match(/storage is full/i);
      storage.failSet = undefined;
      expect((await adapter.list('t', {})).comments[0].body).to.equal('short');
    });
  });

  describe('subscribe', () => {
    const waitFor = async (done: () => boolean) => {
      for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(done(), 'waited 1 s').to.equal(true);
    };

    it("delivers this instance's changes after the call has resolved", async () => {
      const adapter = new LocalStorageAdapter({ storage: new FakeStorage() });
      const events: string[] = [];
      const stop = adapter.subscribe('t', (event) => events.push(`${event.type} ${event.comment.body}`));
      const created = await adapter.post('t', named('hi'), { idempotencyKey: 'k' });
      expect(events).to.deep.equal([]);
      await waitFor(() => events.length === 1);
      await adapter.edit('t', created.id, { body: 'hi!' });
      await adapter.delete('t', created.id);
      await waitFor(() => events.length === 3);
      expect(events).to.deep.equal(['created hi', 'edited hi!', 'deleted ']);
      stop();
    });

    it('hears other instances (tabs) with the same prefix over BroadcastChannel, as this browser', async () => {
      const tab1 = new LocalStorageAdapter({ prefix });
      const tab2 = new LocalStorageAdapter({ prefix });
      const stranger = new LocalStorageAdapter({ prefix: `${prefix}other:` });
      const events: Array<{ type: string; body: string; can: unknown }> = [];
      const stop = tab1.subscribe('t', ({ type, comment }) => events.push({ type, body: comment.body, can: comment.can }));
      await stranger.post('t', named('other prefix'), { idempotencyKey: 'k0' });
      const created = await tab2.post('t', named('from tab 2'), { idempotencyKey: 'k1' });
      await waitFor(() => events.length === 1);
      expect(events[0]).to.deep.equal({ type: 'created', body: 'from tab 2', can: { edit: true, delete: true } });
      await tab2.react('t', created.id, 'up', { active: true });
      await tab2.edit('t', created.id, { body: 'edited in tab 2' });
      await waitFor(() => events.length === 2);
      expect(events[1]).to.deep.include({ type: 'edited', body: 'edited in tab 2' });
      stop();
      await tab2.delete('t', created.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events.length).to.equal(2);
    });

    it('ignores messages on its channel that are not thread events', async () => {
      const adapter = new LocalStorageAdapter({ prefix });
      const events: unknown[] = [];
      const stop = adapter.subscribe('t', (event) => events.push(event));
      const channel = new BroadcastChannel(`${prefix}events`);
      for (const junk of [null, 'x', { version: 1, type: 'created', threadId: 't', comment: { id: 5 } }, { version: 2 }]) channel.postMessage(junk);
      channel.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).to.deep.equal([]);
      stop();
    });

    it('keeps one channel open while it has subscribers, and none after the last leaves', async () => {
      const Original = BroadcastChannel;
      const open = new Set<BroadcastChannel>();
      class Tracked extends Original {
        constructor(name: string) {
          super(name);
          open.add(this);
        }
        override close(): void {
          open.delete(this);
          super.close();
        }
      }
      globalThis.BroadcastChannel = Tracked;
      try {
        const adapter = new LocalStorageAdapter({ prefix });
        await adapter.post('t', named('nobody listens'), { idempotencyKey: 'a' });
        expect(open.size, 'a channel only for sending is closed at once').to.equal(0);
        const stopOne = adapter.subscribe('t', () => {});
        const stopTwo = adapter.subscribe('u', () => {});
        expect(open.size).to.equal(1);
        expect([...open][0].name).to.equal(`${prefix}events`);
        stopOne();
        expect(open.size).to.equal(1);
        stopTwo();
        expect(open.size).to.equal(0);
      } finally {
        globalThis.BroadcastChannel = Original;
      }
    });

    it('falls back to the storage event without BroadcastChannel', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'BroadcastChannel')!;
      Object.defineProperty(globalThis, 'BroadcastChannel', { value: undefined, configurable: true, writable: true });
      try {
        const seed = { t: [comment('s1', '2024-01-01T00:00:00Z')] };
        const here = new LocalStorageAdapter({ prefix, seed });
        const there = new LocalStorageAdapter({ prefix, seed });
        const events: string[] = [];
        const stop = here.subscribe('t', ({ type, comment }) => events.push(`${type} ${comment.body} ${comment.can?.edit}`));
        const key = `${prefix}thread:t`;
        // What the browser does in other tabs after `there` writes.
        const write = async (change: () => Promise<unknown>) => {
          const oldValue = localStorage.getItem(key);
          await change();
          window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue: localStorage.getItem(key), storageArea: localStorage }));
        };
        let id = '';
        await write(async () => (id = (await there.post('t', named('elsewhere'), { idempotencyKey: 'k' })).id));
        await write(() => there.react('t', id, 'up', { active: true }));
        await write(() => there.edit('t', id, { body: 'changed elsewhere' }));
        await write(() => there.delete('t', id));
        // Not this prefix's thread key, or another storage area: ignored.
        window.dispatchEvent(new StorageEvent('storage', { key: `${prefix}other`, newValue: '{}', storageArea: localStorage }));
        window.dispatchEvent(new StorageEvent('storage', { key, oldValue: null, newValue: localStorage.getItem(key), storageArea: sessionStorage }));
        expect(events).to.deep.equal(['created elsewhere true', 'edited changed elsewhere true', 'deleted  false']);
        stop();
        await write(() => there.post('t', named('after stop'), { idempotencyKey: 'k2' }));
        expect(events.length).to.equal(3);
      } finally {
        Object.defineProperty(globalThis, 'BroadcastChannel', descriptor);
      }
    });
  });
});
