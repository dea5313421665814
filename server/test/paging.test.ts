// Keyset paging over thousands of comments, for every sort, also while comments arrive; replies
// inline and per parent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../src/store/open.js';
import { startServer, type TestServer } from '../testing/helpers.js';

let s: TestServer;
interface Key {
  id: string;
  createdAt: number;
  score: number;
}
let seeded: Key[] = [];
const BIG = 'paging/big';
const COUNT = 5000;

before(async () => {
  s = await startServer();
  // Seed through the db module, in one transaction, on a second connection to the same file.
  const store = await openStore(s.dbPath);
  const start = Date.parse('2025-06-01T00:00:00Z');
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    threadId: BIG,
    body: `Comment ${i}`,
    authorName: `Reader ${i % 37}`,
    // Many comments share a millisecond, so the id tie-break matters.
    createdAt: start + Math.floor(i / 3) * 1000,
    // Scores from -3 to 6, many ties.
    up: (i * 7) % 10,
    down: 3 * (i % 2),
  }));
  const ids = await store.importComments(rows);
  await store.close();
  seeded = ids.map((id, i) => ({ id: String(id), createdAt: rows[i]!.createdAt, score: rows[i]!.up - rows[i]!.down }));
});
after(() => s.close());

/**
 * Follows nextCursor to the end; returns every comment of the level in order. `between` runs
 * between pages.
 */
async function pageAll(thread: string, params: Record<string, string | number>, between?: (page: number) => Promise<void>) {
  const all: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const { status, json } = await s.list(thread, cursor ? { ...params, cursor } : params);
    assert.equal(status, 200);
    assert.ok(json.comments.length <= Number(params.limit ?? 50));
    all.push(...json.comments);
    cursor = json.nextCursor;
    if (!cursor) return all;
    if (between) await between(page);
  }
  throw new Error('paging did not end');
}

const byOldest = (a: Key, b: Key) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const expected = {
  oldest: () => [...seeded].sort(byOldest).map((c) => c.id),
  newest: () => [...seeded].sort(byOldest).reverse().map((c) => c.id),
  top: () => [...seeded].sort((a, b) => b.score - a.score || byOldest(a, b)).map((c) => c.id),
};

/** The comments in `oldest` order: by createdAt, then id. */
const oldestFirst = (comments: any[]) =>
  [...comments].sort((a, b) => byOldest({ ...a, createdAt: Date.parse(a.createdAt) }, { ...b, createdAt: Date.parse(b.createdAt) }));

/** Comments posted in the same millisecond are ordered by id, so order is checked by the keys. */
function assertOrdered(comments: any[], sort: string) {
  const keys: Key[] = comments.map((c) => ({ id: c.id, createdAt: Date.parse(c.createdAt), score: c.score }));
  const sorted = [...keys].sort(byOldest);
  if (sort === 'newest') sorted.reverse();
  if (sort === 'top') sorted.sort((a, b) => b.score - a.score || byOldest(a, b));
  assert.deepEqual(
    keys.map((k) => k.id),
    sorted.map((k) => k.id),
    `order of sort=${sort}`
  );
}

describe('paging', { timeout: 120_000 }, () => {
  for (const sort of (['oldest', 'newest', 'top'] as const)) {
    test(`${COUNT} comments, sort=${sort}, limit 100: each exactly once, in order`, async () => {
      const all = await pageAll(BIG, { sort, limit: 100, replies: 0 });
      assert.equal(all.length, COUNT);
      assert.equal(new Set(all.map((c) => c.id)).size, COUNT);
      assert.deepEqual(
        all.map((c) => c.id),
        expected[sort]()
      );
      if (sort === 'top') {
        for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score >= all[i].score);
      }
    });
  }

  test('total counts the whole thread on every page', async () => {
    const { json } = await s.list(BIG, { limit: 5 });
    assert.equal(json.total, COUNT);
    assert.equal(json.comments.length, 5);
    assert.equal(typeof json.nextCursor, 'string');
  });

  test('the default page size is 50', async () => {
    const { json } = await s.list(BIG, {});
    assert.equal(json.comments.length, 50);
  });

  for (const sort of (['oldest', 'newest', 'top'] as const)) {
    test(`stable under concurrent inserts, sort=${sort}`, async () => {
      const thread = `paging/live-${sort}`;
      const before: string[] = [];
      for (let i = 0; i < 25; i++) before.push((await s.post(thread, { body: `before ${i}` })).json.id);
      const during: string[] = [];
      const all = await pageAll(thread, { sort, limit: 4, replies: 0 }, async () => {
        // Two new comments land between every two pages.
        for (let i = 0; i < 2; i++) during.push((await s.post(thread, { body: 'during' })).json.id);
      });
      const ids = all.map((c) => c.id);
      assert.equal(new Set(ids).size, ids.length, 'no comment twice');
      for (const id of before) assert.ok(ids.includes(id), 'no earlier comment skipped');
      for (const id of ids) assert.ok(before.includes(id) || during.includes(id));
      assertOrdered(all, sort);
    });
  }
});

