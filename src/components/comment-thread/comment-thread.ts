import { LitElement, html, nothing, type PropertyDeclaration, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdapterError, type AuthorFields, type CommentAdapter, type NewComment } from '../../adapters/adapter.js';
import { CommentErrorEvent, CommentLoadedEvent, CommentSubmitEvent } from '../../events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { widgetLocalizations } from '../../i18n/widget-localizations.js';
import type { Localization, Overrides } from '../../i18n/localization.js';
import { subscribeClock } from '../../core/clock.js';
import { errorMessage } from '../../i18n/messages.js';
import { ThreadStore } from './thread-store.js';
import { hasCapabilities, loadCapabilities, loadedCapabilities } from '../shared/capabilities-loader.js';
import { listChunk, loadList, loadedList } from '../shared/list-loader.js';
import { touch, type CommentNode } from '../../core/tree.js';
import type { LinkOptions } from '../../core/links.js';
import { CommentReplyRequestEvent } from '../comment-item/comment-item.js';
import type { CommentDeliveryEvent } from '../comment-item/delivery-view.js';
import { CommentForm, CommentFormSubmitEvent } from '../comment-form/comment-form.js';
import { formExportParts } from '../comment-form/form-shape.js';
import type { Safekeeping } from './safekeeping.js';
import { focusRingStyles } from '../shared/shared.styles.js';
import type { ThreadActions } from './capabilities.js';
import { commentThreadStyles } from './comment-thread.styles.js';
import { itemFor } from './find-item.js';

// Shared empty values: a fresh [] or {} in a binding is a new value on every render, which would
// re-render every comment-item (and every form) whenever the thread renders, e.g. on each clock tick.
const noAuthorFields: AuthorFields = Object.freeze({});
const noContact: CommentForm['authorContact'] = Object.freeze({});

/**
 * @summary One page's comments: the count heading, the threaded list and the reply form.
 * @tag comment-thread
 *
 * Give it a thread id and an adapter (a property: any object with `list` and `post`). It loads the
 * thread, shows a skeleton meanwhile, and renders replies as nested lists under their parent.
 * Its language comes from `lang` on the element or the nearest ancestor, else the browser.
 *
 * @attr theme - Colors of its own: `light`, `dark`, or `auto` (the reader's system preference). Without it (the default) the widget wears the page's colors and color-scheme, so a page with `color-scheme: light dark` gets both modes too.
 * @slot header - Above the heading.
 * @slot notice - Under the form, e.g. the site's spam and privacy notice.
 * @slot empty - Shown instead of the list when the thread has no comments yet (and no new ones wait behind "N new comments — show").
 *
 * @event {CommentSubmitEvent} comment-submit - Before a comment is sent. Cancelable: `preventDefault()` stops the post.
 * @event {CommentCreatedEvent} comment-created - The adapter confirmed a new comment; it is shown.
 * @event {CommentErrorEvent} comment-error - Loading or posting failed; the widget shows the error too.
 * @event {CommentLoadedEvent} comment-loaded - The thread was loaded and rendered.
 *
 * @csspart thread - The whole section.
 * @csspart header - The row with the heading and the sort menu.
 * @csspart heading - The count heading ("3 Comments").
 * @csspart sort - The "Sort by" label with its menu (shown when the adapter has two or more sorts).
 * @csspart sort-select - The sort `select`.
 * @csspart load-more - "Load more comments" (another top-level page).
 * @csspart more-replies - "Show N more replies" under a comment whose replies are not all loaded.
 * @csspart new-comments - "N new comments — show", for comments that arrived in realtime.
 * @csspart edit-form - The container of the form editing a comment in place.
 * @csspart action-error - Why an edit, delete or reaction failed, under its comment.
 * @csspart list - The top-level list of comments.
 * @csspart replies - A nested list of replies.
 * @csspart list-item - The list item around a comment and its replies.
 * @csspart comment - A comment (`article`); see `comment-item` for its inner parts, all forwarded.
 * @csspart avatar - A comment's avatar. Also: meta, number, author, date, edited, status, body, deleted, actions, expand-button.
 * @csspart body - A comment's text. Inside it: paragraph, mention, link, strong, emphasis, code, code-block, quote, body-list, body-list-item.
 * @csspart reply-button - A comment's Reply button. Also: edit-button, delete-button, confirm, reactions, reaction, score.
 * @csspart reply-form - The container of an inline reply form.
 * @csspart form-section - The top-level form with its heading and notice.
 * @csspart form-heading - The heading above the form ("What do you think?").
 * @csspart form - A `form`. Also forwarded: field, label, textarea, name-input, email-input, url-input, buttons, submit, cancel, hint, preview-button, preview.
 * @csspart textarea - The comment text area.
 * @csspart submit - The Post button.
 * @csspart form-error - A form's validation or posting error.
 * @csspart error - The loading error box.
 * @csspart retry-button - Retry after a loading error.
 * @csspart empty - The default "no comments yet" text.
 * @csspart skeleton - The loading placeholder.
 * @csspart config-error - Shown when no adapter is set.
 *
 * @cssprop [--comment-gap=1rem] - Space between the heading, list and form.
 * @cssprop [--comment-indent=2rem] - Indent of each reply level.
 * @cssprop [--comment-indent-narrow=0.875rem] - Indent of each reply level on narrow screens.
 * @cssprop [--comment-thread-line=2px solid currentColor at 12%] - Line beside nested replies.
 * @cssprop [--comment-heading-size=1.25em] - Font size of the count heading.
 * @cssprop [--comment-form-heading-size=1.125em] - Font size of the form heading.
 * @cssprop [--comment-skeleton-color=currentColor at 10%] - Color of the loading placeholder.
 * @cssprop [--comment-error-color=#b3261e (light), #ffb4ab (dark)] - Color of error messages.
 * @cssprop [--comment-radius=0.375rem] - Corner radius of boxes and buttons.
 * @cssprop [--comment-banner-background=Canvas] - Background of the "new comments" banner.
 */
