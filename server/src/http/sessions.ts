// Who is signed in: the `maoni_session` cookie (an owner or moderator, see routes/session.ts)
// sets `request.account`. And the CSRF rule: a request that changes something and carries the
// session cookie (or signs in) must come from the server's own origin or an allowed one — its
// Origin, else its Referer, says so — or it is refused with 403 before any handler runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden } from '../errors.js';
import type { Account } from '../store/accounts.js';
import type { OriginPolicy } from './cors.js';

export const SESSION_COOKIE = 'maoni_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in owner or moderator, or null. */
    account: Account | null;
  }
}

/** The origin a request says it comes from: Origin, else the origin of Referer. */
function claimedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return origin;
  const referer = request.headers.referer;
  if (typeof referer !== 'string') return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/** This server's own origin: MAONI_PUBLIC_URL's, else what the request was addressed to. */
function ownOrigin(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ? new URL(publicUrl).origin : `${request.protocol}://${request.host}`;
}

export const sessions = fp(async (app: FastifyInstance, { policy, publicUrl }: { policy: OriginPolicy; publicUrl: string | null }) => {
  app.decorateRequest('account', null);
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const token = request.cookies[SESSION_COOKIE];
    const changes = !SAFE_METHODS.has(request.method);
    const signingIn = changes && request.routeOptions.url === '/api/session' && request.method === 'POST';
    if (changes && (token || signingIn)) {
      const origin = claimedOrigin(request);
      if (!origin || (origin !== ownOrigin(request, publicUrl) && !policy.allows(origin))) {
        throw forbidden('This request did not come from this site. Reload the page and try again.');
      }
    }
    if (token) request.account = await app.maoni.store.accounts.sessionAccount(token, app.maoni.config.now());
  });
}, { name: 'maoni-sessions', dependencies: ['@fastify/cookie'] });
