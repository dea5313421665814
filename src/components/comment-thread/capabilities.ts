/**
 * The UI that only an adapter's capabilities bring: votes and reactions, Edit and Delete with its
 * confirmation, editing in place, the sort menu, realtime updates behind the "N new comments —
 * show" banner, and the e-mail and website fields of the form. A lazy chunk: the elements load it
 * (through shared/capabilities-loader.ts) when their adapter has one of these capabilities and
 * render those parts once it is in, so a page whose backend has just `list` and `post` never
 * downloads it.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { str } from '@lit/localize';
import { AdapterError, isAbort, type AuthorFields, type Comment, type CommentAdapter, type CommentSort, type ModerationAction } from '../../adapters/adapter.js';
import { CommentErrorEvent } from '../../events.js';
import { updateComment } from './comment-update.js';
import { LiveUpdates } from './live-updates.js';
import { withDeadline } from '../../core/deadline.js';
import type { Localization } from '../../i18n/localization.js';
import { errorMessage } from '../../i18n/messages.js';
import type { ThreadStore } from './thread-store.js';
import type { LinkOptions } from '../../core/links.js';
import { listModule as richText } from '../shared/list-loader.js';
import type { CommentItemShape } from '../comment-item/item-shape.js';
import { formExportParts, type AuthorField, type CommentFormShape, type CommentFormSubmitEvent, type Problem } from '../comment-form/form-shape.js';
import { itemActionStyles, threadActionStyles } from './capabilities.styles.js';
import { itemFor } from './find-item.js';

/** What the reader asked of a comment. */
export type CommentAction =
  | { kind: 'edit' }
  | { kind: 'delete' }
  | { kind: 'react'; reaction: string; active: boolean }
  | { kind: 'moderate'; action: ModerationAction };

/**
 * The reader asked to edit, delete or react to a comment: dispatched on its `<comment-item>`, and
 * `<comment-thread>` calls the adapter. Internal to maoni: not composed.
 */
export class CommentActionEvent extends Event {
  static readonly type = 'comment-action';
  constructor(readonly comment: Comment, readonly action: CommentAction) {
    super(CommentActionEvent.type, { bubbles: true });
  }
}

/** Focuses what `find` returns once `host` has rendered. */
function focusLater(host: ReactiveElement, find: () => HTMLElement | null | undefined): void {
  host.updateComplete.then(() => find()?.focus());
}

/** A comment's votes and reactions, and its Edit and Delete buttons with the Delete confirmation. */
export class ItemActions {
  private readonly host: CommentItemShape;
  /** The Delete confirmation is showing. */
  private confirming = false;

  constructor(host: CommentItemShape) {
    this.host = host;
    richText().addStyles(host, itemActionStyles);
  }

  private act(action: CommentAction): void {
    const comment = this.host.comment;
    if (comment) this.host.dispatchEvent(new CommentActionEvent(comment, action));
  }

  private confirm(confirming: boolean): void {
    this.confirming = confirming;
    this.host.requestUpdate();
  }

  private onDeleteChoice(confirmed: boolean): void {
    this.confirm(false);
    if (confirmed) this.act({ kind: 'delete' });
    // Focus stays in the comment: back on Delete when kept (the button is gone after a delete).
    focusLater(this.host, () => this.host.renderRoot.querySelector<HTMLElement>('[part="delete-button"]'));
  }

  renderReactions(comment: Comment, l: Localization): TemplateResult | typeof nothing {
    const { reactions, busy } = this.host;
    if (reactions.length === 0 || comment.status === 'deleted') return nothing;
    const { msg } = l;
    const given = new Set(comment.viewerReactions ?? []);
    const counts = comment.reactions ?? {};
    const button = (reaction: string, label: string, symbol: string, showCount: boolean) => html`<button part="reaction"
        type="button" aria-pressed=${given.has(reaction)} aria-label=${label} title=${label}
        ?disabled=${busy} @click=${() => this.act({ kind: 'react', reaction, active: !given.has(reaction) })}>
        <span aria-hidden="true">${symbol}</span>${showCount ? html` <span>${l.number(counts[reaction] ?? 0)}</span>` : nothing}
      </button>`;
    const votes = reactions.includes('up') && reactions.includes('down');
    const others = reactions.filter((reaction) => !votes || (reaction !== 'up' && reaction !== 'down'));
    const score = comment.score ?? (counts.up ?? 0) - (counts.down ?? 0);
    return html`<span part="reactions" role="group" aria-label=${msg('Reactions', { id: 'comment.reactions' })}>
      ${votes
        ? html`${button('up', msg('Upvote', { id: 'comment.vote-up' }), '▲', false)}
            <span part="score" aria-label=${msg(str`Score: ${l.number(score)}`, { id: 'comment.score' })}>${l.number(score)}</span>
            ${button('down', msg('Downvote', { id: 'comment.vote-down' }), '▼', false)}`
        : nothing}
      ${others.map((reaction) => button(reaction, reaction, reaction, true))}
    </span>`;
  }

