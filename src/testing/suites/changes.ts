/** The changing capabilities: edit, delete, react, and count. */
import type { Comment, CommentAdapter } from '../../adapters/adapter.js';
import { adapterError, check, equal, isoDate, rejection, show, wellFormed } from '../assert.js';
import { skip, suite, test } from '../harness.js';
import { pageThrough, post, uniqueBody, wholeThread, type Kit } from '../kit.js';

/** The comment as listed (top level, inline replies included), if it is listed. */
async function listed(adapter: CommentAdapter, thread: string, id: string): Promise<Comment | undefined> {
  return (await wholeThread(adapter, thread)).get(id);
}

/** Posts a comment this viewer may `can` (edit or delete), or skips the test. */
async function ownComment(adapter: CommentAdapter, thread: string, can: 'edit' | 'delete', body = uniqueBody('mine')): Promise<Comment> {
  const created = await post(adapter, thread, body);
  const may = created.can?.[can] ?? (await listed(adapter, thread, created.id))?.can?.[can];
  if (!may) skip(`a fresh comment of this viewer does not have can.${can}`);
  return created;
}

function tombstone(comment: Comment | undefined, body: string, what: string): void {
  if (!comment) return; // removed: fine
  check(comment.status === 'deleted', `${what}: a deleted comment still listed must have status 'deleted', got ${show(comment.status)}`);
  check(!comment.body.includes(body), `${what}: a deleted comment still shows its body`);
}

export function editSuite(kit: Kit): void {
  suite('edit', () => {
    test('changes the body of an own fresh comment and sets editedAt', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.edit) skip('no edit()');
      const thread = kit.thread();
      const created = await ownComment(adapter, thread, 'edit');
      const edited = await adapter.edit(thread, created.id, { body: 'Imehaririwa' });
      wellFormed(edited, 'edit() result');
      equal(edited.id, created.id, 'id after edit');
      equal(edited.body, 'Imehaririwa', 'body after edit');
      isoDate(edited.editedAt, 'editedAt after edit');
      equal((await listed(adapter, thread, created.id))?.body, 'Imehaririwa', 'listed body after edit');
    });

    test('rejects an empty body with validation', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.edit) skip('no edit()');
      const thread = kit.thread();
      const created = await ownComment(adapter, thread, 'edit', 'unchanged');
      adapterError(await rejection(adapter.edit(thread, created.id, { body: '  ' }), 'edit to a blank body'), ['validation'], 'edit to a blank body');
      equal((await listed(adapter, thread, created.id))?.body, 'unchanged', 'body after a rejected edit');
    });
  });
}

export function deleteSuite(kit: Kit): void {
  suite('delete', () => {
    test('deletes an own comment: a tombstone without its body, or gone', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.delete) skip('no delete()');
      const thread = kit.thread();
      const body = uniqueBody('secret');
      const created = await ownComment(adapter, thread, 'delete', body);
      const other = await post(adapter, thread, 'stays');
      const result = await adapter.delete(thread, created.id);
      wellFormed(result, 'delete() result');
      equal(result.id, created.id, 'id of the delete() result');
      equal(result.status, 'deleted', 'status of the delete() result');
      check(!result.body.includes(body), 'the delete() result still shows the body');
      const after = await wholeThread(adapter, thread);
      tombstone(after.get(created.id), body, 'after delete');
      check(after.has(other.id), 'deleting one comment removed another');
    });

    test('keeps the replies of a deleted comment', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.delete) skip('no delete()');
      const thread = kit.thread();
      const body = uniqueBody('parent');
      const parent = await ownComment(adapter, thread, 'delete', body);
      const reply = await post(adapter, thread, 'a reply that stays', parent.id);
      await adapter.delete(thread, parent.id);
      const after = await wholeThread(adapter, thread);
      check(after.has(reply.id), 'the reply of a deleted comment is no longer listed');
      tombstone(after.get(parent.id), body, 'deleted parent');
    });
  });
}

export function reactSuite(kit: Kit): void {
  suite('react', () => {
    test('adds and takes back each reaction: counts and viewerReactions', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.react || !adapter.reactions) skip('no react()');
      const thread = kit.thread();
      const created = await post(adapter, thread, 'react to me');
      for (const reaction of adapter.reactions) {
        const before = created.reactions?.[reaction] ?? 0;
        const on = await adapter.react(thread, created.id, reaction, { active: true });
        wellFormed(on, `react(${reaction}, active) result`);
        equal(on.reactions?.[reaction] ?? 0, before + 1, `reactions.${reaction} after adding it`);
        check(on.viewerReactions?.includes(reaction), `viewerReactions after adding ${reaction}: ${show(on.viewerReactions)}`);
        const again = await adapter.react(thread, created.id, reaction, { active: true });
        equal(again.reactions?.[reaction] ?? 0, before + 1, `reactions.${reaction} after adding it twice`);
        const off = await adapter.react(thread, created.id, reaction, { active: false });
        equal(off.reactions?.[reaction] ?? 0, before, `reactions.${reaction} after taking it back`);
        check(!off.viewerReactions?.includes(reaction), `viewerReactions after taking back ${reaction}: ${show(off.viewerReactions)}`);
      }
    });

    test('keeps score = up − down, with one of up/down per viewer', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.react || !adapter.reactions?.includes('up') || !adapter.reactions.includes('down')) skip('no up/down reactions');
      const thread = kit.thread();
      const { id } = await post(adapter, thread, 'vote on me');
      const expect = (comment: Comment, up: number, down: number, mine: string[], what: string) => {
        equal(comment.reactions?.up ?? 0, up, `${what}: up`);
        equal(comment.reactions?.down ?? 0, down, `${what}: down`);
        if (comment.score !== undefined) equal(comment.score, up - down, `${what}: score`);
        equal(show([...(comment.viewerReactions ?? [])].sort()), show(mine), `${what}: viewerReactions`);
      };
      expect(await adapter.react(thread, id, 'up', { active: true }), 1, 0, ['up'], 'after up');
      expect(await adapter.react(thread, id, 'down', { active: true }), 0, 1, ['down'], 'after down (replaces up)');
      const listedComment = await listed(adapter, thread, id);
      check(listedComment, 'the comment is not listed');
      expect(listedComment, 0, 1, ['down'], 'as listed after down');
      expect(await adapter.react(thread, id, 'down', { active: false }), 0, 0, [], 'after taking back down');
    });
  });
}

export function countSuite(kit: Kit): void {
  suite('count', () => {
    test('matches the comments (and list totals) of several threads', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.count) skip('no count()');
      const [empty, two, three] = [kit.thread(), kit.thread(), kit.thread()];
      const first = await post(adapter, two, 'one');
      await post(adapter, two, 'a reply', first.id);
      for (const body of ['a', 'b', 'c']) await post(adapter, three, body);
      const counts = await adapter.count([empty, two, three]);
      check(typeof counts === 'object' && counts !== null, `count() must resolve a record, got ${show(counts)}`);
      equal(counts[empty] ?? 0, 0, 'count of an empty thread');
      equal(counts[two], 2, 'count of a thread with a comment and a reply');
      equal(counts[three], 3, 'count of a thread with three comments');
      for (const thread of [two, three]) {
        const { pages } = await pageThrough(adapter, thread, { limit: 1 });
        if (pages[0].total !== undefined) equal(counts[thread], pages[0].total, `count and list total of ${thread}`);
      }
    });
  });
}
