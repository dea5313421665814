// The demo pages, the moderation page and the built widget: only demo/, admin/ and dist/ under the
// root — a repository checkout, or the page bundled into an installed package (no demo/). `/`
// redirects to the demo when there is one, else to the moderation page. Everything else outside
// /api/ is a plain-text 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The folders served, each under its own name. */
export const STATIC_FOLDERS = ['demo', 'dist', 'admin'] as const;

export async function staticFiles(app: FastifyInstance, { root }: { root: string }) {
  // dist/ appears with the first build; serve each folder that is there at start.
  const folders = STATIC_FOLDERS.filter((folder) => existsSync(join(root, folder)));
  folders.forEach((folder, index) => {
    const path = join(root, folder);
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
  const home = folders.includes('demo') ? '/demo/' : '/admin/';
  // HEAD too, like the files (uptime checks probe `/` with HEAD).
  const page = { schema: { hide: true }, exposeHeadRoute: true };
  app.get('/', page, (_request, reply) => reply.redirect(home, 302));
  // A page folder without its slash (relative links in the pages need the slash).
  for (const folder of folders.filter((each) => each !== 'dist')) {
    app.get(`/${folder}`, page, (_request, reply) => reply.redirect(`/${folder}/`, 301));
  }
}
