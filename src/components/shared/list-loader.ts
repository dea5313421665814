/**
 * Loads the "rich text" chunk (rich-text.ts and what it re-exports: the markdown parser and its
 * templates, the URL policy, normalization of adapter data, the list's templates, drafts and
 * deliveries) on demand: the core bundle stays within its size budget, and the chunk downloads
 * while the first page of comments does (`<comment-thread>` starts both at once and shows the list
 * when both are in). A standalone `<comment-item>` shows its body as plain text until then.
 *
 * The chunk counts as loaded only once the messages it shows are in too (the "more" part of every
 * locale in use, see locales.ts): a Swahili list never renders with English labels for a moment.
 */
import { lazyModule } from '../../core/lazy-module.js';
import { loadMoreMessages } from '../../i18n/locales.js';

export type ListChunk = typeof import('./list.js');

/** The list chunk, loaded once for the page. */
export const listChunk = lazyModule<ListChunk>(() => Promise.all([import('./list.js'), loadMoreMessages()]).then(([module]) => module));

export const loadedList = listChunk.loaded;
export const loadList = listChunk.load;

/**
 * The list chunk, for code that only runs once it is in: the capabilities chunk, which
 * loads together with it (capabilities-loader.ts) and takes the URL policy and the style helper
 * from it instead of importing them, which would split them into a third chunk.
 */
export function listModule(): ListChunk {
  const loaded = listChunk.loaded();
  if (!loaded) throw new Error('maoni: the list chunk is not loaded');
  return loaded;
}

