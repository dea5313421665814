/**
 * The queue's templates: the status tabs, the toolbar (select all, bulk actions, thread filter),
 * one row per comment and the empty state. The element owns the state; these only draw it and
 * call back. A commenter's words are Lit text bindings and URLs pass the URL policy.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { str } from '@lit/localize';
import type { ModerationAction } from '../../adapters/adapter.js';
import type { AdapterError } from '../../core/errors.js';
import { initials } from '../../core/initials.js';
import { linkRel, type LinkOptions } from '../../core/links.js';
import { parseMarkdown, type Block } from '../../core/markdown.js';
import { safeUrl } from '../../core/url.js';
import type { Localization } from '../../i18n/localization.js';
import { renderBlocks } from '../comment-item/rich-text.js';
import { moderationStatuses, type ModeratedComment, type ModerationCounts, type ModerationStatus } from './moderation-client.js';
import { actionLabel, heldLabel, moderationErrorMessage, pendingLabel, selectedLabel, statusLabel } from './moderation-labels.js';

/** The actions a comment of each status offers (besides Ban author, which every one offers). */
export const actionsFor: Readonly<Record<ModerationStatus, readonly ModerationAction[]>> = {
  pending: ['approve', 'spam', 'delete'],
  spam: ['approve', 'delete'],
  published: ['spam', 'delete'],
  deleted: ['restore'],
};

/** What the queue templates read from the element and call on it. */
export interface QueueHost {
  readonly l: Localization;
  readonly status: ModerationStatus;
  readonly counts: ModerationCounts | null;
  readonly comments: readonly ModeratedComment[];
  readonly selected: ReadonlySet<string>;
  readonly busy: ReadonlySet<string>;
  readonly errors: ReadonlyMap<string, AdapterError>;
  readonly banned: ReadonlySet<string>;
  readonly current: number;
  /** A comment id, `'*'` for the selection, or `null`. */
  readonly confirmingBan: string | null;
  readonly thread: string;
  readonly links: LinkOptions;
  readonly now: number;
  showStatus(status: ModerationStatus): void;
  onTabKey(event: KeyboardEvent): void;
  toggle(id: string, selected: boolean): void;
  toggleAll(selected: boolean): void;
  act(ids: readonly string[], action: ModerationAction): void;
  askBan(target: string): void;
  ban(ids: readonly string[]): void;
  cancelBan(): void;
  filterThread(thread: string): void;
  focusRow(index: number): void;
}

// A body is parsed once per comment object (rows render again on every selection change).
const parsed = new WeakMap<ModeratedComment, Block[]>();
function blocksOf(comment: ModeratedComment): Block[] {
  let blocks = parsed.get(comment);
  if (!blocks) parsed.set(comment, (blocks = parseMarkdown(comment.body)));
  return blocks;
}

export const statusOf = (comment: ModeratedComment, fallback: ModerationStatus): ModerationStatus => comment.status ?? fallback;

export function renderTabs(host: QueueHost): TemplateResult {
  const { l } = host;
  const { msg } = l;
  return html`<div part="tabs" role="tablist" aria-label=${msg('Comments by status', { id: 'admin.tabs.label' })} @keydown=${host.onTabKey}>
    ${moderationStatuses.map((status) => {
      const selected = status === host.status;
      const count = host.counts?.[status];
      return html`<button
        part=${selected ? 'tab tab-selected' : 'tab'}
        role="tab"
        id=${`tab-${status}`}
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls="queue-panel"
        tabindex=${selected ? 0 : -1}
        data-status=${status}
        @click=${() => host.showStatus(status)}
      >
        <span>${statusLabel(l, status)}</span>${count === undefined
          ? nothing
          : html`<span part="tab-count" class=${status === 'pending' && count > 0 ? 'attention' : ''} title=${status === 'pending' ? pendingLabel(l, count) : nothing}>${l.number(count)}</span>`}
      </button>`;
    })}
  </div>`;
}

