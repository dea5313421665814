// Readers the host site signed in: a request with `Authorization: Bearer <token>` (the widget's
// sso-token) sets `request.reader` when the token verifies with MAONI_SSO_SECRET (auth/sso.ts).
// A token that does not verify is not an error for reading — the thread shows as to anyone — but
// what would be written under the reader's name (a comment) is refused with the token's problem,
// so nobody's comment goes out anonymous when they meant it signed (see `readerRefusal`).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { verifySsoToken, type SsoReader } from '../auth/sso.js';
import { HttpError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader the host site signed in, or null. */
    reader: SsoReader | null;
    /** Why a Bearer token was refused, or null when there was none or it verified. */
    readerRefusal: HttpError | null;
  }
}

const BEARER = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/i;

export const signedInReader = fp(async (app: FastifyInstance, { secret }: { secret: string | null }) => {
  app.decorateRequest('reader', null);
  app.decorateRequest('readerRefusal', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (request.is404 || typeof header !== 'string' || !/^Bearer\s/i.test(header)) return;
    const token = BEARER.exec(header)?.[1];
    if (secret === null) {
      request.readerRefusal = new HttpError(401, 'unauthorized', 'This comment server does not accept sign-in tokens from the site (MAONI_SSO_SECRET is not set).', { reason: 'sign-in-unsupported' });
    } else if (!token) {
      request.readerRefusal = new HttpError(401, 'unauthorized', 'Your sign-in could not be checked. Sign in on the site again, then send your comment.', { reason: 'sign-in-invalid' });
    } else {
      try {
        request.reader = await verifySsoToken(token, secret);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        request.readerRefusal = error;
      }
    }
  });
}, { name: 'maoni-signed-in-reader' });
