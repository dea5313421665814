import { expect } from '@open-wc/testing';
import { readJson, safeStorage } from '../../src/keeping/safe-storage.js';

/** A Map-backed Storage whose operations can be made to throw. */
function fakeStorage() {
  const data = new Map<string, string>();
  const fail: { get?: unknown; set?: unknown; remove?: unknown; list?: unknown } = {};
  const storage = {
    get length() {
      if (fail.list) throw fail.list;
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem(key: string) {
      if (fail.get) throw fail.get;
      return data.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (fail.set) throw fail.set;
      data.set(key, String(value));
    },
    removeItem(key: string) {
      if (fail.remove) throw fail.remove;
      data.delete(key);
    },
    clear: () => data.clear(),
  };
  return { storage: storage as Storage, data, fail };
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const security = () => new DOMException('Access is denied for this document.', 'SecurityError');
const oddKeys = ['', '__proto__', 'constructor', 'a:b', 'a"b', '["x",null]', 'ключ 🗝', ' '];

describe('safeStorage', () => {
  it('round-trips through the given storage', () => {
    const { storage, data } = fakeStorage();
    const store = safeStorage(storage);
    store.set('p:a', '1');
    expect(store.get('p:a')).to.equal('1');
    expect(data.get('p:a')).to.equal('1');
    store.remove('p:a');
    expect(store.get('p:a')).to.equal(null);
    expect(data.has('p:a')).to.equal(false);
    expect(store.get('p:never')).to.equal(null);
  });

  it('keeps keys with odd characters apart', () => {
    for (const store of [safeStorage(fakeStorage().storage), safeStorage(null)]) {
      oddKeys.forEach((key, i) => store.set(key, `v${i}`));
      oddKeys.forEach((key, i) => expect(store.get(key)).to.equal(`v${i}`));
      expect(store.keys('').sort()).to.deep.equal([...oddKeys].sort());
      expect(store.keys('a')).to.have.members(['a:b', 'a"b']);
    }
  });

  it('lists only the keys with the prefix', () => {
    const store = safeStorage(fakeStorage().storage);
    store.set('p:1', 'a');
    store.set('p:2', 'b');
    store.set('q:1', 'c');
    expect(store.keys('p:')).to.have.members(['p:1', 'p:2']);
    expect(store.keys('p:')).to.have.length(2);
    expect(store.keys('none')).to.deep.equal([]);
  });

  it('works in memory only with null', () => {
    const store = safeStorage(null);
    store.set('k', 'v');
    expect(store.get('k')).to.equal('v');
    expect(store.keys('k')).to.deep.equal(['k']);
    store.remove('k');
    expect(store.get('k')).to.equal(null);
    expect(store.keys('k')).to.deep.equal([]);
  });

  it('falls back to memory when every storage access throws', () => {
    const { storage, fail } = fakeStorage();
    Object.assign(fail, { get: security(), set: security(), remove: security(), list: security() });
    const store = safeStorage(storage);
    expect(store.get('k')).to.equal(null);
    store.set('k', 'v');
    expect(store.get('k')).to.equal('v');
    expect(store.keys('')).to.deep.equal(['k']);
    store.remove('k');
    expect(store.get('k')).to.equal(null);
    expect(store.keys('')).to.deep.equal([]);
  });

  it('falls back to memory when merely touching the storage throws', () => {
    const hostile = new Proxy({} as Storage, {
      get() {
        throw security();
      },
    });
    const store = safeStorage(hostile);
    store.set('k', 'v');
    expect(store.get('k')).to.equal('v');
    expect(store.keys('k')).to.deep.equal(['k']);
    store.remove('k');
    expect(store.get('k')).to.equal(null);
  });

  it('falls back to memory when window.localStorage itself throws', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw security();
      },
    });
    try {
      expect(() => window.localStorage).to.throw();
      const store = safeStorage();
      store.set('maoni-test:blocked', 'v');
      expect(store.get('maoni-test:blocked')).to.equal('v');
      expect(store.keys('maoni-test:blocked')).to.deep.equal(['maoni-test:blocked']);
    } finally {
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
    expect(window.localStorage.getItem('maoni-test:blocked')).to.equal(null);
  });

  describe('when storage is full', () => {
    it('keeps the value readable in this page, without throwing', () => {
      const { storage, data, fail } = fakeStorage();
      const store = safeStorage(storage);
      store.set('k', 'old');
      fail.set = quota();
      expect(() => store.set('k', 'new')).not.to.throw();
      expect(store.get('k')).to.equal('new'); // memory wins over the stale stored value
      expect(data.get('k')).to.equal('old');
      store.set('fresh', 'x');
      expect(store.get('fresh')).to.equal('x');
      expect(store.keys('')).to.have.members(['k', 'fresh']);
      expect(data.has('fresh')).to.equal(false);
    });

    it('moves a key back to storage once storage accepts it again', () => {
      const { storage, data, fail } = fakeStorage();
      const store = safeStorage(storage);
      fail.set = quota();
      store.set('k', 'memory');
      fail.set = undefined;
      store.set('k', 'stored');
      expect(data.get('k')).to.equal('stored');
      expect(store.get('k')).to.equal('stored');
      data.set('k', 'changed by another tab');
      expect(store.get('k')).to.equal('changed by another tab');
    });
  });

  it('hides a stored value whose removal failed', () => {
    const { storage, data, fail } = fakeStorage();
    const store = safeStorage(storage);
    store.set('k', 'v');
    fail.remove = security();
    expect(() => store.remove('k')).not.to.throw();
    expect(data.get('k')).to.equal('v');
    expect(store.get('k')).to.equal(null);
    expect(store.keys('')).to.deep.equal([]);
  });

  it('reads null when getItem throws for a key it never had to keep', () => {
    const { storage, data, fail } = fakeStorage();
    data.set('k', 'v');
    fail.get = security();
    expect(safeStorage(storage).get('k')).to.equal(null);
  });

  describe('with the real window.localStorage', () => {
    const prefix = `maoni-test:${crypto.randomUUID()}:`;

    afterEach(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
    });

    it('uses it by default', () => {
      const store = safeStorage();
      store.set(`${prefix}a`, '1');
      store.set(`${prefix}b:c`, '2');
      expect(localStorage.getItem(`${prefix}a`)).to.equal('1');
      localStorage.setItem(`${prefix}d`, '3');
      expect(store.get(`${prefix}d`)).to.equal('3');
      expect(store.keys(prefix)).to.have.members([`${prefix}a`, `${prefix}b:c`, `${prefix}d`]);
      store.remove(`${prefix}a`);
      expect(localStorage.getItem(`${prefix}a`)).to.equal(null);
    });
  });
});

describe('readJson', () => {
  const accept = (value: unknown) => (typeof value === 'number' ? value : undefined);

  it('returns the checked value', () => {
    const store = safeStorage(null);
    store.set('k', '42');
    expect(readJson(store, 'k', accept)).to.equal(42);
    expect(store.get('k')).to.equal('42');
  });

  it('returns undefined for an absent key', () => {
    expect(readJson(safeStorage(null), 'k', accept)).to.equal(undefined);
  });

  it('removes a value that is not JSON or that the check rejects', () => {
    const store = safeStorage(null);
    store.set('bad', '{nope');
    store.set('wrong', '"text"');
    expect(readJson(store, 'bad', accept)).to.equal(undefined);
    expect(readJson(store, 'wrong', accept)).to.equal(undefined);
    expect(store.keys('')).to.deep.equal([]);
  });

  it('treats a throwing check as a rejection', () => {
    const store = safeStorage(null);
    store.set('k', 'null');
    expect(
      readJson(store, 'k', (v) => (v as { x: number }).x)
    ).to.equal(undefined);
    expect(store.get('k')).to.equal(null);
  });
});