  /**
   * A moderator's tools on any comment: Approve (held or marked as spam), Spam and Delete. The
   * thread offers them only to a viewer whose role is moderator or owner, with an adapter that has
   * `moderate`; the backend decides again.
   */
  renderModeration(comment: Comment, l: Localization): TemplateResult | typeof nothing {
    if (!this.host.canModerate || comment.status === 'deleted') return nothing;
    const { msg } = l;
    const { busy } = this.host;
    const held = comment.status === 'pending' || comment.status === 'spam';
    const act = (action: ModerationAction) => () => this.act({ kind: 'moderate', action });
    return html`<span part="moderation" role="group" aria-label=${msg('Moderation', { id: 'comment.moderation' })}>
      ${held
        ? html`<button part="approve-button" type="button" ?disabled=${busy} @click=${act('approve')}>${msg('Approve', { id: 'comment.moderation.approve' })}</button>`
        : nothing}
      ${comment.status === 'spam'
        ? nothing
        : html`<button part="spam-button" type="button" ?disabled=${busy} @click=${act('spam')}>${msg('Spam', { id: 'comment.moderation.spam' })}</button>`}
      <button part="remove-button" type="button" ?disabled=${busy} @click=${act('delete')}>${msg('Remove', { id: 'comment.moderation.remove' })}</button>
    </span>`;
  }

  renderOwnerActions(l: Localization): TemplateResult {
    const { msg } = l;
    const { canEdit, canDelete, busy } = this.host;
    if (this.confirming) {
      return html`<span part="confirm" role="group" aria-label=${msg('Delete this comment?', { id: 'comment.delete-confirm' })}>
        <span>${msg('Delete this comment?', { id: 'comment.delete-confirm' })}</span>
        <button part="delete-button" type="button" @click=${() => this.onDeleteChoice(true)}>${msg('Delete', { id: 'comment.delete' })}</button>
        <button part="edit-button" type="button" @click=${() => this.onDeleteChoice(false)}>${msg('Keep', { id: 'comment.keep' })}</button>
      </span>`;
    }
    return html`${canEdit
        ? html`<button part="edit-button" type="button" ?disabled=${busy} @click=${() => this.act({ kind: 'edit' })}>${msg('Edit', { id: 'comment.edit' })}</button>`
        : nothing}
      ${canDelete
        ? html`<button part="delete-button" type="button" ?disabled=${busy} @click=${() => {
            this.confirm(true);
            focusLater(this.host, () => this.host.renderRoot.querySelector<HTMLElement>('[part="confirm"] [part="delete-button"]'));
          }}>${msg('Delete', { id: 'comment.delete' })}</button>`
        : nothing}`;
  }
}

/** What ThreadActions uses of its `<comment-thread>` (the element loads this chunk: no import of it here). */
export interface ThreadActionsHost extends ReactiveElement {
  readonly thread: string;
  readonly adapter?: CommentAdapter;
  sort: CommentSort;
  readonly requestTimeout: number;
  announce(words: (l: Localization) => string): void;
}

/**
 * A thread's edit, delete and reaction calls with their busy and error states, the edit form, the
 * sort menu, and realtime updates with the "N new comments" banner.
 */
export class ThreadActions {
  /** Id of the comment being edited in place. */
  private editing: string | null = null;
  /** Comments with an edit, delete or reaction on the way. */
  private busyIds: ReadonlySet<string> = new Set();
  /** The last failed edit, delete or reaction, shown under its comment. */
  private actionError: { id: string; error: AdapterError } | null = null;
  private readonly host: ThreadActionsHost;
  private readonly store: ThreadStore;
  private readonly live: LiveUpdates;

  constructor(host: ThreadActionsHost, store: ThreadStore) {
    this.host = host;
    this.store = store;
    // "2 new comments — show" is also said through the thread's live region.
    this.live = new LiveUpdates(host, store, (count) => host.announce((l) => newCommentsLabel(l, count)));
    richText().addStyles(host, threadActionStyles);
    // Items' action events bubble (not composed) up to the thread's shadow root.
    host.renderRoot.addEventListener(CommentActionEvent.type, (event) => this.onAction(event as CommentActionEvent));
  }

  /** Follows the thread's realtime changes, when the adapter has `subscribe`. */
  follow(adapter: CommentAdapter, threadId: string): void {
    this.live.follow(adapter, threadId);
  }

  unsubscribe(): void {
    this.live.unsubscribe();
  }

