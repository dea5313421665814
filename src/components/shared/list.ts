/**
 * The entry of the "list" lazy chunk: all that a thread needs only once comments are there — the
 * markdown parser and its templates, the URL policy, reading adapter data, rendering the list,
 * building the tree, keeping the reader's words. Loaded by list-loader.ts, beside the first page
 * of comments; nothing here is in the core bundle.
 */
export { mentionOf, parseMarkdown } from '../../core/markdown.js';
// What interprets adapter data lives here too: the first list waits for this chunk anyway.
export { normalizeComment, normalizeComments } from '../../core/normalize.js';
// And what keeps the reader's words: drafts, and the deliveries of posts (optimistic, queued, retried).
export { Safekeeping, claimEcho } from '../comment-thread/safekeeping.js';
export { renderDelivery, renderOrphanNote } from '../comment-item/delivery-view.js';
export { adoptRichTextStyles, renderBlocks } from '../comment-item/rich-text.js';
export { countHeading } from '../../i18n/list-labels.js';
export { moveBetweenComments } from '../comment-thread/keyboard.js';
export { renderComments } from '../comment-thread/list-view.js';
export { listStyles } from '../comment-thread/list.styles.js';
export { excerpt } from '../../core/excerpt.js';
export { initials } from '../../core/initials.js';
export { addToTree, buildTree, replaceInTree } from '../../core/comment-tree.js';
export { putOff } from './idle-updates.js';
// The URL policy lives in this chunk: every URL a comment carries is checked once it is in. The
// capabilities chunk takes it, and the style helper, from here.
export { addStyles } from './add-styles.js';
export { linkRel, linkTarget } from '../../core/links.js';
export { safeUrl } from '../../core/url.js';
export type { LinkOptions } from '../../core/links.js';
