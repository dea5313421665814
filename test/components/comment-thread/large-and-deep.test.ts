/**
 * Whatever shape the data has, the page stays usable: a 10,000-deep reply chain renders with the
 * DOM no deeper than `max-depth`, and 100,000 comments in one response show a page at a time.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { Comment, CommentAdapter, ListResult } from '../../../src/adapters/adapter.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { makeComment } from '../../support/seed.js';
import { sleep } from '../../support/adapters.js';
import { $, $$, fillAndPost, get, item, items, mainForm, settled, text, threadReady } from '../../support/shadow.js';

/** An adapter that answers every list with all of its comments at once, and counts the calls. */
function allAtOnce(comments: Comment[]): CommentAdapter & { lists: number } {
  const adapter = {
    lists: 0,
    list(): Promise<ListResult> {
      adapter.lists++;
      return Promise.resolve({ comments, nextCursor: null, total: comments.length });
    },
    post(_thread: string, input: { parentId: string | null; body: string }): Promise<Comment> {
      const comment = makeComment(`new-${comments.length}`, { parentId: input.parentId, body: input.body, createdAt: new Date().toISOString() });
      return Promise.resolve(comment);
    },
  };
  return adapter;
}

function chain(length: number): Comment[] {
  return Array.from({ length }, (_, i) => makeComment(`c${i}`, { parentId: i === 0 ? null : `c${i - 1}` }));
}

/** How many lists deep the thread's DOM goes. */
function listDepth(el: CommentThread): number {
  let deepest = 0;
  for (const list of $$(el, 'ol')) {
    let depth = 0;
    for (let node: Element | null = list; node; node = node.parentElement) if (node.localName === 'ol') depth++;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

async function mount(adapter: CommentAdapter, attributes = ''): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread lang="en" thread="t" .adapter=${adapter}></comment-thread>`);
  if (attributes) {
    for (const [name, value] of attributes.split(' ').map((pair) => pair.split('='))) el.setAttribute(name, value);
  }
  await threadReady(el);
  return el;
}

describe('comment-thread: deep and large threads', function () {
  this.timeout(20000);

  it('caps nesting at max-depth: deeper replies follow in one flat list, in reading order', async () => {
    const el = await mount(allAtOnce(chain(5)), 'max-depth=2');
    await threadReady(el);
    const left = (id: string) => get(item(el, id), '[part="comment"]').getBoundingClientRect().left;
    expect(left('c1')).to.be.greaterThan(left('c0'));
    expect(left('c2')).to.be.greaterThan(left('c1'));
    expect(left('c3')).to.be.closeTo(left('c2'), 1);
    expect(left('c4')).to.be.closeTo(left('c2'), 1);
    const list = item(el, 'c2').closest('ol')!;
    expect([...list.children].map((li) => (li.querySelector(':scope > comment-item') as { comment?: Comment })?.comment?.id)).to.deep.equal(['c2', 'c3', 'c4']);
    expect(listDepth(el)).to.equal(3);
    expect(items(el).map((i) => i.number)).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('renders a 10,000-deep reply chain without overflowing the stack, a page at a time', async () => {
    const el = await mount(allAtOnce(chain(10_000)));
    // Top level, then depths 1–5: six lists at the most.
    expect(listDepth(el)).to.equal(6);
    // A page holds page-size (100) comments: c0..c4 nested, c5 and the next 94 in the flat list at depth 5.
    expect(items(el)).to.have.length(100);
    const more = get<HTMLButtonElement>(el, '[part="more-replies"]');
    expect(text(more)).to.equal('Show 9,900 more replies');
    more.click();
    await settled(el);
    expect(items(el)).to.have.length(200);
    expect(text(get(el, '[part="more-replies"]'))).to.equal('Show 9,800 more replies');
    expect(item(el, 'c199').number).to.equal(200);
  });

  it('shows 100,000 comments from one response a page at a time, without asking the adapter again', async () => {
    const comments = Array.from({ length: 100_000 }, (_, i) => makeComment(`m${i}`));
    const adapter = allAtOnce(comments);
    const el = await mount(adapter);
    expect(items(el)).to.have.length(100);
    expect(text(get(el, '[part="heading"]'))).to.equal('100,000 Comments');
    const more = get<HTMLButtonElement>(el, '[part="load-more"]');
    more.click();
    await settled(el);
    expect(items(el)).to.have.length(200);
    expect(adapter.lists).to.equal(1);
  });

  it('page-size set to the thread size shows every comment at once', async () => {
    const comments = Array.from({ length: 300 }, (_, i) => makeComment(`p${i}`));
    const el = await mount(allAtOnce(comments), 'page-size=300');
    await el.reload();
    await threadReady(el);
    expect(items(el)).to.have.length(300);
    expect($(el, '[part="load-more"]')).to.equal(null);
  });

  it("keeps the reader's own new comment on screen even where paging would cut", async () => {
    const comments = Array.from({ length: 150 }, (_, i) => makeComment(`q${i}`));
    const el = await mount(allAtOnce(comments));
    await fillAndPost(mainForm(el), 'mine, at the end');
    await settled(el);
    const mine = items(el).find((i) => i.comment?.body === 'mine, at the end');
    expect(mine, 'the posted comment shows').to.not.equal(undefined);
    expect(items(el)).to.have.length(101);
  });

  it('shows a reply whose parent is missing at the top level, with a note saying so', async () => {
    const el = await mount(allAtOnce([makeComment('a'), makeComment('lost', { parentId: 'gone' }), makeComment('self', { parentId: 'self' })]));
    expect(items(el).map((i) => i.comment!.id)).to.deep.equal(['a', 'lost', 'self']);
    expect(text(get(item(el, 'lost'), '[part="orphan-note"]'))).to.equal('In reply to a comment that is not available.');
    expect(text(get(item(el, 'self'), '[part="orphan-note"]'))).to.equal('In reply to a comment that is not available.');
    expect($(item(el, 'a'), '[part="orphan-note"]')).to.equal(null);
  });

  it('switching the thread ten times quickly ends on the last one, never showing another', async () => {
    // Every thread answers after a different delay, the early ones slowest; none listens to abort.
    const threads = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const adapter: CommentAdapter = {
      list: (threadId) =>
        new Promise((resolve) =>
          setTimeout(() => resolve({ comments: [makeComment(`${threadId}-c`, { body: `from ${threadId}` })] }), 200 - Number(threadId.slice(1)) * 15)
        ),
      post: () => Promise.reject(new Error('unused')),
    };
    const el = await fixture<CommentThread>(html`<comment-thread lang="en" thread="t0" .adapter=${adapter}></comment-thread>`);
    const seen = new Set<string>();
    for (const threadId of threads.slice(1)) {
      el.thread = threadId;
      await el.updateComplete;
    }
    const start = performance.now();
    while (performance.now() - start < 400) {
      for (const i of items(el)) seen.add(i.comment!.body);
      await sleep(5);
    }
    expect([...seen]).to.deep.equal(['from t9']);
  });
});
