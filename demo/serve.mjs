// Serves the demo pages and the built bundle on loopback, with no database and no API (the full
// reference server, with the REST API, is `maoni-server`: `npm start`). No dependencies: only
// demo/, dist/ and admin/ under the repository, `/` redirects to /demo/. HOST and PORT come from the
// environment (default 127.0.0.1:8787). Stops cleanly on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const folders = ['demo', 'dist', 'admin'];
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8787);

/** Content types by file ending. */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The file for a URL path, or null. The path is decoded and normalized first, so `..` and
 * encoded separators cannot climb out of the served folders.
 */
async function resolveFile(pathname) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  if (!folders.some((folder) => relative === folder || relative.startsWith(folder + sep))) return null;
  let file = join(root, relative);
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = join(file, 'index.html');
  return (await stat(file).catch(() => null))?.isFile() ? file : null;
}

const server = createServer(async (request, response) => {
  try {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/') return void response.writeHead(302, { location: '/demo/' }).end();
    if (pathname === '/demo') return void response.writeHead(301, { location: '/demo/' }).end();
    const file = await resolveFile(pathname);
    if (!file) return void response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
  }
});

server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`maoni demo: http://${shown}:${port}/demo/  (custom adapter: /demo/custom-adapter.html)`);
  console.log(`moderation page on made-up comments: http://${shown}:${port}/admin/preview.html`);
  console.log('Press Ctrl+C to stop.');
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  });
}
