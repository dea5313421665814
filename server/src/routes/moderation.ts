// /api/moderation/: the queue, the actions and the log, for a signed-in owner or moderator only
// (401 without a session, 403 for anyone else). Approving publishes live: readers of the thread get
// the comment over the event stream; marking a published comment as spam or deleting it takes it
// away from them the same way.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthorized } from '../errors.js';
import { cursorOf, type ModerationAction, type QueueRow, type QueueStatus } from '../store/moderation.js';
import { reportFor, sendReport } from '../spam/reports.js';
import { banRoutes } from './moderation-bans.js';
import { commentIdSchema, errorResponses, threadIdSchema } from './schemas.js';

const STATUSES: QueueStatus[] = ['pending', 'spam', 'published', 'deleted'];
const ACTIONS: ModerationAction[] = ['approve', 'spam', 'delete', 'restore'];
/** A query string carries text: 1 to 100, as digits (the API does not coerce types). */
const LIMIT = { type: 'string', pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100; default 50.', errorMessage: '"limit" must be a whole number from 1 to 100.' } as const;

const moderatedComment = {
  type: 'object',
  required: ['id', 'threadId', 'parentId', 'author', 'body', 'createdAt', 'status', 'heldFor'],
  properties: {
    id: { type: 'string' },
    threadId: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    author: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, url: { type: 'string' }, id: { type: 'string' }, verified: { type: 'boolean', description: 'A reader the host site signed in.' } },
    },
    body: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    editedAt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: STATUSES },
    heldFor: { type: ['string', 'null'], description: 'Why it was held: honeypot, too-fast, links, moderation, akismet, akismet-unavailable, checker, manual; or null.' },
  },
} as const;

/** A comment as moderators see it: everything but the e-mail, client key and address. */
export function presentModerated(row: QueueRow) {
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    author: {
      name: row.author_name,
      ...(row.author_url ? { url: row.author_url } : {}),
      ...(row.author_verified === 1 && row.author_id !== null ? { id: row.author_id, verified: true } : {}),
    },
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.edited_at !== null ? { editedAt: new Date(row.edited_at).toISOString() } : {}),
    status: row.status === 'removed' ? 'deleted' : row.status,
    heldFor: row.held_for,
  };
}

/** Owners and moderators pass; nobody else gets anything. */
export async function requireModerator(request: FastifyRequest) {
  if (!request.account) {
    if (request.headers.authorization) throw forbidden('Only the site’s moderators may do this.');
    throw unauthorized('Sign in as a moderator first.');
  }
  if (request.account.role !== 'owner' && request.account.role !== 'moderator') throw forbidden('Only the site’s moderators may do this.');
}

export async function moderationRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireModerator);
  await app.register(banRoutes);

  app.get<{ Querystring: { status?: QueueStatus; thread?: string[]; cursor?: string; limit?: string } }>(
    '/moderation/comments',
    {
      schema: {
        tags: ['moderation'],
        operationId: 'moderationQueue',
        summary: 'Comments by status across threads, newest first',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: STATUSES, default: 'pending', errorMessage: '"status" must be pending, spam, published or deleted.' },
            // Read as a list everywhere (GET /counts takes many); here it filters by one.
            thread: { type: 'array', maxItems: 1, items: threadIdSchema, errorMessage: { maxItems: 'Filter by one "thread" at a time.' } },
            cursor: { type: 'string', maxLength: 200 },
            limit: LIMIT,
          },
        },
        response: {
          200: {
            description: 'A page of the queue and the counts per status (of the thread, when filtered).',
            type: 'object',
            required: ['comments', 'nextCursor', 'counts'],
            properties: {
              comments: { type: 'array', items: moderatedComment },
              nextCursor: { type: ['string', 'null'] },
              counts: { type: 'object', required: STATUSES, properties: Object.fromEntries(STATUSES.map((status) => [status, { type: 'integer' }])) },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { moderation } = app.maoni.store;
      const { status = 'pending', cursor = null } = request.query;
      const thread = request.query.thread?.[0] ?? null;
      const limit = Number(request.query.limit ?? 50);
      const rows = await moderation.queue({ status, thread, cursor, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        comments: page.map(presentModerated),
        nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]!) : null,
        counts: await moderation.counts(thread),
      };
    }
  );

  app.post<{ Params: { commentId: string }; Body: { action: ModerationAction } }>(
    '/moderation/comments/:commentId',
    {
      schema: {
        tags: ['moderation'],
        operationId: 'moderateComment',
        summary: 'Approve, mark as spam, delete or restore a comment',
        params: { type: 'object', required: ['commentId'], properties: { commentId: commentIdSchema } },
        body: {
          type: 'object',
          required: ['action'],
          properties: { action: { type: 'string', enum: ACTIONS } },
          errorMessage: { type: 'The request body must be a JSON object.', required: '"action" must be approve, spam, delete or restore.', properties: { action: '"action" must be approve, spam, delete or restore.' } },
        },
        response: { 200: { description: 'The comment as it is now.', ...moderatedComment }, ...errorResponses },
      },
    },
    async (request) => {
      const { store, config, events, present } = app.maoni;
      const done = await store.moderation.act(request.params.commentId, request.body.action, request.account!.email, config.now());
      if (!done) throw notFound('No such comment.');
      const { before, after } = done;
      const thread = after.thread_id;
      const wasShown = before.status === 'published';
      const isShown = after.status === 'published';
      if (wasShown !== isShown) {
        // What readers of the thread see changes now: the comment appears, or goes.
        const row = await store.get(thread, after.id, null);
        if (row) events.broadcast(thread, isShown ? 'created' : 'deleted', present(isShown ? row : { ...row, status: 'deleted' }, null));
      }
      const report = app.maoni.akismet && reportFor(request.body.action, before.status);
      if (report) {
        // After the answer: a slow spam service never holds the moderator up.
        const sending = sendReport(store.db, app.maoni.akismet!, after.id, report, config.logger).catch((error) => config.logger.error('maoni: a spam report failed', error));
        app.maoni.background.add(sending);
      }
      return presentModerated(after);
    }
  );

  app.get<{ Querystring: { cursor?: string; limit?: string } }>(
    '/moderation/log',
    {
      schema: {
        tags: ['moderation'],
        operationId: 'moderationLog',
        summary: 'Every moderation action: who, when, what, which comment',
        querystring: { type: 'object', properties: { cursor: { type: 'string', maxLength: 200 }, limit: LIMIT } },
        response: {
          200: {
            description: 'Newest first.',
            type: 'object',
            required: ['entries', 'nextCursor'],
            properties: {
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'at', 'actor', 'action', 'commentId', 'threadId'],
                  properties: {
                    id: { type: 'string' },
                    at: { type: 'string', format: 'date-time' },
                    actor: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
                    action: { type: 'string' },
                    commentId: { type: 'string' },
                    threadId: { type: 'string' },
                  },
                },
              },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const limit = Number(request.query.limit ?? 50);
      const rows = await app.maoni.store.moderation.log(request.query.cursor ?? null, limit + 1);
      const page = rows.slice(0, limit);
      return {
        entries: page.map((row) => ({ id: row.id, at: new Date(row.at).toISOString(), actor: { email: row.actor_email }, action: row.action, commentId: row.comment_id, threadId: row.thread_id })),
        nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]!) : null,
      };
    }
  );
}
