/**
 * How much of each list of comments shows: a page at a time, and on a large page, replies level by
 * level until the page holds about `page-size` comments — the rest start collapsed behind "Show N
 * replies". So the first screen of a 10,000-comment thread mounts about as many comments as that of
 * a 100-comment thread, and a site owner who sets `page-size` to the thread's size sees it all.
 */
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

/** The list state `allotReplies` reads and fills in; the thread keeps it per thread. */
export interface ListPaging {
  /** How many comments each list shows, by parent id ('' = top level); absent: a page. */
  shownCount: Map<string, number>;
  /** Top-level comments whose replies were allotted already (each is, once). */
  allotted: Set<string>;
  pageSize: number;
  /** `max-depth`: lists at that depth are flat (and not allotted further). */
  depthCap: number;
}

/**
 * Gives the top-level comments not seen before (a new page, a live or posted comment) their share
 * of the page: their replies show level by level (breadth first) while the page holds fewer than
 * `pageSize` comments; a list that does not fit shows what does and keeps the rest behind "Show N
 * (more) replies". Runs once per top-level comment, so it never collapses what a reader opened.
 */
export function allotReplies(paging: ListPaging, roots: readonly CommentNode[]): void {
  const { shownCount, allotted, pageSize, depthCap } = paging;
  if (depthCap === 0) return; // one flat list: paged as a whole
  const fresh = roots.filter((root) => !allotted.has(root.comment.id));
  if (!fresh.length) return;
  let budget = pageSize - fresh.length;
  const queue = fresh;
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (node.depth === 0) allotted.add(node.comment.id);
    if (!node.children.length) continue;
    const flat = node.depth + 1 >= depthCap;
    const replies = flat ? inReadingOrder(node.children) : node.children;
    const shown = Math.max(0, Math.min(budget, replies.length, pageSize));
    if (shown < replies.length) shownCount.set(node.comment.id, shown);
    budget -= shown;
    if (!flat) for (let j = 0; j < shown; j++) queue.push(replies[j]);
  }
}
