/**
 * Messages shared by several elements. Element-specific strings live in the element itself.
 * Every id is explicit so translations survive wording changes.
 */
import { str } from '@lit/localize';
import { AdapterError, type AdapterErrorCode } from '../core/errors.js';
import type { Localization } from './localization.js';

/** What went wrong, for the reader, per adapter error code. */
export function errorMessage(l: Localization, error: AdapterError): string {
  const { msg } = l;
  const code: AdapterErrorCode = error.code;
  switch (code) {
    case 'network':
      return msg('Could not reach the comment server. Check your connection and try again.', { id: 'error.network' });
    case 'unauthorized':
      // The site's sign-in token was refused: signing in again on the site fixes it.
      if (error.reason === 'sign-in-expired' || error.reason === 'sign-in-invalid') {
        return msg('Your sign-in has expired. Sign in again, then send your comment.', { id: 'error.sign-in-expired' });
      }
      return msg('Please sign in to comment.', { id: 'error.unauthorized' });
    case 'forbidden':
      if (error.reason === 'banned') return msg('The moderators have stopped you from commenting here.', { id: 'error.banned' });
      return msg('You are not allowed to do that.', { id: 'error.forbidden' });
    case 'not_found':
      return msg('This comment or thread no longer exists.', { id: 'error.not-found' });
    case 'conflict':
      return msg('This changed in the meantime. Please try again.', { id: 'error.conflict' });
    case 'rate_limited':
      if (error.retryAfter !== undefined && error.retryAfter > 0) {
        const seconds = l.number(Math.ceil(error.retryAfter));
        return l.plural(Math.ceil(error.retryAfter), {
          zero: () => msg(str`Too many comments at once. Please wait ${seconds} seconds and try again.`, { id: 'error.rate-limited-wait.zero' }),
          one: () => msg(str`Too many comments at once. Please wait ${seconds} second and try again.`, { id: 'error.rate-limited-wait.one' }),
          two: () => msg(str`Too many comments at once. Please wait ${seconds} seconds and try again.`, { id: 'error.rate-limited-wait.two' }),
          few: () => msg(str`Too many comments at once. Please wait ${seconds} seconds and try again.`, { id: 'error.rate-limited-wait.few' }),
          many: () => msg(str`Too many comments at once. Please wait ${seconds} seconds and try again.`, { id: 'error.rate-limited-wait.many' }),
          other: () => msg(str`Too many comments at once. Please wait ${seconds} seconds and try again.`, { id: 'error.rate-limited-wait.other' }),
        });
      }
      return msg('Too many comments at once. Please wait a moment and try again.', { id: 'error.rate-limited' });
    case 'validation':
      return msg('The comment was not accepted. Please check it and try again.', { id: 'error.validation' });
    default:
      return msg('Something went wrong. Please try again.', { id: 'error.unknown' });
  }
}
