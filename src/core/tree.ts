/**
 * The thread's tree of comments: its shape, and `touch`, which marks what changed in place. The
 * tree is built and changed by comment-tree.ts, in the list chunk: every page of comments
 * needs that chunk anyway (normalization), so the core bundle carries only this.
 */
import type { Comment } from './comment.js';

export interface CommentNode {
  comment: Comment;
  /**
   * What the list keys the comment's element by: its id, or the id it was first shown under (a
   * posted comment's local stand-in), so confirming it updates the element rather than replacing it.
   */
  key: string;
  /** 1-based position in reading order when loaded; comments added later count on from the highest. */
  number: number;
  /**
   * Goes up whenever this comment or one below it changes in place (`touch`): the list renders a
   * comment's subtree again only when this or the thread's own revision moved.
   */
  revision: number;
  depth: number;
  children: CommentNode[];
  /** The comment names a parent that is not in the thread. */
  orphan: boolean;
}

export interface CommentTree {
  roots: CommentNode[];
  /** Every node by comment id. */
  byId: Map<string, CommentNode>;
  size: number;
  /** The highest number given so far: the next comment gets the one after. */
  highest: number;
}

/** Marks a comment and its ancestors changed (see `revision`). Depth falls by one per parent, so a cycle cannot hold it. */
export function touch(tree: CommentTree, id: string | null | undefined): void {
  let node = id == null ? undefined : tree.byId.get(id);
  while (node) {
    node.revision++;
    node = node.depth > 0 ? tree.byId.get(node.comment.parentId!) : undefined;
  }
}

/** A tree with no comments: the thread's until its first page is in. */
export function emptyTree(): CommentTree {
  return { roots: [], byId: new Map(), size: 0, highest: 0 };
}