export class CommentThread extends LitElement {
  static override styles = [focusRingStyles, commentThreadStyles];

  private readonly localeController = new LocaleController(this, widgetLocalizations);
  private readonly store = new ThreadStore(this, listChunk, () => this.requestUpdate('touches', this.touches++));
  /** Counts the updates `store.touch` asked for: only touched comments changed (see `listRevision`). */
  private touches = 0;
  /**
   * Moves on every update the list cannot follow comment by comment; the list then renders every
   * comment's template anew (list-view.ts). Comments changed in place (`store.touch`), the reply
   * form moving and the live region do not move it: posting into a long thread renders the new
   * comment and its ancestors' lists, not the whole thread.
   */
  private listRevision = 0;
  /**
   * Edit, delete, reactions, sorts and realtime (capabilities.ts): a lazy chunk, set up when the
   * adapter has one of them. Until it is in, the first load shows the skeleton, not a list
   * without its buttons.
   */
  private actions?: ThreadActions;
  private actionsLoading?: Promise<void>;
  private waitingForActions = false;

  /** Id of the comment whose inline reply form is open. */
  @state() private replyingTo: string | null = null;
  /** Whether the adapter has a signed-in viewer; until known, ask for a name. */
  @state() private signedIn = false;
  /** The signed-in viewer's name, for the reader's own comments until the server confirms them. */
  private viewerName = '';
  /** The viewer moderates (role moderator or owner): comments offer Approve, Spam and Remove. */
  @state() private moderator = false;
  /** The name the reader last posted under, offered again in every form. */
  @state() private authorName = '';
  /** What the polite live region says (loaded, posted, not sent). */
  @state() private announcement = '';
  /** The shared clock's time, so relative dates ("5 minutes ago") stay current. */
  @state() private now = Date.now();
  private stopClock?: () => void;

  /** The thread's id, as the adapter knows it (e.g. the page's path). */
  @property({ reflect: true }) thread = '';

  /** The backend: any object with `list` and `post` (see `CommentAdapter`). */
  @property({ attribute: false }) adapter?: CommentAdapter;

  /**
   * A token the host site signed for its signed-in reader (an HS256 JWT, see the server's SSO),
   * handed to the adapter's `setIdentity`: the form asks no name, and comments show as verified.
   */
  @property({ attribute: 'sso-token' }) ssoToken = '';

  /** Order of comments, passed to the adapter: `oldest`, `newest` or `top`. */
  @property() sort: 'oldest' | 'newest' | 'top' = 'oldest';

  /**
   * Comments per adapter request and per page on screen (default 100): a page holds about this
   * many comments — top-level ones first, then their replies level by level; replies beyond that
   * start collapsed behind "Show N replies". Set it to the thread's size to show every comment.
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /**
   * Where links in comments (and authors' links) open: `_blank` (a new tab) or `_self`, `_parent`,
   * `_top`. They always carry `rel="ugc nofollow noopener noreferrer"`.
   */
  @property({ attribute: 'link-target' }) linkTarget: '_blank' | '_self' | '_parent' | '_top' = '_blank';

