/**
 * What the thread needs only with its list: plural labels and paging — which waits for the rich text chunk — so
 * their forms for every plural category travel in that chunk, not in the core bundle.
 */
import { str } from '@lit/localize';
import type { Localization } from './localization.js';
import type { CommentNode } from './tree.js';


/**
 * Which of a list's comments show: the first `limit` (a page at a time, so an adapter that
 * answers with 100,000 comments at once still renders one page), plus the reader's own new
 * comments wherever they fall.
 */
export function pageOf(nodes: CommentNode[], limit: number, posted: Set<string>): { shown: CommentNode[]; hidden: number } {
  if (nodes.length <= limit) return { shown: nodes, hidden: 0 };
  const shown = nodes.filter((node, index) => index < limit || posted.has(node.comment.id));
  return { shown, hidden: nodes.length - shown.length };
}

/** The thread's heading: "3 Comments", in the locale's plural category for `count`. */
export function countHeading(l: Localization, count: number): string {
  const { msg } = l;
  const n = l.number(count);
  return l.plural(count, {
    zero: () => msg(str`${n} Comments`, { id: 'thread.heading.count.zero' }),
    one: () => msg(str`${n} Comment`, { id: 'thread.heading.count.one' }),
    two: () => msg(str`${n} Comments`, { id: 'thread.heading.count.two' }),
    few: () => msg(str`${n} Comments`, { id: 'thread.heading.count.few' }),
    many: () => msg(str`${n} Comments`, { id: 'thread.heading.count.many' }),
    other: () => msg(str`${n} Comments`, { id: 'thread.heading.count.other' }),
  });
}

/** "Show 3 more replies", in the locale's plural category for `missing`. */
export function moreRepliesLabel(l: Localization, missing: number): string {
  const { msg } = l;
  const n = l.number(missing);
  return l.plural(missing, {
    zero: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.zero' }),
    one: () => msg(str`Show ${n} more reply`, { id: 'thread.more-replies.one' }),
    two: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.two' }),
    few: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.few' }),
    many: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.many' }),
    other: () => msg(str`Show ${n} more replies`, { id: 'thread.more-replies.other' }),
  });
}

/**
 * The nodes and all their descendants in reading order, as one flat list: how replies deeper
 * than `max-depth` are shown. Iterative, so a 10,000-deep chain is no deeper for the stack.
 */
export function inReadingOrder(nodes: readonly CommentNode[]): CommentNode[] {
  const out: CommentNode[] = [];
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}
