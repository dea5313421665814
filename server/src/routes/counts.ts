// GET /api/counts?thread=a&thread=b: published comments per thread, for many <comment-count>s in
// one request.
import type { FastifyInstance } from 'fastify';
import { parseCountsQuery } from '../validate.js';
import { clientKeyHeader, errorResponses, ref } from './schemas.js';

export async function countsRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { thread?: string[] } }>(
    '/counts',
    {
      schema: {
        tags: ['threads'],
        operationId: 'getCounts',
        summary: 'Published comments per thread, for many threads at once',
        headers: { type: 'object', properties: clientKeyHeader },
        querystring: {
          type: 'object',
          properties: {
            thread: {
              description: 'A thread id; repeat the parameter for more threads (1 to 100, duplicates are ignored).',
              type: 'array',
              items: { type: 'string' },
            },
          },
        },
        response: { 200: { description: 'The counts.', ...ref('Counts') }, ...errorResponses },
      },
    },
    async (request) => {
      const counts = await app.maoni.store.counts(parseCountsQuery(request.query.thread));
      // fromEntries makes own properties, so a thread named "__proto__" is counted, not lost.
      return { counts: Object.fromEntries(counts) };
    }
  );
}
