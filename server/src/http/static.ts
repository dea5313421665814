// The demo pages, the moderation page and the built widget, from a repository checkout: only demo/, admin/ and dist/ under the
// root; `/` redirects to /demo/. Everything else outside /api/ is a plain-text 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The folders served, each under its own name. */
export const STATIC_FOLDERS = ['demo', 'dist', 'admin'] as const;

export async function staticFiles(app: FastifyInstance, { root }: { root: string }) {
  STATIC_FOLDERS.forEach((folder, index) => {
    const path = join(root, folder);
    // dist/ appears with the first build; serve it when it is there at start.
    if (!existsSync(path)) return;
    void app.register(fastifyStatic, {
      root: path,
      prefix: `/${folder}/`,
      // Only the first registration may add reply.sendFile.
      decorateReply: index === 0,
      // A folder without its slash → with it, and a folder's index.html.
      redirect: true,
      // Demo pages change while one works on them: never cached, never sniffed.
      cacheControl: false,
      etag: false,
      lastModified: false,
      setHeaders: (reply, file) => {
        void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
        // The registered type for JavaScript (RFC 9239), as these files were always served;
        // @fastify/send's MIME table still says application/javascript.
        if (/\.m?js$/.test(file)) void reply.header('content-type', 'text/javascript; charset=utf-8');
      },
    });
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/demo/', 302));
  // The demo's folder without its slash (relative links in the pages need the slash).
  app.get('/demo', { schema: { hide: true } }, (_request, reply) => reply.redirect('/demo/', 301));
  app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/', 301));
}
