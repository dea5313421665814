/**
 * The rules that every adapter keeping comments in the page (memory, localStorage) shares for a
 * new comment: validation, ids, building it, and checking the shape of untrusted stored data.
 * Listing lives in comment-listing.ts, order and cursors in comment-order.ts, edit/delete/react in
 * comment-changes.ts. Pure functions with no I/O and no timers, so both adapters behave
 * identically and the rules are tested once.
 */
import { isRecord } from '../../core/is-record.js';
import {
  AdapterError,
  type Comment,
  type CommentAuthor,
  type NewComment,
  type Viewer,
} from '../adapter.js';

/** A deep copy, so callers can never mutate what an adapter keeps. */
export function copyComment(comment: Comment): Comment {
  return structuredClone(comment);
}

/** Throws `validation` unless `body` is a string with something besides whitespace. */
export function checkBody(body: unknown): asserts body is string {
  if (typeof body !== 'string' || body.trim() === '') {
    throw new AdapterError('validation', 'The comment is empty');
  }
}

/**
 * Throws the AdapterError the backend would answer with: `validation` for an empty body or a
 * missing name (when nobody is signed in), `not_found` for a parent that is not in this thread or
 * was deleted (a tombstone takes no new replies).
 */
export function validateNewComment(
  thread: readonly Comment[],
  input: NewComment,
  viewer: Viewer | null
): void {
  checkBody(input?.body);
  if (!viewer) {
    const name = input.author?.name;
    if (typeof name !== 'string' || name.trim() === '') {
      throw new AdapterError('validation', 'A name is required');
    }
  }
  const parentId = input.parentId ?? null;
  if (parentId !== null && !thread.some((comment) => comment.id === parentId && comment.status !== 'deleted')) {
    throw new AdapterError('not_found', `No comment ${String(parentId)} in this thread`);
  }
}

let lastTime = 0;
let sequence = 0;

function randomHex(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    return Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(16).padStart(8, '0')).join('');
  }
  return Math.random().toString(16).slice(2, 18).padEnd(16, '0');
}

/**
 * A new id that sorts after every id this page made before: milliseconds, then a counter within
 * the millisecond, then randomness (so other tabs and reloads do not collide). Lists break ties of
 * equal `createdAt` by id, so two comments posted in the same millisecond keep their order.
 */
export function newCommentId(): string {
  // Never backwards, even when the system clock is set back.
  const now = Math.max(Date.now(), lastTime);
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  return `${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomHex()}`;
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

/** The comment for a validated input: published, or `pending` when the backend holds it. */
export function buildComment(
  input: NewComment,
  viewer: Viewer | null,
  id: string,
  now: Date,
  held = false
): Comment {
  return {
    id,
    parentId: input.parentId ?? null,
    author: authorOf(input, viewer),
    body: input.body,
    createdAt: now.toISOString(),
    status: held ? 'pending' : 'published',
  };
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
      value.status === 'spam' ||
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
