import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/adapter.js';
import {
  buildComment,
  checkBody,
  copyComment,
  isComment,
  newCommentId,
  usableComments,
  validateNewComment,
} from '../../../src/adapters/in-browser/comment-store.js';
import { comment, thrown } from '../../support/comments.js';
import { checkIdempotencyKey } from '../../../src/core/idempotency.js';



const a = comment('a', '2024-01-01T10:00:00Z', { score: 1 });
const b = comment('b', '2024-01-03T10:00:00Z', { score: 5 });
const c = comment('c', '2024-01-02T10:00:00Z', { parentId: 'a' });
const d = comment('d', '2024-01-04T10:00:00Z', { parentId: 'c', score: 5 });
const all = [b, d, a, c];

describe('comment-store', () => {
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

    it('rejects a deleted parent with not_found: a tombstone takes no replies', () => {
      const thread = [...all, comment('gone', '2024-01-05T00:00:00Z', { status: 'deleted', body: '', author: { name: '' } })];
      const error = thrown(() => validateNewComment(thread, { parentId: 'gone', body: 'x' }, viewer));
      expect((error as AdapterError).code).to.equal('not_found');
    });

    it('checks an edited body the same way', () => {
      checkBody('fine');
      for (const body of ['', ' \n', undefined, 5]) {
        expect((thrown(() => checkBody(body)) as AdapterError).code).to.equal('validation');
      }
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
      // Every status of the contract is stored, spam too (a moderator's verdict, issue 16).
      for (const status of ['published', 'pending', 'spam', 'deleted']) expect(isComment({ ...a, status }), status).to.equal(true);
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
        { ...a, status: 'junk' },
        { ...a, status: 'Published' },
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

  it('makes ids that sort in creation order, also within one millisecond', () => {
    // Lists break createdAt ties by id: two comments posted in one millisecond keep their order.
    const ids = Array.from({ length: 500 }, newCommentId);
    expect([...ids].sort()).to.deep.equal(ids);
  });
});
