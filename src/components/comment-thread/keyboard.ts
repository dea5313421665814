/**
 * Moving between comments without a mouse: j / ↓ the next comment, k / ↑ the previous one, Home and
 * End the first and last, in reading order (replies included). Keys typed into a field, or with a
 * modifier, are left alone. Part of the list chunk (the list needs it anyway).
 */
const keys: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };

export function moveBetweenComments(event: KeyboardEvent, root: ParentNode): void {
  const step = keys[event.key];
  if (!step || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const origin = event.composedPath()[0];
  if (!(origin instanceof Element) || origin.closest('input, textarea, select, [contenteditable]')) return;
  // Arrows move between comments only from a comment itself; buttons and links keep theirs.
  if (event.key.startsWith('Arrow') && origin.getAttribute('part') !== 'comment') return;
  const articles = [...root.querySelectorAll('comment-item')].map((item) => item.shadowRoot?.querySelector<HTMLElement>('[part="comment"]'));
  const current = articles.findIndex((article) => article && (article === origin || article.contains(origin)));
  const next = Math.abs(step) === Infinity ? (step < 0 ? 0 : articles.length - 1) : current < 0 ? 0 : current + step;
  const target = articles[Math.max(0, Math.min(articles.length - 1, next))];
  if (!target) return;
  event.preventDefault();
  target.focus();
}
