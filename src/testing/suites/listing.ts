/** Listing: empty threads, per-level paging in every sort, inline replies, totals, reply counts. */
import type { Comment, CommentAdapter } from '../../adapters/adapter.js';
import { check, equal, sameIds, show } from '../assert.js';
import { skip, suite, test } from '../harness.js';
import { pageThrough, post, postMany, sleep, type Kit } from '../kit.js';

const time = (comment: Comment) => Date.parse(comment.createdAt);

/** Checks the order of one level for a sort (ties allowed). */
function ordered(level: readonly Comment[], sort: string, what: string): void {
  for (let i = 1; i < level.length; i++) {
    const [a, b] = [level[i - 1], level[i]];
    const pair = `${what}: ${show(a.id)} before ${show(b.id)}`;
    if (sort === 'newest') check(time(a) >= time(b), `${pair}, but it is older (${a.createdAt} < ${b.createdAt})`);
    else if (sort === 'top') check((a.score ?? 0) >= (b.score ?? 0), `${pair}, but its score is lower (${a.score} < ${b.score})`);
    else check(time(a) <= time(b), `${pair}, but it is newer (${a.createdAt} > ${b.createdAt})`);
  }
}

/** A small tree: three top-level comments, the first with five replies, one of those with two. */
async function tree(adapter: CommentAdapter, thread: string) {
  const top = await postMany(adapter, thread, 3);
  const replies = await postMany(adapter, thread, 5, top[0].id);
  const nested = await postMany(adapter, thread, 2, replies[1].id);
  const parents = new Map<string, string | null>([...top, ...replies, ...nested].map((c) => [c.id, c.parentId]));
  return { top, replies, nested, parents, size: parents.size };
}

