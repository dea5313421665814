// Keyset cursors: a cursor names the last comment of a page by its sort key, never by a position,
// so comments inserted while a reader pages can neither repeat nor push others out of the pages.
// They are base64url JSON: opaque to clients, but not secret (they hold nothing a client could
// not see in the page itself), so they need no signature — only strict validation.
import { validationError } from './errors.js';
import type { Sort } from './validate.js';

export interface SortKey {
  createdAt: number;
  id: string;
  score: number;
}

export function encodeCursor(sort: Sort, parentId: string | null, last: SortKey): string {
  const payload: Record<string, unknown> = { s: sort, p: parentId, t: last.createdAt, i: last.id };
  if (sort === 'top') payload.sc = last.score;
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: Sort, parentId: string | null): SortKey {
  const invalid = () => validationError('"cursor" is not a cursor this server gave out.');
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof payload !== 'object' || payload === null) throw invalid();
  const { s, p, t, i, sc } = payload as Record<string, unknown>;
  if (!Number.isSafeInteger(t) || typeof i !== 'string' || i.length > 128) throw invalid();
  if (sort === 'top' && !Number.isSafeInteger(sc)) throw invalid();
  // A cursor only continues the listing it came from; another sort or level would page wrongly.
  if (s !== sort || p !== parentId) {
    throw validationError('"cursor" belongs to a different sort or parentId.');
  }
  return { createdAt: t as number, id: i, score: sort === 'top' ? (sc as number) : 0 };
}
