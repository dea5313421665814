// CORS for the allowed origins only (none by default: the widget's page and the API usually share
// an origin). Every write needs a JSON body or a custom header, so a cross-origin page cannot send
// one without a preflight, and the preflight is where the allowlist says no. A preflight from any
// other origin gets a bare 204 from the API's not-found handler (errors.ts), which the browser
// then refuses.
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Lets the RestAdapter read Retry-After on a cross-origin 429. */
const EXPOSED_HEADERS = 'Retry-After';

export interface OriginPolicy {
  /** Whether any origin is allowed at all (then answers vary by Origin). */
  readonly configured: boolean;
  allows(origin: string | undefined): origin is string;
}

/** @param origins Exact origins (`https://blog.example`), or `*` for any. */
export function originPolicy(origins: string[]): OriginPolicy {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return {
    configured: origins.length > 0,
    allows: (origin): origin is string => origin !== undefined && (any || allowed.has(origin)),
  };
}

export const allowedOrigins = fp(async (app: FastifyInstance, { policy }: { policy: OriginPolicy }) => {
  // Nothing allowed: no CORS headers at all, not even Vary.
  if (!policy.configured) return;
  await app.register(cors, {
    // Per request: an allowed origin gets its own value back and every allowance; any other
    // gets nothing (the Vary: Origin header still tells caches the answer depends on Origin).
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      if (!policy.allows(origin)) return callback(null, { origin: false });
      callback(null, {
        origin,
        methods: 'GET, POST, PATCH, DELETE, OPTIONS',
        allowedHeaders: 'Content-Type, Idempotency-Key, X-Maoni-Client, Authorization',
        // A moderator's session cookie, sent by the RestAdapter (credentials: include).
        credentials: true,
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: 600,
        strictPreflight: false,
      });
    },
  });
}, { name: 'maoni-cors' });

/** The same headers on an answer that bypasses Fastify's hooks (a request path Fastify cannot route). */
export function corsHeaders(policy: OriginPolicy) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (policy.configured) void reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (policy.allows(origin)) {
      void reply
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-credentials', 'true')
        .header('access-control-expose-headers', EXPOSED_HEADERS);
    }
  };
}
