/**
 * The order of one level of a thread and its keyset cursors, shared by the in-page adapters.
 *
 * Every sort is a total order, so a cursor (the sort key of the last comment of a page) says
 * exactly where the next page starts, however many comments were added or removed in between:
 *  - `oldest`: createdAt ascending, then id ascending (the fallback for unknown sorts);
 *  - `newest`: exactly the reverse of `oldest`;
 *  - `top`: score descending, then like `oldest`.
 */
import { AdapterError, type Comment, type CommentSort } from '../adapter.js';

/** The sorts the in-page adapters support. */
export const sorts: readonly CommentSort[] = ['oldest', 'newest', 'top'];

/** The sort a request means: unknown values (and none) mean `oldest`. */
export function sortOf(sort: unknown): CommentSort {
  return sort === 'newest' || sort === 'top' ? sort : 'oldest';
}

/** Milliseconds of `createdAt`; an unparsable date counts as 0 so comparisons stay consistent. */
export function timeOf(comment: Comment): number {
  const ms = Date.parse(comment.createdAt);
  return Number.isNaN(ms) ? 0 : ms;
}

/** A finite number, or 0 (stored data is untrusted). */
export function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The score of a comment: the stored one, else up-votes minus down-votes. */
export function scoreOf(comment: Comment): number {
  if (typeof comment.score === 'number' && Number.isFinite(comment.score)) return comment.score;
  return countOf(comment.reactions?.up) - countOf(comment.reactions?.down);
}

/** The sort key: what the comparator looks at, and what a cursor stores. */
type Key = [time: number, id: string] | [score: number, time: number, id: string];

function keyOf(sort: CommentSort, comment: Comment): Key {
  return sort === 'top' ? [scoreOf(comment), timeOf(comment), comment.id] : [timeOf(comment), comment.id];
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareKeys(sort: CommentSort, a: Key, b: Key): number {
  if (sort === 'top') {
    const [scoreA, timeA, idA] = a as [number, number, string];
    const [scoreB, timeB, idB] = b as [number, number, string];
    return scoreB - scoreA || timeA - timeB || compareIds(idA, idB);
  }
  const [timeA, idA] = a as [number, string];
  const [timeB, idB] = b as [number, string];
  const ascending = timeA - timeB || compareIds(idA, idB);
  return sort === 'newest' ? -ascending : ascending;
}

/** A sorted copy of `comments` (the input is left alone). */
export function sortComments(comments: readonly Comment[], sort?: string): Comment[] {
  const order = sortOf(sort);
  return comments
    .map((comment) => ({ comment, key: keyOf(order, comment) }))
    .sort((a, b) => compareKeys(order, a.key, b.key))
    .map(({ comment }) => comment);
}

/** The cursor of the page that ends with `last`. */
export function cursorAfter(sort: string | undefined, last: Comment): string {
  const order = sortOf(sort);
  return JSON.stringify({ sort: order, after: keyOf(order, last) });
}

function invalidCursor(cursor: unknown): AdapterError {
  return new AdapterError('validation', `Invalid cursor: ${String(cursor)}`);
}

function parseKey(sort: CommentSort, value: unknown): Key | null {
  if (!Array.isArray(value)) return null;
  const numbers = sort === 'top' ? 2 : 1;
  if (value.length !== numbers + 1 || typeof value[numbers] !== 'string') return null;
  for (let i = 0; i < numbers; i++) if (typeof value[i] !== 'number' || !Number.isFinite(value[i])) return null;
  return value as Key;
}

/**
 * A predicate for the comments that come after `cursor` in `sort` (all of them without a
 * cursor). Throws `validation` for a cursor this module did not write for that sort.
 */
export function afterCursor(sort: string | undefined, cursor: string | null | undefined): (comment: Comment) => boolean {
  if (cursor === undefined || cursor === null) return () => true;
  const order = sortOf(sort);
  let parsed: unknown;
  try {
    parsed = typeof cursor === 'string' ? JSON.parse(cursor) : undefined;
  } catch {
    throw invalidCursor(cursor);
  }
  const { sort: cursorSort, after } = (parsed ?? {}) as { sort?: unknown; after?: unknown };
  const key = cursorSort === order ? parseKey(order, after) : null;
  if (!key) throw invalidCursor(cursor);
  return (comment) => compareKeys(order, keyOf(order, comment), key) > 0;
}
