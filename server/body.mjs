// @ts-check
// Reads a JSON request body with a hard size cap that is enforced while the stream arrives, so a
// hostile client cannot make the server buffer more than the cap.
import { HttpError, validationError } from './errors.mjs';

/** Largest request body accepted, in bytes. A comment of 10,000 characters fits with room. */
export const MAX_REQUEST_BYTES = 64 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

function tooLarge() {
  // `connection: close` ends the upload we stopped reading instead of draining it forever.
  return new HttpError(413, 'validation', `Request body is larger than ${MAX_REQUEST_BYTES} bytes.`, {
    headers: { connection: 'close' },
  });
}

/**
 * JSON only: refusing form and text/plain bodies means a cross-origin page can only send these
 * requests after a CORS preflight, which the allowlist then decides. No content type is tolerated,
 * because a body without one cannot come from a plain HTML form.
 *
 * @param {string | undefined} header
 */
function isJsonType(header) {
  if (header === undefined) return true;
  const type = header.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<unknown>} The parsed JSON value (any shape: the caller validates it).
 */
export async function readJsonBody(req) {
  if (!isJsonType(req.headers['content-type'])) {
    throw new HttpError(415, 'validation', 'Content-Type must be application/json.');
  }
  // A declared length over the cap is refused before a byte is read.
  if (Number(req.headers['content-length']) > MAX_REQUEST_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const bytes = await new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        cleanup();
        // Keep the socket alive long enough to answer 413; discard whatever else arrives.
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    // The client went away or the socket failed: nobody will read an answer, but settle anyway.
    const onError = () => {
      cleanup();
      reject(validationError('The request body could not be read.'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
  if (bytes.length === 0) throw validationError('The request body must be JSON.');
  let text;
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