describe('replies', { timeout: 30_000 }, () => {
  test('inline replies: up to N per comment, recursively, after the page, with replyCount', async () => {
    const thread = 'paging/replies';
    const root = (await s.post(thread, { body: 'root' })).json;
    const children: any[] = [];
    for (let i = 0; i < 5; i++) children.push((await s.post(thread, { parentId: root.id, body: `child ${i}` })).json);
    const grandchildren: any[] = [];
    const firstChild = oldestFirst(children)[0];
    for (let i = 0; i < 4; i++) {
      grandchildren.push((await s.post(thread, { parentId: firstChild.id, body: `grandchild ${i}` })).json);
    }
    const other = (await s.post(thread, { body: 'second root' })).json;
    const [rootFirst, rootSecond] = oldestFirst([root, other]);
    // Inline replies are the oldest ones (posts in one millisecond are ordered by id).
    const firstChildren = oldestFirst(children).map((c) => c.id);
    const firstGrandchildren = oldestFirst(grandchildren).map((c) => c.id);

    const { json } = await s.list(thread, { limit: 10 });
    const ids = json.comments.map((c: any) => c.id);
    // The page first, then the inline replies: 3 (default) children of root, 3 grandchildren.
    assert.deepEqual(ids.slice(0, 2), [rootFirst.id, rootSecond.id]);
    assert.deepEqual(ids.slice(2).sort(), [...firstChildren.slice(0, 3), ...firstGrandchildren.slice(0, 3)].sort());
    const byId = new Map<string, any>(json.comments.map((c: any) => [c.id, c]));
    assert.equal(byId.get(root.id).replyCount, 5);
    assert.equal(byId.get(other.id).replyCount, 0);
    assert.equal(byId.get(firstChild.id).replyCount, 4);
    assert.equal(byId.get(firstChildren[1]).replyCount, 0);
    assert.equal(json.total, 11);

    const none = await s.list(thread, { replies: 0 });
    assert.deepEqual(
      none.json.comments.map((c: any) => c.id),
      [rootFirst.id, rootSecond.id]
    );
    const more = await s.list(thread, { replies: 20 });
    assert.equal(more.json.comments.length, 11);
    const one = await s.list(thread, { replies: 1 });
    assert.deepEqual(
      one.json.comments.map((c: any) => c.id),
      [rootFirst.id, rootSecond.id, firstChildren[0], firstGrandchildren[0]]
    );
  });

  test('inline replies stop at depth 10', async () => {
    const thread = 'paging/deep';
    let parentId = null;
    const chain: string[] = [];
    for (let depth = 0; depth <= 12; depth++) {
      const { json } = await s.post(thread, { parentId, body: `depth ${depth}` });
      chain.push(json.id);
      parentId = json.id;
    }
    const { json } = await s.list(thread, { replies: 1 });
    // The top-level comment plus 10 levels of inline replies.
    assert.deepEqual(
      json.comments.map((c: any) => c.id),
      chain.slice(0, 11)
    );
    // The rest loads per parent.
    const rest = await s.list(thread, { parentId: chain[10] });
    assert.deepEqual(
      rest.json.comments.map((c: any) => c.id),
      chain.slice(11)
    );
  });

  test('inline replies are capped at 500 per response; replyCount tells what is missing', async () => {
    const thread = 'paging/wide';
    const store = await openStore(s.dbPath);
    const roots = await store.importComments(
      Array.from({ length: 30 }, (_, i) => ({ threadId: thread, body: `root ${i}`, authorName: 'A', createdAt: i }))
    );
    await store.importComments(
      roots.flatMap((parentId, r) =>
        Array.from({ length: 20 }, (_, i) => ({ threadId: thread, parentId, body: 'reply', authorName: 'B', createdAt: 1000 + r * 20 + i }))
      )
    );
    await store.close();
    const { json } = await s.list(thread, { limit: 30, replies: 20 });
    assert.equal(json.comments.length, 30 + 500);
    assert.equal(json.total, 30 + 600);
    for (const root of json.comments.slice(0, 30)) assert.equal(root.replyCount, 20);
  });

  test('parentId pages through one comment’s direct replies, each sort', async () => {
    const thread = 'paging/parent';
    const root = (await s.post(thread, { body: 'root' })).json;
    const replies: string[] = [];
    for (let i = 0; i < 23; i++) replies.push((await s.post(thread, { parentId: root.id, body: `r${i}` })).json.id);
    // A reply of a reply is not a direct reply of root.
    await s.post(thread, { parentId: replies[0], body: 'nested' });
    for (const sort of ['oldest', 'newest', 'top']) {
      const all = await pageAll(thread, { parentId: root.id, limit: 5, sort, replies: 0 });
      const ids = all.map((c) => c.id);
      assert.equal(ids.length, 23, sort);
      assert.deepEqual([...ids].sort(), [...replies].sort(), sort);
      assertOrdered(all, sort);
      for (const comment of all) assert.equal(comment.parentId, root.id);
    }
    // A cursor of one parent's level does not continue another's.
    const first = await s.list(thread, { parentId: root.id, limit: 5 });
    const wrong = await s.list(thread, { limit: 5, cursor: first.json.nextCursor });
    assert.equal(wrong.status, 400);
  });
});
