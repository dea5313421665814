/**
 * The moderation page's words that several of its templates share: statuses, actions, why a
 * comment was held, errors and counts. Every id starts with `admin.`, so xliff/split-locales.mjs
 * puts them in the admin part of each locale.
 */
import { str } from '@lit/localize';
import type { AdapterError } from '../../core/errors.js';
import type { Localization } from '../../i18n/localization.js';
import type { ModerationAction } from '../../adapters/adapter.js';
import type { LoggedAction, ModerationStatus } from './moderation-client.js';

/** A tab's name. */
export function statusLabel(l: Localization, status: ModerationStatus): string {
  const { msg } = l;
  switch (status) {
    case 'pending':
      return msg('Pending', { id: 'admin.status.pending' });
    case 'spam':
      return msg('Spam', { id: 'admin.status.spam' });
    case 'published':
      return msg('Published', { id: 'admin.status.published' });
    case 'deleted':
      return msg('Deleted', { id: 'admin.status.deleted' });
  }
}

/** A button's label. */
export function actionLabel(l: Localization, action: ModerationAction | 'ban'): string {
  const { msg } = l;
  switch (action) {
    case 'approve':
      return msg('Approve', { id: 'admin.action.approve' });
    case 'spam':
      return msg('Mark as spam', { id: 'admin.action.spam' });
    case 'delete':
      return msg('Delete', { id: 'admin.action.delete' });
    case 'restore':
      return msg('Restore', { id: 'admin.action.restore' });
    case 'ban':
      return msg('Ban author', { id: 'admin.action.ban' });
  }
}

/** What was done, for the log and the live announcement. */
export function doneLabel(l: Localization, action: LoggedAction): string {
  const { msg } = l;
  switch (action) {
    case 'approve':
      return msg('Approved', { id: 'admin.done.approve' });
    case 'spam':
      return msg('Marked as spam', { id: 'admin.done.spam' });
    case 'delete':
      return msg('Deleted', { id: 'admin.done.delete' });
    case 'restore':
      return msg('Restored', { id: 'admin.done.restore' });
    case 'ban':
      return msg('Author banned', { id: 'admin.done.ban' });
  }
}

/** Why a comment was held, as a phrase; a reason this version does not know shows as its code. */
export function heldLabel(l: Localization, reason: string): string {
  const { msg } = l;
  switch (reason) {
    case 'moderation':
      return msg('First comment from this author', { id: 'admin.held.moderation' });
    case 'links':
      return msg('Too many links', { id: 'admin.held.links' });
    case 'honeypot':
      return msg('Filled in the hidden bot field', { id: 'admin.held.honeypot' });
    case 'too-fast':
      return msg('Sent too fast for a person', { id: 'admin.held.too-fast' });
    case 'akismet':
      return msg('Akismet says spam', { id: 'admin.held.akismet' });
    case 'akismet-unavailable':
      return msg('Spam check unavailable, held to be safe', { id: 'admin.held.akismet-unavailable' });
    case 'checker':
      return msg('Held by the site’s own check', { id: 'admin.held.checker' });
    case 'manual':
      return msg('Marked by a moderator', { id: 'admin.held.manual' });
    default:
      return reason;
  }
}

/** "3 selected". */
export function selectedLabel(l: Localization, n: number): string {
  const { msg } = l;
  const shown = l.number(n);
  return l.plural(n, {
    zero: () => msg(str`${shown} selected`, { id: 'admin.selected.zero' }),
    one: () => msg(str`${shown} selected`, { id: 'admin.selected.one' }),
    two: () => msg(str`${shown} selected`, { id: 'admin.selected.two' }),
    few: () => msg(str`${shown} selected`, { id: 'admin.selected.few' }),
    many: () => msg(str`${shown} selected`, { id: 'admin.selected.many' }),
    other: () => msg(str`${shown} selected`, { id: 'admin.selected.other' }),
  });
}

/** "3 pending comments": what the pending tab's count says to a screen reader. */
export function pendingLabel(l: Localization, n: number): string {
  const { msg } = l;
  const shown = l.number(n);
  return l.plural(n, {
    zero: () => msg(str`${shown} pending`, { id: 'admin.pending.count.zero' }),
    one: () => msg(str`${shown} pending`, { id: 'admin.pending.count.one' }),
    two: () => msg(str`${shown} pending`, { id: 'admin.pending.count.two' }),
    few: () => msg(str`${shown} pending`, { id: 'admin.pending.count.few' }),
    many: () => msg(str`${shown} pending`, { id: 'admin.pending.count.many' }),
    other: () => msg(str`${shown} pending`, { id: 'admin.pending.count.other' }),
  });
}

/** What went wrong, for the moderator, per error code. `signIn`: the words of the sign-in form. */
export function moderationErrorMessage(l: Localization, error: AdapterError, signIn = false): string {
  const { msg } = l;
  switch (error.code) {
    case 'network':
      return msg('Could not reach the server. Check your connection and try again.', { id: 'admin.error.network' });
    case 'unauthorized':
      return signIn
        ? msg('Wrong email or password.', { id: 'admin.error.wrong-password' })
        : msg('Your session has ended. Please sign in again.', { id: 'admin.error.session-ended' });
    case 'forbidden':
      return msg('This account may not moderate comments.', { id: 'admin.error.forbidden' });
    case 'not_found':
      return msg('This comment no longer exists.', { id: 'admin.error.not-found' });
    case 'conflict':
      return msg('This comment changed in the meantime. Reload and try again.', { id: 'admin.error.conflict' });
    case 'rate_limited':
      if (error.retryAfter !== undefined && error.retryAfter > 0) {
        const n = Math.ceil(error.retryAfter);
        const seconds = l.number(n);
        return l.plural(n, {
          zero: () => msg(str`Too many attempts. Try again in ${seconds} seconds.`, { id: 'admin.error.rate-limited-wait.zero' }),
          one: () => msg(str`Too many attempts. Try again in ${seconds} second.`, { id: 'admin.error.rate-limited-wait.one' }),
          two: () => msg(str`Too many attempts. Try again in ${seconds} seconds.`, { id: 'admin.error.rate-limited-wait.two' }),
          few: () => msg(str`Too many attempts. Try again in ${seconds} seconds.`, { id: 'admin.error.rate-limited-wait.few' }),
          many: () => msg(str`Too many attempts. Try again in ${seconds} seconds.`, { id: 'admin.error.rate-limited-wait.many' }),
          other: () => msg(str`Too many attempts. Try again in ${seconds} seconds.`, { id: 'admin.error.rate-limited-wait.other' }),
        });
      }
      return msg('Too many attempts. Please wait a moment and try again.', { id: 'admin.error.rate-limited' });
    case 'validation':
      return msg('The server did not accept this. Please check and try again.', { id: 'admin.error.validation' });
    default:
      return msg('Something went wrong. Please try again.', { id: 'admin.error.unknown' });
  }
}
