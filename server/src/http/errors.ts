// The API's one error path: whatever goes wrong becomes `{ error: { code, message } }` with the
// status today's clients expect. HttpError is what our code throws; Fastify's own errors (schema
// validation, body size, media type, unknown routes) are translated here into the same shape.
// Anything else is a bug: it is logged server-side, and the client only learns that something
// went wrong — never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';
import fp from 'fastify-plugin';
import { HttpError, notFound, shuttingDown, validationError } from '../errors.js';
import type { Logger } from '../options.js';
import { API_HEADERS } from './api-headers.js';
import { tooLarge, unsupportedType } from './json-body.js';

export interface ErrorBody {
  error: { code: string; message: string; retryAfter?: number; reason?: string };
}

/**
 * Fastify's router matches an empty segment as a parameter (`/threads//comments`); the API never
 * had such paths, so they stay 404s rather than becoming invalid thread ids.
 */
const hasEmptyParam = (params: unknown) =>
  typeof params === 'object' && params !== null && Object.values(params).some((value) => value === '');

/** Fastify's errors that are the client's fault, as the API has always answered them. */
function translateFastifyError(error: FastifyError, request: FastifyRequest): HttpError | null {
  if (error.validation) {
    if (error.validationContext === 'params' && hasEmptyParam(request.params)) return notFound('No such API endpoint.');
    // Schema validation: the message comes from the schema's errorMessage (see schemaErrorFormatter).
    return validationError(error.message);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedType();
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return validationError('The request body could not be read.');
    default:
      // The client went away mid-body, or sent a broken chunked encoding.
      if (error.code === 'ECONNRESET' || error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
        return validationError('The request body could not be read.');
      }
      return null;
  }
}

export function sendError(reply: FastifyReply, error: HttpError): void {
  if (reply.sent || reply.raw.headersSent) {
    // Too late for a status: cut the connection so the client sees a failure, not a short body.
    reply.raw.destroy();
    return;
  }
  const body: ErrorBody['error'] = { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) };
  const headers: Record<string, string> = { ...API_HEADERS, ...error.headers };
  if (error.retryAfter !== undefined) {
    body.retryAfter = error.retryAfter;
    headers['retry-after'] = String(error.retryAfter);
  }
  void reply.code(error.status).headers(headers).send({ error: body });
}

/**
 * The methods each API path has, with Fastify's own router, so that a known path with another
 * method is a 405 (with Allow), as it always was, rather than Fastify's 404.
 */
export type MethodIndex = ReturnType<typeof createMethodIndex>;

export function createMethodIndex() {
  const router = FindMyWay();
  const methods: string[] = [];
  const routes: { method: string; url: string }[] = [];
  return {
    add(method: string, url: string) {
      if (method === 'OPTIONS' || method === 'HEAD') return;
      if (!methods.includes(method)) methods.push(method);
      routes.push({ method, url });
      router.on(method as 'GET', url, () => {});
    },
    /** Every API route (method and URL pattern) as Fastify registered it. */
    routes: () => [...routes],
    allowed(url: string): string[] {
      return methods.filter((method) => {
        try {
          const found = router.find(method as 'GET', url.split('?')[0]!);
          return found !== null && !hasEmptyParam(found.params);
        } catch {
          return false;
        }
      });
    },
  };
}

export const apiErrors = fp(
  async (
    app: FastifyInstance,
    { logger, isClosing, index }: { logger: Logger; isClosing: () => boolean; index: MethodIndex }
  ) => {
    app.addHook('onRoute', (route) => {
      for (const method of ([] as string[]).concat(route.method)) index.add(method, route.url);
    });

    app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
      let known = error instanceof HttpError ? error : translateFastifyError(error, request);
      // A request that was still under way when the app closed finds the database closed: that
      // is the shutdown, not a bug.
      if (!known && isClosing()) known = shuttingDown();
      if (!known) {
        logger.error('maoni: unexpected error', error);
        known = new HttpError(500, 'unknown', 'Internal server error.');
      }
      sendError(reply, known);
    });

    app.setNotFoundHandler((request: FastifyRequest, reply) => {
      // A preflight that CORS did not answer: an origin that is not allowed. The same 204, without
      // the allowances; the browser then refuses.
      if (request.method === 'OPTIONS') {
        void reply.code(204).headers(API_HEADERS).send();
        return;
      }
      throw routeError(index.allowed(request.url), request.url);
    });
  },
  { name: 'maoni-api-errors' }
);

