import { expect } from '@open-wc/testing';
import { normalizeComment, normalizeComments } from '../../src/core/normalize.js';

const valid = {
  id: 'c1',
  parentId: null,
  author: { name: 'Nick', url: 'https://example.com', avatarUrl: 'https://example.com/a.png', id: 'u1' },
  body: 'Hello',
  createdAt: '2024-01-01T00:00:00Z',
};

// normalize.ts warns once per kind of problem per page (module state), so every test in this file
// shares one stub of console.warn and the counting test looks at all warnings the file caused.
describe('normalize', () => {
  const warnings: string[] = [];
  let original: typeof console.warn;

  before(() => {
    original = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
  });

  after(() => {
    console.warn = original;
  });

  describe('normalizeComment', () => {
    it('keeps a valid comment as it is', () => {
      const already = warnings.length;
      const comment = normalizeComment({ ...valid, editedAt: '2024-01-02T00:00:00Z', status: 'pending', replyCount: 2, score: -3 });
      expect(comment).to.deep.equal({ ...valid, editedAt: '2024-01-02T00:00:00Z', status: 'pending', replyCount: 2, score: -3 });
      expect(warnings.length).to.equal(already);
    });

    it('returns a new object, not the input', () => {
      const input = { ...valid, author: { ...valid.author } };
      const comment = normalizeComment(input)!;
      expect(comment).not.to.equal(input);
      expect(comment.author).not.to.equal(input.author);
    });

    it('drops a comment without a usable id', () => {
      for (const id of [undefined, null, '', NaN, Infinity, {}, ['c1'], true]) {
        expect(normalizeComment({ ...valid, id }), String(id)).to.equal(null);
      }
    });

    it('coerces a numeric id and parentId to strings', () => {
      const comment = normalizeComment({ ...valid, id: 42, parentId: 7 })!;
      expect(comment.id).to.equal('42');
      expect(comment.parentId).to.equal('7');
      expect(normalizeComment({ ...valid, id: 0 })!.id).to.equal('0');
    });

    it('drops values that are not objects', () => {
      for (const raw of [undefined, null, 'c1', 42, true]) expect(normalizeComment(raw)).to.equal(null);
    });

    it('makes an invalid parentId top level', () => {
      expect(normalizeComment({ ...valid, parentId: '' })!.parentId).to.equal(null);
      expect(normalizeComment({ ...valid, parentId: { id: 'x' } })!.parentId).to.equal(null);
      expect(normalizeComment({ ...valid, parentId: undefined })!.parentId).to.equal(null);
    });

    it('repairs a missing or wrong-typed author', () => {
      for (const author of [undefined, null, 'Nick', 42, { name: 42 }, {}]) {
        const comment = normalizeComment({ ...valid, author })!;
        expect(comment.author.name, JSON.stringify(author)).to.equal('');
        expect(comment.author.url).to.equal(undefined);
      }
    });

    it('drops empty or wrong-typed optional author fields', () => {
      const comment = normalizeComment({ ...valid, author: { name: 'Nick', url: '', avatarUrl: 42, id: {} } })!;
      expect(comment.author).to.deep.equal({ name: 'Nick', url: undefined, avatarUrl: undefined, id: undefined });
    });

    it('turns a body that is not text into text', () => {
      expect(normalizeComment({ ...valid, body: 42 })!.body).to.equal('42');
      expect(normalizeComment({ ...valid, body: null })!.body).to.equal('');
      expect(normalizeComment({ ...valid, body: undefined })!.body).to.equal('');
      expect(normalizeComment({ ...valid, body: false })!.body).to.equal('false');
    });

    it('repairs a missing createdAt to an empty string', () => {
      expect(normalizeComment({ ...valid, createdAt: 1700000000000 })!.createdAt).to.equal('');
      expect(normalizeComment({ ...valid, createdAt: undefined })!.createdAt).to.equal('');
    });

    it('drops invalid optional fields', () => {
      const comment = normalizeComment({ ...valid, editedAt: 5, status: 'junk', replyCount: -1, score: NaN })!;
      expect(comment).to.not.have.any.keys('editedAt', 'status', 'replyCount', 'score');
      expect(normalizeComment({ ...valid, score: Infinity })!).to.not.have.key('score');
      expect(normalizeComment({ ...valid, replyCount: '3' })!).to.not.have.key('replyCount');
      expect(normalizeComment({ ...valid, status: 'deleted' })!.status).to.equal('deleted');
      // A moderator's list holds comments marked as spam (issue 16).
      expect(normalizeComment({ ...valid, status: 'spam' })!.status).to.equal('spam');
    });

    it('keeps author.verified only when it is literally true', () => {
      expect(normalizeComment({ ...valid, author: { name: 'A', verified: true } })!.author.verified).to.equal(true);
      for (const verified of ['true', 1, 'yes', false, null]) {
        expect(normalizeComment({ ...valid, author: { name: 'A', verified } })!.author, String(verified)).to.not.have.key('verified');
      }
    });
  });

  describe('normalizeComments', () => {
    it('keeps the usable comments, in order', () => {
      const comments = normalizeComments([valid, null, { ...valid, id: 2 }, { id: '' }, 'x', { ...valid, id: 'c3', parentId: 'c1' }]);
      expect(comments.map((c) => [c.id, c.parentId])).to.deep.equal([
        ['c1', null],
        ['2', null],
        ['c3', 'c1'],
      ]);
    });

    it('yields no comments for anything that is not an array', () => {
      for (const raw of [undefined, null, {}, { comments: [valid] }, 'c1', 42]) {
        expect(normalizeComments(raw)).to.deep.equal([]);
      }
    });

    it('warns once per kind of problem, however often it occurs', () => {
      const bad = [
        { ...valid, id: undefined },
        null,
        { ...valid, parentId: {} },
        { ...valid, author: 42 },
        { ...valid, body: 7 },
        { ...valid, createdAt: null },
      ];
      normalizeComments([...bad, ...bad, ...bad]);
      normalizeComments('not an array');
      normalizeComments({});
      const count = (fragment: string) => warnings.filter((w) => w.includes(fragment)).length;
      expect(count('a comment without an id')).to.equal(1);
      expect(count('a comment that is not an object')).to.equal(1);
      expect(count('a comment with an invalid parentId')).to.equal(1);
      expect(count('a comment without an author name')).to.equal(1);
      expect(count('a comment whose body is not text')).to.equal(1);
      expect(count('a comment without a createdAt date')).to.equal(1);
      expect(count('a list result whose comments are not an array')).to.equal(1);
      expect(warnings).to.have.length(7);
      expect(warnings.every((w) => w.startsWith('maoni:'))).to.equal(true);
    });
  });
});