  /**
   * Accept relative URLs (`/about`, `../page`) in comment links, author URLs and avatars, resolved
   * against the page. Off by default: only absolute `https:`, `http:` and `mailto:` URLs are links.
   */
  @property({ type: Boolean, attribute: 'allow-relative-urls' }) allowRelativeUrls = false;

  /**
   * Longest wait for one adapter call, in milliseconds (default 20000; 0: no limit). A call that
   * takes longer is aborted and shows as a network error with Retry.
   */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = 20000;

  /** Bodies longer than this many characters start collapsed with "Show more"; 0 never collapses. */
  @property({ type: Number, attribute: 'collapse-length' }) collapseLength = 1500;

  /**
   * Deepest nesting (default 5, at most 16). Replies deeper than this show in one flat list at
   * this level, in reading order: nothing is cut, and no data makes the page deeper than this.
   */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 5;

  /**
   * Replacement texts by message id, for this element only, in any locale — e.g.
   * `{ 'thread.form-heading': 'Leave a reply', 'thread.heading.count.other': '{0} replies' }`.
   * `{0}`, `{1}` stand for the message's values. Every id is a `trans-unit` in `xliff/*.xlf`.
   */
  @property({ attribute: false }) strings?: Overrides;

  private loadedFor?: { adapter: CommentAdapter; thread: string; sort: string };

  /** How many comments each list shows, by parent id ('' = top level), once the reader asked for more. */
  private readonly shownCount = new Map<string, number>();
  /** Top-level comments whose replies got their share of the page (list-paging.ts). */
  private readonly allotted = new Set<string>();
  /** Ids of the comments the reader posted here: always shown, wherever paging would cut. */
  private readonly posted = new Set<string>();
  /** Drafts and deliveries (safekeeping.ts, in the list chunk): set up once that is in. */
  private keeper?: Safekeeping;

