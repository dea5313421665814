/**
 * Loads rich text (markdown.ts and rich-text.ts: the markdown subset's parser and its templates)
 * on demand, as a lazy chunk of its own: the core bundle stays within its size budget, and the
 * chunk downloads while the first page of comments does (`<comment-thread>` starts both at once
 * and shows the list when both are in). Until it is in, or should it fail to load, bodies show as
 * plain text, their line breaks kept.
 */
import { lazyModule } from './lazy-module.js';

export type RichText = typeof import('./rich-text.js');

const richText = lazyModule<RichText>(() => import('./rich-text.js'));

export const loadedRichText = richText.loaded;
export const loadRichText = richText.load;

/**
 * The rich text module, for code that only runs once it is in: the capability UI chunk, which
 * loads together with it (capability-loader.ts) and takes the URL policy and the style helper
 * from it instead of importing them, which would split them into a third chunk.
 */
export function richTextModule(): RichText {
  const loaded = richText.loaded();
  if (!loaded) throw new Error('maoni: rich text is not loaded');
  return loaded;
}

