import { expect } from '@open-wc/testing';
import type { Comment } from '../../src/adapters/adapter.js';
import { touch, type CommentNode, type CommentTree } from '../../src/core/tree.js';
import { addToTree, buildTree, replaceInTree } from '../../src/core/comment-tree.js';

function c(id: string, parentId: string | null = null, body = `body ${id}`): Comment {
  return { id, parentId, author: { name: `author ${id}` }, body, createdAt: '2024-01-01T00:00:00Z' };
}

/** Every node in reading order (depth-first, children in order), iteratively. */
function flatten(tree: CommentTree): CommentNode[] {
  const out: CommentNode[] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

/** `id:number:depth` for every node in reading order, plus `!` when orphaned. */
function shape(tree: CommentTree): string[] {
  return flatten(tree).map((n) => `${n.comment.id}:${n.number}:${n.depth}${n.orphan ? '!' : ''}`);
}

describe('buildTree', () => {
  it('returns an empty tree for no comments', () => {
    const tree = buildTree([]);
    expect(tree.roots).to.deep.equal([]);
    expect(tree.size).to.equal(0);
    expect(tree.byId.size).to.equal(0);
  });

  it('numbers the seed thread in reading order: comment 1, its reply 2, then 3', () => {
    const tree = buildTree([c('first'), c('third'), c('reply', 'first')]);
    expect(shape(tree)).to.deep.equal(['first:1:0', 'reply:2:1', 'third:3:0']);
    expect(tree.roots.map((n) => n.comment.id)).to.deep.equal(['first', 'third']);
    expect(tree.roots[0].children.map((n) => n.comment.id)).to.deep.equal(['reply']);
    expect(tree.size).to.equal(3);
  });

  it('numbers depth-first across several levels and keeps sibling order', () => {
    const tree = buildTree([c('a'), c('b'), c('a1', 'a'), c('a2', 'a'), c('a1x', 'a1'), c('b1', 'b'), c('a1xy', 'a1x')]);
    expect(shape(tree)).to.deep.equal(['a:1:0', 'a1:2:1', 'a1x:3:2', 'a1xy:4:3', 'a2:5:1', 'b:6:0', 'b1:7:1']);
  });

  it('handles replies listed before their parents', () => {
    const tree = buildTree([c('r', 'p'), c('p')]);
    expect(shape(tree)).to.deep.equal(['p:1:0', 'r:2:1']);
    expect(tree.byId.get('r')!.orphan).to.equal(false);
  });

  it('indexes every node by id', () => {
    const tree = buildTree([c('a'), c('b', 'a')]);
    expect(tree.byId.get('a')!.comment.id).to.equal('a');
    expect(tree.byId.get('b')!.number).to.equal(2);
    expect(tree.byId.get('missing')).to.equal(undefined);
  });

  it('keeps the first of duplicate ids', () => {
    const tree = buildTree([c('a', null, 'original'), c('b'), c('a', null, 'duplicate'), c('a', 'b', 'another')]);
    expect(tree.size).to.equal(2);
    expect(shape(tree)).to.deep.equal(['a:1:0', 'b:2:0']);
    expect(tree.byId.get('a')!.comment.body).to.equal('original');
    expect(tree.byId.get('b')!.children).to.deep.equal([]);
  });

  it('shows an orphan (missing parent) at the top level, flagged', () => {
    const tree = buildTree([c('a'), c('lost', 'gone'), c('lost-child', 'lost')]);
    expect(shape(tree)).to.deep.equal(['a:1:0', 'lost:2:0!', 'lost-child:3:1']);
    expect(tree.byId.get('a')!.orphan).to.equal(false);
  });

  it('shows a comment that is its own parent once, at the top level, flagged', () => {
    const tree = buildTree([c('self', 'self'), c('child', 'self')]);
    expect(shape(tree)).to.deep.equal(['self:1:0!', 'child:2:1']);
    expect(tree.byId.get('self')!.children.map((n) => n.comment.id)).to.deep.equal(['child']);
  });

  it('shows each member of a 2-cycle exactly once', () => {
    const tree = buildTree([c('top'), c('a', 'b'), c('b', 'a')]);
    expect(shape(tree)).to.deep.equal(['top:1:0', 'a:2:0!', 'b:3:1']);
    expect(tree.size).to.equal(3);
  });

  it('shows each member of a 3-cycle exactly once', () => {
    const tree = buildTree([c('a', 'c'), c('b', 'a'), c('c', 'b')]);
    expect(shape(tree)).to.deep.equal(['a:1:0!', 'b:2:1', 'c:3:2']);
    const ids = flatten(tree).map((n) => n.comment.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('breaks a cycle at the cycle, keeping replies that hang below it as replies', () => {
    // `tail` replies to `a`, which is in a cycle with `b`; `tail` comes first in the list.
    const tree = buildTree([c('tail', 'a'), c('a', 'b'), c('b', 'a')]);
    expect(shape(tree)).to.deep.equal(['a:1:0!', 'tail:2:1', 'b:3:1']);
    expect(tree.byId.get('tail')!.orphan).to.equal(false);
  });

  it('numbers every comment once, 1..n, whatever the mess', () => {
    const tree = buildTree([
      c('x', 'y'), c('y', 'z'), c('z', 'x'), c('s', 's'), c('o', 'nope'), c('r'), c('r1', 'r'), c('r', 'r1'), c('t', 'x'),
    ]);
    const numbers = flatten(tree).map((n) => n.number);
    expect(numbers).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(tree.size).to.equal(8);
  });

  it('builds a 10,000-deep chain without overflowing the stack, numbered 1..10000', () => {
    const n = 10_000;
    const comments: Comment[] = [c('0')];
    for (let i = 1; i < n; i++) comments.push(c(String(i), String(i - 1)));
    const tree = buildTree(comments);
    expect(tree.size).to.equal(n);
    expect(tree.roots).to.have.length(1);
    let node: CommentNode | undefined = tree.roots[0];
    for (let i = 0; i < n; i++) {
      expect(node!.comment.id).to.equal(String(i));
      expect(node!.number).to.equal(i + 1);
      expect(node!.depth).to.equal(i);
      node = node!.children[0];
    }
    expect(node).to.equal(undefined);
  });

  it('builds a 10,000-deep chain listed leaf first', () => {
    const n = 10_000;
    const comments: Comment[] = [];
    for (let i = n - 1; i > 0; i--) comments.push(c(String(i), String(i - 1)));
    comments.push(c('0'));
    const tree = buildTree(comments);
    expect(tree.byId.get(String(n - 1))!.number).to.equal(n);
    expect(tree.byId.get(String(n - 1))!.depth).to.equal(n - 1);
  });

  it('breaks a 10,000-long cycle without overflowing the stack', () => {
    const n = 10_000;
    const comments: Comment[] = [];
    for (let i = 0; i < n; i++) comments.push(c(String(i), String((i + n - 1) % n)));
    const tree = buildTree(comments);
    expect(tree.roots.map((r) => r.comment.id)).to.deep.equal(['0']);
    expect(tree.byId.get(String(n - 1))!.number).to.equal(n);
  });

  it('does not modify the comments it is given', () => {
    const input = [c('a'), c('b', 'a')];
    const copy = structuredClone(input);
    buildTree(input);
    expect(input).to.deep.equal(copy);
  });
});

describe('changing the tree in place', () => {
  it('adds a reply as its parent\'s last child, numbered after the highest, without renumbering', () => {
    const tree = buildTree([c('1'), c('2', '1'), c('3')]);
    const node = addToTree(tree, c('4', '1'));
    expect(shape(tree)).to.deep.equal(['1:1:0', '2:2:1', '4:4:1', '3:3:0']);
    expect(node.depth).to.equal(1);
    expect(tree.size).to.equal(4);
    expect(tree.byId.get('4')).to.equal(node);
  });

  it('adds a comment whose parent is missing at the top level, as an orphan', () => {
    const tree = buildTree([c('1')]);
    addToTree(tree, c('x', 'gone'));
    expect(shape(tree)).to.deep.equal(['1:1:0', 'x:2:0!']);
  });

  it('replaces a comment in its node, also under a new id, keeping its key and number', () => {
    const tree = buildTree([c('1'), c('local:k', '1')]);
    const node = tree.byId.get('local:k')!;
    expect(replaceInTree(tree, 'local:k', c('42', '1', 'confirmed'))).to.equal(true);
    expect(tree.byId.has('local:k')).to.equal(false);
    expect(tree.byId.get('42')).to.equal(node);
    expect(node.key).to.equal('local:k');
    expect(node.comment.body).to.equal('confirmed');
    expect(shape(tree)).to.deep.equal(['1:1:0', '42:2:1']);
  });

  it('refuses a replacement that moves the comment or takes a shown id (the caller rebuilds)', () => {
    const tree = buildTree([c('1'), c('2', '1'), c('3')]);
    expect(replaceInTree(tree, '2', c('2', '3'))).to.equal(false);
    expect(replaceInTree(tree, '2', c('3', '1'))).to.equal(false);
    expect(replaceInTree(tree, 'missing', c('missing'))).to.equal(false);
    expect(shape(tree)).to.deep.equal(['1:1:0', '2:2:1', '3:3:0']);
  });

  it('touch moves the revision of a comment and its ancestors only, and ends on cycles', () => {
    const tree = buildTree([c('1'), c('2', '1'), c('3', '2'), c('4'), c('a', 'b'), c('b', 'a')]);
    touch(tree, '3');
    const revisions = Object.fromEntries(flatten(tree).map((n) => [n.comment.id, n.revision]));
    expect(revisions).to.deep.equal({ 1: 1, 2: 1, 3: 1, 4: 0, a: 0, b: 0 });
    touch(tree, 'b');
    touch(tree, null);
    touch(tree, 'nothing');
    expect(tree.byId.get('a')!.revision + tree.byId.get('b')!.revision).to.be.within(1, 2);
  });

  it('building with the tree shown so far (a new page) keeps every number and key; new comments count on in reading order', () => {
    const first = buildTree([c('1'), c('2', '1'), c('3')]);
    addToTree(first, c('local:k', '1'));
    replaceInTree(first, 'local:k', c('9', '1'));
    // More replies of 1 and a second page of top-level comments arrive.
    const next = buildTree([c('1'), c('2', '1'), c('3'), c('9', '1'), c('2b', '1'), c('4'), c('4a', '4')], first);
    expect(shape(next)).to.deep.equal(['1:1:0', '2:2:1', '9:4:1', '2b:5:1', '3:3:0', '4:6:0', '4a:7:1']);
    expect(next.byId.get('9')!.key).to.equal('local:k');
  });

  it('a first build numbers in reading order, as before', () => {
    const tree = buildTree([c('1'), c('3'), c('2', '1')], buildTree([]));
    expect(shape(tree)).to.deep.equal(['1:1:0', '2:2:1', '3:3:0']);
  });
});

