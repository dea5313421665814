import { expect } from '@open-wc/testing';
import { AdapterError, type Comment } from '../../../src/adapters/adapter.js';
import { countThread, inlineDepth, inlineReplies, listLevel } from '../../../src/adapters/in-browser/comment-listing.js';
import { ThreadIndex, type Actor, type ThreadData } from '../../../src/adapters/in-browser/thread-data.js';
import { comment, thrown } from '../../support/comments.js';



const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;

/** t1 ← r1..r5 (r2 ← g1, g2), t2, t3; inserted out of date order. */
function thread(): ThreadData {
  return {
    comments: [
      comment('t2', day(2)),
      comment('r5', day(15), { parentId: 't1' }),
      comment('t1', day(1)),
      comment('r1', day(11), { parentId: 't1' }),
      comment('r2', day(12), { parentId: 't1' }),
      comment('g2', day(22), { parentId: 'r2' }),
      comment('g1', day(21), { parentId: 'r2' }),
      comment('r3', day(13), { parentId: 't1' }),
      comment('r4', day(14), { parentId: 't1' }),
      comment('t3', day(3), { score: 4 }),
    ],
    reactions: new Map(),
  };
}

const nobody: Actor = { owns: () => false, reactor: 'me', now: Date.parse(day(1)), editWindowMs: 60_000 };
const ids = (comments: Comment[]) => comments.map((c) => c.id);

