// GET /api/threads/{threadId}/events: the thread's changes as Server-Sent Events. The reply is
// hijacked: the event hub writes to the raw response for as long as the client listens.
import type { FastifyInstance } from 'fastify';
import { clientKeyHeader, errorResponses, threadParams, type ThreadParams } from './schemas.js';

export async function eventRoutes(app: FastifyInstance) {
  app.get<{ Params: ThreadParams }>(
    '/threads/:threadId/events',
    {
      schema: {
        tags: ['threads'],
        operationId: 'streamEvents',
        summary: 'Live changes of a thread (Server-Sent Events)',
        description:
          'Events `created`, `edited` and `deleted`, each with one published Comment as `data` (without per-viewer fields: `viewerReactions` empty, `can` all false). A `: ping` comment every 25 s keeps proxies from closing the stream; `retry: 3000` first.',
        params: threadParams,
        headers: { type: 'object', properties: clientKeyHeader },
        response: {
          200: {
            description: 'An event stream that stays open.',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      // Headers set so far (CORS) go onto the stream's own head.
      const headers = Object.fromEntries(
        Object.entries(reply.getHeaders()).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]]))
      );
      reply.hijack();
      app.maoni.events.open(request.params.threadId, request.raw, reply.raw, headers);
    }
  );
}
