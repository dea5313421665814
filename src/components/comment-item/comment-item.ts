import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { str } from '@lit/localize';
import type { Comment } from '../../adapters/adapter.js';
import type { Block } from '../../core/markdown.js';
import type { LinkOptions } from '../../core/links.js';
import { loadList, loadedList, type ListChunk } from '../shared/list-loader.js';
import { loadCapabilities, loadedCapabilities } from '../shared/capabilities-loader.js';
import { Localization, isValidDate, localizationFor } from '../../i18n/localization.js';
import { sourceLocale } from '../../i18n/locales.js';
import type { Delivery } from '../../keeping/deliveries.js';
import type { ItemActions } from '../comment-thread/capabilities.js';
import { focusRingStyles } from '../shared/shared.styles.js';
import { commentItemStyles } from './comment-item.styles.js';


/**
 * Fired when the reader asks to reply to this comment. Internal to maoni: `<comment-thread>`
 * opens its inline form. Not composed, so it never leaves the thread's shadow root.
 */
export class CommentReplyRequestEvent extends Event {
  static readonly type = 'comment-reply-request';
  constructor(readonly comment: Comment) {
    super(CommentReplyRequestEvent.type, { bubbles: true });
  }
}

/**
 * @summary One comment: avatar, author, date, body and a Reply button.
 * @tag comment-item
 *
 * A building block of `<comment-thread>`, which gives it its comment and locale. Author, body and
 * URLs are rendered as text and attributes only, never parsed as HTML; links and avatars pass the
 * URL allowlist (`https:`, `http:`, `mailto:`).
 *
 * @event {CommentReplyRequestEvent} comment-reply-request - The Reply button was pressed (internal, not composed).
 * @event {CommentActionEvent} comment-action - Edit, Delete (confirmed) or a reaction was chosen (internal, not composed).
 * @event {CommentDeliveryEvent} comment-delivery - Retry or Edit on the reader's own comment that was not sent (internal, not composed).
 *
 * @csspart comment - The whole comment (an `article`).
 * @csspart avatar - The avatar image, or the initials shown when there is no usable image.
 * @csspart meta - The line with number, author, date and status.
 * @csspart number - The comment's number: its place in reading order when it was loaded; comments that come later (posted, live, another page) are numbered after the highest, so numbers never shift.
 * @csspart author - The author's name; a link when the author has an allowed URL.
 * @csspart date - The `time` element: a relative time ("5 minutes ago") for the last 30 days, else the date; the full date is its tooltip.
 * @csspart edited - The "edited" marker of an edited comment (its tooltip is when).
 * @csspart status - "Awaiting moderation" and similar states.
 * @csspart body - The comment text.
 * @csspart paragraph - One paragraph of the body.
 * @csspart mention - An `@name` mention in the body: a link when the adapter resolves a profile URL (`mentionUrl`).
 * @csspart link - A link in the body (`[text](url)` or a bare URL), when its URL passes the policy.
 * @csspart strong - `**strong**` text.
 * @csspart emphasis - `*emphasized*` text.
 * @csspart code - `` `inline code` ``.
 * @csspart code-block - A fenced code block (a `pre`, scrolls sideways).
 * @csspart quote - A `>` quote.
 * @csspart body-list - A bulleted (`ul`) or numbered (`ol`) list in the body.
 * @csspart body-list-item - An item of such a list.
 * @csspart expand-button - "Show more" / "Show less" under a long body.
 * @csspart deleted - The placeholder text of a deleted comment.
 * @csspart actions - The row of buttons under the body.
 * @csspart reply-button - The Reply button.
 * @csspart edit-button - The Edit button (own comments, when the backend allows editing).
 * @csspart delete-button - The Delete button, and the confirming button after it.
 * @csspart confirm - The "Delete this comment?" question with its buttons.
 * @csspart orphan-note - "In reply to a comment that is not available", on a reply whose parent the backend did not send.
 * @csspart delivery - How the reader's own new comment is doing: "Sending…", queued while offline, waiting after a rate limit, or not sent (with Retry and Edit).
 * @csspart delivery-button - Retry and Edit on a comment that was not sent.
 * @csspart verified - The badge beside the name of a reader the site signed in (the backend vouches for the name).
 * @csspart moderation - A moderator's tools on the comment: Approve, Spam and Remove.
 * @csspart approve-button - Publishes a held comment (or one marked as spam).
 * @csspart spam-button - Marks the comment as spam: readers no longer see it.
 * @csspart remove-button - Takes the comment down.
 * @csspart reactions - The group of reaction buttons.
 * @csspart reaction - One reaction button (`aria-pressed` when the reader gave it).
 * @csspart score - The score between the up and down votes.
 *
 * @cssprop [--comment-avatar-size=2.5rem] - Avatar width and height.
 * @cssprop [--comment-avatar-radius=50%] - Avatar corner radius.
 * @cssprop [--comment-avatar-background=currentColor at 12%] - Background behind initials.
 * @cssprop [--comment-avatar-gap=0.75rem] - Space between avatar and text.
 * @cssprop [--comment-padding=0.75rem] - Space above and below each comment.
 * @cssprop [--comment-border=1px solid currentColor at 15%] - Line under each comment.
 * @cssprop [--comment-muted-color=currentColor at 65%] - Color of number, date and status.
 * @cssprop [--comment-link-color=inherit] - Color of links and buttons.
 * @cssprop [--comment-mention-color=--comment-link-color] - Color of mentions.
 * @cssprop [--comment-code-font=ui-monospace, monospace] - Font of code and code blocks.
 * @cssprop [--comment-code-background=currentColor at 8%] - Background of code and code blocks.
 * @cssprop [--comment-code-max-height=24rem] - Tallest a code block grows before it scrolls.
 * @cssprop [--comment-quote-border=3px solid currentColor at 25%] - Line beside a quote.
 * @cssprop [--comment-author-weight=600] - Font weight of the author's name.
 * @cssprop [--comment-verified-color=--comment-link-color] - Color of the verified badge.
 * @cssprop [--comment-line-height=1.5] - Line height of the body.
 * @cssprop [--comment-focus-color=currentColor] - Focus ring color.
 */
