import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ModerationAction } from '../../adapters/adapter.js';
import { AdapterError, isAbort } from '../../core/errors.js';
import type { LinkOptions } from '../../core/links.js';
import { adminLocalizations } from '../../i18n/admin-locale-controller.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import type { Localization, Overrides } from '../../i18n/localization.js';
import { adoptRichTextStyles } from '../comment-item/rich-text.js';
import { focusRingStyles } from '../shared/shared.styles.js';
import { commentModerationStyles } from './comment-moderation.styles.js';
import { renderLogTable } from './log-view.js';
import {
  RestModerationClient,
  moderationStatuses,
  type LoggedAction,
  type ModeratedComment,
  type ModerationClient,
  type ModerationCounts,
  type ModerationLogEntry,
  type ModerationSession,
  type ModerationStatus,
} from './moderation-client.js';
import { ModerationActionEvent, ModerationErrorEvent, type ModerationErrorDetail } from './moderation-events.js';
import { actionLabel, doneLabel, moderationErrorMessage } from './moderation-labels.js';
import { actionsFor, renderEmpty, renderRows, renderTabs, renderToolbar, statusOf, type QueueHost } from './queue-view.js';
import { shortcutFor, shortcuts, type ShortcutCommand } from './shortcuts.js';
import { renderSignIn, type SignInHost } from './sign-in-view.js';

type Phase = 'starting' | 'start-failed' | 'signed-out' | 'signed-in';
type View = 'queue' | 'log';

// Links in comments open in a new tab: the moderator keeps the queue.
const links: LinkOptions = Object.freeze({ target: '_blank' });

