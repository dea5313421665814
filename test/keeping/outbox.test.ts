import { expect } from '@open-wc/testing';
import type { NewComment } from '../../src/adapters/adapter.js';
import { outbox } from '../../src/keeping/outbox.js';
import { safeStorage, type KeyValueStore } from '../../src/keeping/safe-storage.js';

/** A Map-backed Storage: a new safeStorage over the same one is what a reload sees. */
function fakeStorage() {
  const data = new Map<string, string>();
  let full = false;
  const storage = {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem(k: string, v: string) {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, String(v));
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return { storage: storage as unknown as Storage, data, fill: () => (full = true) };
}

const input = (body: string, parentId: string | null = null): NewComment => ({
  parentId,
  body,
  author: { name: 'Amina', email: 'a@example.com' },
});

describe('outbox', () => {
  let store: KeyValueStore;
  let time: number;
  let box: ReturnType<typeof outbox>;

  beforeEach(() => {
    store = safeStorage(null);
    time = Date.parse('2025-01-01T00:00:00Z');
    box = outbox(store, () => time);
  });

  it('queues a post and lists it', () => {
    const entry = box.add('t', input('hello'), 'k1');
    expect(entry).to.deep.equal({ key: 'k1', threadId: 't', input: input('hello'), queuedAt: time, attempts: 0 });
    expect(box.list()).to.deep.equal([entry]);
    expect(box.list('t')).to.deep.equal([entry]);
    expect(store.keys('maoni:outbox:')).to.deep.equal(['maoni:outbox:k1']);
  });

  it('never queues one key twice', () => {
    const first = box.add('t', input('hello'), 'k1');
    time += 10;
    const again = box.add('t', input('hello, clicked twice'), 'k1');
    expect(again).to.deep.equal(first);
    expect(box.list()).to.have.length(1);
    expect(box.list()[0]!.input.body).to.equal('hello');
  });

  it('lists oldest first, per thread or all', () => {
    box.add('a', input('1'), 'k-z');
    time += 5;
    box.add('b', input('2'), 'k-a');
    time += 5;
    box.add('a', input('3', 'c1'), 'k-m');
    expect(box.list().map((e) => e.input.body)).to.deep.equal(['1', '2', '3']);
    expect(box.list('a').map((e) => e.key)).to.deep.equal(['k-z', 'k-m']);
    expect(box.list('b').map((e) => e.key)).to.deep.equal(['k-a']);
    expect(box.list('none')).to.deep.equal([]);
  });

  it('keeps the order of posts queued within one millisecond', () => {
    const keys = ['z', 'a', 'm', 'b', 'y'];
    for (const key of keys) box.add('t', input(key), key);
    expect(box.list().map((e) => e.key)).to.deep.equal(keys);
    expect(box.list()[0]!.queuedAt).to.equal(time);
  });

  it('counts attempts', () => {
    box.add('t', input('x'), 'k1');
    box.attempt('k1');
    box.attempt('k1');
    expect(box.list()[0]!.attempts).to.equal(2);
    box.attempt('unknown');
    expect(box.list()).to.have.length(1);
  });

  it('keeps entries and attempts across a reload', () => {
    const { storage, data } = fakeStorage();
    const before = outbox(safeStorage(storage), () => time);
    before.add('t', input('x'), 'k1');
    before.add('t', input('y', 'c1'), 'k2');
    before.attempt('k1');
    const after = outbox(safeStorage(storage), () => time + 1000);
    expect(after.list().map((e) => [e.key, e.attempts])).to.deep.equal([
      ['k1', 1],
      ['k2', 0],
    ]);
    expect(after.add('t', input('x'), 'k1').attempts).to.equal(1);
    after.attempt('k1');
    after.remove('k1');
    expect(outbox(safeStorage(storage)).list().map((e) => e.key)).to.deep.equal(['k2']);
    expect([...data.keys()]).to.deep.equal(['maoni:outbox:k2']);
  });

  it('removes an entry once confirmed', () => {
    box.add('t', input('x'), 'k1');
    box.add('t', input('y'), 'k2');
    box.remove('k1');
    expect(box.list().map((e) => e.key)).to.deep.equal(['k2']);
    expect(() => box.remove('never')).not.to.throw();
  });

  it('keeps keys with odd characters apart', () => {
    const keys = ['a:b', 'a', '__proto__', '["x"]', 'ключ', ''];
    for (const key of keys) box.add('t', input(`body ${key}`), key);
    expect(box.list().map((e) => e.key)).to.deep.equal(keys);
    for (const key of keys) expect(box.add('t', input('other'), key).input.body).to.equal(`body ${key}`);
  });

  it('never expires an entry', () => {
    box.add('t', input('x'), 'k1');
    time += 10 * 365 * 24 * 60 * 60 * 1000;
    expect(box.list()).to.have.length(1);
  });

  it('keeps author-less and reply posts intact', () => {
    const signedIn: NewComment = { parentId: 'c:1', body: 'reply' };
    const bot: NewComment = { parentId: null, body: 'spam', author: { name: 'B', url: 'https://b.example' }, honeypot: 'x' };
    box.add('t', signedIn, 'k1');
    box.add('t', bot, 'k2');
    expect(box.list().map((e) => e.input)).to.deep.equal([signedIn, bot]);
  });

  describe('malformed stored entries', () => {
    const good = (key: string) => ({ key, threadId: 't', input: input('x'), queuedAt: 1, attempts: 0 });
    const bad: Record<string, string> = {
      notJson: '{nope',
      nul: 'null',
      number: '1',
      array: '[]',
      otherKey: JSON.stringify(good('someone-else')),
      noThread: JSON.stringify({ ...good('noThread'), threadId: 5 }),
      noInput: JSON.stringify({ ...good('noInput'), input: null }),
      badBody: JSON.stringify({ ...good('badBody'), input: { parentId: null, body: 3 } }),
      badParent: JSON.stringify({ ...good('badParent'), input: { parentId: 3, body: 'x' } }),
      badAuthor: JSON.stringify({ ...good('badAuthor'), input: { parentId: null, body: 'x', author: { name: 1 } } }),
      badEmail: JSON.stringify({ ...good('badEmail'), input: { parentId: null, body: 'x', author: { name: 'A', email: 1 } } }),
      badHoneypot: JSON.stringify({ ...good('badHoneypot'), input: { parentId: null, body: 'x', honeypot: true } }),
      badQueuedAt: JSON.stringify({ ...good('badQueuedAt'), queuedAt: '1' }),
      badAttempts: JSON.stringify({ ...good('badAttempts'), attempts: 0.5 }),
    };

    it('drops them from the list and from storage, keeping the valid ones', () => {
      for (const [key, text] of Object.entries(bad)) store.set(`maoni:outbox:${key}`, text);
      store.set('maoni:outbox:ok', JSON.stringify(good('ok')));
      expect(box.list().map((e) => e.key)).to.deep.equal(['ok']);
      expect(store.keys('maoni:outbox:')).to.deep.equal(['maoni:outbox:ok']);
    });

    it('replaces a malformed entry when its key is queued again', () => {
      store.set('maoni:outbox:k1', '{nope');
      box.attempt('k1');
      expect(store.get('maoni:outbox:k1')).to.equal(null);
      expect(box.add('t', input('x'), 'k1').attempts).to.equal(0);
      expect(box.list()).to.have.length(1);
    });
  });

  it('keeps a post queued while storage is full in this page', () => {
    const { storage, fill } = fakeStorage();
    const page = outbox(safeStorage(storage), () => time);
    page.add('t', input('before'), 'k1');
    fill();
    expect(() => page.add('t', input('during'), 'k2')).not.to.throw();
    expect(() => page.attempt('k1')).not.to.throw();
    expect(page.list().map((e) => [e.key, e.attempts])).to.deep.equal([
      ['k1', 1],
      ['k2', 0],
    ]);
  });

  describe('with the real window.localStorage', () => {
    const tag = `maoni-test-${crypto.randomUUID()}`;

    afterEach(() => {
      for (const key of Object.keys(localStorage)) if (key.includes(tag)) localStorage.removeItem(key);
    });

    it('persists across instances', () => {
      outbox().add(tag, input('x'), `${tag}:k1`);
      expect(JSON.parse(localStorage.getItem(`maoni:outbox:${tag}:k1`)!)).to.include({ threadId: tag, attempts: 0 });
      outbox().attempt(`${tag}:k1`);
      expect(outbox().list(tag).map((e) => [e.key, e.attempts])).to.deep.equal([[`${tag}:k1`, 1]]);
      outbox().remove(`${tag}:k1`);
      expect(outbox().list(tag)).to.deep.equal([]);
    });
  });
});
