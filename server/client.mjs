// @ts-check
// Who is asking: the anonymous client key and the network address, used for ownership and for
// rate limiting.
import { parseClientKey } from './validate.mjs';

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 */
export function identify(req, trustProxy) {
  return { viewer: parseClientKey(req.headers['x-maoni-client']), ip: clientIp(req, trustProxy) };
}

/**
 * Behind a reverse proxy every request comes from the proxy, so the address must come from
 * X-Forwarded-For — but only when told to trust it, since anyone can send that header. The
 * right-most entry is the one our own proxy appended; entries left of it are client-supplied.
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 */
function clientIp(req, trustProxy) {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return req.socket.remoteAddress ?? '';
}
