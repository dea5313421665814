/**
 * Key-value storage that never throws: the reader must never see an error because storage is
 * blocked (private mode, a page policy), full, or missing. Plain TS, no DOM rendering.
 */

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key that starts with `prefix`, in no particular order. */
  keys(prefix: string): string[];
}

/** The part of the Web Storage API used here; `localStorage`, `sessionStorage` and fakes fit. */
type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * `storage` (default `window.localStorage`; `null` for memory only), falling back to memory per
 * key whenever the storage throws. A key that had to go to memory is read from memory from then
 * on, so what was written while storage was full is not lost in this page (but is after a
 * reload). A later write that storage accepts moves the key back to storage.
 */
export function safeStorage(storage?: StorageLike | null): KeyValueStore {
  // `null` marks a key removed in memory only: storage may still hold an older value for it.
  const memory = new Map<string, string | null>();
  let area: StorageLike | null = null;
  try {
    // Merely reading window.localStorage throws a SecurityError where storage is blocked.
    area = storage === undefined ? window.localStorage : storage;
  } catch {
    // Memory only.
  }
  const use = <T>(op: (area: StorageLike) => T, fallback: T): T => {
    try {
      if (area) return op(area);
    } catch {
      // Blocked, full or broken: the caller falls back to memory.
    }
    return fallback;
  };
  // Each write tries storage first; a key goes to memory only when storage refused it.
  const put = (key: string, ok: boolean, value: string | null) => {
    if (ok) memory.delete(key);
    else memory.set(key, value);
  };

  return {
    get: (key) => (memory.has(key) ? (memory.get(key) ?? null) : use((s) => s.getItem(key), null)),
    set: (key, value) => put(key, use((s) => (s.setItem(key, value), true), false), value),
    remove: (key) => put(key, use((s) => (s.removeItem(key), true), false), null),
    keys(prefix) {
      const found = new Set<string>();
      use((s) => {
        for (let i = 0; i < s.length; i++) {
          const key = s.key(i);
          if (key?.startsWith(prefix)) found.add(key);
        }
      }, undefined);
      for (const [key, value] of memory) {
        if (!key.startsWith(prefix)) continue;
        if (value === null) found.delete(key);
        else found.add(key);
      }
      return [...found];
    },
  };
}

/**
 * The stored JSON value at `key` as `check` accepts it. A value that is not JSON or that `check`
 * rejects (returns undefined) is removed: stored data is never trusted and never makes us throw.
 */
export function readJson<T>(store: KeyValueStore, key: string, check: (value: unknown) => T | undefined): T | undefined {
  const text = store.get(key);
  if (text === null) return undefined;
  let result: T | undefined;
  try {
    result = check(JSON.parse(text));
  } catch {
    // Not JSON: removed below.
  }
  if (result === undefined) store.remove(key);
  return result;
}
