import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { str } from '@lit/localize';
import { AdapterError } from '../../adapters/adapter.js';
import type { Typed } from '../../keeping/drafts.js';
import { Localization, localizationFor } from '../../i18n/localization.js';
import { sourceLocale } from '../../i18n/locales.js';
import { errorMessage } from '../../i18n/messages.js';
import { newIdempotencyKey } from '../../core/idempotency.js';
import { loadCapabilities, loadedCapabilities } from '../shared/capabilities-loader.js';
import type { AuthorFields } from '../../adapters/adapter.js';
import type { LinkOptions } from '../../core/links.js';
import { loadList, loadedList } from '../shared/list-loader.js';
import { focusRingStyles } from '../shared/shared.styles.js';
import { commentFormStyles } from './comment-form.styles.js';
import { CommentFormCancelEvent, CommentFormSubmitEvent, type AuthorField, type Problem } from './form-shape.js';

// The form's events stay importable from the element's module, where the thread and tests look.
export { CommentFormCancelEvent, CommentFormSubmitEvent };
export type { AuthorField, CommentFormValue, Problem } from './form-shape.js';


/** Which input a problem belongs to (`invalid-email` → `email`), for focus and aria-invalid. */
const problemField = (problem: Problem) => problem.slice(problem.indexOf('-') + 1);

/**
 * @summary The reply form: a labelled textarea, a name field for readers who are not signed in,
 * and Post / Cancel buttons.
 * @tag comment-form
 *
 * A building block of `<comment-thread>`, which posts what it submits and tells it how that went
 * (`busy`, `error`). The text stays in the form until the thread calls `reset()` after a post
 * succeeded, so nothing typed is lost to a failure. Ctrl+Enter or ⌘+Enter submits.
 *
 * @event {CommentFormSubmitEvent} comment-form-submit - Valid input was submitted (internal, not composed).
 * @event {CommentFormCancelEvent} comment-form-cancel - Cancel was pressed on an inline reply form (internal).
 *
 * @csspart form - The `form` element.
 * @csspart field - A label with its input.
 * @csspart label - A field's visible label.
 * @csspart textarea - The comment text area.
 * @csspart name-input - The name field.
 * @csspart email-input - The e-mail field (when the backend asks for it).
 * @csspart url-input - The website field (when the backend asks for it).
 * @csspart error - The validation or posting error message.
 * @csspart buttons - The row of buttons.
 * @csspart submit - The Post button.
 * @csspart cancel - The Cancel button of an inline reply form.
 * @csspart hint - The keyboard shortcut hint.
 * @csspart preview-button - The Preview toggle (`aria-pressed`).
 * @csspart preview - The preview of the text, rendered exactly as a posted comment (its inner parts are a comment body's: paragraph, link, code…).
 *
 * @cssprop [--comment-input-background=transparent] - Background of the text fields.
 * @cssprop [--comment-input-border=1px solid currentColor at 40%] - Border of the text fields.
 * @cssprop [--comment-radius=0.375rem] - Corner radius of fields and buttons.
 * @cssprop [--comment-textarea-height=6rem] - Minimum height of the text area.
 * @cssprop [--comment-preview-max-height=24rem] - Tallest the preview grows before it scrolls.
 * @cssprop [--comment-button-color=Canvas] - Text color of the Post button.
 * @cssprop [--comment-button-background=CanvasText] - Background of the Post button.
 * @cssprop [--comment-error-color=#b3261e (light), #ffb4ab (dark)] - Color of error messages.
 * @cssprop [--comment-focus-color=currentColor] - Focus ring color.
 */
export class CommentForm extends LitElement {
  static override styles = [focusRingStyles, commentFormStyles];

  @query('textarea') private textarea!: HTMLTextAreaElement;

  @state() private body = '';
  @state() private name = '';
  @state() private email = '';
  @state() private url = '';
  @state() private problem: Problem | null = null;
  /** The preview under the text area is showing. */
  @state() private previewing = false;
  private key: string | null = null;
  /** When the last submission left the form: a double click or repeated Ctrl+Enter right after is not an empty post. */
  private sentAt = 0;

  /** Show the name field: the adapter has no signed-in viewer. */
  @property({ type: Boolean, attribute: 'needs-name' }) needsName = false;

  /** E-mail and website fields the backend asks for (with the name field). */
  @property({ attribute: false }) authorFields: AuthorFields = {};

  /** An inline reply form: shows Cancel. */
  @property({ type: Boolean }) inline = false;

