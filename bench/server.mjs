// A tiny read-only static server for the benchmark pages: 127.0.0.1 only, a random port, GET and
// HEAD only, and only the folders the pages need (bench/pages, dist, node_modules). run.mjs serves
// /dist/ from a snapshot of dist/, so a concurrent `npm run build` cannot change it mid-run.
//
//   node bench/server.mjs        prints the URL, to open a page by hand
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types of what the pages load. */
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
 * Starts the server on a random loopback port; resolves `{ url, close }`. `dist` overrides the
 * folder served as /dist/.
 */
export function startServer(root = resolve(fileURLToPath(new URL('..', import.meta.url))), { dist } = {}) {
  const mounts = [
    ['bench/pages/', resolve(root, 'bench/pages')],
    ['dist/', resolve(dist ?? resolve(root, 'dist'))],
    ['node_modules/', resolve(root, 'node_modules')],
  ];
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const relative = normalize(path).replace(/^[/\\]+/, '').split(sep).join('/');
    const mount = mounts.find(([prefix]) => relative.startsWith(prefix));
    const file = mount && resolve(mount[1], relative.slice(mount[0].length));
    const inside = mount && file.startsWith(mount[1] + sep);
    let stat;
    try {
      stat = inside ? statSync(file) : undefined;
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer();
  console.log(`Serving bench/pages, dist and node_modules at ${url}/bench/pages/ (Ctrl+C to stop)`);
}
