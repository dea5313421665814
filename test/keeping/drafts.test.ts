import { expect } from '@open-wc/testing';
import { draftLifetimeMs, draftStore } from '../../src/keeping/drafts.js';
import { safeStorage, type KeyValueStore } from '../../src/keeping/safe-storage.js';

const day = 24 * 60 * 60 * 1000;

describe('draftStore', () => {
  let store: KeyValueStore;
  let time: number;
  let drafts: ReturnType<typeof draftStore>;

  beforeEach(() => {
    store = safeStorage(null);
    time = Date.parse('2025-01-01T00:00:00Z');
    drafts = draftStore(store, () => time);
  });

  it('round-trips a draft with every field', () => {
    drafts.save('t', null, { body: 'Hello', name: 'Amina', email: 'a@example.com', url: 'https://a.example', key: 'k1' });
    expect(drafts.get('t', null)).to.deep.equal({
      body: 'Hello',
      name: 'Amina',
      email: 'a@example.com',
      url: 'https://a.example',
      key: 'k1',
      savedAt: time,
    });
    expect(drafts.get('t', 'c1')).to.equal(undefined);
    expect(drafts.get('other', null)).to.equal(undefined);
  });

  it('keeps one draft per thread and parent, the latest save winning', () => {
    drafts.save('t', null, { body: 'top' });
    drafts.save('t', 'c1', { body: 'reply' });
    time += 1000;
    drafts.save('t', 'c1', { body: 'reply, edited' });
    expect(drafts.get('t', null)?.body).to.equal('top');
    expect(drafts.get('t', 'c1')).to.deep.equal({ body: 'reply, edited', savedAt: time });
  });

  it('stores under maoni:draft: and the JSON of thread and parent', () => {
    drafts.save('blog/1', 'c:1', { body: 'x' });
    expect(store.keys('maoni:draft:')).to.deep.equal(['maoni:draft:["blog/1","c:1"]']);
  });

  it('keeps ids with colons, quotes and commas apart', () => {
    const pairs: [string, string | null][] = [
      ['a:b', 'c'],
      ['a', 'b:c'],
      ['a', null],
      ['a', 'null'],
      ['a",', 'x'],
      ['a', '",x'],
      ['', ''],
      ['__proto__', 'constructor'],
    ];
    pairs.forEach(([thread, parent], i) => drafts.save(thread, parent, { body: `body ${i}` }));
    pairs.forEach(([thread, parent], i) => expect(drafts.get(thread, parent)?.body).to.equal(`body ${i}`));
    expect(drafts.parents('a')).to.have.members(['b:c', null, 'null', '",x']);
    expect(drafts.parents('a')).to.have.length(4);
    expect(drafts.parents('a:b')).to.deep.equal(['c']);
    expect(drafts.parents('a",')).to.deep.equal(['x']);
    expect(drafts.parents('')).to.deep.equal(['']);
  });

  describe('empty drafts', () => {
    it('removes the draft when the body is empty and no other field is set', () => {
      drafts.save('t', null, { body: 'typed' });
      drafts.save('t', null, { body: '' });
      expect(drafts.get('t', null)).to.equal(undefined);
      expect(store.keys('')).to.deep.equal([]);
    });

    it('treats empty strings as absent fields', () => {
      drafts.save('t', null, { body: '', name: '', email: '', url: '', key: '' });
      expect(store.keys('')).to.deep.equal([]);
      drafts.save('t', null, { body: 'b', name: '' });
      expect(drafts.get('t', null)).to.deep.equal({ body: 'b', savedAt: time });
    });

    it('keeps a draft with an empty body but another field', () => {
      drafts.save('t', null, { body: '', name: 'Amina' });
      expect(drafts.get('t', null)).to.deep.equal({ body: '', name: 'Amina', savedAt: time });
    });
  });

  it('clears a draft', () => {
    drafts.save('t', 'c1', { body: 'x' });
    drafts.save('t', null, { body: 'y' });
    drafts.clear('t', 'c1');
    expect(drafts.get('t', 'c1')).to.equal(undefined);
    expect(drafts.get('t', null)?.body).to.equal('y');
    expect(() => drafts.clear('t', 'never')).not.to.throw();
  });

  describe('expiry', () => {
    it('keeps a draft for the whole lifetime, then removes it', () => {
      expect(draftLifetimeMs).to.equal(30 * day);
      drafts.save('t', null, { body: 'x' });
      time += draftLifetimeMs;
      expect(drafts.get('t', null)?.body).to.equal('x');
      time += 1;
      expect(drafts.get('t', null)).to.equal(undefined);
      expect(store.keys('')).to.deep.equal([]);
    });

    it('counts the lifetime from the last save', () => {
      drafts.save('t', null, { body: 'x' });
      time += 20 * day;
      drafts.save('t', null, { body: 'xy' });
      time += 20 * day;
      expect(drafts.get('t', null)?.body).to.equal('xy');
    });

    it('sweep removes every expired draft and only those', () => {
      drafts.save('t1', null, { body: 'old' });
      drafts.save('t2', 'c', { body: 'old' });
      time += 10 * day;
      drafts.save('t1', 'c', { body: 'recent' });
      store.set('maoni:draft:["t3",null]', '{broken');
      store.set('unrelated', '{broken');
      time += 25 * day;
      drafts.sweep();
      expect(store.keys('maoni:draft:')).to.deep.equal(['maoni:draft:["t1","c"]']);
      expect(store.get('unrelated')).to.equal('{broken');
    });
  });

  describe('parents', () => {
    it('lists the parents with a draft in the thread, newest first', () => {
      drafts.save('t', 'c1', { body: 'first' });
      time += 1;
      drafts.save('t', null, { body: 'second' });
      time += 1;
      drafts.save('t', 'c2', { body: 'third' });
      time += 1;
      drafts.save('other', 'c9', { body: 'elsewhere' });
      expect(drafts.parents('t')).to.deep.equal(['c2', null, 'c1']);
      time += 1;
      drafts.save('t', 'c1', { body: 'first, edited' });
      expect(drafts.parents('t')).to.deep.equal(['c1', 'c2', null]);
      expect(drafts.parents('nothing')).to.deep.equal([]);
    });

    it('leaves out, and removes, expired and malformed drafts', () => {
      drafts.save('t', 'old', { body: 'x' });
      time += 31 * day;
      drafts.save('t', 'new', { body: 'y' });
      store.set('maoni:draft:["t","bad"]', '{"body":1,"savedAt":0}');
      store.set('maoni:draft:["t",7]', JSON.stringify({ body: 'odd key', savedAt: time }));
      store.set('maoni:draft:["t", "spaced"]', JSON.stringify({ body: 'not our key', savedAt: time }));
      expect(drafts.parents('t')).to.deep.equal(['new']);
      expect(store.get('maoni:draft:["t","old"]')).to.equal(null);
      expect(store.get('maoni:draft:["t","bad"]')).to.equal(null);
    });
  });

  describe('malformed stored values', () => {
    const bad = [
      '{not json',
      'null',
      '42',
      '"text"',
      '[]',
      '{}',
      '{"body":1,"savedAt":0}',
      '{"body":"x"}',
      '{"body":"x","savedAt":"0"}',
      '{"body":"x","savedAt":null}',
      '{"body":"x","savedAt":0,"name":5}',
      '{"body":"x","savedAt":0,"key":{}}',
    ];

    it('treats each as absent and removes it, without throwing', () => {
      for (const text of bad) {
        store.set('maoni:draft:["t",null]', text);
        expect(drafts.get('t', null), text).to.equal(undefined);
        expect(store.get('maoni:draft:["t",null]'), text).to.equal(null);
      }
    });

    it('drops unknown fields', () => {
      store.set('maoni:draft:["t",null]', JSON.stringify({ body: 'x', savedAt: time, html: '<b>', name: 'A' }));
      expect(drafts.get('t', null)).to.deep.equal({ body: 'x', savedAt: time, name: 'A' });
    });
  });

  it('keeps drafts in memory when storage throws on every access', () => {
    const boom = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const hostile = { getItem: boom, setItem: boom, removeItem: boom, key: boom, clear: boom, get length(): number { return boom(); } };
    const inMemory = draftStore(safeStorage(hostile as unknown as Storage), () => time);
    expect(() => inMemory.save('t', 'c', { body: 'kept' })).not.to.throw();
    expect(inMemory.get('t', 'c')?.body).to.equal('kept');
    expect(inMemory.parents('t')).to.deep.equal(['c']);
    inMemory.sweep();
    inMemory.clear('t', 'c');
    expect(inMemory.get('t', 'c')).to.equal(undefined);
  });

  it('keeps a draft saved while storage is full readable in this page', () => {
    const data = new Map<string, string>();
    const full = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem() {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: (k: string) => void data.delete(k),
      key: (i: number) => [...data.keys()][i] ?? null,
      get length() {
        return data.size;
      },
    };
    const page = draftStore(safeStorage(full as unknown as Storage), () => time);
    expect(() => page.save('t', null, { body: 'still here' })).not.to.throw();
    expect(page.get('t', null)?.body).to.equal('still here');
    expect(page.parents('t')).to.deep.equal([null]);
  });

  describe('with the real window.localStorage', () => {
    const thread = `maoni-test-${crypto.randomUUID()}`;

    afterEach(() => {
      for (const key of Object.keys(localStorage)) if (key.includes(thread)) localStorage.removeItem(key);
    });

    it('persists across store instances (a reload)', () => {
      draftStore().save(thread, 'c1', { body: 'reply', name: 'Amina' });
      expect(localStorage.getItem(`maoni:draft:${JSON.stringify([thread, 'c1'])}`)).to.be.a('string');
      const reloaded = draftStore();
      expect(reloaded.get(thread, 'c1')).to.include({ body: 'reply', name: 'Amina' });
      expect(reloaded.parents(thread)).to.deep.equal(['c1']);
      reloaded.clear(thread, 'c1');
      expect(draftStore().get(thread, 'c1')).to.equal(undefined);
    });

    it('holds a 1 MB body', () => {
      const body = 'é'.repeat(1024 * 1024);
      draftStore().save(thread, null, { body });
      expect(draftStore().get(thread, null)?.body).to.equal(body);
    });
  });
});