  /** Another thread: nothing is being edited and no action error is shown. */
  reset(): void {
    this.editing = null;
    this.actionError = null;
  }

  isBusy(id: string): boolean {
    return this.busyIds.has(id);
  }

  /**
   * Changes what some comments show (busy, editing, an error under them), then renders those
   * comments again — not the whole list (`ids` are read before `change` runs: pass the old ones).
   */
  private update(change: () => void, ...ids: (string | null | undefined)[]): void {
    change();
    for (const id of ids) if (id) this.store.touch(id);
  }

  private setBusy(id: string, busy: boolean): void {
    const next = new Set(this.busyIds);
    if (busy) next.add(id);
    else next.delete(id);
    this.update(() => (this.busyIds = next), id);
  }

  /** Runs an edit, delete or reaction through the adapter and shows its result or error in place. */
  private async change(comment: Comment, operation: 'edit' | 'delete' | 'react' | 'moderate', call: (signal: AbortSignal) => Promise<unknown> | undefined): Promise<boolean> {
    const host = this.host;
    const threadId = host.thread;
    this.setBusy(comment.id, true);
    this.update(() => (this.actionError = null), this.actionError?.id);
    const controller = new AbortController();
    try {
      // Like every adapter call, within request-timeout: a backend that never answers is an error.
      const updated = await withDeadline(Promise.resolve().then(() => call(controller.signal)), host.requestTimeout, controller);
      if (threadId !== host.thread) return false;
      if (!updateComment(this.store, updated)) throw new AdapterError('unknown', 'the adapter did not return the comment');
      return true;
    } catch (caught) {
      if (isAbort(caught)) return false;
      const error = AdapterError.from(caught);
      if (threadId === host.thread) this.actionError = { id: comment.id, error };
      host.dispatchEvent(new CommentErrorEvent({ threadId, operation, error }));
      return false;
    } finally {
      this.setBusy(comment.id, false);
    }
  }

  private onAction(event: CommentActionEvent): void {
    event.stopPropagation();
    const host = this.host;
    const adapter = host.adapter;
    const { comment, action } = event;
    if (!adapter) return;
    if (action.kind === 'edit') {
      this.update(() => (this.editing = comment.id), this.editing, comment.id);
      focusLater(host, () => host.renderRoot.querySelector<CommentFormShape>('comment-form[mode="edit"]'));
    } else if (action.kind === 'delete') {
      this.change(comment, 'delete', (signal) => adapter.delete?.(host.thread, comment.id, { signal }));
    } else if (action.kind === 'react') {
      this.change(comment, 'react', (signal) => adapter.react?.(host.thread, comment.id, action.reaction, { active: action.active, signal }));
    } else {
      this.change(comment, 'moderate', (signal) => adapter.moderate?.(host.thread, comment.id, action.action, { signal }));
    }
  }

  private async saveEdit(form: CommentFormShape, comment: Comment, event: CommentFormSubmitEvent): Promise<void> {
    const host = this.host;
    const adapter = host.adapter;
    if (!adapter?.edit) return;
    form.busy = true;
    form.error = null;
    const saved = await this.change(comment, 'edit', (signal) => adapter.edit?.(host.thread, comment.id, { body: event.value.body }, { signal }));
    form.busy = false;
    if (saved) this.closeEdit();
    else if (this.actionError?.id === comment.id) {
      // The error belongs in the form the reader is typing in; the text stays there.
      form.error = this.actionError.error;
      this.update(() => (this.actionError = null), comment.id);
    }
  }

  private closeEdit(): void {
    const host = this.host;
    const id = this.editing;
    this.update(() => (this.editing = null), id);
    focusLater(host, () => {
      const item = itemFor(host.renderRoot, id);
      return item?.shadowRoot?.querySelector<HTMLElement>('[part="edit-button"]');
    });
  }

  /** The form editing `comment` in place, or `undefined` when it is not being edited. */
  renderEditForm(l: Localization, comment: Comment, links: LinkOptions): TemplateResult | undefined {
    if (this.editing !== comment.id) return undefined;
    return html`<div part="edit-form"><comment-form exportparts=${formExportParts} .localization=${l} .links=${links} mode="edit" .initialBody=${comment.body}
      @comment-form-submit=${(event: CommentFormSubmitEvent) => {
        event.stopPropagation();
        this.saveEdit(event.currentTarget as CommentFormShape, comment, event);
      }}
      @comment-form-cancel=${(event: Event) => {
        event.stopPropagation();
        this.closeEdit();
      }}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.closeEdit()}></comment-form></div>`;
  }

  /** Why the last edit, delete or reaction on this comment failed. */
  renderActionError(l: Localization, id: string): TemplateResult | typeof nothing {
    const failed = this.actionError?.id === id ? this.actionError.error : null;
    return failed ? html`<p part="action-error" role="alert">${errorMessage(l, failed)}</p>` : nothing;
  }

