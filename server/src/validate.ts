// The rules on request values that JSON Schema cannot state exactly: cleaning (line endings,
// control characters), lengths counted after cleaning, email and URL checks. The route schemas
// check shapes and types first; these return clean values or throw a 400 that says what was wrong.
import { validationError } from './errors.js';

/** C0 and C1 control characters. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Controls a comment body may not keep: all but tab and line feed (CR is normalized first). */
const BODY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides and isolates: in a one-line name they can only be used to spoof. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export const SORTS = ['oldest', 'newest', 'top'] as const;
export const REACTIONS = ['up', 'down'] as const;
export type Sort = (typeof SORTS)[number];
export type Reaction = (typeof REACTIONS)[number];

/** Length in code points, so an emoji counts as one character, as a reader would count it. */
export const codePointLength = (text: string) => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** A decoded thread id, from the path or the query string. */
export function checkThreadId(id: string): string {
  const size = codePointLength(id);
  if (size < 1 || size > 200) throw validationError('A thread id must be 1 to 200 characters long.');
  if (CONTROL.test(id)) throw validationError('A thread id must not contain control characters.');
  if (!id.isWellFormed()) throw validationError('A thread id must be valid Unicode.');
  return id;
}

/**
 * Comment ids are opaque to clients; anything reasonable is looked up (and simply not found).
 * The schema counts code points; this counts UTF-16 units, as the ids were always measured.
 */
export function checkCommentId(id: unknown, what: string): string {
  if (typeof id !== 'string' || id.length < 1 || id.length > 128 || CONTROL.test(id)) {
    throw validationError(`${what} must be a string of 1 to 128 characters.`);
  }
  return id;
}

/**
 * The anonymous per-browser key. Absent is fine (an anonymous reader); malformed is an error, so
 * a client bug does not silently lose ownership of its comments.
 */
export function parseClientKey(header: string | string[] | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (typeof header !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(header)) {
    throw validationError('X-Maoni-Client must be 16 to 128 characters of A-Z, a-z, 0-9, "_" or "-".');
  }
  return header;
}

export function parseIdempotencyKey(header: string | string[] | undefined): string {
  if (header === undefined || header === '') {
    throw validationError('The Idempotency-Key header is required.');
  }
  if (typeof header !== 'string' || !/^[\x21-\x7e]{8,128}$/.test(header)) {
    throw validationError('Idempotency-Key must be 8 to 128 visible ASCII characters.');
  }
  return header;
}

/**
 * A comment body: line endings normalized and stray control characters dropped (they are
 * invisible, and only confuse the renderer), then the length rules.
 */
export function parseBody(value: string, maxLength: number): string {
  const body = value.replace(/\r\n?/g, '\n').replace(BODY_CONTROLS, '').toWellFormed();
  if (body.trim() === '') throw validationError('"body" must not be empty.');
  if (codePointLength(body) > maxLength) {
    throw validationError(`"body" must be at most ${maxLength} characters long.`);
  }
  return body;
}

export interface AuthorInput {
  name: string;
  email?: string | null;
  url?: string | null;
}
export interface Author {
  name: string;
  email: string | null;
  url: string | null;
}

function parseAuthor(author: AuthorInput): Author {
  const name = author.name
    .replace(BIDI_CONTROLS, '')
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .toWellFormed();
  if (name === '') throw validationError('"author.name" must not be empty.');
  if (codePointLength(name) > 100) throw validationError('"author.name" must be at most 100 characters long.');
  return { name, email: parseEmail(author.email), url: parseUrl(author.url) };
}

function parseEmail(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  const email = value.trim();
  // Deliberately loose: one "@", something on both sides, a dot in the domain, no spaces.
  if (email.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) {
    throw validationError('"author.email" is not a valid email address.');
  }
  return email;
}

function parseUrl(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = value.trim();
  let url: URL;
  try {
    if (text.length > 2048) throw new Error('too long');
    url = new URL(text);
  } catch {
    throw validationError('"author.url" is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw validationError('"author.url" must start with http:// or https://.');
  }
  if (url.username || url.password) {
    throw validationError('"author.url" must not contain a user name or password.');
  }
  return url.href;
}

/** The body of POST …/comments, after its schema passed. */
export interface NewCommentBody {
  parentId?: string | null;
  body: string;
  author?: AuthorInput;
  honeypot?: unknown;
}

export function parseNewComment(input: NewCommentBody, maxBodyLength: number) {
  const parentId =
    input.parentId === undefined || input.parentId === null ? null : checkCommentId(input.parentId, '"parentId"');
  return {
    parentId,
    body: parseBody(input.body, maxBodyLength),
    // Absent only for a reader the host site signed in (the route checks).
    author: input.author === undefined ? null : parseAuthor(input.author),
    // Bots fill every field. Anything but an absent or empty string counts as filled.
    honeypot: !(input.honeypot === undefined || input.honeypot === null || input.honeypot === ''),
  };
}

/** A whole number in [min, max] from the query string; absent or empty gives the default. */
function integerParam(raw: string | undefined, name: string, min: number, max: number, fallback: number) {
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw validationError(`"${name}" must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

export interface ListQuery {
  parentId?: string;
  cursor?: string;
  limit?: string;
  sort?: string;
  replies?: string;
}

export function parseListQuery(query: ListQuery) {
  const { parentId, sort } = query;
  return {
    parentId: parentId === undefined || parentId === '' ? null : checkCommentId(parentId, '"parentId"'),
    cursor: query.cursor || null,
    limit: integerParam(query.limit, 'limit', 1, 100, 50),
    // The adapter contract says an unknown sort means `oldest`, so it is not an error.
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'oldest',
    replies: integerParam(query.replies, 'replies', 0, 20, 3),
  };
}

export function parseCountsQuery(thread: string | string[] | undefined): string[] {
  const ids = [...new Set(thread === undefined ? [] : ([] as string[]).concat(thread))];
  if (ids.length === 0) throw validationError('Give at least one "thread" parameter.');
  if (ids.length > 100) throw validationError('Give at most 100 "thread" parameters.');
  return ids.map(checkThreadId);
}
