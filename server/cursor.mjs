// @ts-check
// Keyset cursors: a cursor names the last comment of a page by its sort key, never by a position,
// so comments inserted while a reader pages can neither repeat nor push others out of the pages.
// They are base64url JSON: opaque to clients, but not secret (they hold nothing a client could
// not see in the page itself), so they need no signature — only strict validation.
import { validationError } from './errors.mjs';

/** @typedef {import('./validate.mjs').Sort} Sort */
/** @typedef {{ createdAt: number, id: string, score: number }} SortKey */

/**
 * @param {Sort} sort
 * @param {string | null} parentId The level this cursor pages through.
 * @param {SortKey} last The last comment of the page.
 */
export function encodeCursor(sort, parentId, last) {
  /** @type {Record<string, unknown>} */
  const payload = { s: sort, p: parentId, t: last.createdAt, i: last.id };
  if (sort === 'top') payload.sc = last.score;
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * @param {string} cursor
 * @param {Sort} sort
 * @param {string | null} parentId
 * @returns {SortKey}
 */
export function decodeCursor(cursor, sort, parentId) {
  const invalid = () => validationError('"cursor" is not a cursor this server gave out.');
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let payload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof payload !== 'object' || payload === null) throw invalid();
  const { s, p, t, i, sc } = payload;
  if (!Number.isSafeInteger(t) || typeof i !== 'string' || i.length > 128) throw invalid();
  if (sort === 'top' && !Number.isSafeInteger(sc)) throw invalid();
  // A cursor only continues the listing it came from; another sort or level would page wrongly.
  if (s !== sort || p !== parentId) {
    throw validationError('"cursor" belongs to a different sort or parentId.');
  }
  return { createdAt: t, id: i, score: sort === 'top' ? sc : 0 };
}
