// @ts-check
// Writing JSON responses and errors. Kept in one place so every response gets the same safety
// headers and no error path can leak a stack trace.
import { HttpError } from './errors.mjs';

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** Headers on every API response: API data is per viewer, so it must never be cached or sniffed. */
const baseHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** @param {ServerResponse} res @param {number} status @param {Record<string, string>} [headers] */
export function sendEmpty(res, status, headers = {}) {
  res.writeHead(status, { ...baseHeaders, ...headers });
  res.end();
}

/**
 * Answers with `{ error: { code, message } }`. Anything that is not an HttpError is a bug: it is
 * logged here, server-side, and the client only learns that something went wrong.
 *
 * @param {ServerResponse} res
 * @param {unknown} error
 * @param {{ error(...args: unknown[]): void }} logger
 */
export function sendError(res, error, logger) {
  if (!(error instanceof HttpError)) {
    logger.error('maoni: unexpected error', error);
    error = new HttpError(500, 'unknown', 'Internal server error.');
  }
  const { status, code, message, retryAfter, headers } = /** @type {HttpError} */ (error);
  if (res.headersSent) {
    // Too late for a status: cut the connection so the client sees a failure, not a short body.
    res.destroy();
    return;
  }
  /** @type {{ code: string, message: string, retryAfter?: number }} */
  const body = { code, message };
  if (retryAfter !== undefined) body.retryAfter = retryAfter;
  const extra = retryAfter !== undefined ? { 'retry-after': String(retryAfter), ...headers } : headers;
  sendJson(res, status, { error: body }, extra);
}
