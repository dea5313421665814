/**
 * Reaching into shadow roots the way a reader's eye does: what is rendered, by part and role.
 */
import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { CommentForm } from '../../src/components/comment-form/comment-form.js';
import type { CommentItem } from '../../src/components/comment-item/comment-item.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { loadCapabilities } from '../../src/components/shared/capabilities-loader.js';
import { idleUpdatesDone } from '../../src/components/shared/idle-updates.js';

/** The element's open shadow root; throws when it has none (a test error, not a silent null). */
export function shadow(host: Element): ShadowRoot {
  const root = host.shadowRoot;
  if (!root) throw new Error(`<${host.localName}> has no open shadow root`);
  return root;
}

/** The first match of `selector` in `host`'s shadow root. */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E | null {
  return shadow(host).querySelector<E>(selector);
}

/** Every match of `selector` in `host`'s shadow root. */
export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...shadow(host).querySelectorAll<E>(selector)];
}

/** Like {@link $}, but fails the test when nothing matches. */
export function get<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = $<E>(host, selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>'s shadow root`);
  return found;
}

/** Every match of `selector` under `root`, through every nested open shadow root, in tree order. */
export function deepAll<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E[] {
  const found: E[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el as E);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

/** Text as a reader sees it: whitespace runs collapsed, trimmed. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The deepest focused element, following shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The comment whose article has the focus (after a keyboard move, a post, "Show more"), if one has. */
export function focusedItem(): CommentItem | undefined {
  const active = deepActiveElement();
  return active?.getAttribute('part') === 'comment' ? ((active.getRootNode() as ShadowRoot).host as CommentItem) : undefined;
}

/** Whether the element takes up space on screen (not `hidden`, not unassigned fallback). */
export function isShown(el: Element | null): boolean {
  return !!el && el.getClientRects().length > 0;
}

/**
 * Waits until the capability UI (votes, Edit and Delete, sorts, realtime, the e-mail and website
 * fields: a lazy chunk) has loaded and `el` has rendered with it.
 */
export async function capabilityUiLoaded(el: LitElement): Promise<void> {
  await loadCapabilities();
  await el.updateComplete;
}

// ---- <comment-thread> ------------------------------------------------------------------------

/** Waits until the thread shows its loaded list (or empty state) and every nested element has rendered. */
export async function threadReady(el: CommentThread): Promise<void> {
  // A render already asked for (a Retry click, a new thread id) comes first: until it has run,
  // the old state on screen may look finished.
  await el.updateComplete;
  await waitUntil(
    () => {
      const section = el.shadowRoot?.querySelector('section[part="thread"]');
      return !!section && section.getAttribute('aria-busy') === 'false' && !section.querySelector('[part="skeleton"]');
    },
    'the thread did not finish loading',
    { timeout: 3000 }
  );
  const error = el.shadowRoot!.querySelector('[part="error"]');
  if (error) throw new Error(`the thread shows a loading error: ${text(error)}`);
  await settled(el);
}

/** Waits for the thread and every item and form in it to finish rendering. */
export async function settled(el: CommentThread): Promise<void> {
  await el.updateComplete;
  const nested = $$<LitElement>(el, 'comment-item, comment-form');
  await Promise.all(nested.map((child) => child.updateComplete));
  // Comments off screen take a new locale or clock tick in idle time (idle-updates.ts).
  await idleUpdatesDone();
  await Promise.all(nested.map((child) => child.updateComplete));
}

/** The count heading's text ("3 Comments"). */
export function headingText(el: CommentThread): string {
  return text($(el, '[part="heading"]'));
}

/** Every comment in the thread, in document (reading) order. */
export function items(el: CommentThread): CommentItem[] {
  return $$<CommentItem>(el, 'comment-item');
}

/** The item showing the comment with this id. */
export function item(el: CommentThread, id: string): CommentItem {
  const found = items(el).find((candidate) => candidate.comment?.id === id);
  if (!found) throw new Error(`no comment-item for comment ${id}`);
  return found;
}

/** The reply button of the comment with this id. */
export function replyButton(el: CommentThread, id: string): HTMLButtonElement {
  return get<HTMLButtonElement>(item(el, id), '[part="reply-button"]');
}

/** The thread's top-level form (under "What do you think?"). */
export function mainForm(el: CommentThread): CommentForm {
  return get<CommentForm>(el, '[part="form-section"] > comment-form');
}

/** The open inline reply form, if any. */
export function replyForm(el: CommentThread): CommentForm | null {
  return $<CommentForm>(el, '[part="reply-form"] comment-form');
}

// ---- <comment-form> --------------------------------------------------------------------------

export function textareaOf(form: CommentForm): HTMLTextAreaElement {
  return get<HTMLTextAreaElement>(form, '[part="textarea"]');
}

export function nameInputOf(form: CommentForm): HTMLInputElement | null {
  return $<HTMLInputElement>(form, '[part="name-input"]');
}

export function submitOf(form: CommentForm): HTMLButtonElement {
  return get<HTMLButtonElement>(form, '[part="submit"]');
}

export function errorOf(form: CommentForm): HTMLElement {
  return get(form, '[part="error"]');
}

/** Types into a field the way the browser reports it: a new value, then an `input` event. */
export async function typeInto(field: HTMLTextAreaElement | HTMLInputElement, value: string): Promise<void> {
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  const host = (field.getRootNode() as ShadowRoot).host as LitElement | undefined;
  await host?.updateComplete;
}

/** Fills a form (the name only when it asks for one) and clicks its Post button. */
export async function fillAndPost(form: CommentForm, body: string, name = 'Amina'): Promise<void> {
  await typeInto(textareaOf(form), body);
  const nameInput = nameInputOf(form);
  if (nameInput) await typeInto(nameInput, name);
  submitOf(form).click();
  await form.updateComplete;
}

/**
 * An element's markup, or `null`: for asserting that something hostile was not rendered, so that
 * the failure message shows exactly what was (`<a href="javascript:…">`).
 */
export function markup(el: Element | null | undefined): string | null {
  return el ? el.outerHTML : null;
}

// Drafts and unsent posts persist in localStorage, as they should for readers; between tests they
// would carry one test's words into the next thread with the same id.
afterEach(() => {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('maoni:draft:') || key.startsWith('maoni:outbox:')) localStorage.removeItem(key);
  }
});

/** An element's accessible name as `aria-labelledby` (ids in its own root) or `aria-label` give it. */
export function accessibleName(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return el.getAttribute('aria-label');
  const root = el.getRootNode() as ShadowRoot | Document;
  return ids
    .split(/\s+/)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}