  /** Posting is in progress: fields stay editable, buttons are disabled. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** Name of the author being replied to, for the text area's label. */
  @property({ attribute: 'reply-to' }) replyTo = '';

  /** `edit` changes an existing comment: Save instead of Post, no name field, Cancel shown. */
  @property() mode: 'post' | 'edit' = 'post';

  /** Text to start with (the comment being edited). */
  @property({ attribute: false }) initialBody = '';

  /** A name to start with (the one the reader last posted under); never overwrites typing. */
  @property({ attribute: false }) authorName = '';

  /** The e-mail and website to start with (a restored draft); never overwrite typing. */
  @property({ attribute: false }) authorContact: Pick<Typed, 'email' | 'url'> = {};

  /** The last posting error, shown until the next submit. */
  @property({ attribute: false }) error: AdapterError | null = null;

  /** Messages and formatters for the thread's locale. */
  @property({ attribute: false }) localization?: Localization;

  /** How links behave in the preview (as in comments); set by `<comment-thread>`. */
  @property({ attribute: false }) links: LinkOptions = {};

  private get l(): Localization {
    return this.localization ?? localizationFor(sourceLocale, undefined);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('initialBody')) {
      // Text the reader typed meanwhile stays: a restored draft or an edited unsent comment joins it
      // (unless it already continues that text).
      const typed = this.body;
      const initial = this.initialBody;
      this.body = typed.trim() && typed !== changed.get('initialBody') && !initial.startsWith(typed) && initial ? `${typed}\n\n${initial}` : initial || typed;
    }
    if (changed.has('authorName') && !this.name.trim()) this.name = this.authorName;
    if (changed.has('authorContact')) {
      this.email ||= this.authorContact.email ?? '';
      this.url ||= this.authorContact.url ?? '';
    }
    // The e-mail and website fields are capability UI: a lazy chunk, loaded when the backend asks for them.
    const { email, url } = this.authorFields;
    if (this.needsName && (email || url) && !loadedCapabilities()) loadCapabilities().then(() => this.requestUpdate(), () => {});
  }

  /**
   * What the reader has typed so far, for their draft: `<comment-thread>` reads it on every
   * `input` event (which crosses the shadow boundary, after the form took the new value).
   */
  get draft(): Typed {
    return { body: this.body, name: this.name, email: this.email, url: this.url };
  }

  /** Empties the form after a successful post; the next submission gets a new idempotency key. */
  reset(): void {
    this.sentAt = Date.now();
    this.body = '';
    this.problem = null;
    this.error = null;
    this.key = null;
  }

  override focus(options?: FocusOptions): void {
    this.updateComplete.then(() => this.textarea?.focus(options));
  }

  private onBodyInput(event: InputEvent): void {
    this.body = (event.target as HTMLTextAreaElement).value;
    // Edited text is a new submission: a retry of the old text must not be confused with it.
    this.key = null;
    if (this.problem === 'empty-body' && this.body.trim()) this.problem = null;
  }

  private onAuthorInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as AuthorField;
    this[field] = input.value;
    this.key = null;
    if (this.problem && problemField(this.problem) === field) this.problem = null;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.submit();
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit();
  }

  private submit(): void {
    const body = this.body.trim();
    if (this.busy || (!body && Date.now() - this.sentAt < 1500)) return;
    const name = this.name.trim();
    const askName = this.needsName && this.mode === 'post';
    // Until the e-mail and website fields are shown (see willUpdate), nobody was asked for them.
    const extra = askName ? loadedCapabilities()?.authorExtras(this.authorFields, this.email, this.url) : undefined;
    // A reply that still holds only the `@name ` it started with says nothing yet. (The form also
    // starts with restored drafts and taken-back posts: those are text, and can be posted as they are.)
    const unchanged = this.mode === 'post' && body === this.initialBody.trim() && /^@\S+$/.test(body);
    this.problem = !body || unchanged ? 'empty-body' : askName && !name ? 'empty-name' : extra?.problem ?? null;
    if (this.problem) {
      const field = problemField(this.problem);
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus());
      return;
    }
    this.key ??= newIdempotencyKey();
    this.error = null;
    const author = askName ? { name, ...extra?.value } : {};
    const trap = this.renderRoot.querySelector<HTMLInputElement>('input[name="homepage"]')?.value.trim();
    this.dispatchEvent(new CommentFormSubmitEvent({ body, idempotencyKey: this.key, ...author, ...(trap ? { honeypot: trap } : {}) }));
  }

  private problemMessage(problem: Problem): string {
    const { msg } = this.l;
    if (problem === 'empty-name') return msg('Please enter your name.', { id: 'form.error.name-required' });
    if (problem === 'empty-body') return msg('Please write a comment before posting.', { id: 'form.error.body-required' });
    return loadedCapabilities()?.authorProblemMessage(this.l, problem) ?? '';
  }

  /** The text as it will look once posted: the same parser and templates as a comment's body. */
  private renderPreview() {
    const rich = loadedList();
    if (rich) rich.adoptRichTextStyles(this);
    else loadList().then(() => this.requestUpdate(), () => {});
    const empty = !this.body.trim();
    return html`<div part="preview" id="preview" role="region" tabindex="0" aria-label=${this.l.msg('Preview', { id: 'form.preview' })}>
      ${empty
        ? html`<p>${this.l.msg('Nothing to preview yet.', { id: 'form.preview-empty' })}</p>`
        : rich?.renderBlocks(rich.parseMarkdown(this.body), this.links)}
    </div>`;
  }

  private renderAuthorInput(field: AuthorField, label: string, required: boolean, invalid: boolean) {
    const type = field === 'email' ? 'email' : field === 'url' ? 'url' : 'text';
    const autocomplete = field === 'url' ? 'url' : field;
    return html`<label part="field">
      <span part="label">${label}</span>
      <input part=${`${field}-input`} name=${field} type=${type} autocomplete=${autocomplete} ?required=${required}
        .value=${this[field]} aria-invalid=${invalid} aria-describedby=${invalid ? 'message' : nothing}
        @input=${this.onAuthorInput} @keydown=${this.onKeydown} />
    </label>`;
  }

  private renderAuthorFields() {
    const invalid = this.problem ? problemField(this.problem) : '';
    const input = (field: AuthorField, label: string, required: boolean) => this.renderAuthorInput(field, label, required, invalid === field);
    return html`${input('name', this.l.msg('Name', { id: 'form.label.name' }), true)}
      ${loadedCapabilities()?.renderAuthorExtras(this.l, this.authorFields, input)}`;
  }

  override render() {
    const { msg } = this.l;
    const message = this.problem ? this.problemMessage(this.problem) : this.error ? errorMessage(this.l, this.error) : '';
    const bodyInvalid = this.problem === 'empty-body';
    const editing = this.mode === 'edit';
    const textLabel = editing
      ? msg('Edit your comment', { id: 'form.label.edit' })
      : this.replyTo
        ? msg(str`Reply to ${this.replyTo}`, { id: 'form.label.reply-to' })
        : msg('Your comment', { id: 'form.label.comment' });
    const submitLabel = editing
      ? this.busy ? msg('Saving…', { id: 'form.saving' }) : msg('Save', { id: 'form.save' })
      : this.busy ? msg('Posting…', { id: 'form.posting' }) : msg('Post comment', { id: 'form.submit' });
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <label part="field">
        <span part="label">${textLabel}</span>
        <textarea part="textarea" name="body" required .value=${this.body} aria-invalid=${bodyInvalid}
          aria-describedby=${message ? 'message hint' : 'hint'} @input=${this.onBodyInput} @keydown=${this.onKeydown}></textarea>
      </label>
      ${this.previewing ? this.renderPreview() : nothing}
      ${this.needsName && !editing ? this.renderAuthorFields() : nothing}
      ${editing
        ? nothing
        : html`<label class="trap" aria-hidden="true">Leave this field empty
            <input name="homepage" tabindex="-1" autocomplete="off" /></label>`}
      <p part="error" id="message" role="alert" ?hidden=${!message}>${message}</p>
      <div part="buttons">
        <button part="submit" type="submit" ?disabled=${this.busy} aria-disabled=${this.busy}>
          ${submitLabel}
        </button>
        ${this.inline || editing
          ? html`<button part="cancel" type="button" @click=${() => this.dispatchEvent(new CommentFormCancelEvent())}>
              ${msg('Cancel', { id: 'form.cancel' })}
            </button>`
          : nothing}
        <button part="preview-button" type="button" aria-pressed=${this.previewing} aria-controls=${this.previewing ? 'preview' : nothing}
          @click=${() => (this.previewing = !this.previewing)}>
          ${msg('Preview', { id: 'form.preview' })}
        </button>
        <span part="hint" id="hint">${msg('Ctrl+Enter to post', { id: 'form.hint' })}</span>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentForm;
  }
}
