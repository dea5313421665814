/**
 * Builds the thread's tree from the flat list an adapter returns, numbered in reading order
 * (comment 1, its reply 2, then 3 — as the seed blog shows them), and changes it in place: a
 * comment posted or arriving later joins with the next number, so numbers the reader has seen do
 * not shift under them and only the new comment renders.
 *
 * Adapter data is untrusted: a duplicate id keeps its first occurrence, a reply whose parent is
 * missing (or itself, or part of a cycle) is shown at the top level, and the walk is iterative so
 * a very deep chain cannot overflow the stack.
 *
 * Lives in the list chunk: only code that runs with it builds or changes the tree.
 */
import type { Comment } from './comment.js';
import type { CommentNode, CommentTree } from './tree.js';

/**
 * `previous`: the tree shown so far (a page of comments or replies came). Each comment in it keeps
 * its number and the key its element was first shown under, and the new ones are numbered after
 * the highest, in reading order — numbers the reader has seen never shift.
 */
export function buildTree(comments: readonly Comment[], previous?: CommentTree): CommentTree {
  const byId = new Map<string, CommentNode>();
  const order: CommentNode[] = [];
  for (const comment of comments) {
    if (byId.has(comment.id)) continue;
    const node: CommentNode = { comment, key: comment.id, number: 0, revision: 0, depth: 0, children: [], orphan: false };
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
  let number = previous?.highest ?? 0;
  const visited = new Set<CommentNode>();
  const walk = (root: CommentNode) => {
    const stack: CommentNode[] = [root];
    root.depth = 0;
    while (stack.length) {
      const node = stack.pop()!;
      visited.add(node);
      const before = previous?.byId.get(node.comment.id);
      node.number = before ? before.number : ++number;
      if (before) node.key = before.key;
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
  return { roots, byId, size: order.length, highest: number };
}

/**
 * Adds one comment that is not in the tree yet, in place: the last reply of its parent (or the last
 * top-level comment, an orphan when its parent is missing), numbered after the highest number.
 */
export function addToTree(tree: CommentTree, comment: Comment): CommentNode {
  const parentId = comment.parentId;
  const parent = parentId != null && parentId !== comment.id ? tree.byId.get(parentId) : undefined;
  const node: CommentNode = {
    comment, key: comment.id, number: ++tree.highest, revision: 0, depth: parent ? parent.depth + 1 : 0, children: [], orphan: !parent && parentId != null,
  };
  (parent ? parent.children : tree.roots).push(node);
  tree.byId.set(comment.id, node);
  tree.size++;
  return node;
}

/**
 * Puts a newer version of a comment (same parent; the id may change, as when the server confirms a
 * local stand-in) in its node, in place. False when it cannot be done in place: the caller rebuilds.
 */
export function replaceInTree(tree: CommentTree, id: string, comment: Comment): boolean {
  const node = tree.byId.get(id);
  if (!node || comment.parentId !== node.comment.parentId || (comment.id !== id && tree.byId.has(comment.id))) return false;
  node.comment = comment;
  if (comment.id !== id) {
    tree.byId.delete(id);
    tree.byId.set(comment.id, node);
  }
  return true;
}
