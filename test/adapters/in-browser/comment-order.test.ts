import { expect } from '@open-wc/testing';
import { AdapterError, type Comment } from '../../../src/adapters/adapter.js';
import { afterCursor, cursorAfter, scoreOf, sortComments, sortOf } from '../../../src/adapters/in-browser/comment-order.js';
import { comment, thrown } from '../../support/comments.js';



const a = comment('a', '2024-01-01T10:00:00Z', { score: 1 });
const b = comment('b', '2024-01-03T10:00:00Z', { score: 5 });
const c = comment('c', '2024-01-02T10:00:00Z');
const d = comment('d', '2024-01-04T10:00:00Z', { score: 5 });
const all = [b, d, a, c];
const ids = (comments: Comment[]) => comments.map((x) => x.id);

/** Pages through `comments` with the cursor functions, calling `between` after each page. */
function page(comments: () => Comment[], sort: string, limit: number, between?: () => void): string[] {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const rest = sortComments(comments(), sort).filter(afterCursor(sort, cursor));
    const chunk = rest.slice(0, limit);
    seen.push(...ids(chunk));
    if (rest.length <= limit) return seen;
    cursor = cursorAfter(sort, chunk[chunk.length - 1]);
    between?.();
  }
  throw new Error('never ended');
}

describe('comment-order', () => {
  describe('sortComments', () => {
    it('orders oldest first by default and for unknown sorts', () => {
      expect(ids(sortComments(all))).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(ids(sortComments(all, 'oldest'))).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(ids(sortComments(all, 'whatever'))).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(sortOf('whatever')).to.equal('oldest');
      expect(sortOf(undefined)).to.equal('oldest');
    });

    it('orders newest first, exactly the reverse of oldest', () => {
      expect(ids(sortComments(all, 'newest'))).to.deep.equal(['d', 'b', 'c', 'a']);
    });

    it('orders top by score descending, missing score as up − down, ties oldest first', () => {
      expect(ids(sortComments(all, 'top'))).to.deep.equal(['b', 'd', 'a', 'c']);
      const voted = comment('v', '2024-01-09T00:00:00Z', { reactions: { up: 4, down: 1 } });
      expect(scoreOf(voted)).to.equal(3);
      expect(ids(sortComments([...all, voted], 'top'))).to.deep.equal(['b', 'd', 'v', 'a', 'c']);
    });

    it('breaks ties of equal dates by id, and does not touch its input', () => {
      const x = comment('x', '2024-01-01T00:00:00Z');
      const y = comment('y', '2024-01-01T00:00:00Z');
      const input = [y, x];
      expect(ids(sortComments(input))).to.deep.equal(['x', 'y']);
      expect(ids(sortComments(input, 'newest'))).to.deep.equal(['y', 'x']);
      expect(ids(input)).to.deep.equal(['y', 'x']);
    });

    it('does not break on an unparsable date', () => {
      const bad = comment('bad', 'not a date');
      expect(ids(sortComments([b, bad, a]))).to.deep.equal(['bad', 'a', 'b']);
    });
  });

  describe('cursors', () => {
    it('pages through every comment exactly once, in every sort', () => {
      for (const [sort, expected] of [
        ['oldest', ['a', 'c', 'b', 'd']],
        ['newest', ['d', 'b', 'c', 'a']],
        ['top', ['b', 'd', 'a', 'c']],
      ] as const) {
        expect(page(() => all, sort, 3), sort).to.deep.equal(expected);
        expect(page(() => all, sort, 1), sort).to.deep.equal(expected);
      }
    });

    it('stays stable when comments are added between pages', () => {
      // An offset cursor would repeat "d" for newest here; a keyset cursor cannot.
      const thread = [...all];
      let added = 0;
      const add = () => thread.push(comment(`new${added++}`, '2024-02-01T00:00:00Z'));
      expect(page(() => thread, 'newest', 2, add)).to.deep.equal(['d', 'b', 'c', 'a']);
      expect(page(() => thread, 'oldest', 2, add)).to.deep.equal(['a', 'c', 'b', 'd', 'new0', 'new1', 'new2', 'new3']);
    });

    it('stays stable when the comment a cursor points at is gone', () => {
      const cursor = cursorAfter('oldest', c);
      expect(ids(sortComments([a, b, d], 'oldest').filter(afterCursor('oldest', cursor)))).to.deep.equal(['b', 'd']);
    });

    it('rejects a cursor it did not write, or one of another sort, with validation', () => {
      const oldest = cursorAfter('oldest', a);
      for (const [sort, cursor] of [
        ['oldest', 'abc'],
        ['oldest', '2'],
        ['oldest', '{"sort":"oldest","after":[1]}'],
        ['oldest', '{"sort":"oldest","after":["x","a"]}'],
        ['top', '{"sort":"top","after":[1,"a"]}'],
        ['newest', oldest],
        ['top', oldest],
      ]) {
        const error = thrown(() => afterCursor(sort, cursor));
        expect(error, `${sort} ${cursor}`).to.be.instanceOf(AdapterError);
        expect((error as AdapterError).code).to.equal('validation');
      }
      // Unknown sorts are oldest, cursors included.
      expect(ids([b, c].filter(afterCursor('whatever', oldest)))).to.deep.equal(['b', 'c']);
    });
  });
});
