// @ts-check
// Serves the demo pages and the built bundle, with no dependencies: only the listed folders under
// the root (by default demo/ and dist/), `/` redirects to /demo/. Moved here from demo/serve.mjs
// so the API server and the plain demo server share it.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** Content types by file ending, shared with the benchmark's static server. @type {Record<string, string>} */
export const types = {
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
 * @param {{ root: string, folders?: string[] }} options `root` is the repository folder.
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<void>}
 */
export function createStaticHandler({ root, folders = ['demo', 'dist'] }) {
  /**
   * The file for a URL path, or null. The path is decoded and normalized first, so `..` and
   * encoded separators cannot climb out of the served folders.
   * @param {string} pathname
   */
  async function resolveFile(pathname) {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    if (!folders.some((folder) => relative === folder || relative.startsWith(folder + sep))) return null;
    let file = join(root, relative);
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) file = join(file, 'index.html');
    return (await stat(file).catch(() => null))?.isFile() ? file : null;
  }

  return async function serveStatic(request, response) {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      if (pathname === '/') {
        response.writeHead(302, { location: '/demo/' }).end();
        return;
      }
      if (pathname === '/demo') {
        response.writeHead(301, { location: '/demo/' }).end();
        return;
      }
      const file = await resolveFile(pathname);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
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
  };
}
