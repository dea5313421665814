import { adoptStyles, type CSSResult, type ReactiveElement } from 'lit';

const added = new WeakMap<CSSResult, WeakSet<Node>>();

/**
 * Adds styles to an element that has already adopted its own, once per shadow root: how the lazy
 * chunks (capabilities, list) bring their styles along.
 */
export function addStyles(host: ReactiveElement, styles: CSSResult): void {
  const root = host.renderRoot as ShadowRoot;
  let roots = added.get(styles);
  if (!roots) added.set(styles, (roots = new WeakSet()));
  if (roots.has(root)) return;
  roots.add(root);
  const sheet = styles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // Without constructable style sheets, Lit appends a <style> element (with the page's nonce).
  else adoptStyles(root, [styles]);
}
