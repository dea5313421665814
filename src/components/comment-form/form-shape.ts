/**
 * A `<comment-form>` as the thread's modules and the lazy chunks see it: its parts, its events and
 * the members they use. They import this instead of the element, which loads them (no import cycle).
 */
import type { ReactiveElement } from 'lit';
import type { AdapterError } from '../../core/errors.js';

/** Parts of the form, forwarded by `<comment-thread>` through `exportparts`. */
export const commentFormParts = [
  'form', 'field', 'label', 'textarea', 'name-input', 'email-input', 'url-input', 'error', 'buttons', 'submit', 'cancel', 'hint',
  'preview-button', 'preview',
] as const;

export interface CommentFormValue {
  body: string;
  /** The name typed in the form; absent when the reader is signed in. */
  name?: string;
  /** E-mail, when the backend asks for it and the reader gave one. */
  email?: string;
  /** Website (normalized to an http(s) URL), when the backend asks for it and the reader gave one. */
  url?: string;
  /** The hidden anti-bot field's content, when something filled it. */
  honeypot?: string;
  /** Stays the same for every retry of the same text, so a retry never posts twice. */
  idempotencyKey: string;
}

/** The reader submitted valid input. Internal to maoni: `<comment-thread>` posts it. */
export class CommentFormSubmitEvent extends Event {
  static readonly type = 'comment-form-submit';
  constructor(readonly value: CommentFormValue) {
    super(CommentFormSubmitEvent.type, { bubbles: true });
  }
}

/** The reader closed an inline reply form. Internal to maoni. */
export class CommentFormCancelEvent extends Event {
  static readonly type = 'comment-form-cancel';
  constructor() {
    super(CommentFormCancelEvent.type, { bubbles: true });
  }
}

/** The author inputs: the name, and the e-mail and website a backend may ask for. */
export type AuthorField = 'name' | 'email' | 'url';
/** What keeps the form from being sent, named `{what}-{field}`. */
export type Problem = 'empty-body' | 'empty-name' | 'empty-email' | 'invalid-email' | 'empty-url' | 'invalid-url';

/** The form's parts as the thread forwards them (its `error` becomes `form-error`). */
export const formExportParts = commentFormParts.map((part) => (part === 'error' ? 'error: form-error' : part)).join(', ');

/** The members of `<comment-form>` that code outside the element sets. */
export interface CommentFormShape extends ReactiveElement {
  busy: boolean;
  error: AdapterError | null;
}