  /** One object for as long as its inputs stay the same, so comments do not re-render for a new one. */
  private links: LinkOptions = {};

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    const tree = this.store?.tree;
    // Only the forms show these: the comments the reply form leaves and joins render again.
    if (name === 'replyingTo' && tree) {
      touch(tree, oldValue as string | null);
      touch(tree, this.replyingTo);
    } else if ((name === 'authorName' || name === 'signedIn') && tree) touch(tree, this.replyingTo);
    else if (name !== 'touches' && name !== 'announcement') this.listRevision++;
    super.requestUpdate(name, oldValue, options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopClock = subscribeClock((now) => (this.now = now));
    // Reconnecting after a disconnect (which aborted the load) must load again.
    this.loadedFor = undefined;
    this.keeper?.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopClock?.();
    this.stopClock = undefined;
    this.keeper?.disconnect();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('adapter') || changed.has('ssoToken')) {
      // Only a token the page gave (or took back) here: one set with adapter.setIdentity() stays.
      if (this.ssoToken || changed.get('ssoToken')) this.adapter?.setIdentity?.(this.ssoToken || null);
      // Another reader: what they may do with each comment changes, so the list loads again.
      if (!changed.has('adapter') && changed.has('ssoToken') && changed.get('ssoToken') !== undefined) this.loadedFor = undefined;
      this.checkViewer();
    }
    if (changed.has('adapter') || changed.has('linkTarget') || changed.has('allowRelativeUrls')) {
      const adapter = this.adapter;
      const mentionUrl = adapter?.mentionUrl && ((name: string) => adapter.mentionUrl!(name));
      this.links = { target: this.linkTarget, allowRelative: this.allowRelativeUrls, ...(mentionUrl ? { mentionUrl } : {}) };
    }
    this.setUpActions(changed.has('adapter'));
    const wanted = this.adapter && { adapter: this.adapter, thread: this.thread, sort: this.sort };
    const current = this.loadedFor;
    if (!wanted) {
      this.store.cancel();
      this.actions?.unsubscribe();
      this.loadedFor = undefined;
    } else if (!current || current.adapter !== wanted.adapter || current.thread !== wanted.thread || current.sort !== wanted.sort) {
      this.loadedFor = wanted;
      if (current?.thread !== wanted.thread) {
        this.replyingTo = null;
        this.shownCount.clear();
        this.allotted.clear();
        // What the main form holds stays the old thread's draft; the new thread's form starts afresh.
        this.keeper?.leave();
        this.renderRoot.querySelector<CommentForm>('[part="form-section"] > comment-form')?.reset();
        this.actions?.reset();
      }
      this.actions?.unsubscribe();
      this.load();
    }
  }

  /**
   * Says `words` (in the thread's language) through its polite live region, for screen readers. Used by maoni's own
   * lazy parts; not for pages.
   * @internal
   */
  announce(words: (l: Localization) => string): void {
    const l = this.localeController.localization?.withOverrides(this.strings);
    const text = l ? words(l) : '';
    // The same words again must be heard again: a region only speaks when its text changes.
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  /** Loads the thread again from the adapter. */
  reload(): Promise<boolean> {
    this.loadedFor = undefined;
    this.requestUpdate();
    return this.updateComplete.then(() => this.store.status === 'ready');
  }

  private async load(): Promise<void> {
    const adapter = this.adapter!;
    const threadId = this.thread;
    // The list chunk downloads beside the first page. The store counts the page as loaded
    // only once the chunk is in too (it normalizes with it), so the list never shows raw markdown.
    loadList().catch((error: unknown) => console.warn('maoni: could not load the list chunk; the thread shows an error with Retry.', error));
    const applied = await this.store.load({ adapter, threadId, pageSize: this.pageSize, sort: this.sort, timeout: this.requestTimeout });
    if (this.thread === threadId) this.restoreWords(threadId, applied);
    if (applied) {
      await this.actionsLoading;
      if (this.adapter === adapter && this.thread === threadId) this.actions?.follow(adapter, threadId);
      await this.updateComplete;
      this.dispatchEvent(new CommentLoadedEvent({ threadId, count: this.store.tree.size, total: this.store.count }));
    } else if (this.store.status === 'error' && this.store.error && this.adapter === adapter && this.thread === threadId) {
      this.dispatchEvent(new CommentErrorEvent({ threadId, operation: 'list', error: this.store.error }));
    }
  }

  /** Drafts back in their forms, and unconfirmed posts from before a reload shown and sent again. */
  private restoreWords(threadId: string, loaded: boolean): void {
    const keeper = this.safekeeping();
    if (!keeper) return;
    const reopen = keeper.restore(threadId, this.authorName, loaded);
    if (reopen && this.replyingTo === null) this.replyingTo = reopen;
    this.requestUpdate(); // the forms take their drafts
  }

  /** Drafts and deliveries, once the list chunk (which has them) is in. */
  private safekeeping(): Safekeeping | undefined {
    const rich = loadedList();
    if (!this.keeper && rich) {
      this.keeper = new rich.Safekeeping({ element: this, store: this.store, posted: this.posted });
      if (this.isConnected) this.keeper.connect();
    }
    return this.keeper;
  }

  /** Loads the capability UI once the adapter has a capability; `hold` keeps the list back until then. */
  private setUpActions(hold: boolean): void {
    if (this.actions || this.actionsLoading || !hasCapabilities(this.adapter)) return;
    const ui = loadedCapabilities();
    if (ui) {
      this.actions = new ui.ThreadActions(this, this.store);
      return;
    }
    // A sort menu learnt from ready() while the list is shown just appears; a new load waits.
    this.waitingForActions = hold || this.store.status !== 'ready';
    this.actionsLoading = loadCapabilities()
      .then(
        (loaded) => {
          this.actions = new loaded.ThreadActions(this, this.store);
        },
        (error: unknown) => console.warn('maoni: could not load the edit, delete, reaction, sort and realtime UI.', error)
      )
      .finally(() => {
        this.waitingForActions = false;
        this.requestUpdate();
      });
  }

  private async checkViewer(): Promise<void> {
    const adapter = this.adapter;
    // Capabilities an adapter learns from its backend (sorts, reactions) show once known.
    if (adapter?.ready) {
      Promise.resolve()
        .then(() => adapter.ready!())
        .then(
          () => this.adapter === adapter && this.requestUpdate(),
          () => {} // Without them the defaults stay: one sort, no reactions.
        );
    }
    this.signedIn = false;
    this.moderator = false;
    if (!adapter?.viewer) return;
    try {
      const viewer = await adapter.viewer();
      if (this.adapter === adapter) {
        this.signedIn = !!viewer;
        this.viewerName = viewer?.name ?? '';
        this.moderator = viewer?.role === 'moderator' || viewer?.role === 'owner';
      }
    } catch {
      // No viewer information: ask for a name, which works for every backend.
    }
  }

  private async post(form: CommentForm, parentId: string | null, event: CommentFormSubmitEvent): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) return;
    const threadId = this.thread;
    const { body, name, email, url, honeypot, idempotencyKey } = event.value;
    const author = name !== undefined ? { author: { name, ...(email ? { email } : {}), ...(url ? { url } : {}) } } : {};
    const input: NewComment = { parentId, body, ...author, ...(honeypot ? { honeypot } : {}) };
    if (!this.dispatchEvent(new CommentSubmitEvent({ threadId, input }))) return;
    // Even before (or without) a first page, a post goes through the outbox.
    if (!loadedList()) await loadList().catch(() => {});
    const keeper = this.safekeeping();
    if (!keeper) {
      // Without that chunk (the network failed) nothing can be kept safe or shown: the text stays
      // in the form, nothing is sent, and submitting again tries the chunk again.
      const error = new AdapterError('network', 'the list chunk could not be loaded');
      form.error = error;
      this.dispatchEvent(new CommentErrorEvent({ threadId, operation: 'post', error }));
      return;
    }
    // Shown at once, kept in the outbox and sent (again) until the server confirms it.
    keeper.post(threadId, input, idempotencyKey, name || this.viewerName || this.authorName);
    form.reset();
    if (name) this.authorName = name;
    // The reply form goes; focus moves to the new comment (keeper.post).
    if (parentId !== null && this.replyingTo === parentId) this.replyingTo = null;
  }

  /** The deepest nested list (`max-depth`, within reason: the DOM's depth is what it costs). */
  private get depthCap(): number {
    return Math.min(Math.max(0, this.maxDepth), 16);
  }

  /** Shows another page of a list's already loaded comments. */
  private showMore(key: string): void {
    this.shownCount.set(key, (this.shownCount.get(key) ?? this.pageSize) + this.pageSize);
    // Only that list renders again (the top level's is outside every comment's subtree).
    if (key) this.store.touch(key);
    else this.requestUpdate('touches', this.touches++);
  }

  /** Loads another page of comments or replies; a failure stays visible and is an event too. */
  private async loadMore(key: string, load: () => Promise<void>): Promise<void> {
    const threadId = this.thread;
    await load();
    // The new page shows in full: each list shows as many pages as were loaded or asked for.
    if (threadId === this.thread && !this.store.moreError) this.showMore(key);
    const error = this.store.moreError;
    if (error && threadId === this.thread) this.dispatchEvent(new CommentErrorEvent({ threadId, operation: 'more', error }));
  }

  private onReplyRequest(event: CommentReplyRequestEvent): void {
    event.stopPropagation();
    const id = event.comment.id;
    if (this.replyingTo === id) this.replyingTo = null;
    else this.focusForm(id);
  }

  /** Opens the form that `parentId` (null: the main form) replies with, and focuses it. */
  private focusForm(parentId: string | null): void {
    if (parentId !== null && this.replyingTo !== parentId) {
      this.keeper?.refresh(this.thread, parentId);
      this.replyingTo = parentId;
    }
    this.updateComplete.then(() =>
      this.renderRoot.querySelector<CommentForm>(parentId === null ? '[part="form-section"] > comment-form' : '[part="reply-form"] comment-form')?.focus()
    );
  }

  private closeReply(): void {
    const id = this.replyingTo;
    this.replyingTo = null;
    // Focus goes back to the Reply button that opened the form.
    this.updateComplete.then(() => {
      const item = itemFor(this.renderRoot, id);
      item?.shadowRoot?.querySelector<HTMLElement>('[part="reply-button"]')?.focus();
    });
  }

  private renderForm(l: Localization, parent: CommentNode | null): TemplateResult {
    const parentId = parent?.comment.id ?? null;
    const draft = this.keeper?.initial(parentId);
    return html`<comment-form exportparts=${formExportParts} .localization=${l} .links=${this.links}
      .initialBody=${draft?.body ?? ((parent && loadedList()?.mentionOf(parent.comment.author.name)) || '')}
      ?needs-name=${!this.signedIn} .authorName=${draft?.name || this.authorName} .authorContact=${draft ?? noContact} .authorFields=${this.adapter?.authorFields ?? noAuthorFields}
      ?inline=${parent !== null} reply-to=${parent ? parent.comment.author.name.trim() || l.msg('Anonymous', { id: 'comment.anonymous' }) : ''}
      @comment-form-submit=${(event: CommentFormSubmitEvent) => {
        event.stopPropagation();
        this.post(event.currentTarget as CommentForm, parentId, event);
      }}
      @input=${(event: Event) => this.safekeeping()?.input(this.thread, parentId, (event.currentTarget as CommentForm).draft)}
      @comment-form-cancel=${(event: Event) => {
        event.stopPropagation();
        this.closeReply();
      }}
      @keydown=${parent ? (event: KeyboardEvent) => event.key === 'Escape' && this.closeReply() : nothing}></comment-form>`;
  }

  private renderSkeleton(l: Localization): TemplateResult {
    return html`<div part="skeleton" role="status">
      <span class="visually-hidden">${l.msg('Loading comments…', { id: 'thread.loading' })}</span>
      <div class="bone"><span></span></div>
      <div class="bone"><span></span></div>
      <div class="bone"><span></span></div>
    </div>`;
  }

  private renderContent(l: Localization, ready: boolean): TemplateResult {
    const { status, error, tree } = this.store;
    if (status === 'error' && error) {
      return html`<div part="error" role="alert">
        <span>${l.msg('The comments could not be loaded.', { id: 'thread.error.load' })} ${errorMessage(l, error)}</span>
        <button part="retry-button" type="button" @click=${() => this.reload()}>${l.msg('Retry', { id: 'thread.retry' })}</button>
      </div>`;
    }
    if (!ready) return this.renderSkeleton(l);
    // "N new comments — show", live: the first ones of an empty thread wait there too, in place of "No comments yet".
    const news = this.actions?.renderNewComments(l);
    if (tree.size === 0) {
      return news ?? html`<slot name="empty"><p part="empty">${l.msg('No comments yet. Be the first to write one.', { id: 'thread.empty' })}</p></slot>`;
    }
    // The list's templates and styles come with the list chunk, which every page of comments needs.
    const rich = loadedList()!;
    rich.addStyles(this, rich.listStyles);
    return html`${news}${rich.renderComments({
      l, store: this.store, adapter: this.adapter, links: this.links, now: this.now, collapseLength: this.collapseLength,
      replyingTo: this.replyingTo, moderator: this.moderator, actions: this.actions, keeper: this.keeper, depthCap: this.depthCap, pageSize: this.pageSize,
      shownCount: this.shownCount, allotted: this.allotted, posted: this.posted, revision: this.listRevision,
      renderForm: (node) => this.renderForm(l, node),
      showMore: (key) => this.showMore(key),
      loadMore: (key, load) => this.loadMore(key, load),
      rendered: () => this.updateComplete,
    })}`;
  }

  override render() {
    const loaded = this.localeController.localization;
    // Until the locale's translations are in, render nothing rather than a flash of English.
    if (!loaded) return html`<div part="skeleton" aria-busy="true"></div>`;
    const l = loaded.withOverrides(this.strings);
    const { msg } = l;
    const dir = this.localeController.direction;
    if (!this.adapter) {
      return html`<section part="thread" dir=${dir}>
        <p part="config-error" role="alert">${msg('Comments are unavailable: this page has not connected the comment-thread element to a comment service (its adapter property is not set).', { id: 'thread.error.no-adapter' })}</p>
      </section>`;
    }
    const ready = this.store.status === 'ready' && !this.waitingForActions;
    return html`<section part="thread" dir=${dir} aria-labelledby="heading" aria-busy=${!ready && this.store.status !== 'error'}
      @comment-reply-request=${this.onReplyRequest} @comment-delivery=${(event: CommentDeliveryEvent) => this.keeper?.handle(event, (parentId) => this.focusForm(parentId))}
      @keydown=${(event: KeyboardEvent) => loadedList()?.moveBetweenComments(event, this.renderRoot)}>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <slot name="header"></slot>
      <div part="header">
        <h2 part="heading" id="heading">${(ready && loadedList()?.countHeading(l, this.store.count)) || msg('Comments', { id: 'thread.heading' })}</h2>
        ${ready ? this.actions?.renderSortMenu(l) : nothing}
      </div>
      ${this.renderContent(l, ready)}
      <div part="form-section">
        <h3 part="form-heading" id="form-heading">${msg('What do you think?', { id: 'thread.form-heading' })}</h3>
        ${this.renderForm(l, null)}
        <slot name="notice"></slot>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
  }
}