function renderBulk(host: QueueHost): TemplateResult | typeof nothing {
  const { l } = host;
  const { msg } = l;
  const ids = host.comments.filter((comment) => host.selected.has(comment.id)).map((comment) => comment.id);
  if (!ids.length) return nothing;
  if (host.confirmingBan === '*') {
    return html`<div part="confirm" role="group" aria-labelledby="bulk-ban-question">
      <span id="bulk-ban-question">${msg('Ban the authors of the selected comments? They will not be able to comment again.', { id: 'admin.ban.confirm-selection' })}</span>
      <button part="confirm-button" class="danger" data-confirm-ban @click=${() => host.ban(ids)}>${actionLabel(l, 'ban')}</button>
      <button part="cancel-button" @click=${() => host.cancelBan()}>${msg('Cancel', { id: 'admin.cancel' })}</button>
    </div>`;
  }
  const actions = actionsFor[host.status];
  return html`<div part="bulk-actions" role="group" aria-label=${msg('Selected comments', { id: 'admin.bulk.label' })}>
    <span part="selection-count">${selectedLabel(l, ids.length)}</span>
    ${actions.map((action) => html`<button part=${`bulk-button ${action}-button`} class=${action === 'approve' ? 'primary' : ''} @click=${() => host.act(ids, action)}>${actionLabel(l, action)}</button>`)}
    <button part="bulk-button ban-button" @click=${() => host.askBan('*')}>${actionLabel(l, 'ban')}</button>
  </div>`;
}

export function renderToolbar(host: QueueHost, filterInput: string): TemplateResult {
  const { l } = host;
  const { msg } = l;
  const shown = host.comments;
  const selectedCount = shown.filter((comment) => host.selected.has(comment.id)).length;
  const all = shown.length > 0 && selectedCount === shown.length;
  return html`<div part="toolbar">
    <label part="select-all">
      <input
        type="checkbox"
        .checked=${all}
        .indeterminate=${selectedCount > 0 && !all}
        ?disabled=${!shown.length}
        @change=${(event: Event) => host.toggleAll((event.target as HTMLInputElement).checked)}
      />
      <span>${msg('Select all', { id: 'admin.select-all' })}</span>
    </label>
    ${renderBulk(host)}
    <form
      part="thread-filter"
      role="search"
      @submit=${(event: Event) => {
        event.preventDefault();
        host.filterThread(((event.target as HTMLFormElement).elements.namedItem('thread') as HTMLInputElement).value.trim());
      }}
    >
      <label for="thread-filter">${msg('Thread', { id: 'admin.thread' })}</label>
      <input id="thread-filter" name="thread" type="search" part="thread-input" .value=${filterInput} placeholder=${msg('All threads', { id: 'admin.thread.all' })} />
      <button type="submit" part="filter-button">${msg('Filter', { id: 'admin.thread.filter' })}</button>
      ${host.thread ? html`<button type="button" part="clear-filter" @click=${() => host.filterThread('')}>${msg('Show all threads', { id: 'admin.thread.clear' })}</button>` : nothing}
    </form>
  </div>`;
}

function renderAvatar(comment: ModeratedComment, locale: string): TemplateResult {
  const src = safeUrl(comment.author.avatarUrl, { image: true });
  return src
    ? html`<img part="avatar" src=${src} alt="" loading="lazy" referrerpolicy="no-referrer" />`
    : html`<span part="avatar" aria-hidden="true">${initials(comment.author.name, locale) || '?'}</span>`;
}

function renderAuthor(comment: ModeratedComment, name: string): TemplateResult {
  const href = safeUrl(comment.author.url);
  return href
    ? html`<a part="author" href=${href} rel=${linkRel} target="_blank">${name}</a>`
    : html`<span part="author">${name}</span>`;
}

function renderDate(l: Localization, value: string, now: number): TemplateResult | typeof nothing {
  const date = new Date(value);
  const shown = l.relative(date, now) || l.date(date);
  return shown ? html`<time part="date" datetime=${value} title=${l.fullDate(date)}>${shown}</time>` : nothing;
}