/**
 * @summary The site owner's moderation queue: sign in, review held comments, approve, mark as spam, delete, ban, and read the activity log.
 * @tag comment-moderation
 *
 * Give it the API's address (`base-url="/api"`), or a `client` (any `ModerationClient`). It asks
 * whether someone is signed in, shows the sign-in form if not, then the pending comments first,
 * with tabs for spam, published and deleted ones, each with its count. Comments can be selected
 * (checkboxes, "Select all") for bulk actions, and the keyboard does it all: `j`/`k` move, `x`
 * selects, `a` approves, `s` marks as spam, `d` deletes, `r` restores, `b` bans the author (keys
 * typed into a field are text). Its language follows `lang` like the widget's elements; it draws
 * in light or dark colors after the system's preference.
 *
 * @event {ModerationActionEvent} moderation-action - The server confirmed an action on a comment (`detail.comment`, `detail.action`: approve, spam, delete, restore or ban); a bulk action sends one per comment.
 * @event {ModerationErrorEvent} moderation-error - A call failed (`detail.operation`, `detail.error`, `detail.commentId`); the page shows it too.
 *
 * @csspart app - The whole page.
 * @csspart header - The top bar with the product name, the sections and the account.
 * @csspart product - The product name.
 * @csspart nav - The Queue / Activity log switch.
 * @csspart nav-button - A section button; the current one has `aria-current="page"`.
 * @csspart account - The signed-in email and Sign out.
 * @csspart email - The signed-in moderator's email.
 * @csspart sign-out - The Sign out button.
 * @csspart main - The content under the header.
 * @csspart heading - The page heading ("Comments", "Activity log", the sign-in heading).
 * @csspart sign-in - The sign-in section.
 * @csspart sign-in-form - The sign-in `form`.
 * @csspart label - A form label.
 * @csspart input - An email or password field.
 * @csspart sign-in-button - The Sign in button.
 * @csspart sign-in-error - Why signing in failed.
 * @csspart notice - Why the moderator is asked to sign in again.
 * @csspart tabs - The status tabs.
 * @csspart tab - A status tab; the selected one is also `tab-selected`.
 * @csspart tab-selected - The selected status tab.
 * @csspart tab-count - The number of comments in a tab.
 * @csspart panel - The selected tab's panel.
 * @csspart toolbar - Select all, the bulk actions and the thread filter.
 * @csspart select-all - The "Select all" checkbox with its label.
 * @csspart bulk-actions - The actions for the selected comments.
 * @csspart selection-count - "3 selected".
 * @csspart bulk-button - A bulk action button (also `approve-button`, `spam-button`, `delete-button`, `restore-button`, `ban-button`).
 * @csspart thread-filter - The thread filter `form`.
 * @csspart thread-input - The thread filter field.
 * @csspart filter-button - The Filter button.
 * @csspart clear-filter - "Show all threads".
 * @csspart list - The list of comments.
 * @csspart row - A comment's list item; also `row-selected` when selected and `row-current` for the keyboard's current one.
 * @csspart row-selected - A selected row.
 * @csspart row-current - The row the keyboard is on.
 * @csspart comment - A comment (`article`, focusable).
 * @csspart row-checkbox - A comment's checkbox.
 * @csspart avatar - The author's picture or initials.
 * @csspart content - Everything beside the avatar.
 * @csspart meta - The author, date, thread and why the comment was held.
 * @csspart author - The author's name (a link when the author gave a safe URL).
 * @csspart verified - The "Verified" badge.
 * @csspart date - When the comment was written.
 * @csspart thread - The comment's thread.
 * @csspart thread-button - The thread's name; it filters the queue to that thread.
 * @csspart reason - Why the comment was held.
 * @csspart body - The comment's text (safe rich text: paragraph, link, code, quote … inside).
 * @csspart actions - A comment's action buttons.
 * @csspart action-button - A comment's action button (also `approve-button`, `spam-button`, `delete-button`, `restore-button`, `ban-button`).
 * @csspart approve-button - An Approve button.
 * @csspart spam-button - A "Mark as spam" button.
 * @csspart delete-button - A Delete button.
 * @csspart restore-button - A Restore button.
 * @csspart ban-button - A "Ban author" button.
 * @csspart banned - "Author banned", once the author is banned.
 * @csspart working - Shown while an action runs.
 * @csspart row-error - Why an action on the comment failed.
 * @csspart confirm - The question before a ban.
 * @csspart confirm-button - The button that confirms the ban.
 * @csspart cancel-button - The button that keeps the author.
 * @csspart empty - The empty state.
 * @csspart empty-icon - The empty state's picture.
 * @csspart empty-heading - The empty state's heading.
 * @csspart load-more - "Load more".
 * @csspart loading - Shown while a list loads.
 * @csspart error - A loading error.
 * @csspart retry-button - Try again after a loading error.
 * @csspart shortcuts - The keyboard shortcuts help.
 * @csspart log-scroll - The box the log table scrolls in.
 * @csspart log - The activity log table.
 * @csspart log-entry - A row of the log.
 * @csspart log-action - What was done, in a log row.
 *
 * @cssprop [--comment-moderation-background=#f6f7f9 (light), #0f1115 (dark)] - The page's background.
 * @cssprop [--comment-moderation-surface=#ffffff (light), #171a21 (dark)] - Background of the header, the list and the forms.
 * @cssprop [--comment-moderation-accent=#2f5bea (light), #8fa8ff (dark)] - The selected tab, the current row and links.
 * @cssprop [--comment-moderation-approve=#1a7f37 (light), #3fb950 (dark)] - Background of Approve and Restore.
 * @cssprop [--comment-error-color=#b3261e (light), #ffb4ab (dark)] - Errors, Delete and Ban.
 * @cssprop [--comment-focus-color=currentColor] - The focus ring.
 * @cssprop [--comment-radius=0.375rem] - Corner radius of boxes and buttons.
 * @cssprop [--comment-font=system-ui] - The font.
 */
export class CommentModeration extends LitElement implements QueueHost, SignInHost {
  static override styles = [focusRingStyles, commentModerationStyles];

  private readonly localeController = new LocaleController(this, adminLocalizations);

  @state() private phase: Phase = 'starting';
  @state() private view: View = 'queue';
  @state() private session: ModerationSession | null = null;
  @state() private startError: AdapterError | null = null;
  @state() signingIn = false;
  @state() signInError: AdapterError | null = null;
  @state() notice: AdapterError | null = null;

