/**
 * The format of one thread in Web Storage (LocalStorageAdapter), read defensively: the value is
 * untrusted (other versions, other code, a user with devtools). Reading never loses anything —
 * entries it cannot use are kept and written back as they were.
 */
import { isRecord } from '../../core/is-record.js';
import { copyComment, usableComments } from './comment-store.js';
import type { ThreadData } from './thread-data.js';

/** What one thread's storage key holds. */
export interface StoredThread {
  version: 1;
  /** Entries as stored: malformed ones are kept (and skipped when reading) so nothing is lost. */
  comments: unknown[];
  /**
   * Idempotency key → id of the comment that key created. Every comment posted from this browser
   * has one, so its values are also the comments this browser owns (may edit and delete).
   */
  keys: Record<string, string>;
  /** Comment id → reactor → reaction. Written only when someone has reacted. */
  reactions?: Record<string, Record<string, string>>;
}

/** A thread read from storage (or from the seed). */
export interface LoadedThread {
  /** The stored entries; the usable ones are the very objects in `data.comments`. */
  entries: unknown[];
  data: ThreadData;
  keys: Record<string, string>;
  /** Number of entries skipped as malformed. */
  dropped: number;
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every((item) => typeof item === 'string');

/** The thread, or why the stored value cannot be used. */
export function parseThread(text: string): LoadedThread | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (!isRecord(data)) return 'not an object';
  if (data.version !== 1) return `unknown version ${JSON.stringify(data.version) ?? 'undefined'}`;
  if (!Array.isArray(data.comments)) return 'no comments array';
  const keys = data.keys ?? {};
  if (!isStringRecord(keys)) return 'invalid idempotency keys';
  const reactions = data.reactions ?? {};
  if (!isRecord(reactions) || !Object.values(reactions).every(isStringRecord)) return 'invalid reactions';
  const { comments, dropped } = usableComments(data.comments);
  // A few bad entries are skipped; an array of nothing but garbage is not a thread at all.
  if (dropped > 0 && comments.length === 0) return 'no valid comment';
  const byComment = new Map(
    Object.entries(reactions as Record<string, Record<string, string>>).map(([id, given]) => [id, new Map(Object.entries(given))])
  );
  return { entries: data.comments, data: { comments, reactions: byComment }, keys, dropped };
}

/** A thread that has nothing stored yet: the usable seed comments, copied. */
export function seededThread(seed: readonly unknown[]): LoadedThread {
  const { comments, dropped } = usableComments(seed);
  const copies = comments.map(copyComment);
  // Only the usable seed entries get stored: the seed is code, not user data to preserve.
  return { entries: [...copies], data: { comments: copies, reactions: new Map() }, keys: {}, dropped };
}

/** The value to store for a (changed) loaded thread. */
export function storedThread(thread: LoadedThread): StoredThread {
  const stored: StoredThread = { version: 1, comments: thread.entries, keys: thread.keys };
  if (thread.data.reactions.size > 0) {
    // fromEntries defines own properties: an id such as "__proto__" cannot reach the prototype.
    stored.reactions = Object.fromEntries(
      [...thread.data.reactions].map(([id, given]) => [id, Object.fromEntries(given)])
    );
  }
  return stored;
}

/** The ids this browser posted (see {@link StoredThread.keys}). */
export function ownIds(thread: LoadedThread): Set<string> {
  return new Set(Object.values(thread.keys));
}
