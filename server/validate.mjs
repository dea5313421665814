// @ts-check
// Every value that comes from a request passes one of these functions before it is used. They
// return clean values or throw a 400 with a message that says exactly what was wrong.
import { validationError } from './errors.mjs';

/** C0 and C1 control characters. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Controls a comment body may not keep: all but tab and line feed (CR is normalized first). */
const BODY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides and isolates: in a one-line name they can only be used to spoof. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export const SORTS = /** @type {const} */ (['oldest', 'newest', 'top']);
export const REACTIONS = /** @type {const} */ (['up', 'down']);

/** @typedef {(typeof SORTS)[number]} Sort */
/** @typedef {(typeof REACTIONS)[number]} Reaction */

/** Length in code points, so an emoji counts as one character, as a reader would count it. */
const length = (/** @type {string} */ text) => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** @param {unknown} value */
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Thread ids arrive as one URL-encoded path segment.
 * @param {string} segment The raw (still encoded) segment.
 */
export function parseThreadId(segment) {
  let id;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw validationError('The thread id is not correctly URL-encoded.');
  }
  return checkThreadId(id);
}

/** @param {string} id A decoded thread id, from the path or the query string. */
export function checkThreadId(id) {
  const size = length(id);
  if (size < 1 || size > 200) throw validationError('A thread id must be 1 to 200 characters long.');
  if (CONTROL.test(id)) throw validationError('A thread id must not contain control characters.');
  if (!id.isWellFormed()) throw validationError('A thread id must be valid Unicode.');
  return id;
}

/**
 * Comment ids are opaque to clients; anything reasonable is looked up (and simply not found).
 * @param {string} segment
 */
export function parseCommentId(segment) {
  let id;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw validationError('The comment id is not correctly URL-encoded.');
  }
  return checkCommentId(id, 'The comment id');
}

/** @param {unknown} id @param {string} what */
function checkCommentId(id, what) {
  if (typeof id !== 'string' || id.length < 1 || id.length > 128 || CONTROL.test(id)) {
    throw validationError(`${what} must be a string of 1 to 128 characters.`);
  }
  return id;
}

/**
 * The anonymous per-browser key. Absent is fine (an anonymous reader); malformed is an error, so
 * a client bug does not silently lose ownership of its comments.
 * @param {string | string[] | undefined} header
 * @returns {string | null}
 */
export function parseClientKey(header) {
  if (header === undefined || header === '') return null;
  if (typeof header !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(header)) {
    throw validationError('X-Maoni-Client must be 16 to 128 characters of A-Z, a-z, 0-9, "_" or "-".');
  }
  return header;
}

/** @param {string | string[] | undefined} header */
export function parseIdempotencyKey(header) {
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
 * @param {unknown} value
 * @param {number} maxLength
 */
export function parseBody(value, maxLength) {
  if (typeof value !== 'string') throw validationError('"body" must be a string.');
  const body = value.replace(/\r\n?/g, '\n').replace(BODY_CONTROLS, '').toWellFormed();
  if (body.trim() === '') throw validationError('"body" must not be empty.');
  if (length(body) > maxLength) {
    throw validationError(`"body" must be at most ${maxLength} characters long.`);
  }
  return body;
}

/**
 * @param {unknown} value
 * @returns {{ name: string, email: string | null, url: string | null }}
 */
function parseAuthor(value) {
  if (!isPlainObject(value)) throw validationError('"author" must be an object with a "name".');
  const author = /** @type {Record<string, unknown>} */ (value);
  if (typeof author.name !== 'string') throw validationError('"author.name" must be a string.');
  const name = author.name
    .replace(BIDI_CONTROLS, '')
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .toWellFormed();
  if (name === '') throw validationError('"author.name" must not be empty.');
  if (length(name) > 100) throw validationError('"author.name" must be at most 100 characters long.');
  return { name, email: parseEmail(author.email), url: parseUrl(author.url) };
}

/** @param {unknown} value */
function parseEmail(value) {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw validationError('"author.email" must be a string.');
  const email = value.trim();
  // Deliberately loose: one "@", something on both sides, a dot in the domain, no spaces.
  if (email.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) {
    throw validationError('"author.email" is not a valid email address.');
  }
  return email;
}

/** @param {unknown} value */
function parseUrl(value) {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw validationError('"author.url" must be a string.');
  const text = value.trim();
  let url;
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

/**
 * @param {unknown} value The parsed JSON body of POST …/comments.
 * @param {number} maxBodyLength
 */
export function parseNewComment(value, maxBodyLength) {
  if (!isPlainObject(value)) throw validationError('The request body must be a JSON object.');
  const input = /** @type {Record<string, unknown>} */ (value);
  const parentId =
    input.parentId === undefined || input.parentId === null
      ? null
      : checkCommentId(input.parentId, '"parentId"');
  return {
    parentId,
    body: parseBody(input.body, maxBodyLength),
    author: parseAuthor(input.author),
    // Bots fill every field. Anything but an absent or empty string counts as filled.
    honeypot: !(input.honeypot === undefined || input.honeypot === null || input.honeypot === ''),
  };
}

/** @param {unknown} value @param {number} maxBodyLength */
export function parseEdit(value, maxBodyLength) {
  if (!isPlainObject(value)) throw validationError('The request body must be a JSON object.');
  return { body: parseBody(/** @type {Record<string, unknown>} */ (value).body, maxBodyLength) };
}

/** @param {unknown} value @returns {{ reaction: Reaction, active: boolean }} */
export function parseReaction(value) {
  if (!isPlainObject(value)) throw validationError('The request body must be a JSON object.');
  const { reaction, active } = /** @type {Record<string, unknown>} */ (value);
  if (!REACTIONS.includes(/** @type {Reaction} */ (reaction))) {
    throw validationError(`"reaction" must be one of: ${REACTIONS.join(', ')}.`);
  }
  if (typeof active !== 'boolean') throw validationError('"active" must be true or false.');
  return { reaction: /** @type {Reaction} */ (reaction), active };
}

/**
 * A whole number in [min, max] from the query string; absent or empty gives the default.
 * @param {URLSearchParams} query @param {string} name
 * @param {number} min @param {number} max @param {number} fallback
 */
function integerParam(query, name, min, max, fallback) {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw validationError(`"${name}" must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** @param {URLSearchParams} query */
export function parseListQuery(query) {
  const parentRaw = query.get('parentId');
  const sortRaw = query.get('sort');
  return {
    parentId: parentRaw === null || parentRaw === '' ? null : checkCommentId(parentRaw, '"parentId"'),
    cursor: query.get('cursor') || null,
    limit: integerParam(query, 'limit', 1, 100, 50),
    // The adapter contract says an unknown sort means `oldest`, so it is not an error.
    sort: /** @type {Sort} */ (SORTS.includes(/** @type {Sort} */ (sortRaw)) ? sortRaw : 'oldest'),
    replies: integerParam(query, 'replies', 0, 20, 3),
  };
}

/** @param {URLSearchParams} query */
export function parseCountsQuery(query) {
  const ids = [...new Set(query.getAll('thread'))];
  if (ids.length === 0) throw validationError('Give at least one "thread" parameter.');
  if (ids.length > 100) throw validationError('Give at most 100 "thread" parameters.');
  return ids.map(checkThreadId);
}
