/**
 * The rules that every adapter keeping comments in the page (memory, localStorage) shares:
 * listing (filter, sort, page), validation of a new comment, building it, and checking the shape
 * of untrusted stored data. Pure functions with no I/O and no timers, so both adapters behave
 * identically and the rules are tested once.
 */
import {
  AdapterError,
  abortError,
  type Comment,
  type CommentAuthor,
  type ListOptions,
  type ListResult,
  type NewComment,
  type Viewer,
} from '../adapters/adapter.js';

/** A deep copy, so callers can never mutate what an adapter keeps. */
export function copyComment(comment: Comment): Comment {
  return structuredClone(comment);
}

/** Rejects (throws) with the signal's abort reason when it is already aborted. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

function time(comment: Comment): number {
  const ms = Date.parse(comment.createdAt);
  // An unparsable date must not make the comparator inconsistent (NaN compares false both ways).
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * A sorted copy of the array. `oldest` (also the fallback for sorts this store does not know)
 * orders by `createdAt`, ties in insertion order; `newest` is exactly its reverse; `top` orders by
 * `score` (missing = 0) descending, ties oldest first.
 */
export function sortComments(comments: readonly Comment[], sort?: string): Comment[] {
  const oldest = [...comments].sort((a, b) => time(a) - time(b));
  if (sort === 'newest') return oldest.reverse();
  if (sort === 'top') return oldest.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  return oldest;
}

function parseCursor(cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null) return 0;
  // The cursor is an offset written by this module; anything else came from somewhere else.
  if (typeof cursor !== 'string' || !/^\d+$/.test(cursor)) {
    throw new AdapterError('validation', `Invalid cursor: ${String(cursor)}`);
  }
  return Number(cursor);
}

/**
 * One page of a thread. Without `parentId`: every comment of the thread, all levels. With it:
 * only that comment's direct replies. `total` is always the number of comments in the whole
 * thread. The cursor is an offset into the filtered, sorted list; it is only stable while the
 * thread does not change between pages.
 */
export function pageComments(comments: readonly Comment[], options: ListOptions = {}): ListResult {
  const { parentId, limit } = options;
  const offset = parseCursor(options.cursor);
  if (limit !== undefined && limit !== null && !(limit >= 1)) {
    // A limit below 1 would return empty pages with a cursor that never advances.
    throw new AdapterError('validation', `Invalid limit: ${String(limit)}`);
  }
  const selected =
    parentId === undefined || parentId === null
      ? comments
      : comments.filter((comment) => comment.parentId === parentId);
  const sorted = sortComments(selected, options.sort);
  const end = limit === undefined || limit === null ? sorted.length : offset + Math.floor(limit);
  return {
    comments: sorted.slice(offset, end).map(copyComment),
    nextCursor: end < sorted.length ? String(end) : null,
    total: comments.length,
  };
}

/** The idempotency key must be usable as a key; an empty one would merge unrelated posts. */
export function checkIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new AdapterError('validation', 'An idempotency key is required');
  }
}

/**
 * Throws the AdapterError the backend would answer with: `validation` for an empty body or a
 * missing name (when nobody is signed in), `not_found` for a parent that is not in this thread.
 */
export function validateNewComment(
  thread: readonly Comment[],
  input: NewComment,
  viewer: Viewer | null
): void {
  if (typeof input?.body !== 'string' || input.body.trim() === '') {
    throw new AdapterError('validation', 'The comment is empty');
  }
  if (!viewer) {
    const name = input.author?.name;
    if (typeof name !== 'string' || name.trim() === '') {
      throw new AdapterError('validation', 'A name is required');
    }
  }
  const parentId = input.parentId ?? null;
  if (parentId !== null && !thread.some((comment) => comment.id === parentId)) {
    throw new AdapterError('not_found', `No comment ${String(parentId)} in this thread`);
  }
}

let counter = 0;

/** A new id: a UUID where available (secure contexts), else one unlikely to repeat after reload. */
export function newCommentId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // A bare counter would restart at 0 after a reload and collide with persisted ids.
  counter += 1;
  return `c${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function authorOf(input: NewComment, viewer: Viewer | null): CommentAuthor {
  if (viewer) {
    const author: CommentAuthor = { id: viewer.id, name: viewer.name };
    if (viewer.url) author.url = viewer.url;
    if (viewer.avatarUrl) author.avatarUrl = viewer.avatarUrl;
    return author;
  }
  // The email is for the site owner only: it is never part of a comment anyone can read.
  const author: CommentAuthor = { name: (input.author?.name ?? '').trim() };
  const url = input.author?.url?.trim();
  if (url) author.url = url;
  return author;
}

/** The published comment for a validated input. */
export function buildComment(
  input: NewComment,
  viewer: Viewer | null,
  id: string,
  now: Date
): Comment {
  return {
    id,
    parentId: input.parentId ?? null,
    author: authorOf(input, viewer),
    body: input.body,
    createdAt: now.toISOString(),
    status: 'published',
  };
}

/** A plain object (not null, not an array): the shape check every untrusted JSON value starts with. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || typeof value === type;
}

/** True when an untrusted value (stored JSON) has the shape of a Comment the elements can render. */
export function isComment(value: unknown): value is Comment {
  if (!isRecord(value) || !isRecord(value.author)) return false;
  const { author } = value;
  return (
    typeof value.id === 'string' &&
    value.id !== '' &&
    (value.parentId === null || typeof value.parentId === 'string') &&
    typeof author.name === 'string' &&
    optional(author.url, 'string') &&
    optional(author.avatarUrl, 'string') &&
    optional(author.id, 'string') &&
    typeof value.body === 'string' &&
    typeof value.createdAt === 'string' &&
    optional(value.editedAt, 'string') &&
    (value.status === undefined ||
      value.status === 'published' ||
      value.status === 'pending' ||
      value.status === 'deleted') &&
    optional(value.replyCount, 'number') &&
    optional(value.score, 'number') &&
    (value.reactions === undefined || isRecord(value.reactions))
  );
}

/**
 * The usable comments of an untrusted array: entries that are not comments, and repeats of an
 * id already seen, are dropped. `dropped` says how many, so the caller can warn.
 */
export function usableComments(entries: readonly unknown[]): { comments: Comment[]; dropped: number } {
  const seen = new Set<string>();
  const comments: Comment[] = [];
  for (const entry of entries) {
    if (isComment(entry) && !seen.has(entry.id)) {
      seen.add(entry.id);
      comments.push(entry);
    }
  }
  return { comments, dropped: entries.length - comments.length };
}
