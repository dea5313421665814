// Request bodies are JSON only: refusing form and text/plain bodies means a cross-origin page can
// only send writes after a CORS preflight, which the allowlist then decides. No content type is
// tolerated, because a body without one cannot come from a plain HTML form. Fastify's own size
// cap (bodyLimit) holds while the body arrives; this parser keeps today's exact error messages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError, validationError } from '../errors.js';

/** Largest request body accepted, in bytes. A comment of 10,000 characters fits with room. */
export const MAX_REQUEST_BYTES = 64 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function isJsonType(header: string | undefined): boolean {
  if (header === undefined) return true;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

export const unsupportedType = () => new HttpError(415, 'validation', 'Content-Type must be application/json.');

/** `connection: close` ends the upload we stopped reading instead of draining it forever. */
export const tooLarge = () =>
  new HttpError(413, 'validation', `Request body is larger than ${MAX_REQUEST_BYTES} bytes.`, {
    headers: { connection: 'close' },
  });

function parseJson(request: FastifyRequest, bytes: Buffer): unknown {
  if (!isJsonType(request.headers['content-type'])) throw unsupportedType();
  if (bytes.length === 0) throw validationError('The request body must be JSON.');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw validationError('The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw validationError('The request body is not valid JSON.');
  }
}

export const jsonBody = fp(async (app: FastifyInstance) => {
  app.removeAllContentTypeParsers();
  // '*' also receives bodies without a Content-Type; the type is checked inside.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    // A route that takes no body (DELETE, GET) ignores whatever was sent, as it always did.
    if (!request.routeOptions.schema?.body) return done(null, undefined);
    try {
      done(null, parseJson(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Fastify does not run a parser when there is no body at all; a write needs one.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined || !request.routeOptions.schema?.body) return;
    if (!isJsonType(request.headers['content-type'])) throw unsupportedType();
    throw validationError('The request body must be JSON.');
  });
}, { name: 'maoni-json-body' });
