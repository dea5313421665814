/**
 * Posts not yet confirmed by the server, persisted so that going offline, a failure or a reload
 * loses none and doubles none: each entry keeps its submission's idempotency key for every retry.
 *
 * Entries never expire: a queued comment is removed only once the server confirmed it (or the
 * widget gives it up explicitly), however old it is. Only malformed stored entries are dropped.
 */
import type { NewComment } from '../core/comment.js';
import { readJson, safeStorage, type KeyValueStore } from './safe-storage.js';

export interface OutboxEntry {
  /** The idempotency key: one entry per submission. */
  key: string;
  threadId: string;
  input: NewComment;
  /** Strictly increasing across entries, so the queue keeps its order even within one millisecond. */
  queuedAt: number;
  /** Sends tried so far. */
  attempts: number;
}

const prefix = 'maoni:outbox:';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optional = (v: unknown) => v === undefined || typeof v === 'string';

/** The entry as stored under `key`, when every field has the right type. */
function toEntry(e: unknown, key: string): OutboxEntry | undefined {
  if (!isObject(e) || e.key !== key || typeof e.threadId !== 'string' || !isObject(e.input)) return undefined;
  if (!Number.isFinite(e.queuedAt) || !Number.isInteger(e.attempts)) return undefined;
  const { parentId, body, author, honeypot } = e.input;
  const valid =
    (parentId === null || typeof parentId === 'string') &&
    typeof body === 'string' &&
    optional(honeypot) &&
    (author === undefined || (isObject(author) && typeof author.name === 'string' && optional(author.email) && optional(author.url)));
  return valid ? (e as unknown as OutboxEntry) : undefined;
}

export function outbox(store: KeyValueStore = safeStorage(), now: () => number = Date.now) {
  const read = (key: string) => readJson(store, prefix + key, (e) => toEntry(e, key));
  const write = (entry: OutboxEntry) => store.set(prefix + entry.key, JSON.stringify(entry));

  /** Queued entries, of one thread or all, oldest first. */
  const list = (threadId?: string): OutboxEntry[] =>
    store
      .keys(prefix)
      .map((key) => read(key.slice(prefix.length)))
      .filter((e): e is OutboxEntry => !!e && (threadId === undefined || e.threadId === threadId))
      .sort((a, b) => a.queuedAt - b.queuedAt);

  return {
    /** Queues a submission; the same key again returns the entry already queued (no duplicate). */
    add(threadId: string, input: NewComment, key: string): OutboxEntry {
      const existing = read(key);
      if (existing) return existing;
      const queuedAt = Math.max(now(), ...list().map((e) => e.queuedAt + 1));
      const entry: OutboxEntry = { key, threadId, input, queuedAt, attempts: 0 };
      write(entry);
      return entry;
    },

    /** Counts one more send of the entry (persisted). */
    attempt(key: string): void {
      const entry = read(key);
      if (entry) write({ ...entry, attempts: entry.attempts + 1 });
    },

    /** Drops the entry: call only after the server confirmed the post. */
    remove: (key: string): void => store.remove(prefix + key),

    list,
  };
}
