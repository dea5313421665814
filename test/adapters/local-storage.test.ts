import { expect } from '@open-wc/testing';
import { adapterErrorOf, rejectionOf } from '../support/promises.js';
import { AdapterError, type Comment, type NewComment } from '../../src/adapters/adapter.js';
import { LocalStorageAdapter, type StorageLike } from '../../src/adapters/local-storage.js';

function comment(id: string, createdAt: string, extra: Partial<Comment> = {}): Comment {
  return { id, parentId: null, author: { name: `author ${id}` }, body: `body ${id}`, createdAt, ...extra };
}


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
      expect(stored).to.deep.equal({ version: 1, comments: [created], keys: { k1: created.id } });
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
      expect(listed.comments).to.deep.equal([first, reply]);
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
        ],
      };
      const adapter = new LocalStorageAdapter({ prefix, seed });
      const ids = async (sort: string) => (await adapter.list('t', { sort })).comments.map((c) => c.id);
      expect(await ids('oldest')).to.deep.equal(['a', 'b', 'c']);
      expect(await ids('newest')).to.deep.equal(['c', 'b', 'a']);
      expect(await ids('top')).to.deep.equal(['c', 'b', 'a']);
      const first = await adapter.list('t', { limit: 2 });
      const second = await adapter.list('t', { limit: 2, cursor: first.nextCursor });
      expect([...first.comments, ...second.comments].map((c) => c.id)).to.deep.equal(['a', 'b', 'c']);
      expect(second.nextCursor ?? null).to.equal(null);
      expect((await adapter.list('t', { parentId: 'a' })).comments.map((c) => c.id)).to.deep.equal(['c']);
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
        expect((await adapter.list('t', {})).comments).to.deep.equal([good]);
        expect((await adapter.list('t', {})).total).to.equal(1);
        const created = await adapter.post('t', named('reply', 'g1'), { idempotencyKey: 'k' });
        const stored = JSON.parse(localStorage.getItem(key)!);
        // Nothing lost: the entries this version cannot read are written back as they were.
        expect(stored.comments).to.deep.equal([good, { junk: true }, 42, created]);
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
});
