// GET /api/config: what this backend supports, so the RestAdapter can expose the capabilities.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REACTIONS, SORTS } from '../validate.js';
import { clientKeyHeader, errorResponses, ref } from './schemas.js';

/** A moderator's session first (it brings the tools), else the reader the host site signed in. */
function viewerOf({ account, reader }: FastifyRequest) {
  if (account) return { id: `user:${account.id}`, name: account.name, role: account.role };
  if (reader) return { id: reader.id, name: reader.name, role: 'reader', verified: true, ...(reader.avatarUrl ? { avatarUrl: reader.avatarUrl } : {}) };
  return null;
}

export async function configRoutes(app: FastifyInstance) {
  app.get(
    '/config',
    {
      schema: {
        tags: ['meta'],
        operationId: 'getConfig',
        summary: 'What this backend supports',
        headers: { type: 'object', properties: clientKeyHeader },
        response: { 200: { description: 'The capabilities and limits.', ...ref('Config') }, ...errorResponses },
      },
    },
    async (request) => {
      const { config } = app.maoni;
      return {
        sorts: SORTS,
        reactions: REACTIONS,
        authorFields: { email: 'optional', url: 'optional' },
        editWindowSeconds: config.editWindowSeconds,
        maxBodyLength: config.maxBodyLength,
        moderation: config.moderation,
        // Who the server takes this browser for: the RestAdapter's viewer() (a moderator's
        // session gets the moderation tools in the thread).
        // When the form was shown, signed: a submit that comes sooner than a person types is held.
        formToken: app.maoni.formTokens.issue(config.now()),
        viewer: viewerOf(request),
      };
    }
  );
}
