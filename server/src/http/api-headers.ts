// Headers on every API response, errors and preflights included: API data is per viewer, so it
// must never be cached or sniffed.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const API_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export const apiHeaders = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(API_HEADERS);
  });
}, { name: 'maoni-api-headers' });
