/**
 * Turns the flat list an adapter returns into the thread's tree, numbered in reading order
 * (comment 1, its reply 2, then 3 — as the seed blog shows them).
 *
 * Adapter data is untrusted: a duplicate id keeps its first occurrence, a reply whose parent is
 * missing (or itself, or part of a cycle) is shown at the top level, and the walk is iterative so
 * a very deep chain cannot overflow the stack.
 */
import type { Comment } from '../adapters/adapter.js';

export interface CommentNode {
  comment: Comment;
  /** 1-based position in reading order. */
  number: number;
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
}

export function buildTree(comments: readonly Comment[]): CommentTree {
  const byId = new Map<string, CommentNode>();
  const order: CommentNode[] = [];
  for (const comment of comments) {
    if (byId.has(comment.id)) continue;
    const node: CommentNode = { comment, number: 0, depth: 0, children: [], orphan: false };
    byId.set(comment.id, node);
    order.push(node);
  }

  const topLevel: CommentNode[] = [];
  for (const node of order) {
    const parentId = node.comment.parentId;
    const parent = parentId != null && parentId !== node.comment.id ? byId.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else {
      node.orphan = parentId != null;
      topLevel.push(node);
    }
  }

  const roots: CommentNode[] = [];
  let number = 0;
  const visited = new Set<CommentNode>();
  const walk = (root: CommentNode) => {
    const stack: CommentNode[] = [root];
    root.depth = 0;
    while (stack.length) {
      const node = stack.pop()!;
      visited.add(node);
      node.number = ++number;
      for (let i = node.children.length - 1; i >= 0; i--) {
        node.children[i].depth = node.depth + 1;
        stack.push(node.children[i]);
      }
    }
  };
  for (const node of topLevel) {
    roots.push(node);
    walk(node);
  }
  // Whatever no top-level comment reaches sits in a parent cycle or hangs below one: climb to the
  // cycle and break it at the member reached first, so replies hanging below it stay replies.
  for (const start of order) {
    if (visited.has(start)) continue;
    const climbed = new Set<CommentNode>();
    let node = start;
    while (!climbed.has(node)) {
      climbed.add(node);
      node = byId.get(node.comment.parentId!)!;
    }
    const parent = byId.get(node.comment.parentId!);
    if (parent) parent.children.splice(parent.children.indexOf(node), 1);
    node.orphan = true;
    roots.push(node);
    walk(node);
  }
  return { roots, byId, size: order.length };
}

