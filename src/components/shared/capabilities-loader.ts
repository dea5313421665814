/**
 * Loads the capability UI (components/comment-thread/capabilities.ts: votes and reactions, Edit and
 * Delete, editing in place, the sort menu, realtime, the form's e-mail and website fields) on
 * demand. It is a lazy chunk of its own, fetched at most once per page and only when an adapter has
 * one of those capabilities, so a backend with just `list` and `post` never costs its bytes.
 */
import type { CommentAdapter } from '../../adapters/adapter.js';
import { lazyModule } from '../../core/lazy-module.js';
import { loadList } from './list-loader.js';

export type Capabilities = typeof import('../comment-thread/capabilities.js');

// The capability UI builds on the list chunk (URL policy, style helper): both load together.
const capabilityUi = lazyModule<Capabilities>(() =>
  Promise.all([import('../comment-thread/capabilities.js'), loadList()]).then(([ui]) => ui)
);

/**
 * Whether the adapter has a capability whose UI the thread and its comments show. (The form loads
 * the chunk itself for `authorFields`, which may be learnt later, from `ready()`.)
 */
export function hasCapabilities(adapter: CommentAdapter | undefined): boolean {
  return !!(adapter && (adapter.edit || adapter.delete || adapter.react || adapter.subscribe || adapter.moderate || (adapter.sorts?.length ?? 0) > 1));
}

/** The capability UI, when it has loaded. */
export function loadedCapabilities(): Capabilities | undefined {
  return capabilityUi.loaded();
}

/**
 * Loads the capability UI once per page; every caller shares the request. Should it fail, it is not
 * tried again (elements ask on every render): the comments, the reply form and posting work without it.
 */
export function loadCapabilities(): Promise<Capabilities> {
  return capabilityUi.load();
}