function renderRowActions(host: QueueHost, comment: ModeratedComment, name: string, index: number): TemplateResult {
  const { l } = host;
  const { msg } = l;
  const busy = host.busy.has(comment.id);
  if (host.confirmingBan === comment.id) {
    return html`<div part="confirm" role="group" aria-labelledby=${`ban-question-${index}`}>
      <span id=${`ban-question-${index}`}>${msg(str`Ban ${name}? They will not be able to comment again.`, { id: 'admin.ban.confirm' })}</span>
      <button part="confirm-button" class="danger" data-confirm-ban ?disabled=${busy} @click=${() => host.ban([comment.id])}>${actionLabel(l, 'ban')}</button>
      <button part="cancel-button" @click=${() => host.cancelBan()}>${msg('Cancel', { id: 'admin.cancel' })}</button>
    </div>`;
  }
  const status = statusOf(comment, host.status);
  return html`<div part="actions">
    ${actionsFor[status].map(
      (action) =>
        html`<button part=${`action-button ${action}-button`} class=${action === 'approve' || action === 'restore' ? 'primary' : action === 'delete' ? 'danger-text' : ''} ?disabled=${busy} @click=${() => host.act([comment.id], action)}>${actionLabel(l, action)}</button>`
    )}
    ${host.banned.has(comment.id)
      ? html`<span part="banned">${msg('Author banned', { id: 'admin.done.ban' })}</span>`
      : html`<button part="action-button ban-button" ?disabled=${busy} @click=${() => host.askBan(comment.id)}>${actionLabel(l, 'ban')}</button>`}
    ${busy ? html`<span part="working">${msg('Working…', { id: 'admin.working' })}</span>` : nothing}
  </div>`;
}

function renderRow(host: QueueHost, comment: ModeratedComment, index: number): TemplateResult {
  const { l } = host;
  const { msg } = l;
  const name = comment.author.name.trim() || msg('Anonymous', { id: 'admin.anonymous' });
  const error = host.errors.get(comment.id);
  const selected = host.selected.has(comment.id);
  const current = index === host.current;
  return html`<li part=${['row', selected ? 'row-selected' : '', current ? 'row-current' : ''].filter(Boolean).join(' ')} data-id=${comment.id}>
    <article
      part="comment"
      tabindex=${current ? 0 : -1}
      aria-label=${msg(str`Comment by ${name}`, { id: 'admin.comment.label' })}
      aria-busy=${host.busy.has(comment.id) ? 'true' : 'false'}
      @focus=${() => host.focusRow(index)}
    >
      <input
        part="row-checkbox"
        type="checkbox"
        .checked=${selected}
        aria-label=${msg(str`Select the comment by ${name}`, { id: 'admin.select-comment' })}
        @change=${(event: Event) => host.toggle(comment.id, (event.target as HTMLInputElement).checked)}
      />
      ${renderAvatar(comment, l.locale)}
      <div part="content">
        <div part="meta">
          ${renderAuthor(comment, name)}
          ${comment.author.verified ? html`<span part="verified">${msg('Verified', { id: 'admin.verified' })}</span>` : nothing}
          ${renderDate(l, comment.createdAt, host.now)}
          ${comment.threadId
            ? html`<span part="thread"
                ><span class="visually-hidden">${msg('Thread', { id: 'admin.thread' })} </span
                ><button part="thread-button" title=${msg('Show only this thread', { id: 'admin.thread.show-only' })} @click=${() => host.filterThread(comment.threadId)}>${comment.threadId}</button></span
              >`
            : nothing}
          ${comment.heldFor ? html`<span part="reason" data-reason=${comment.heldFor}>${heldLabel(l, comment.heldFor)}</span>` : nothing}
        </div>
        <div part="body">${renderBlocks(blocksOf(comment), host.links)}</div>
        ${renderRowActions(host, comment, name, index)}
        ${error ? html`<p part="row-error" role="alert">${moderationErrorMessage(l, error)}</p>` : nothing}
      </div>
    </article>
  </li>`;
}

export function renderRows(host: QueueHost): TemplateResult {
  return html`<ul part="list" role="list">${host.comments.map((comment, index) => renderRow(host, comment, index))}</ul>`;
}

export function renderEmpty(host: QueueHost): TemplateResult {
  const { msg } = host.l;
  const pending = host.status === 'pending';
  return html`<div part="empty">
    <svg part="empty-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
    <h2 part="empty-heading">${pending ? msg('All caught up', { id: 'admin.empty.pending.heading' }) : msg('Nothing here', { id: 'admin.empty.heading' })}</h2>
    <p>
      ${pending
        ? msg('No comments are waiting for review. New ones that need a look will show up here.', { id: 'admin.empty.pending.text' })
        : msg('No comments have this status.', { id: 'admin.empty.text' })}
    </p>
  </div>`;
}
