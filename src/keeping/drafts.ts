/**
 * What the reader typed, per thread and form (the top-level form and each inline reply), so a
 * reload or a crash loses nothing. Drafts older than `draftLifetimeMs` are dropped.
 */
import { readJson, safeStorage, type KeyValueStore } from './safe-storage.js';

export interface Draft {
  body: string;
  name?: string;
  email?: string;
  url?: string;
  /** The idempotency key of a submission in flight or failed, so a retry after reload never doubles. */
  key?: string;
  savedAt: number;
}

/** Drafts expire 30 days after they were last saved. */
export const draftLifetimeMs = 30 * 24 * 60 * 60 * 1000;

const prefix = 'maoni:draft:';
const fields = ['name', 'email', 'url', 'key'] as const;

// JSON keeps arbitrary ids apart: ["a:b","c"] and ["a","b:c"] cannot collide.
const keyOf = (threadId: string, parentId: string | null) => prefix + JSON.stringify([threadId, parentId]);

/** Only the known fields, each of the right type; anything else makes the stored value absent. */
function toDraft(value: unknown): Draft | undefined {
  const v = value as Partial<Record<keyof Draft, unknown>> | null;
  if (typeof v !== 'object' || !v || typeof v.body !== 'string' || !Number.isFinite(v.savedAt)) return undefined;
  const draft: Draft = { body: v.body, savedAt: v.savedAt as number };
  for (const field of fields) {
    const x = v[field];
    if (typeof x === 'string') draft[field] = x;
    else if (x !== undefined) return undefined;
  }
  return draft;
}

export function draftStore(store: KeyValueStore = safeStorage(), now: () => number = Date.now) {
  // Expired, malformed and wrong-typed drafts are removed on sight.
  const read = (key: string) =>
    readJson(store, key, (value) => {
      const draft = toDraft(value);
      return draft && now() - draft.savedAt <= draftLifetimeMs ? draft : undefined;
    });

  return {
    get: (threadId: string, parentId: string | null): Draft | undefined => read(keyOf(threadId, parentId)),

    /** Saves over the previous draft; an empty body and no other field removes the draft. */
    save(threadId: string, parentId: string | null, input: Omit<Draft, 'savedAt'>): void {
      const draft: Draft = { body: input.body, savedAt: now() };
      for (const field of fields) if (input[field]) draft[field] = input[field];
      const key = keyOf(threadId, parentId);
      if (draft.body || fields.some((field) => draft[field])) store.set(key, JSON.stringify(draft));
      else store.remove(key);
    },

    clear: (threadId: string, parentId: string | null): void => store.remove(keyOf(threadId, parentId)),

    /** This thread's drafts with their parent ids (null = top-level form), newest first. */
    all(threadId: string): [string | null, Draft][] {
      // The key's JSON up to the comma after the thread id: exactly this thread's drafts.
      const thread = prefix + JSON.stringify([threadId]).slice(0, -1) + ',';
      const found: [string | null, Draft][] = [];
      for (const key of store.keys(thread)) {
        let parent: unknown;
        try {
          parent = (JSON.parse(key.slice(prefix.length)) as unknown[])[1];
        } catch {
          continue; // Not a key we wrote.
        }
        // Only keys get() would find, so every parent returned has its draft.
        if (parent !== null && typeof parent !== 'string') continue;
        const draft = keyOf(threadId, parent) === key && read(key);
        if (draft) found.push([parent, draft]);
      }
      return found.sort((a, b) => b[1].savedAt - a[1].savedAt);
    },

    /** Parent ids (null = top-level form) that have a draft in this thread, newest first. */
    parents(threadId: string): (string | null)[] {
      return this.all(threadId).map(([parent]) => parent);
    },

    /** Removes every expired draft (called once per page by the widget). */
    sweep(): void {
      for (const key of store.keys(prefix)) read(key);
    },
  };
}

/** What a form holds: its text, and the author fields it shows (name, e-mail, website). */
export interface Typed {
  body: string;
  name?: string;
  email?: string;
  url?: string;
}
