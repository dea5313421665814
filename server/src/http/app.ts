// The maoni server as a Fastify app: the REST API under /api/ and, when given a static root, the
// demo pages. All state (database, event streams, rate limits) belongs to the returned app, so
// two apps in one process share nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import ajvErrors from 'ajv-errors';
import Fastify, { type FastifyInstance } from 'fastify';
import { createEventHub } from '../events/hub.js';
import { resolveOptions, type AppOptions } from '../options.js';
import { createPresenter } from '../present.js';
import { FormTokens } from '../spam/form-token.js';
import { AkismetClient } from '../spam/akismet.js';
import { BackgroundTasks } from './background.js';
import { addSharedSchemas } from '../routes/schemas.js';
import { openStore, type Store } from '../store/open.js';
import { api } from './api.js';
import { corsHeaders, originPolicy } from './cors.js';
import { createFrameworkErrors, createMethodIndex, schemaErrorFormatter } from './errors.js';
import { MAX_REQUEST_BYTES } from './json-body.js';
import { openapi } from './openapi.js';
import { parseQueryString } from './query-string.js';
import type { Services } from './services.js';
import { staticFiles } from './static.js';
import { serverVersion } from '../version.js';

export interface MaoniApp {
  /** The Fastify instance (ready): `listen`, `inject`, `server`. */
  readonly fastify: FastifyInstance;
  readonly store: Store;
  /**
   * A plain Node request handler, to mount the app in another server (a dev server's
   * middleware). In @web/dev-server or @web/test-runner (koa):
   *
   *   const api = await createApp({ dbPath: ':memory:' });
   *   middleware: [(ctx, next) =>
   *     ctx.path.startsWith('/api/') ? ((ctx.respond = false), api.handle(ctx.req, ctx.res)) : next()]
   */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Every route under /api/ (collected with an onRoute hook), e.g. `GET /api/config`. */
  apiRoutes(): { method: string; url: string }[];
  /**
   * Stops: new requests get a 503, event streams end, the database closes (requests still under
   * way then get a 503 too), and a listening server stops accepting. Safe to call twice.
   */
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<MaoniApp> {
  const config = resolveOptions(options);
  const store = await openStore(config.dbPath);
  let closing = false;
  const services: Services = {
    store,
    events: createEventHub({ pingIntervalMs: config.pingIntervalMs }),
    present: createPresenter(config),
    config,
    formTokens: new FormTokens(config.secret ?? undefined, config.minSubmitSeconds),
    akismet: config.akismet ? new AkismetClient({ ...config.akismet, blog: config.publicUrl ?? 'http://localhost' }) : null,
    background: new BackgroundTasks(),
    get closing() {
      return closing;
    },
  };

  const policy = originPolicy(config.corsOrigins);
  const index = createMethodIndex();
  const fastify = Fastify({
    logger: false,
    bodyLimit: MAX_REQUEST_BYTES,
    // A client gets 30 s to send its headers and body (Node's default is 300 s): slow uploads
    // cannot hold connections for long. Event streams are responses, so this does not cut them.
    requestTimeout: 30_000,
    // Our own 503 (the API's error body) instead of Fastify's.
    return503OnClosing: false,
    // HEAD only where declared (static files); the API answers HEAD with 405, as it always did.
    exposeHeadRoutes: false,
    // Behind a reverse proxy: the address is the right-most X-Forwarded-For entry, the one our own
    // proxy appended (one trusted hop); entries left of it are client-supplied.
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    routerOptions: {
      // Thread ids are up to 200 characters, percent-encoded up to 12 bytes each.
      maxParamLength: 4096,
      querystringParser: parseQueryString,
    },
    ajv: {
      // No coercion: a body's `42` is not the string "42". allErrors lets ajv-errors put today's
      // message on every rule; verbose gives the formatter the schemas, for the order of fields.
      customOptions: { coerceTypes: false, allErrors: true, removeAdditional: false, verbose: true },
      plugins: [ajvErrors as never],
    },
    schemaErrorFormatter,
    frameworkErrors: createFrameworkErrors({ index, cors: corsHeaders(policy) }),
  });
  fastify.decorate('maoni', services);
  addSharedSchemas(fastify);

  // Before the server stops listening (it would wait for open streams forever): refuse new
  // requests, end the streams, close the database.
  fastify.addHook('preClose', async () => {
    closing = true;
    services.events.close();
    await services.background.settled();
    await store.close();
  });

  await fastify.register(openapi, { version: serverVersion });
  // Registered for the sessions to come (signed cookies); nothing sets a cookie yet.
  await fastify.register(cookie);
  await fastify.register(api, { prefix: '/api', config, policy, index });
  if (config.staticRoot) await fastify.register(staticFiles, { root: config.staticRoot });
  fastify.setNotFoundHandler((_request, reply) => {
    void reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  // The owner of a container or a test, from the environment: created, or its password updated.
  if (config.owner) {
    try {
      await store.accounts.saveUser({ ...config.owner, role: 'owner' }, config.now());
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  try {
    await fastify.ready();
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    fastify,
    store,
    handle: (req, res) => {
      // A host may have touched the response first (koa presets 404); Fastify starts from it.
      res.statusCode = 200;
      fastify.routing(req, res);
    },
    apiRoutes: () => index.routes(),
    close: () => fastify.close(),
  };
}
