// @ts-check
// CORS for the allowed origins only (none by default: the widget's page and the API usually share
// an origin). Every write needs a JSON body or a custom header, so a cross-origin page cannot send
// one without a preflight, and the preflight is where the allowlist says no.
import { sendEmpty } from './respond.mjs';

const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, X-Maoni-Client';

/** @param {string[]} origins Exact origins (`https://blog.example`), or `*` for any. */
export function createCors(origins) {
  const any = origins.includes('*');
  const allowed = new Set(origins);

  return {
    /**
     * Sets the CORS headers for an allowed origin, and answers preflights.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @returns {boolean} true when the request was a preflight and has been answered.
     */
    apply(req, res) {
      const origin = req.headers.origin;
      const ok = origin !== undefined && (any || allowed.has(origin));
      // The answer depends on Origin whenever any origin is allowed: caches must know.
      if (origins.length > 0) res.setHeader('vary', 'Origin');
      if (ok) {
        res.setHeader('access-control-allow-origin', origin);
        // Lets the RestAdapter read Retry-After on a cross-origin 429.
        res.setHeader('access-control-expose-headers', 'Retry-After');
      }
      if (req.method !== 'OPTIONS') return false;
      if (ok) {
        res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
        res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
        res.setHeader('access-control-max-age', '600');
      }
      // A disallowed origin gets the same 204 without the allow headers: the browser then refuses.
      sendEmpty(res, 204);
      return true;
    },
  };
}