describe('comment-listing', () => {
  describe('listLevel', () => {
    it('lists the top level only, then up to three replies of each, oldest first, recursively', () => {
      expect(inlineReplies).to.equal(3);
      const result = listLevel(thread(), {}, nobody);
      expect(ids(result.comments)).to.deep.equal(['t1', 't2', 't3', 'r1', 'r2', 'g1', 'g2', 'r3']);
      expect(result.nextCursor).to.equal(null);
      expect(result.total).to.equal(10);
    });

    it('gives every comment its number of visible direct replies', () => {
      const counts = Object.fromEntries(listLevel(thread(), {}, nobody).comments.map((c) => [c.id, c.replyCount]));
      expect(counts).to.deep.equal({ t1: 5, t2: 0, t3: 0, r1: 0, r2: 2, g1: 0, g2: 0, r3: 0 });
    });

    it('pages one level with a keyset cursor; inline replies do not count against the limit', () => {
      const data = thread();
      const first = listLevel(data, { limit: 2 }, nobody);
      expect(ids(first.comments)).to.deep.equal(['t1', 't2', 'r1', 'r2', 'g1', 'g2', 'r3']);
      expect(first.nextCursor).to.be.a('string');
      const second = listLevel(data, { limit: 2, cursor: first.nextCursor }, nobody);
      expect(ids(second.comments)).to.deep.equal(['t3']);
      expect(second.nextCursor).to.equal(null);
    });

    it('pages the direct replies of parentId, with their own inline replies', () => {
      const data = thread();
      const first = listLevel(data, { parentId: 't1', limit: 2, sort: 'newest' }, nobody);
      expect(ids(first.comments)).to.deep.equal(['r5', 'r4']);
      const second = listLevel(data, { parentId: 't1', limit: 2, sort: 'newest', cursor: first.nextCursor }, nobody);
      expect(ids(second.comments)).to.deep.equal(['r3', 'r2', 'g1', 'g2']);
      const third = listLevel(data, { parentId: 't1', limit: 2, sort: 'newest', cursor: second.nextCursor }, nobody);
      expect(ids(third.comments)).to.deep.equal(['r1']);
      expect(third.nextCursor).to.equal(null);
      expect(third.total).to.equal(10);
      expect(listLevel(data, { parentId: 't2' }, nobody).comments).to.deep.equal([]);
    });

    it('rejects a parentId that is not in the thread with not_found', () => {
      const error = thrown(() => listLevel(thread(), { parentId: 'nope' }, nobody));
      expect(error).to.be.instanceOf(AdapterError);
      expect((error as AdapterError).code).to.equal('not_found');
    });

    it('rejects a limit below 1 and a foreign cursor with validation', () => {
      for (const options of [{ limit: 0 }, { limit: -2 }, { limit: Number.NaN }, { cursor: '10' }]) {
        expect((thrown(() => listLevel(thread(), options, nobody)) as AdapterError).code).to.equal('validation');
      }
    });

    it(`stops inline replies ${inlineDepth} levels below a listed comment`, () => {
      const chain = Array.from({ length: 15 }, (_, i) => comment(`d${i}`, day(i + 1), { parentId: i === 0 ? null : `d${i - 1}` }));
      const listed = ids(listLevel({ comments: chain, reactions: new Map() }, {}, nobody).comments);
      expect(listed).to.deep.equal(Array.from({ length: inlineDepth + 1 }, (_, i) => `d${i}`));
      expect(ids(listLevel({ comments: chain, reactions: new Map() }, { parentId: 'd10' }, nobody).comments)[0]).to.equal('d11');
    });

    it('presents each comment for the caller: reactions, score, viewerReactions, can', () => {
      const data = thread();
      data.comments.find((c) => c.id === 't1')!.reactions = { up: 2, like: 1 };
      data.reactions.set('t1', new Map([['me', 'up'], ['other', 'up']]));
      const mine: Actor = { ...nobody, owns: (c) => c.id === 't1' };
      const [t1, t2] = listLevel(data, {}, mine).comments;
      expect(t1.reactions).to.deep.equal({ up: 2, like: 1, down: 0 });
      expect(t1.score).to.equal(2);
      expect(t1.viewerReactions).to.deep.equal(['up']);
      expect(t1.can).to.deep.equal({ edit: true, delete: true });
      expect(t2.reactions).to.deep.equal({ up: 0, down: 0 });
      expect(t2.score).to.equal(0);
      expect(t2.viewerReactions).to.deep.equal([]);
      expect(t2.can).to.deep.equal({ edit: false, delete: false });
      // Past the edit window: delete only.
      const later = listLevel(data, {}, { ...mine, now: Date.parse(day(1)) + 60_001 }).comments[0];
      expect(later.can).to.deep.equal({ edit: false, delete: true });
    });

    it('returns copies', () => {
      const data = thread();
      listLevel(data, {}, nobody).comments[0].author.name = 'changed';
      expect(data.comments.find((c) => c.id === 't1')!.author.name).to.equal('author t1');
    });
  });

  describe('visibility', () => {
    const tomb = (id: string, createdAt: string, parentId: string | null = null) =>
      comment(id, createdAt, { parentId, status: 'deleted', body: '', author: { name: '' } });

    it('lists a tombstone while it has visible replies, and hides it otherwise', () => {
      const data: ThreadData = {
        comments: [tomb('p', day(1)), comment('r', day(2), { parentId: 'p' }), tomb('q', day(3)), tomb('x', day(4)), tomb('xr', day(5), 'x')],
        reactions: new Map(),
      };
      const result = listLevel(data, {}, nobody);
      expect(ids(result.comments)).to.deep.equal(['p', 'r']);
      expect(result.comments[0].can).to.deep.equal({ edit: false, delete: false });
      expect(result.total).to.equal(2);
      expect(countThread(data)).to.equal(1);
    });

    it('leaves out comments that cannot be reached from the top level', () => {
      const data: ThreadData = {
        comments: [comment('a', day(1)), comment('orphan', day(2), { parentId: 'missing' }), comment('loop1', day(3), { parentId: 'loop2' }), comment('loop2', day(4), { parentId: 'loop1' })],
        reactions: new Map(),
      };
      expect(ids(listLevel(data, {}, nobody).comments)).to.deep.equal(['a']);
      expect(listLevel(data, {}, nobody).total).to.equal(1);
      expect(new ThreadIndex(data.comments).isVisible('loop1')).to.equal(false);
    });
  });
});
