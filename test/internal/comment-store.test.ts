import { expect } from '@open-wc/testing';
import { AdapterError, type Comment } from '../../src/adapters/adapter.js';
import {
  buildComment,
  checkIdempotencyKey,
  copyComment,
  isComment,
  newCommentId,
  pageComments,
  sortComments,
  usableComments,
  validateNewComment,
} from '../../src/internal/comment-store.js';

function comment(id: string, createdAt: string, extra: Partial<Comment> = {}): Comment {
  return { id, parentId: null, author: { name: `author ${id}` }, body: `body ${id}`, createdAt, ...extra };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const a = comment('a', '2024-01-01T10:00:00Z', { score: 1 });
const b = comment('b', '2024-01-03T10:00:00Z', { score: 5 });
const c = comment('c', '2024-01-02T10:00:00Z', { parentId: 'a' });
const d = comment('d', '2024-01-04T10:00:00Z', { parentId: 'c', score: 5 });
const all = [b, d, a, c];

describe('comment-store', () => {
  describe('sortComments', () => {
    it('orders oldest first by default and for unknown sorts', () => {
      expect(sortComments(all).map((x) => x.id)).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(sortComments(all, 'oldest').map((x) => x.id)).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(sortComments(all, 'whatever').map((x) => x.id)).to.deep.equal(['a', 'c', 'b', 'd']);
    });

    it('orders newest first', () => {
      expect(sortComments(all, 'newest').map((x) => x.id)).to.deep.equal(['d', 'b', 'c', 'a']);
    });

    it('orders by score descending, missing score as 0, ties oldest first', () => {
      expect(sortComments(all, 'top').map((x) => x.id)).to.deep.equal(['b', 'd', 'a', 'c']);
    });

    it('keeps insertion order for equal dates and does not touch its input', () => {
      const x = comment('x', '2024-01-01T00:00:00Z');
      const y = comment('y', '2024-01-01T00:00:00Z');
      const input = [y, x];
      expect(sortComments(input).map((v) => v.id)).to.deep.equal(['y', 'x']);
      expect(sortComments(input, 'newest').map((v) => v.id)).to.deep.equal(['x', 'y']);
      expect(input.map((v) => v.id)).to.deep.equal(['y', 'x']);
    });

    it('does not break on an unparsable date', () => {
      const bad = comment('bad', 'not a date');
      expect(sortComments([b, bad, a]).map((v) => v.id)).to.deep.equal(['bad', 'a', 'b']);
    });
  });

  describe('pageComments', () => {
    it('returns every comment of the thread, all levels, with the total', () => {
      const page = pageComments(all);
      expect(page.comments.map((x) => x.id)).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(page.nextCursor).to.equal(null);
      expect(page.total).to.equal(4);
    });

    it('pages through every comment exactly once', () => {
      const seen: string[] = [];
      let cursor: string | null | undefined = null;
      let pages = 0;
      do {
        const page = pageComments(all, { limit: 3, cursor, sort: 'newest' });
        expect(page.total).to.equal(4);
        seen.push(...page.comments.map((x) => x.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).to.equal(2);
      expect(seen).to.deep.equal(['d', 'b', 'c', 'a']);
    });

    it('returns only direct replies of parentId', () => {
      expect(pageComments(all, { parentId: 'a' }).comments.map((x) => x.id)).to.deep.equal(['c']);
      expect(pageComments(all, { parentId: 'c' }).comments.map((x) => x.id)).to.deep.equal(['d']);
      expect(pageComments(all, { parentId: 'd' }).comments).to.deep.equal([]);
    });

    it('returns copies', () => {
      const page = pageComments(all);
      page.comments[0].author.name = 'changed';
      expect(a.author.name).to.equal('author a');
    });

    it('rejects a cursor or limit it did not produce', () => {
      for (const cursor of ['abc', '-1', '1.5']) {
        const error = thrown(() => pageComments(all, { cursor }));
        expect(error).to.be.instanceOf(AdapterError);
        expect((error as AdapterError).code).to.equal('validation');
      }
      for (const limit of [0, -2, Number.NaN]) {
        expect((thrown(() => pageComments(all, { limit })) as AdapterError).code).to.equal('validation');
      }
    });

    it('returns an empty last page past the end', () => {
      const page = pageComments(all, { cursor: '10', limit: 2 });
      expect(page.comments).to.deep.equal([]);
      expect(page.nextCursor).to.equal(null);
    });
  });

  describe('validateNewComment', () => {
    const viewer = { id: 'u1', name: 'Viewer' };

    it('accepts a valid comment with a name, or with a viewer and no name', () => {
      validateNewComment(all, { parentId: null, body: 'hi', author: { name: 'N' } }, null);
      validateNewComment(all, { parentId: 'c', body: 'hi' }, viewer);
    });

    it('rejects an empty or whitespace body with validation', () => {
      for (const body of ['', '  \n\t ']) {
        const error = thrown(() => validateNewComment(all, { parentId: null, body, author: { name: 'N' } }, null));
        expect((error as AdapterError).code).to.equal('validation');
      }
    });

    it('requires a name without a viewer', () => {
      for (const author of [undefined, { name: '' }, { name: '   ' }]) {
        const error = thrown(() => validateNewComment(all, { parentId: null, body: 'x', author }, null));
        expect((error as AdapterError).code).to.equal('validation');
      }
    });

    it('rejects an unknown parent with not_found', () => {
      const error = thrown(() => validateNewComment(all, { parentId: 'zzz', body: 'x' }, viewer));
      expect(error).to.be.instanceOf(AdapterError);
      expect((error as AdapterError).code).to.equal('not_found');
    });
  });

  describe('buildComment', () => {
    it('takes the author from the input, without the email', () => {
      const built = buildComment(
        { parentId: 'a', body: 'Hello', author: { name: ' Amina ', email: 'a@example.com', url: 'https://a.example' } },
        null,
        'id1',
        new Date('2025-05-05T05:05:05.000Z')
      );
      expect(built).to.deep.equal({
        id: 'id1',
        parentId: 'a',
        author: { name: 'Amina', url: 'https://a.example' },
        body: 'Hello',
        createdAt: '2025-05-05T05:05:05.000Z',
        status: 'published',
      });
      expect(JSON.stringify(built)).not.to.contain('a@example.com');
    });

    it('takes the author from the viewer when there is one', () => {
      const built = buildComment(
        { parentId: null, body: 'x', author: { name: 'ignored' } },
        { id: 'u1', name: 'Viewer', avatarUrl: 'https://img.example/u1.png' },
        'id2',
        new Date(0)
      );
      expect(built.author).to.deep.equal({ id: 'u1', name: 'Viewer', avatarUrl: 'https://img.example/u1.png' });
    });
  });

  describe('shape checks', () => {
    it('recognises comments and rejects garbage', () => {
      expect(isComment(a)).to.equal(true);
      expect(isComment(c)).to.equal(true);
      const garbage: unknown[] = [
        null,
        1,
        'x',
        [],
        { ...a, id: '' },
        { ...a, id: 3 },
        { ...a, parentId: undefined },
        { ...a, author: null },
        { ...a, author: { name: 5 } },
        { ...a, body: null },
        { ...a, createdAt: 0 },
        { ...a, status: 'spam' },
        { ...a, score: '3' },
      ];
      for (const value of garbage) expect(isComment(value), JSON.stringify(value)).to.equal(false);
    });

    it('keeps usable entries, drops garbage and repeated ids', () => {
      const result = usableComments([a, 7, b, { ...a, body: 'dup' }, null]);
      expect(result.comments.map((x) => x.id)).to.deep.equal(['a', 'b']);
      expect(result.dropped).to.equal(3);
    });

    it('requires a non-empty idempotency key', () => {
      checkIdempotencyKey('k');
      expect((thrown(() => checkIdempotencyKey('')) as AdapterError).code).to.equal('validation');
      expect((thrown(() => checkIdempotencyKey(undefined)) as AdapterError).code).to.equal('validation');
    });
  });

  it('makes deep copies and distinct ids', () => {
    const copy = copyComment({ ...a, reactions: { '+1': 2 } });
    copy.reactions!['+1'] = 9;
    copy.author.name = 'changed';
    expect(a.author.name).to.equal('author a');
    const ids = new Set(Array.from({ length: 100 }, newCommentId));
    expect(ids.size).to.equal(100);
  });
});