  @state() status: ModerationStatus = 'pending';
  @state() thread = '';
  @state() comments: readonly ModeratedComment[] = [];
  @state() counts: ModerationCounts | null = null;
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  @state() private loadingMore = false;
  @state() private listError: AdapterError | null = null;
  @state() selected: ReadonlySet<string> = new Set();
  @state() busy: ReadonlySet<string> = new Set();
  @state() errors: ReadonlyMap<string, AdapterError> = new Map();
  @state() banned: ReadonlySet<string> = new Set();
  @state() current = 0;
  @state() confirmingBan: string | null = null;
  @state() private announcement = '';

  @state() private logEntries: readonly ModerationLogEntry[] = [];
  @state() private logCursor: string | null = null;
  @state() private logLoading = false;
  @state() private logError: AdapterError | null = null;

  /** The backend. Default: a `RestModerationClient` for `base-url`, made when the element connects. */
  @property({ attribute: false }) client?: ModerationClient;

  /** Where the moderation API lives (`/api`); used when no `client` is set. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** Comments per page (the API's `limit`). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Replacement texts by message id (`admin.status.pending`, …), for this element only. */
  @property({ attribute: false }) strings?: Overrides;

  readonly links = links;
  /** When the dates were last rendered: "5 minutes ago" is as of this. */
  now = Date.now();
  private startedWith?: ModerationClient;
  private listRequest?: AbortController;
  private logRequest?: AbortController;
  /** Set when a row left the list while focus was in it: the next row gets the focus. */
  private refocus = false;
  private readonly onDocumentKey = (event: KeyboardEvent) => this.handleShortcut(event);

  override connectedCallback(): void {
    super.connectedCallback();
    adoptRichTextStyles(this);
    if (!this.client && this.baseUrl) this.client = new RestModerationClient({ baseUrl: this.baseUrl });
    this.ownerDocument.addEventListener('keydown', this.onDocumentKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('keydown', this.onDocumentKey);
    this.listRequest?.abort();
    this.logRequest?.abort();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A base-url set after connecting, with no client given.
    if (changed.has('baseUrl') && this.baseUrl && this.isConnected && !this.client) this.client = new RestModerationClient({ baseUrl: this.baseUrl });
    if (this.client && this.client !== this.startedWith && this.isConnected) {
      this.startedWith = this.client;
      void this.start();
    }
    this.now = Date.now();
  }

  override updated(): void {
    if (!this.refocus) return;
    this.refocus = false;
    this.focusCurrent();
  }

  /** The localization in use (with `strings` applied). */
  get l(): Localization {
    return this.localeController.localization!.withOverrides(this.strings);
  }

  // ---- session ----------------------------------------------------------------------------

  private async start(): Promise<void> {
    const client = this.client!;
    this.phase = 'starting';
    this.startError = null;
    try {
      const session = await client.session();
      if (client !== this.client) return;
      if (session) this.enter(session);
      else this.phase = 'signed-out';
    } catch (error) {
      if (client !== this.client) return;
      const failure = this.fail('session', error);
      // No /session at all (a static server, a wrong base-url) reads as an unreachable server.
      this.startError = failure.code === 'not_found' ? new AdapterError('network', failure.message, { cause: failure }) : failure;
      this.phase = 'start-failed';
    }
  }

  private enter(session: ModerationSession): void {
    this.session = session;
    this.phase = 'signed-in';
    this.notice = null;
    this.view = 'queue';
    void this.loadList();
  }

  async signIn(email: string, password: string): Promise<void> {
    const client = this.client;
    if (!client || this.signingIn) return;
    this.signingIn = true;
    this.signInError = null;
    try {
      await client.signIn(email, password);
      const session = await client.session();
      if (!session) throw new AdapterError('unauthorized', 'The server did not keep the session.');
      this.signInError = null;
      this.enter(session);
    } catch (error) {
      this.signInError = this.fail('sign-in', error);
      await this.updateComplete;
      // After a wrong password the moderator retypes it.
      if (this.signInError?.code === 'unauthorized') {
        const password = this.renderRoot.querySelector<HTMLInputElement>('#password');
        if (password) {
          password.value = '';
          password.focus();
        }
      }
    } finally {
      this.signingIn = false;
    }
  }

  private async signOut(): Promise<void> {
    try {
      await this.client?.signOut();
    } catch (error) {
      // Signed out here anyway: the page forgets the session either way.
      this.fail('sign-out', error);
    }
    this.leave(null);
  }

  /** Back to the sign-in form; `notice` says why (the session ended). */
  private leave(notice: AdapterError | null): void {
    this.listRequest?.abort();
    this.logRequest?.abort();
    this.session = null;
    this.phase = 'signed-out';
    this.notice = notice;
    this.signInError = null;
    this.comments = [];
    this.counts = null;
    this.resetRows();
    this.logEntries = [];
  }

  private resetRows(): void {
    this.selected = new Set();
    this.errors = new Map();
    this.busy = new Set();
    this.confirmingBan = null;
    this.current = 0;
  }

  /** Reports a failure (event), and returns it as an AdapterError; an ended session signs out. */
  private fail(operation: ModerationErrorDetail['operation'], error: unknown, commentId?: string): AdapterError {
    const adapterError = AdapterError.from(error);
    this.dispatchEvent(new ModerationErrorEvent({ operation, error: adapterError, commentId }));
    if (adapterError.code === 'unauthorized' && this.phase === 'signed-in') this.leave(adapterError);
    return adapterError;
  }

  // ---- the queue ----------------------------------------------------------------------------

  private async loadList(more = false): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.listRequest?.abort();
    const request = (this.listRequest = new AbortController());
    if (more) this.loadingMore = true;
    else {
      this.loading = true;
      this.listError = null;
    }
    try {
      const page = await client.list({
        status: this.status,
        thread: this.thread || undefined,
        cursor: more ? (this.nextCursor ?? undefined) : undefined,
        limit: this.pageSize,
        signal: request.signal,
      });
      if (request.signal.aborted) return;
      const known = new Set(more ? this.comments.map((comment) => comment.id) : []);
      this.comments = more ? [...this.comments, ...page.comments.filter((comment) => !known.has(comment.id))] : page.comments;
      this.counts = page.counts;
      this.nextCursor = page.nextCursor;
      this.listError = null;
      if (!more) this.resetRows();
    } catch (error) {
      if (request.signal.aborted || isAbort(error)) return;
      this.listError = this.fail('list', error);
    } finally {
      if (this.listRequest === request) {
        this.loading = false;
        this.loadingMore = false;
      }
    }
  }

