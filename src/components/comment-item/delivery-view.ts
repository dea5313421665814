/**
 * Notes under a comment, rendered only when needed. How the reader's own new comment is doing, in words (not only a color): sending, queued while
 * offline, waiting after a rate limit, or not sent — then with Retry and Edit. Part of the rich
 * text chunk, like the deliveries it shows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { str } from '@lit/localize';
import type { Comment } from '../../adapters/adapter.js';
import type { CommentItemShape } from './item-shape.js';
import type { Delivery } from '../../keeping/deliveries.js';
import type { Localization } from '../../i18n/localization.js';
import { errorMessage } from '../../i18n/messages.js';

/**
 * The reader chose Retry or Edit on their own comment that was not sent. Internal to maoni:
 * `<comment-thread>` sends it again, or takes its text back into the form.
 */
export class CommentDeliveryEvent extends Event {
  static readonly type = 'comment-delivery';
  constructor(readonly comment: Comment, readonly action: 'retry' | 'edit') {
    super(CommentDeliveryEvent.type, { bubbles: true });
  }
}

export function renderDelivery(item: CommentItemShape, l: Localization, delivery: Delivery): TemplateResult {
  const { msg } = l;
  const { state, error, retryAt } = delivery;
  const text =
    state === 'sending'
      ? msg('Sending…', { id: 'comment.sending' })
      : state === 'queued'
        ? msg('You are offline: it will be sent when you are back online.', { id: 'comment.queued' })
        : state === 'waiting'
          ? msg(str`Too many comments at once: sending again ${l.inSeconds(((retryAt ?? 0) - Date.now()) / 1000)}.`, { id: 'comment.waiting' })
          : `${msg('Not sent.', { id: 'comment.not-sent' })} ${error ? errorMessage(l, error) : ''}`;
  const act = (action: 'retry' | 'edit') => () => item.comment && item.dispatchEvent(new CommentDeliveryEvent(item.comment, action));
  return html`<p part="delivery" role="status">${text}</p>
    ${state === 'failed'
      ? html`<div part="actions">
          <button part="delivery-button" type="button" @click=${act('retry')}>${msg('Retry', { id: 'thread.retry' })}</button>
          <button part="delivery-button" type="button" @click=${act('edit')}>${msg('Edit', { id: 'comment.edit' })}</button>
        </div>`
      : nothing}`;
}

/** Under a reply whose parent the backend did not send: it shows at the top level, and says why. */
export function renderOrphanNote(l: Localization): TemplateResult {
  return html`<p part="orphan-note">${l.msg('In reply to a comment that is not available.', { id: 'comment.orphan' })}</p>`;
}
