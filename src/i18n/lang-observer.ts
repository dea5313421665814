/**
 * One MutationObserver per document or shadow root for `lang` changes, shared by every maoni
 * element under it, so a page with many widgets still has one observer, not one per element.
 */

type Listener = () => void;

interface RootWatch {
  observer: MutationObserver;
  listeners: Set<Listener>;
}

const watches = new Map<Node, RootWatch>();

/** Every root node (shadow roots, then the document) that holds `element` or an ancestor of it. */
function rootsOf(element: Element): Node[] {
  const roots: Node[] = [];
  let root = element.getRootNode();
  for (;;) {
    roots.push(root);
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
  return roots;
}

function watchRoot(root: Node, listener: Listener): () => void {
  let watch = watches.get(root);
  if (!watch) {
    const listeners = new Set<Listener>();
    const observer = new MutationObserver(() => {
      for (const notify of [...listeners]) notify();
    });
    observer.observe(root, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    watch = { observer, listeners };
    watches.set(root, watch);
  }
  watch.listeners.add(listener);
  const current = watch;
  return () => {
    // A second call must not tear down a newer watch of the same root.
    if (!current.listeners.delete(listener)) return;
    if (current.listeners.size === 0) {
      current.observer.disconnect();
      watches.delete(root);
    }
  };
}

/** Calls `listener` whenever a `lang` or `dir` attribute changes anywhere that could affect `element`. */
export function watchLang(element: Element, listener: Listener): () => void {
  const stops = rootsOf(element).map((root) => watchRoot(root, listener));
  return () => stops.forEach((stop) => stop());
}
