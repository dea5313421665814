// @ts-check
// The maoni REST API as a plain Node request handler, for everything under /api/. It does not
// listen: server/main.mjs mounts it in its own server, and a dev server can mount it as
// middleware. All state (database, event streams, rate limits) belongs to the returned app.
import { identify } from './client.mjs';
import { createCors } from './cors.mjs';
import { openDatabase } from './db.mjs';
import { HttpError, notFound } from './errors.mjs';
import { resolveOptions } from './options.mjs';
import { createPresenter } from './present.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { sendError, sendJson } from './respond.mjs';
import { matchRoute } from './router.mjs';
import { createEventHub } from './sse.mjs';
import { parseCommentId, parseThreadId } from './validate.mjs';

/** The path prefix this handler answers; anything else is a 404. */
const PREFIX = '/api/';

/**
 * Creates the API over one database. Mount `handle` for paths under /api/ and call `close()`
 * when the host server stops. In @web/dev-server or @web/test-runner (koa middleware):
 *
 *   const api = createApp({ dbPath: ':memory:' });
 *   middleware: [(ctx, next) =>
 *     ctx.path.startsWith('/api/') ? ((ctx.respond = false), api.handle(ctx.req, ctx.res)) : next()]
 *
 * @param {import('./options.mjs').AppOptions} options
 */
export function createApp(options) {
  const config = resolveOptions(options);
  const store = openDatabase(config.dbPath);
  /** @type {import('./types.mjs').Services} */
  const services = {
    store,
    events: createEventHub({ pingIntervalMs: config.pingIntervalMs }),
    limiter: createRateLimiter(config.rateLimit, config.now),
    present: createPresenter(config),
    config,
  };
  const cors = createCors(config.corsOrigins);
  let closed = false;

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<void>} Settles when the response is written (or the stream is open); never rejects.
   */
  async function handle(req, res) {
    try {
      // CORS first, so that error answers too are readable by an allowed cross-origin page.
      if (cors.apply(req, res)) return;
      if (closed) throw new HttpError(503, 'unknown', 'The server is shutting down.');
      const { pathname, search } = splitUrl(req.url ?? '/');
      if (!pathname.startsWith(PREFIX)) throw notFound('Not an API path.');
      const route = matchRoute(pathname.slice(PREFIX.length).split('/'));
      if (!route) throw notFound('No such API endpoint.');
      const handler = route.methods[req.method ?? ''];
      if (!handler) {
        const allow = Object.keys(route.methods).join(', ');
        throw new HttpError(405, 'validation', `Method not allowed; use ${allow}.`, { headers: { allow } });
      }
      /** @type {import('./types.mjs').RequestContext} */
      const context = {
        req,
        res,
        thread: route.params.thread === undefined ? '' : parseThreadId(route.params.thread),
        commentId: route.params.comment === undefined ? '' : parseCommentId(route.params.comment),
        query: new URLSearchParams(search),
        ...identify(req, config.trustProxy),
      };
      const result = await handler(context, services);
      if (result) sendJson(res, result.status, result.body);
    } catch (error) {
      // A request that was still reading its body when close() ran finds the database closed:
      // that is the shutdown, not a bug.
      const shutdown = closed && !(error instanceof HttpError);
      sendError(res, shutdown ? new HttpError(503, 'unknown', 'The server is shutting down.') : error, config.logger);
    }
  }

  /** Ends every event stream and closes the database. Safe to call twice. */
  function close() {
    if (closed) return;
    closed = true;
    services.events.close();
    store.close();
  }

  return { handle, close, store };
}

/**
 * Splits a request target without resolving it against a host: a target such as "//evil/x" must
 * stay a path, not become a URL of another origin.
 * @param {string} target
 */
function splitUrl(target) {
  const hash = target.indexOf('#');
  const withoutHash = hash === -1 ? target : target.slice(0, hash);
  const query = withoutHash.indexOf('?');
  return query === -1
    ? { pathname: withoutHash, search: '' }
    : { pathname: withoutHash.slice(0, query), search: withoutHash.slice(query + 1) };
}
