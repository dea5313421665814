// /api/moderation/bans: ban the author of a comment (a reader the host site signed in by their id,
// anyone else by e-mail hash and network address hash), list the bans, lift one. Registered inside
// the moderation routes, so only owners and moderators reach it. A banned author's new comments
// answer 403 with `reason: banned` (comments-post.ts); what they wrote before stays as it was.
import type { FastifyInstance } from 'fastify';
import { HttpError, notFound } from '../errors.js';
import type { BanRow } from '../store/bans.js';
import { commentIdSchema, errorResponses } from './schemas.js';

const banSchema = {
  type: 'object',
  required: ['id', 'commentId', 'author', 'createdAt', 'createdBy'],
  properties: {
    id: { type: 'string' },
    commentId: { type: 'string', description: 'The comment the ban was taken from.' },
    author: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, id: { type: 'string', description: 'A verified reader: banned by this id.' } },
    },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
  },
} as const;

const presentBan = (ban: BanRow) => ({
  id: ban.id,
  commentId: ban.comment_id,
  author: ban.author_id !== null ? { name: ban.author_name, id: ban.author_id } : { name: ban.author_name },
  createdAt: new Date(ban.created_at).toISOString(),
  createdBy: { email: ban.created_by },
});

export async function banRoutes(app: FastifyInstance) {
  app.post<{ Body: { commentId: string } }>(
    '/moderation/bans',
    {
      schema: {
        tags: ['moderation'],
        operationId: 'banAuthor',
        summary: "Ban a comment's author from commenting",
        description: 'A reader the host site signed in is banned by id; anyone else by the hash of the e-mail they gave and of their network address. Logged as `ban`.',
        body: {
          type: 'object',
          required: ['commentId'],
          properties: { commentId: commentIdSchema },
          errorMessage: { type: 'The request body must be a JSON object.', required: '"commentId" must name a comment.' },
        },
        response: { 201: { description: 'Banned.', type: 'object', required: ['ban'], properties: { ban: banSchema } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const done = await app.maoni.store.bans.ban(request.body.commentId, request.account!.email, app.maoni.config.now());
      if (done === null) throw notFound('No such comment.');
      if (done === 'unknown-author') throw new HttpError(409, 'conflict', 'Nothing is known of this author to ban them by (an imported or deleted comment).');
      return reply.code(201).send({ ban: presentBan(done.ban) });
    }
  );

  app.get(
    '/moderation/bans',
    {
      schema: {
        tags: ['moderation'],
        operationId: 'listBans',
        summary: 'The bans, newest first',
        response: { 200: { description: 'Up to 500 bans.', type: 'object', required: ['bans'], properties: { bans: { type: 'array', items: banSchema } } }, ...errorResponses },
      },
    },
    async () => ({ bans: (await app.maoni.store.bans.list(500)).map(presentBan) })
  );

  app.delete<{ Params: { banId: string } }>(
    '/moderation/bans/:banId',
    {
      schema: {
        tags: ['moderation'],
        operationId: 'liftBan',
        summary: 'Lift a ban',
        description: 'Logged as `unban`.',
        params: { type: 'object', required: ['banId'], properties: { banId: { type: 'string', pattern: '^[\\w-]{1,64}$', errorMessage: 'No such ban.' } } },
        response: { 204: { description: 'Lifted.', type: 'null' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!(await app.maoni.store.bans.lift(request.params.banId, request.account!.email, app.maoni.config.now()))) throw notFound('No such ban.');
      return reply.code(204).send();
    }
  );
}
