// Readers the host site already knows: the site signs an HS256 JWT for its signed-in reader with
// MAONI_SSO_SECRET (claims sub, name, optional email, avatar, exp), the widget sends it as
// `Authorization: Bearer`. Verified with jose, never by hand: signature, algorithm, exp and nbf.
import { errors, jwtVerify } from 'jose';
import { HttpError } from '../errors.js';

export interface SsoReader {
  /** The token's `sub`: the site's own id of the reader. Only a verified comment carries one, so no anonymous client can take it. */
  id: string;
  name: string;
  email?: string;
  avatarUrl?: string;
}

const encoder = new TextEncoder();

/** A token the site did not sign, or one past its time: the reader must sign in again. */
const refused = (message: string, reason: 'sign-in-expired' | 'sign-in-invalid' = 'sign-in-invalid') => new HttpError(401, 'unauthorized', message, { reason });

export async function verifySsoToken(token: string, secret: string): Promise<SsoReader> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw refused('Your sign-in has expired. Sign in on the site again, then send your comment.', 'sign-in-expired');
    throw refused('Your sign-in could not be checked. Sign in on the site again, then send your comment.');
  }
  const { sub, name, email, avatar } = payload;
  if (typeof sub !== 'string' || sub === '' || sub.length > 200) throw refused('The sign-in token names no reader (sub).');
  if (typeof name !== 'string' || name.trim() === '') throw refused('The sign-in token has no name.');
  const reader: SsoReader = { id: sub, name: name.trim().slice(0, 100) };
  if (typeof email === 'string' && email.includes('@')) reader.email = email;
  if (typeof avatar === 'string' && /^https?:\/\//i.test(avatar)) reader.avatarUrl = avatar;
  return reader;
}