  showStatus(status: ModerationStatus): void {
    if (status === this.status && !this.listError) return;
    this.status = status;
    this.comments = [];
    this.resetRows();
    void this.loadList();
  }

  onTabKey(event: KeyboardEvent): void {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    let step = moves[event.key];
    if (step === undefined) return;
    if (this.localeController.direction === 'rtl' && Math.abs(step) === 1) step = -step;
    event.preventDefault();
    const index = moderationStatuses.indexOf(this.status);
    const next = step === -Infinity ? 0 : step === Infinity ? moderationStatuses.length - 1 : (index + step + moderationStatuses.length) % moderationStatuses.length;
    this.showStatus(moderationStatuses[next]);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${moderationStatuses[next]}`)?.focus());
  }

  filterThread(thread: string): void {
    if (thread === this.thread) return;
    this.thread = thread;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#thread-filter');
    if (input) input.value = thread;
    this.comments = [];
    this.resetRows();
    void this.loadList();
  }

  toggle(id: string, selected: boolean): void {
    const next = new Set(this.selected);
    if (selected) next.add(id);
    else next.delete(id);
    this.selected = next;
    if (this.confirmingBan === '*') this.confirmingBan = null;
  }

  toggleAll(selected: boolean): void {
    this.selected = new Set(selected ? this.comments.map((comment) => comment.id) : []);
    if (this.confirmingBan === '*') this.confirmingBan = null;
  }

  focusRow(index: number): void {
    this.current = index;
  }

  private focusCurrent(): void {
    const rows = this.renderRoot.querySelectorAll<HTMLElement>('[part~="comment"]');
    rows[Math.min(this.current, rows.length - 1)]?.focus();
  }

  /** Whether focus is on a row or inside one (then a row that leaves hands focus on). */
  private focusInList(): boolean {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return !!active?.closest('[part~="list"]');
  }

  private commentById(id: string): ModeratedComment | undefined {
    return this.comments.find((comment) => comment.id === id);
  }

  private setBusy(id: string, on: boolean): void {
    const next = new Set(this.busy);
    if (on) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  private setError(id: string, error: AdapterError | null): void {
    const next = new Map(this.errors);
    if (error) next.set(id, error);
    else next.delete(id);
    this.errors = next;
  }

  /** Applies an action to comments one after the other; each failure stays on its row, selected. */
  async act(ids: readonly string[], action: ModerationAction): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.confirmingBan = null;
    let done = 0;
    for (const id of ids) {
      const comment = this.commentById(id);
      if (!comment || this.busy.has(id) || !actionsFor[statusOf(comment, this.status)].includes(action)) continue;
      this.setBusy(id, true);
      this.setError(id, null);
      try {
        const updated = await client.moderate(id, action);
        if (this.phase !== 'signed-in') return;
        this.applyUpdate(comment, updated);
        done++;
        this.dispatchEvent(new ModerationActionEvent({ comment: updated, action }));
      } catch (error) {
        const failure = this.fail(action, error, id);
        if (this.phase !== 'signed-in') return;
        this.setError(id, failure);
      } finally {
        this.setBusy(id, false);
      }
    }
    if (done) this.announce(action, done);
  }

  /** The server's answer replaces the row, or takes it out of a list whose status it left. */
  private applyUpdate(before: ModeratedComment, updated: ModeratedComment): void {
    const from = statusOf(before, this.status);
    const to = statusOf(updated, from);
    if (this.counts && from !== to) this.counts = { ...this.counts, [from]: Math.max(0, this.counts[from] - 1), [to]: this.counts[to] + 1 };
    const index = this.comments.findIndex((comment) => comment.id === before.id);
    if (index < 0) return;
    if (to === this.status) {
      this.comments = this.comments.map((comment) => (comment.id === before.id ? updated : comment));
      return;
    }
    const focusWasHere = this.focusInList();
    this.comments = this.comments.filter((comment) => comment.id !== before.id);
    const selected = new Set(this.selected);
    selected.delete(before.id);
    this.selected = selected;
    if (index < this.current) this.current--;
    this.current = Math.max(0, Math.min(this.current, this.comments.length - 1));
    this.refocus ||= focusWasHere;
  }

  askBan(target: string): void {
    this.confirmingBan = target;
    // The question's own button gets focus: Enter bans, Escape keeps the author.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-confirm-ban]')?.focus());
  }

  cancelBan(): void {
    const target = this.confirmingBan;
    this.confirmingBan = null;
    if (target && target !== '*') {
      const index = this.comments.findIndex((comment) => comment.id === target);
      if (index >= 0) this.current = index;
      void this.updateComplete.then(() => this.focusCurrent());
    }
  }

  async ban(ids: readonly string[]): Promise<void> {
    const client = this.client;
    if (!client) return;
    const wasBulk = this.confirmingBan === '*';
    this.confirmingBan = null;
    let done = 0;
    for (const id of ids) {
      const comment = this.commentById(id);
      if (!comment || this.busy.has(id)) continue;
      this.setBusy(id, true);
      this.setError(id, null);
      try {
        await client.ban(id);
        if (this.phase !== 'signed-in') return;
        this.banned = new Set([...this.banned, id]);
        const selected = new Set(this.selected);
        selected.delete(id);
        this.selected = selected;
        done++;
        this.dispatchEvent(new ModerationActionEvent({ comment, action: 'ban' }));
      } catch (error) {
        const failure = this.fail('ban', error, id);
        if (this.phase !== 'signed-in') return;
        this.setError(id, failure);
      } finally {
        this.setBusy(id, false);
      }
    }
    if (done) this.announce('ban', done);
    if (!wasBulk) void this.updateComplete.then(() => this.focusCurrent());
  }

  private announce(action: LoggedAction, count: number): void {
    const text = doneLabel(this.l, action);
    // The same words twice in a row are not read again: a count tells the announcements apart.
    this.announcement = count > 1 ? `${text} (${this.l.number(count)})` : this.announcement === text ? `${text}\u00a0` : text;
  }

  // ---- the keyboard -------------------------------------------------------------------------

  private handleShortcut(event: KeyboardEvent): void {
    if (this.phase !== 'signed-in' || this.view !== 'queue') return;
    if (event.key === 'Escape' && this.confirmingBan) {
      event.preventDefault();
      this.cancelBan();
      return;
    }
    // Keys pressed in the page outside this element belong to the page, unless nothing has focus.
    const path = event.composedPath();
    const target = path[0];
    const onBody = target === this.ownerDocument.body || target === this.ownerDocument.documentElement;
    if (!onBody && !path.includes(this)) return;
    const command = shortcutFor(event);
    if (!command) return;
    event.preventDefault();
    this.run(command);
  }

  private run(command: ShortcutCommand): void {
    const count = this.comments.length;
    if (!count) return;
    const current = this.comments[Math.min(this.current, count - 1)];
    switch (command) {
      case 'next':
      case 'previous':
        this.current = Math.max(0, Math.min(count - 1, this.current + (command === 'next' ? 1 : -1)));
        void this.updateComplete.then(() => this.focusCurrent());
        return;
      case 'select':
        this.toggle(current.id, !this.selected.has(current.id));
        return;
    }
    // Actions apply to the selection, or to the current comment when none is selected.
    const selected = this.comments.filter((comment) => this.selected.has(comment.id)).map((comment) => comment.id);
    const targets = selected.length ? selected : [current.id];
    if (command === 'ban') {
      if (!selected.length) this.focusCurrent();
      this.askBan(selected.length ? '*' : current.id);
      return;
    }
    void this.act(targets, command);
  }

  // ---- the log ------------------------------------------------------------------------------

  private showView(view: View): void {
    if (view === this.view) return;
    this.view = view;
    if (view === 'log') void this.loadLog();
    else void this.loadList();
  }

  private async loadLog(more = false): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.logRequest?.abort();
    const request = (this.logRequest = new AbortController());
    this.logLoading = true;
    if (!more) this.logError = null;
    try {
      const page = await client.log({ cursor: more ? (this.logCursor ?? undefined) : undefined, signal: request.signal });
      if (request.signal.aborted) return;
      this.logEntries = more ? [...this.logEntries, ...page.entries] : page.entries;
      this.logCursor = page.nextCursor;
      this.logError = null;
    } catch (error) {
      if (request.signal.aborted || isAbort(error)) return;
      this.logError = this.fail('log', error);
    } finally {
      if (this.logRequest === request) this.logLoading = false;
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  private renderHeader(l: Localization): TemplateResult {
    const { msg } = l;
    const session = this.session;
    return html`<header part="header">
      <div class="brand">
        <svg class="logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 3 13.5z" fill="currentColor" />
        </svg>
        <span part="product">maoni</span>
        <span class="section-name">${msg('Moderation', { id: 'admin.title' })}</span>
      </div>
      ${this.phase === 'signed-in' && session
        ? html`<nav part="nav" aria-label=${msg('Sections', { id: 'admin.nav.label' })}>
              <button part="nav-button" aria-current=${this.view === 'queue' ? 'page' : 'false'} @click=${() => this.showView('queue')}>${msg('Queue', { id: 'admin.nav.queue' })}</button>
              <button part="nav-button" aria-current=${this.view === 'log' ? 'page' : 'false'} @click=${() => this.showView('log')}>${msg('Activity log', { id: 'admin.nav.log' })}</button>
            </nav>
            <div part="account">
              <span part="email" title=${msg('Signed in', { id: 'admin.signed-in' })}>${session.email}</span>
              <button part="sign-out" @click=${() => this.signOut()}>${msg('Sign out', { id: 'admin.sign-out' })}</button>
            </div>`
        : nothing}
    </header>`;
  }

  private renderLoadError(error: AdapterError, retry: () => void): TemplateResult {
    const l = this.l;
    return html`<div part="error" role="alert">
      <p>${moderationErrorMessage(l, error)}</p>
      <button part="retry-button" @click=${retry}>${l.msg('Try again', { id: 'admin.retry' })}</button>
    </div>`;
  }

  private renderShortcuts(l: Localization): TemplateResult {
    const { msg } = l;
    const labels: Record<ShortcutCommand, string> = {
      next: msg('Next comment', { id: 'admin.shortcuts.next' }),
      previous: msg('Previous comment', { id: 'admin.shortcuts.previous' }),
      select: msg('Select or unselect', { id: 'admin.shortcuts.select' }),
      approve: actionLabel(l, 'approve'),
      spam: actionLabel(l, 'spam'),
      delete: actionLabel(l, 'delete'),
      restore: actionLabel(l, 'restore'),
      ban: actionLabel(l, 'ban'),
    };
    return html`<aside part="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">${msg('Keyboard shortcuts', { id: 'admin.shortcuts.heading' })}</h2>
      <dl>
        ${shortcuts.map(([key, command]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${labels[command]}</dd></div>`)}
      </dl>
      <p>${msg('Actions apply to the selected comments, or to the current one when none is selected. Keys typed into a field are just text.', { id: 'admin.shortcuts.note' })}</p>
    </aside>`;
  }

  private renderQueue(l: Localization): TemplateResult {
    const { msg } = l;
    let body: TemplateResult;
    if (this.listError && !this.comments.length) body = this.renderLoadError(this.listError, () => void this.loadList());
    else if (this.loading && !this.comments.length) body = html`<p part="loading" role="status">${msg('Loading…', { id: 'admin.loading' })}</p>`;
    else if (!this.comments.length) body = renderEmpty(this);
    else
      body = html`${renderRows(this)}
      ${this.listError ? this.renderLoadError(this.listError, () => void this.loadList(true)) : nothing}
      ${this.nextCursor
        ? html`<button part="load-more" ?disabled=${this.loadingMore} @click=${() => this.loadList(true)}>
            ${this.loadingMore ? msg('Loading…', { id: 'admin.loading' }) : msg('Load more', { id: 'admin.load-more' })}
          </button>`
        : nothing}`;
    return html`<div class="queue">
      <section class="queue-main" aria-labelledby="queue-heading">
        <h1 id="queue-heading" part="heading">${msg('Comments', { id: 'admin.queue.heading' })}</h1>
        ${renderTabs(this)}
        <div part="panel" id="queue-panel" role="tabpanel" aria-labelledby=${`tab-${this.status}`} aria-busy=${this.loading ? 'true' : 'false'}>
          ${renderToolbar(this, this.thread)} ${body}
        </div>
      </section>
      ${this.renderShortcuts(l)}
    </div>`;
  }

  private renderLog(l: Localization): TemplateResult {
    const { msg } = l;
    let body: TemplateResult;
    if (this.logError && !this.logEntries.length) body = this.renderLoadError(this.logError, () => void this.loadLog());
    else if (this.logLoading && !this.logEntries.length) body = html`<p part="loading" role="status">${msg('Loading…', { id: 'admin.loading' })}</p>`;
    else
      body = html`${renderLogTable(l, this.logEntries, this.now)}
      ${this.logCursor
        ? html`<button part="load-more" ?disabled=${this.logLoading} @click=${() => this.loadLog(true)}>${msg('Load more', { id: 'admin.load-more' })}</button>`
        : nothing}`;
    return html`<section class="log-view" aria-labelledby="log-heading">
      <h1 id="log-heading" part="heading">${msg('Activity log', { id: 'admin.nav.log' })}</h1>
      ${body}
    </section>`;
  }

  private renderMain(l: Localization): TemplateResult {
    switch (this.phase) {
      case 'starting':
        return html`<p part="loading" role="status">${l.msg('Loading…', { id: 'admin.loading' })}</p>`;
      case 'start-failed':
        return this.renderLoadError(this.startError!, () => void this.start());
      case 'signed-out':
        return renderSignIn(this);
      case 'signed-in':
        if (this.listError?.code === 'forbidden' && this.view === 'queue') {
          return html`<div part="error" role="alert"><p>${moderationErrorMessage(l, this.listError)}</p></div>`;
        }
        return this.view === 'log' ? this.renderLog(l) : this.renderQueue(l);
    }
  }

  override render() {
    if (!this.localeController.localization) return nothing;
    const l = this.l;
    return html`<div part="app" lang=${l.locale} dir=${this.localeController.direction}>
      ${this.renderHeader(l)}
      <main part="main">${this.client ? this.renderMain(l) : html`<p part="error" role="alert">${l.msg('No server is set: give the element a base-url.', { id: 'admin.no-client' })}</p>`}</main>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-moderation': CommentModeration;
  }
}
