// @ts-check
// The one error type handlers throw. Every code is one the RestAdapter maps to an AdapterError
// code (src/adapters/adapter.ts), so the client never has to guess from a status alone.

/**
 * @typedef {'network' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited'
 *   | 'validation' | 'unknown'} ErrorCode
 */

export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {ErrorCode} code
   * @param {string} message Shown to API clients: it must never contain internals.
   * @param {{ retryAfter?: number, headers?: Record<string, string> }} [extra]
   */
  constructor(status, code, message, extra = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.retryAfter = extra.retryAfter;
    this.headers = extra.headers ?? {};
  }
}

/** @param {string} message */
export const validationError = (message) => new HttpError(400, 'validation', message);
/** @param {string} message */
export const notFound = (message) => new HttpError(404, 'not_found', message);
/** @param {string} message */
export const forbidden = (message) => new HttpError(403, 'forbidden', message);
/** @param {string} message */
export const unauthorized = (message) => new HttpError(401, 'unauthorized', message);