export class CommentItem extends LitElement {
  static override styles = [focusRingStyles, commentItemStyles];

  /** Votes, reactions, Edit and Delete (capabilities.ts): a lazy chunk, set up once this comment offers one. */
  private actions?: ItemActions;

  /** The avatar image failed to load: show initials instead. */
  @state() private avatarFailed = false;

  /** The comment to show. */
  @property({ attribute: false }) comment?: Comment;

  /** The comment's number in the thread (1-based, see the `number` part); hidden when 0. */
  @property({ type: Number }) number = 0;

  /** Whether this comment's inline reply form is open (sets `aria-expanded` on Reply). */
  @property({ type: Boolean, attribute: 'reply-open' }) replyOpen = false;

  /** Hide the Reply button (e.g. while no adapter can post). */
  @property({ type: Boolean, attribute: 'no-reply' }) noReply = false;

  /** Messages and formatters for the thread's locale. */
  @property({ attribute: false }) localization?: Localization;

  /** Show Edit: the backend can edit and allows this reader to edit this comment. */
  @property({ type: Boolean, attribute: 'can-edit' }) canEdit = false;

  /** Show Delete: the backend can delete and allows this reader to delete this comment. */
  @property({ type: Boolean, attribute: 'can-delete' }) canDelete = false;

  /** Reaction ids the backend supports (`up`/`down` show as votes with the score between). */
  @property({ attribute: false }) reactions: readonly string[] = [];

  /** The viewer moderates this thread: Approve, Spam and Remove are offered (with the adapter's `moderate`). */
  @property({ type: Boolean, attribute: 'can-moderate' }) canModerate = false;

  /** An action on this comment is in progress: its buttons are disabled. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** How links behave (target, relative URLs, mention profiles); set by `<comment-thread>`. */
  @property({ attribute: false }) links: LinkOptions = {};

  /** Bodies longer than this many characters start collapsed with "Show more"; 0 never collapses. */
  @property({ type: Number, attribute: 'collapse-length' }) collapseLength = 0;

  /** The reader expanded a long body. */
  @state() private expanded = false;

  /** The last body parsed, and what it became: renders other than a new body do not parse again. */
  private parsed?: { source: string; blocks: Block[] };

  /** A reply whose parent is not in the thread (shown at the top level, with a note saying so). */
  @property({ type: Boolean }) orphan = false;

