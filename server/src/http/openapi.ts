// @fastify/swagger: the OpenAPI document is generated from the route schemas. Routes live under
// /api, and the document says so once, in `servers`, so its paths read /config, /threads/….
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const openapi = fp(async (app: FastifyInstance, { version }: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'maoni reference REST API',
        version,
        summary: 'Threaded comments for the maoni widget; the HTTP side of RestAdapter.',
        description:
          'The contract between maoni-server and the widget\'s RestAdapter. All bodies are JSON (UTF-8); request bodies must be sent as `application/json` and are at most 64 KB.\n\nThread ids are sent URL-encoded as ONE path segment (`encodeURIComponent`: `blog/social-media-roi` → `blog%2Fsocial-media-roi`). Comment ids are opaque strings.\n\nEvery request may carry `X-Maoni-Client`, an anonymous per-browser key. The server uses it for ownership (`can.edit`/`can.delete`), the viewer\'s own reactions (`viewerReactions`), showing a first-time commenter their own pending comment, and rate limiting (together with the client address).\n\nErrors are always `{ "error": { "code", "message" } }` and never contain stack traces. Cross-origin access is limited to the configured origins; preflights (`OPTIONS`) are answered on every path, and `Retry-After` is exposed.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/api' }],
      tags: [
        { name: 'comments', description: 'Listing, posting, editing, deleting and reacting.' },
        { name: 'threads', description: 'Counts and live events per thread.' },
        { name: 'meta', description: 'What this backend supports.' },
      ],
    },
    // Shared schemas appear as components.schemas.<$id> (Comment, Error, …), not def-0, def-1.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transform: ({ schema, url }) => {
      if (!url.startsWith('/api/')) return { schema: { ...schema, hide: true }, url };
      return { schema: withoutErrorMessages(schema) as typeof schema, url: url.slice('/api'.length) };
    },
  });
}, { name: 'maoni-openapi' });

/** The schemas' `errorMessage`s (ajv-errors) are validation messages, not part of the contract. */
function withoutErrorMessages(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutErrorMessages);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) => (key === 'errorMessage' ? [] : [[key, withoutErrorMessages(inner)]]))
  );
}