/** A 405 with Allow when the path has other methods, else a 404. */
function routeError(allow: string[], url: string): HttpError {
  if (allow.length > 0) {
    const list = allow.join(', ');
    return new HttpError(405, 'validation', `Method not allowed; use ${list}.`, { headers: { allow: list } });
  }
  return notFound(url.startsWith('/api/') ? 'No such API endpoint.' : 'Not an API path.');
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: { errors?: { params?: { missingProperty?: string } }[] };
  parentSchema?: { properties?: Record<string, unknown> };
}

/**
 * Fastify's schemaErrorFormatter: one message, for the first field in the schema's order that
 * failed (the hand-written checks went field by field, and a client fixes one thing at a time).
 * Every route schema carries today's message for each rule in `errorMessage` (ajv-errors); a
 * rule without one still gets a readable sentence.
 */
export function schemaErrorFormatter(errors: SchemaError[], dataVar: string): Error {
  const messages = errors.filter((error) => error.keyword === 'errorMessage');
  const candidates = messages.length > 0 ? messages : errors;
  // A missing field is reported on its object, after the other fields' errors: put it in place.
  const field = (error: SchemaError) =>
    error.instancePath.split('/')[1] ?? error.params?.errors?.[0]?.params?.missingProperty ?? '';
  const order = Object.keys(candidates.find((error) => error.instancePath === '')?.parentSchema?.properties ?? {});
  const rank = (error: SchemaError) => (order.includes(field(error)) ? order.indexOf(field(error)) : order.length);
  const first = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  if (!first) return new Error(`The ${dataVar} is not valid.`);
  if (first.keyword === 'errorMessage') return new Error(first.message);
  const where = first.instancePath ? `"${first.instancePath.slice(1).replaceAll('/', '.')}"` : `The ${dataVar}`;
  return new Error(`${where} ${first.message ?? 'is not valid'}.`);
}

/**
 * Errors Fastify raises before routing (its hooks do not run for them): a path that is not valid
 * percent-encoding. Under /api/ the answer is what the API always gave: 404 or 405 when no route
 * has that shape, else a 400 naming the broken thread or comment id, with the CORS headers an
 * allowed page needs. Elsewhere, the plain-text 400 the static pages always gave.
 */
export function createFrameworkErrors({ index, cors }: { index: MethodIndex; cors: (request: FastifyRequest, reply: FastifyReply) => void }) {
  return function frameworkErrors(_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    const path = request.raw.url?.split('?')[0] ?? '/';
    if (!path.startsWith('/api/')) {
      void reply.code(400).type('text/plain; charset=utf-8').send('Bad request');
      return;
    }
    cors(request, reply);
    const segments = path.split('/');
    // Which route would this be, were the broken segments well formed?
    const shape = segments.map((segment) => (decodes(segment) ? segment : '_')).join('/');
    const allow = index.allowed(shape);
    if (!allow.includes(request.raw.method ?? '')) {
      sendError(reply, routeError(allow, path));
      return;
    }
    const broken = (at: number) => segments[at] !== undefined && !decodes(segments[at]);
    let message = 'The request path is not correctly URL-encoded.';
    if (segments[2] === 'threads' && broken(3)) message = 'The thread id is not correctly URL-encoded.';
    else if (segments[2] === 'threads' && broken(5)) message = 'The comment id is not correctly URL-encoded.';
    sendError(reply, validationError(message));
  };
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
