/**
 * The queue's keyboard shortcuts: which key does what, and when a key is not a shortcut (typed
 * into a field, or with a modifier, so the browser's and the screen reader's own keys still work).
 */
import type { ModerationAction } from '../../adapters/adapter.js';

export type ShortcutCommand = 'next' | 'previous' | 'select' | ModerationAction | 'ban';

/** Key → command, in the order the help lists them. */
export const shortcuts: ReadonlyArray<readonly [key: string, command: ShortcutCommand]> = [
  ['j', 'next'],
  ['k', 'previous'],
  ['x', 'select'],
  ['a', 'approve'],
  ['s', 'spam'],
  ['d', 'delete'],
  ['r', 'restore'],
  ['b', 'ban'],
];

const byKey: ReadonlyMap<string, ShortcutCommand> = new Map(shortcuts);

// Inputs that take no text: a shortcut typed on a checkbox is still a shortcut.
const notTyping: ReadonlySet<string> = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Where a key types text: text fields, text areas, selects and editable content. */
function isTypingTarget(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !notTyping.has(target.type);
}

/** The command a key press asks for, or `undefined` when it is not a shortcut. */
export function shortcutFor(event: KeyboardEvent): ShortcutCommand | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  // The innermost target, inside shadow roots: a field in the page's own content counts too.
  if (isTypingTarget(event.composedPath()[0])) return undefined;
  return byKey.get(event.key.length === 1 ? event.key.toLowerCase() : '');
}
