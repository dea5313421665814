// /api/session: an owner or moderator signs in (POST), sees who is signed in (GET), signs out
// (DELETE). Wrong e-mail and wrong password answer the same 401; failures are limited per address
// and per account (429 with Retry-After).
import type { FastifyInstance } from 'fastify';
import { HttpError, unauthorized } from '../errors.js';
import { SESSION_COOKIE } from '../http/sessions.js';
import { normalizeEmail } from '../store/accounts.js';
import { errorResponses } from './schemas.js';
import type { SignInLimiter } from '../auth/sign-in-limit.js';

const account = {
  type: 'object',
  required: ['email', 'role', 'name'],
  properties: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: ['owner', 'moderator'] } },
} as const;

export async function sessionRoutes(app: FastifyInstance, { limiter, secureCookie }: { limiter: SignInLimiter; secureCookie: boolean }) {
  app.post<{ Body: { email: string; password: string } }>(
    '/session',
    {
      schema: {
        tags: ['session'],
        operationId: 'signIn',
        summary: 'Sign in as an owner or moderator',
        description: 'Sets the `maoni_session` cookie (HttpOnly, SameSite=Lax; Secure when MAONI_PUBLIC_URL is https). Must come from this site or an allowed origin.',
        body: {
          type: 'object',
          required: ['email', 'password'],
          properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: 1024 } },
          errorMessage: { type: 'The request body must be a JSON object.', required: '"email" and "password" must be strings.' },
        },
        response: { 204: { description: 'Signed in.', type: 'null' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { store, config } = app.maoni;
      const email = normalizeEmail(String(request.body.email));
      const wait = limiter.wait(request.ip, email);
      if (wait > 0) throw new HttpError(429, 'rate_limited', 'Too many sign-in attempts; try again later.', { retryAfter: wait });
      const found = await store.accounts.checkCredentials(email, String(request.body.password));
      if (!found) {
        limiter.failed(request.ip, email);
        throw unauthorized('Wrong e-mail address or password.');
      }
      limiter.succeeded(email);
      const { token, expiresAt } = await store.accounts.startSession(found.id, config.now());
      void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookie, path: '/', expires: expiresAt });
      return reply.code(204).send();
    }
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        operationId: 'getSession',
        summary: 'Who is signed in',
        response: { 200: { description: 'The signed-in owner or moderator.', ...account }, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.account) throw unauthorized('Not signed in.');
      const { email, name, role } = request.account;
      return { email, name, role };
    }
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        operationId: 'signOut',
        summary: 'Sign out (the session is revoked on the server)',
        response: { 204: { description: 'Signed out.', type: 'null' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await app.maoni.store.accounts.endSession(token, app.maoni.config.now());
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    }
  );
}