  renderSortMenu(l: Localization): TemplateResult | typeof nothing {
    const host = this.host;
    const sorts = (host.adapter?.sorts ?? []).filter((sort): sort is CommentSort => ['oldest', 'newest', 'top'].includes(sort));
    if (sorts.length < 2) return nothing;
    const { msg } = l;
    const names: Record<CommentSort, string> = {
      oldest: msg('Oldest first', { id: 'thread.sort.oldest' }),
      newest: msg('Newest first', { id: 'thread.sort.newest' }),
      top: msg('Top rated', { id: 'thread.sort.top' }),
    };
    return html`<label part="sort">
      <span>${msg('Sort by', { id: 'thread.sort.label' })}</span>
      <select part="sort-select" @change=${(event: Event) => (host.sort = (event.target as HTMLSelectElement).value as CommentSort)}>
        ${sorts.map((sort) => html`<option value=${sort} ?selected=${sort === host.sort}>${names[sort]}</option>`)}
      </select>
    </label>`;
  }

  /** "N new comments — show", or `undefined` when none wait (the thread then shows its empty state, if empty). */
  renderNewComments(l: Localization): TemplateResult | undefined {
    const waiting = this.live.waiting.length;
    if (!waiting) return undefined;
    return html`<button part="new-comments" type="button" @click=${() => this.live.reveal()}>${newCommentsLabel(l, waiting)}</button>`;
  }
}

/** "2 new comments — show", in the locale's plural category. */
function newCommentsLabel(l: Localization, waiting: number): string {
  const { msg } = l;
  const n = l.number(waiting);
  return l.plural(waiting, {
    zero: () => msg(str`${n} new comments — show`, { id: 'thread.new-comments.zero' }),
    one: () => msg(str`${n} new comment — show`, { id: 'thread.new-comments.one' }),
    two: () => msg(str`${n} new comments — show`, { id: 'thread.new-comments.two' }),
    few: () => msg(str`${n} new comments — show`, { id: 'thread.new-comments.few' }),
    many: () => msg(str`${n} new comments — show`, { id: 'thread.new-comments.many' }),
    other: () => msg(str`${n} new comments — show`, { id: 'thread.new-comments.other' }),
  });
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A website as typed ("example.com" means https://example.com), or null when it is no http(s) URL. */
function websiteOf(typed: string): string | null {
  const value = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  return richText().safeUrl(value, { image: true });
}

/**
 * The e-mail and website a backend asks for (`adapter.authorFields`), as typed: what is wrong with
 * them, if anything, and what to send (the website as an http(s) URL).
 */
export function authorExtras(fields: AuthorFields, typedEmail: string, typedUrl: string): { problem: Problem | null; value: { email?: string; url?: string } } {
  const email = typedEmail.trim();
  const url = typedUrl.trim();
  const problem =
    fields.email === 'required' && !email ? 'empty-email'
    : fields.email && email && !emailPattern.test(email) ? 'invalid-email'
    : fields.url === 'required' && !url ? 'empty-url'
    : fields.url && url && !websiteOf(url) ? 'invalid-url'
    : null;
  return { problem, value: { ...(fields.email && email ? { email } : {}), ...(fields.url && url ? { url: websiteOf(url)! } : {}) } };
}

/** What the reader must fix in the e-mail or website field. */
export function authorProblemMessage(l: Localization, problem: Problem): string {
  const { msg } = l;
  switch (problem) {
    case 'empty-email':
      return msg('Please enter your e-mail address.', { id: 'form.error.email-required' });
    case 'invalid-email':
      return msg('Please enter a valid e-mail address, like name@example.com.', { id: 'form.error.email-invalid' });
    case 'empty-url':
      return msg('Please enter your website.', { id: 'form.error.url-required' });
    default:
      return msg('Please enter a website address, like https://example.com.', { id: 'form.error.url-invalid' });
  }
}

/** The e-mail and website fields the backend asks for, each drawn by the form's `input`. */
export function renderAuthorExtras(
  l: Localization,
  fields: AuthorFields,
  input: (field: AuthorField, label: string, required: boolean) => TemplateResult
): TemplateResult {
  const { msg } = l;
  const { email, url } = fields;
  return html`${email
      ? input('email', email === 'required'
          ? msg('E-mail (never shown)', { id: 'form.label.email' })
          : msg('E-mail (optional, never shown)', { id: 'form.label.email-optional' }), email === 'required')
      : nothing}
    ${url
      ? input('url', url === 'required'
          ? msg('Website', { id: 'form.label.url' })
          : msg('Website (optional)', { id: 'form.label.url-optional' }), url === 'required')
      : nothing}`;
}
