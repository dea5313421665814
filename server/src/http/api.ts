// Everything under /api/, as one encapsulated Fastify plugin: its headers, CORS, client identity,
// post limit, error handling and routes. Hooks run in the order registered here.
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../options.js';
import { shuttingDown } from '../errors.js';
import { listCommentsRoute } from '../routes/comments-list.js';
import { postCommentRoute } from '../routes/comments-post.js';
import { editCommentRoute } from '../routes/comments-edit.js';
import { deleteCommentRoute } from '../routes/comments-delete.js';
import { configRoutes } from '../routes/config.js';
import { countsRoutes } from '../routes/counts.js';
import { eventRoutes } from '../routes/events.js';
import { openapiRoutes } from '../routes/openapi.js';
import { reactionRoutes } from '../routes/reactions.js';
import { sessionRoutes } from '../routes/session.js';
import { moderationRoutes } from '../routes/moderation.js';
import { SignInLimiter } from '../auth/sign-in-limit.js';
import { sessions } from './sessions.js';
import { signedInReader } from './signed-in-reader.js';
import { apiHeaders } from './api-headers.js';
import { clientIdentity } from './client-identity.js';
import { allowedOrigins, type OriginPolicy } from './cors.js';
import { apiErrors, type MethodIndex } from './errors.js';
import { jsonBody } from './json-body.js';
import { postLimit } from './rate-limit.js';

export interface ApiOptions {
  config: AppConfig;
  policy: OriginPolicy;
  /** Filled here with every API route; read by the 404/405 answers. */
  index: MethodIndex;
}

export async function api(app: FastifyInstance, { config, policy, index }: ApiOptions) {
  await app.register(apiErrors, { logger: config.logger, isClosing: () => app.maoni.closing, index });
  await app.register(apiHeaders);
  // CORS first, so that error answers too are readable by an allowed cross-origin page.
  await app.register(allowedOrigins, { policy });
  app.addHook('onRequest', async () => {
    if (app.maoni.closing) throw shuttingDown();
  });
  await app.register(clientIdentity);
  await app.register(sessions, { policy, publicUrl: config.publicUrl });
  await app.register(signedInReader, { secret: config.ssoSecret });
  await app.register(jsonBody);
  await app.register(postLimit, { limit: config.rateLimit, now: config.now });

  await app.register(configRoutes);
  await app.register(countsRoutes);
  await app.register(listCommentsRoute);
  await app.register(postCommentRoute);
  await app.register(editCommentRoute);
  await app.register(deleteCommentRoute);
  await app.register(reactionRoutes);
  await app.register(eventRoutes);
  await app.register(openapiRoutes);
  await app.register(sessionRoutes, {
    limiter: new SignInLimiter(config.signInLimits, config.now),
    secureCookie: config.publicUrl?.startsWith('https:') ?? false,
  });
  // Encapsulated: its moderator check applies to its own routes only.
  await app.register(moderationRoutes);
}