export function listingSuite(kit: Kit): void {
  suite('list', () => {
    test('lists an empty thread', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const result = await adapter.list(kit.thread(), {});
      check(Array.isArray(result?.comments), `list must resolve { comments: [] }, got ${show(result)}`);
      equal(result.comments.length, 0, 'comments of an empty thread');
      check(!result.nextCursor, `nextCursor of an empty thread: ${show(result.nextCursor)}`);
      if (result.total !== undefined) equal(result.total, 0, 'total of an empty thread');
    });

    test('pages the top level, each comment exactly once, in every declared sort', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const top = await postMany(adapter, thread, 7);
      await postMany(adapter, thread, 2, top[2].id);
      for (const sort of [...new Set(['oldest', ...(adapter.sorts ?? [])])]) {
        for (const limit of [2, 3]) {
          const { level } = await pageThrough(adapter, thread, { sort, limit });
          const what = `top level, sort ${sort}, limit ${limit}`;
          sameIds(level.map((c) => c.id), top.map((c) => c.id), what);
          ordered(level, sort, what);
        }
      }
    });

    test('orders sort=top by score, highest first', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.sorts?.includes('top')) skip('no top sort');
      if (!adapter.react || !adapter.reactions?.length) skip('no reactions to give a score');
      const thread = kit.thread();
      const [a, b, c] = await postMany(adapter, thread, 3);
      const updown = adapter.reactions.includes('up') && adapter.reactions.includes('down');
      await adapter.react(thread, b.id, updown ? 'up' : adapter.reactions[0], { active: true });
      if (updown) await adapter.react(thread, a.id, 'down', { active: true });
      const { level } = await pageThrough(adapter, thread, { sort: 'top', limit: 2 });
      sameIds(level.map((x) => x.id), [a.id, b.id, c.id], 'top level, sort top');
      ordered(level, 'top', 'sort top');
      if (updown) equal(level.map((x) => x.id).join(), [b.id, c.id, a.id].join(), 'sort top with scores 1, 0, −1');
    });

    test('treats an unknown sort as oldest', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const top = await postMany(adapter, thread, 4);
      const { level } = await pageThrough(adapter, thread, { sort: 'no-such-sort', limit: 3 });
      sameIds(level.map((c) => c.id), top.map((c) => c.id), 'unknown sort');
      ordered(level, 'oldest', 'unknown sort');
    });

    test('pages the direct replies of a comment with parentId, each exactly once', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const { top, replies } = await tree(adapter, thread);
      const { level } = await pageThrough(adapter, thread, { parentId: top[0].id, limit: 2 });
      sameIds(level.map((c) => c.id), replies.map((c) => c.id), `replies of ${top[0].id}`);
      ordered(level, 'oldest', `replies of ${top[0].id}`);
      const none = await pageThrough(adapter, thread, { parentId: top[1].id, limit: 2 });
      equal(none.level.length, 0, 'replies of a comment without replies');
    });

    test('appends only descendants of the listed comments as inline replies', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const { top, replies, parents } = await tree(adapter, thread);
      for (const options of [{}, { limit: 1 }, { parentId: top[0].id }, { parentId: replies[1].id }]) {
        // pageThrough checks the shape of every page, inline replies included.
        const { pages } = await pageThrough(adapter, thread, options);
        for (const comment of pages.flatMap((page) => page.comments)) {
          check(parents.has(comment.id), `list(${show(options)}) returned ${show(comment.id)}, which was never posted`);
          equal(comment.parentId, parents.get(comment.id), `parentId of ${comment.id}`);
        }
      }
    });

    test('reports total as the number of comments in the thread', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const { top, size } = await tree(adapter, thread);
      const results = [await adapter.list(thread, { limit: 2 }), await adapter.list(thread, { parentId: top[0].id, limit: 2 })];
      if (results.every((result) => result.total === undefined)) skip('no total');
      for (const result of results) if (result.total !== undefined) equal(result.total, size, 'total');
    });

    test('reports replyCount as the number of direct replies', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const { top, replies, parents } = await tree(adapter, thread);
      const expected = (id: string) => [...parents.values()].filter((parent) => parent === id).length;
      const listed = [
        ...(await pageThrough(adapter, thread, {})).pages,
        ...(await pageThrough(adapter, thread, { parentId: top[0].id })).pages,
        ...(await pageThrough(adapter, thread, { parentId: replies[1].id })).pages,
      ].flatMap((page) => page.comments);
      const counted = listed.filter((comment) => comment.replyCount !== undefined);
      if (counted.length === 0) skip('no replyCount');
      for (const comment of counted) equal(comment.replyCount, expected(comment.id), `replyCount of ${comment.id}`);
    });

    test('keeps cursors stable when comments are added between pages', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const sorts = ['oldest', 'newest'].filter((sort) => sort === 'oldest' || adapter.sorts?.includes('newest'));
      let known = (await postMany(adapter, thread, 5)).map((c) => c.id);
      for (const sort of sorts) {
        const added: string[] = [];
        const { level } = await pageThrough(adapter, thread, { sort, limit: 2 }, async (page) => {
          if (page === 1) {
            await sleep(2); // a later createdAt than everything listed so far
            for (const comment of await postMany(adapter, thread, 2)) added.push(comment.id);
          }
        });
        const ids = level.map((c) => c.id);
        sameIds(ids.filter((id) => known.includes(id)), known, `sort ${sort}, comments that existed before paging`);
        check(ids.every((id) => known.includes(id) || added.includes(id)), `sort ${sort}: unknown comment listed`);
        known = [...known, ...added];
      }
    });

    test('returns comments the caller may change without changing the thread', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const created = await post(adapter, thread, 'original');
      created.body = 'changed by the caller';
      const first = await adapter.list(thread, {});
      first.comments[0].body = 'changed by the caller';
      first.comments[0].author.name = 'changed by the caller';
      const [again] = (await adapter.list(thread, {})).comments;
      equal(again.body, 'original', 'body after the caller changed returned objects');
      check(again.author.name !== 'changed by the caller', 'author.name changed with a returned object');
    });
  });
}
