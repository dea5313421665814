import { expect } from '@open-wc/testing';
import { AdapterError, type Comment } from '../../../src/adapters/adapter.js';
import { changesBetween, deleteComment, editComment, reactTo } from '../../../src/adapters/in-browser/comment-changes.js';
import type { Actor, ThreadData } from '../../../src/adapters/in-browser/thread-data.js';
import { thrown } from '../../support/comments.js';

function comment(id: string, createdAt: string, extra: Partial<Comment> = {}): Comment {
  return { id, parentId: null, author: { name: `author ${id}`, url: 'https://a.example' }, body: `body ${id}`, createdAt, ...extra };
}


const code = (fn: () => unknown) => (thrown(fn) as AdapterError).code;

const created = '2025-01-01T00:00:00.000Z';
const start = Date.parse(created);

function thread(): ThreadData {
  return {
    comments: [
      comment('mine', created),
      comment('theirs', created),
      comment('reply', created, { parentId: 'mine' }),
      comment('lonely', created),
    ],
    reactions: new Map(),
  };
}

const me = (extra: Partial<Actor> = {}): Actor => ({
  owns: (c) => c.id !== 'theirs',
  reactor: 'me',
  now: start + 1000,
  editWindowMs: 15 * 60_000,
  ...extra,
});

describe('comment-changes', () => {
  describe('editComment', () => {
    it("replaces the body of the actor's comment and sets editedAt", () => {
      const data = thread();
      const change = editComment(data, 'mine', 'new words', me());
      expect(change.type).to.equal('edited');
      expect(change.comment).to.equal(data.comments[0]);
      expect(data.comments[0].body).to.equal('new words');
      expect(data.comments[0].editedAt).to.equal(new Date(start + 1000).toISOString());
    });

    it("rejects someone else's comment and an expired window with forbidden, a blank body with validation", () => {
      const data = thread();
      expect(code(() => editComment(data, 'theirs', 'x', me()))).to.equal('forbidden');
      expect(code(() => editComment(data, 'mine', 'x', me({ now: start + 15 * 60_000 + 1 })))).to.equal('forbidden');
      expect(code(() => editComment(data, 'mine', '  ', me()))).to.equal('validation');
      expect(code(() => editComment(data, 'nope', 'x', me()))).to.equal('not_found');
      expect(data.comments[0].body).to.equal('body mine');
      expect(data.comments[0].editedAt).to.equal(undefined);
    });
  });

  describe('deleteComment', () => {
    it('turns a comment with replies into a tombstone that keeps its place', () => {
      const data = thread();
      const { comment: tomb, changes } = deleteComment(data, 'mine', me());
      expect(tomb).to.deep.equal({ id: 'mine', parentId: null, author: { name: '' }, body: '', createdAt: created, status: 'deleted' });
      expect(changes).to.deep.equal([{ type: 'deleted', comment: tomb }]);
      expect(data.comments.length).to.equal(4);
    });

    it('is idempotent: deleting a tombstone again returns it and changes nothing', () => {
      const data = thread();
      deleteComment(data, 'lonely', me());
      const again = deleteComment(data, 'lonely', me());
      expect(again.comment.status).to.equal('deleted');
      expect(again.changes).to.deep.equal([]);
    });

    it('reports deleted ancestors that lose their last visible reply', () => {
      const data = thread();
      deleteComment(data, 'mine', me());
      const { changes } = deleteComment(data, 'reply', me());
      expect(changes.map((c) => c.comment.id)).to.deep.equal(['reply', 'mine']);
    });

    it("rejects someone else's comment with forbidden and an unknown one with not_found", () => {
      const data = thread();
      expect(code(() => deleteComment(data, 'theirs', me()))).to.equal('forbidden');
      expect(code(() => deleteComment(data, 'nope', me()))).to.equal('not_found');
      expect(data.comments[1].status).to.equal(undefined);
    });
  });

  describe('reactTo', () => {
    it('adds and takes back one reaction per actor, keeping counts and score', () => {
      const data = thread();
      reactTo(data, 'theirs', 'up', true, me());
      reactTo(data, 'theirs', 'up', true, me({ reactor: 'you' }));
      let c = reactTo(data, 'theirs', 'up', true, me());
      expect(c.reactions).to.deep.equal({ up: 2, down: 0 });
      expect(c.score).to.equal(2);
      c = reactTo(data, 'theirs', 'down', true, me());
      expect(c.reactions).to.deep.equal({ up: 1, down: 1 });
      expect(c.score).to.equal(0);
      expect(data.reactions.get('theirs')).to.deep.equal(new Map([['me', 'down'], ['you', 'up']]));
      c = reactTo(data, 'theirs', 'up', false, me());
      expect(c.reactions).to.deep.equal({ up: 1, down: 1 });
      c = reactTo(data, 'theirs', 'down', false, me());
      expect(c.reactions).to.deep.equal({ up: 1, down: 0 });
      expect(c.score).to.equal(1);
      expect(data.reactions.get('theirs')).to.deep.equal(new Map([['you', 'up']]));
    });

    it('adjusts a seeded score instead of replacing it', () => {
      const data = thread();
      data.comments[1].score = 10;
      expect(reactTo(data, 'theirs', 'down', true, me()).score).to.equal(9);
    });

    it('rejects unknown reactions, unknown comments and tombstones', () => {
      const data = thread();
      expect(code(() => reactTo(data, 'theirs', 'like', true, me()))).to.equal('validation');
      expect(code(() => reactTo(data, 'nope', 'up', true, me()))).to.equal('not_found');
      deleteComment(data, 'mine', me());
      expect(code(() => reactTo(data, 'mine', 'up', true, me()))).to.equal('forbidden');
      deleteComment(data, 'lonely', me());
      expect(code(() => reactTo(data, 'lonely', 'up', true, me()))).to.equal('not_found');
    });
  });

  describe('changesBetween', () => {
    it('finds created, edited and deleted comments between two stored states', () => {
      const before = thread();
      const after = structuredClone(before);
      after.comments.push(comment('new', created));
      editComment(after, 'theirs', 'edited', me({ owns: () => true }));
      deleteComment(after, 'lonely', me());
      reactTo(after, 'mine', 'up', true, me());
      const changes = changesBetween(before, after).map((c) => `${c.type} ${c.comment.id}`);
      expect(changes).to.deep.equal(['edited theirs', 'deleted lonely', 'created new']);
    });
  });
});