  /** The delivery of the reader's own comment that the server has not confirmed yet. */
  @property({ attribute: false }) delivery?: Delivery;

  /** The current time (ms) from the page's shared clock, for relative dates. */
  @property({ attribute: false }) now = Date.now();

  /** What the date shows: a relative time, or the date itself when older. */
  private dateText(date: Date): string {
    return this.l.relative(date, this.now) || this.l.date(date);
  }

  private catchingUp = false;

  /** Renders what was put off while off screen, now (idle-updates.ts). @internal */
  catchUp(): void {
    this.catchingUp = true;
    this.requestUpdate();
    this.performUpdate();
  }

  /**
   * Off screen, a new locale or clock tick waits: for idle time, or for the comment to come near
   * the screen, whichever is first (idle-updates.ts, with the list chunk). A clock tick alone
   * re-renders only when the shown date text changes ("4 minutes ago" → "5").
   */
  override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    if (this.catchingUp) {
      this.catchingUp = false;
      return true;
    }
    if (changed.size === 1 && changed.has('now') && this.comment) {
      const date = new Date(this.comment.createdAt);
      const before = this.l.relative(date, changed.get('now') as number) || this.l.date(date);
      if (before === this.dateText(date)) return false;
    }
    return !loadedList()?.putOff(this, changed);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('comment')) {
      this.avatarFailed = false;
      // An edit keeps the reader's choice; another comment in this element starts collapsed.
      if ((changed.get('comment') as Comment | undefined)?.id !== this.comment?.id) this.expanded = false;
    }
    if (!this.actions && (this.canEdit || this.canDelete || this.canModerate || this.reactions.length)) {
      const ui = loadedCapabilities();
      if (ui) this.actions = new ui.ItemActions(this);
      else loadCapabilities().then(() => this.requestUpdate(), () => {});
    }
  }

  private get l(): Localization {
    return this.localization ?? localizationFor(sourceLocale, undefined);
  }

  private onReply(): void {
    if (this.comment) this.dispatchEvent(new CommentReplyRequestEvent(this.comment));
  }

  private renderAvatar(comment: Comment): TemplateResult {
    // The URL policy comes with the list chunk; until it is in, initials.
    const src = this.avatarFailed ? null : loadedList()?.safeUrl(comment.author.avatarUrl, { image: true, allowRelative: this.links.allowRelative });
    if (src) {
      return html`<img part="avatar" src=${src} alt="" width="40" height="40" loading="lazy"
        referrerpolicy="no-referrer" @error=${() => (this.avatarFailed = true)} />`;
    }
    return html`<span part="avatar" aria-hidden="true">${loadedList()?.initials(comment.author.name, this.l.locale)}</span>`;
  }

  private renderAuthor(comment: Comment): TemplateResult {
    const name = comment.author.name.trim() || this.l.msg('Anonymous', { id: 'comment.anonymous' });
    const rich = loadedList();
    const href = rich?.safeUrl(comment.author.url, { allowRelative: this.links.allowRelative });
    const author = rich && href
      ? html`<a part="author" id="author" href=${href} rel=${rich.linkRel} target=${rich.linkTarget(this.links)} dir="auto">${name}</a>`
      : html`<span part="author" id="author" dir="auto">${name}</span>`;
    if (!comment.author.verified) return author;
    // A reader the site signed in: the backend vouches for the name.
    const label = this.l.msg('Verified', { id: 'comment.verified' });
    return html`${author}<span part="verified" role="img" aria-label=${label} title=${label}>✓</span>`;
  }

  private renderDate(comment: Comment): TemplateResult | typeof nothing {
    const date = new Date(comment.createdAt);
    if (!isValidDate(date)) return nothing;
    return html`<time part="date" id="date" datetime=${date.toISOString()} title=${this.l.fullDate(date)}>${this.dateText(date)}</time>`;
  }

  private renderEdited(comment: Comment): TemplateResult | typeof nothing {
    if (!comment.editedAt) return nothing;
    const edited = new Date(comment.editedAt);
    return html`<span part="edited" title=${this.l.fullDate(edited)}>${this.l.msg('edited', { id: 'comment.edited' })}</span>`;
  }

  private renderStatus(comment: Comment): TemplateResult | typeof nothing {
    const { msg } = this.l;
    if (comment.status === 'pending') return html`<span part="status">${msg('Awaiting moderation', { id: 'comment.pending' })}</span>`;
    if (comment.status === 'spam') return html`<span part="status">${msg('Spam', { id: 'comment.spam' })}</span>`;
    return nothing;
  }

  private blocks(rich: ListChunk, source: string): Block[] {
    if (this.parsed?.source !== source) this.parsed = { source, blocks: rich.parseMarkdown(source) };
    return this.parsed.blocks;
  }

  private renderBody(comment: Comment): TemplateResult {
    const { msg } = this.l;
    if (comment.status === 'deleted') {
      return html`<div part="body"><p part="deleted">${msg('This comment was deleted.', { id: 'comment.deleted' })}</p></div>`;
    }
    // A long body shows its beginning until the reader asks for the rest: a 1 MB comment costs
    // neither parsing nor layout of a megabyte until then.
    const body = typeof comment.body === 'string' ? comment.body : '';
    const long = this.collapseLength > 0 && body.length > this.collapseLength;
    const collapsed = long && !this.expanded;
    const rich = loadedList();
    let text: unknown;
    if (rich) {
      rich.adoptRichTextStyles(this);
      text = rich.renderBlocks(this.blocks(rich, collapsed ? rich.excerpt(body, this.collapseLength) : body), this.links);
    } else {
      // Until the list chunk is in (`<comment-thread>` waits for it), plain paragraphs.
      loadList().then(() => this.requestUpdate(), () => {});
      text = html`<p part="paragraph" class="plain" dir="auto">${collapsed ? body.slice(0, this.collapseLength) : body}</p>`;
    }
    return html`<div part="body" id="body">${text}</div>
      ${long
        ? html`<button part="expand-button" type="button" aria-expanded=${this.expanded} aria-controls="body"
            @click=${() => (this.expanded = !this.expanded)}>
            ${this.expanded ? msg('Show less', { id: 'comment.show-less' }) : msg('Show more', { id: 'comment.show-more' })}
          </button>`
        : nothing}`;
  }

  override render() {
    const comment = this.comment;
    if (!comment) return nothing;
    const { msg } = this.l;
    const name = comment.author.name.trim() || msg('Anonymous', { id: 'comment.anonymous' });
    const label = this.number
      ? msg(str`Comment ${this.l.number(this.number)} by ${name}`, { id: 'comment.label' })
      : msg(str`Comment by ${name}`, { id: 'comment.label-unnumbered' });
    // The accessible name: "Comment 1 by Amina, 5 minutes ago". Focusable for keyboard moves (j/k).
    // Reply's accessible name stays its visible text, which voice-control users say (WCAG 2.5.3,
    // label in name); "Reply to X" is its description, as a translation need not contain the
    // visible word ("Jibu" vs "Mjibu X").
    return html`<article part="comment" tabindex="-1" aria-labelledby="label date" aria-busy=${this.delivery?.state === 'sending'}>
      <span id="label" hidden>${label}</span>
      ${this.renderAvatar(comment)}
      <div part="meta">
        ${this.number ? html`<span part="number">${this.l.number(this.number)}</span>` : nothing}
        ${this.renderAuthor(comment)} ${this.renderDate(comment)} ${this.renderEdited(comment)} ${this.renderStatus(comment)}
      </div>
      ${this.orphan ? loadedList()?.renderOrphanNote(this.l) : nothing}
      ${this.renderBody(comment)}
      ${this.delivery && loadedList()?.renderDelivery(this, this.l, this.delivery)}
      ${this.delivery || comment.status === 'deleted' || (this.noReply && !this.canEdit && !this.canDelete && !this.canModerate && this.reactions.length === 0)
        ? nothing
        : html`<div part="actions">
            ${this.actions?.renderReactions(comment, this.l)}
            ${this.noReply
              ? nothing
              : html`<button part="reply-button" type="button" aria-expanded=${this.replyOpen}
                    aria-describedby="reply-context" @click=${this.onReply}>
                    ${msg('Reply', { id: 'comment.reply' })}
                  </button>
                  <span id="reply-context" hidden>${msg(str`Reply to ${name}`, { id: 'comment.reply-to' })}</span>`}
            ${this.actions?.renderOwnerActions(this.l)} ${this.actions?.renderModeration(comment, this.l)}
          </div>`}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-item': CommentItem;
  }
}
