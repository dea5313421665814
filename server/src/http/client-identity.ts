// Who is asking: the anonymous client key (X-Maoni-Client), used for ownership, the viewer's own
// reactions and pending comments, and rate limiting. Checked on every API route before anything
// else reads the request; the network address is Fastify's `request.ip` (see trustProxy in app.ts).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { parseClientKey } from '../validate.js';

export const clientIdentity = fp(async (app: FastifyInstance) => {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    // An unknown path is a 404 whatever the key says.
    if (request.is404) return;
    request.viewer = parseClientKey(request.headers['x-maoni-client']);
  });
}, { name: 'maoni-client-identity' });
