/**
 * Large threads stay light: a page holds about `page-size` comments (replies beyond that start
 * collapsed behind "Show N replies"), and posting into a long thread renders the new comment, not
 * the thread — numbers already shown stay, and the comment keeps its element when confirmed.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { Comment, CommentAdapter, ListResult, NewComment } from '../../../src/adapters/adapter.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { CommentItem } from '../../../src/components/comment-item/comment-item.js';
import { makeComment } from '../../support/seed.js';
import { $, $$, deepActiveElement, fillAndPost, focusedItem, get, item, items, mainForm, replyButton, replyForm, settled, text, threadReady } from '../../support/shadow.js';

/** `roots` top-level comments, each with `replies` direct replies (r<i>-<j>). */
function forest(roots: number, replies: number): Comment[] {
  const out: Comment[] = [];
  for (let i = 0; i < roots; i++) {
    out.push(makeComment(`r${i}`));
    for (let j = 0; j < replies; j++) out.push(makeComment(`r${i}-${j}`, { parentId: `r${i}` }));
  }
  return out;
}

/** Answers every list with all of its comments at once; posts are confirmed a moment later. */
function allAtOnce(comments: Comment[]): CommentAdapter {
  let created = 0;
  return {
    list: (): Promise<ListResult> => Promise.resolve({ comments: comments.slice(), nextCursor: null, total: comments.length }),
    post: (_thread: string, input: NewComment): Promise<Comment> =>
      new Promise((resolve) =>
        setTimeout(() => {
          const comment = makeComment(`new-${++created}`, { parentId: input.parentId, body: input.body, createdAt: new Date().toISOString() });
          comments.push(comment);
          resolve(comment);
        }, 20)
      ),
  };
}

async function mount(adapter: CommentAdapter, pageSize?: number): Promise<CommentThread> {
  const el = await fixture<CommentThread>(
    pageSize === undefined
      ? html`<comment-thread lang="en" thread="t" .adapter=${adapter}></comment-thread>`
      : html`<comment-thread lang="en" thread="t" page-size=${pageSize} .adapter=${adapter}></comment-thread>`
  );
  await threadReady(el);
  return el;
}

const ids = (el: CommentThread) => items(el).map((i) => i.comment!.id);

/** The id of the comment whose article has the focus, if any. */
const focusedComment = () => focusedItem()?.comment?.id;

/** Records which comments render (their id, once per update) until `stop()`. */
function recordItemRenders(): { rendered: string[]; stop(): void } {
  const proto = customElements.get('comment-item')!.prototype as CommentItem & { update(changed: Map<PropertyKey, unknown>): void };
  const original = proto.update;
  const rendered: string[] = [];
  proto.update = function (this: CommentItem, changed: Map<PropertyKey, unknown>) {
    rendered.push(this.comment?.id ?? '?');
    return original.call(this, changed);
  };
  return { rendered, stop: () => (proto.update = original) };
}

/** The "Show N (more) replies" button under a comment. */
function repliesButton(el: CommentThread, id: string): HTMLButtonElement | null {
  const li = item(el, id).closest('li')!;
  return li.querySelector<HTMLButtonElement>(':scope > [part="more-replies"]');
}

describe('comment-thread: large pages', function () {
  this.timeout(20000);

  it('a page holds about page-size comments: replies beyond that start collapsed behind "Show N replies"', async () => {
    const el = await mount(allAtOnce(forest(30, 3)), 40);
    // 30 top-level comments, then replies level by level until the page holds 40.
    expect(items(el)).to.have.length(40);
    expect(ids(el).slice(0, 11)).to.deep.equal(['r0', 'r0-0', 'r0-1', 'r0-2', 'r1', 'r1-0', 'r1-1', 'r1-2', 'r2', 'r2-0', 'r2-1']);
    expect(text(repliesButton(el, 'r3'))).to.equal('Show 2 more replies');
    expect(text(repliesButton(el, 'r4'))).to.equal('Show 3 replies');
    expect(text(repliesButton(el, 'r29'))).to.equal('Show 3 replies');
    expect(repliesButton(el, 'r0')).to.equal(null);
    expect(text(get(el, '[part="heading"]'))).to.equal('120 Comments');
  });

  it('"Show N replies" shows them, and a later page or comment does not fold them again', async () => {
    const el = await mount(allAtOnce(forest(30, 3)), 40);
    repliesButton(el, 'r10')!.click();
    await settled(el);
    expect(ids(el)).to.include.members(['r10-0', 'r10-1', 'r10-2']);
    expect(repliesButton(el, 'r10')).to.equal(null);
    await fillAndPost(mainForm(el), 'a new top-level comment');
    await settled(el);
    await waitUntil(() => items(el).some((i) => i.comment!.id === 'new-1'), 'the post was confirmed');
    await settled(el);
    expect(ids(el)).to.include.members(['r10-0', 'r10-1', 'r10-2', 'new-1']);
    expect(text(repliesButton(el, 'r11'))).to.equal('Show 3 replies');
  });

  it("a reply to a collapsed comment shows, with the others still behind the button", async () => {
    const el = await mount(allAtOnce(forest(30, 3)), 40);
    replyButton(el, 'r20').click();
    await settled(el);
    await fillAndPost(replyForm(el)!, 'my reply');
    await settled(el);
    const mine = items(el).filter((i) => i.comment!.body === 'my reply');
    expect(mine).to.have.length(1);
    expect(mine[0].closest('li')!.parentElement!.closest('li')!.querySelector(':scope > comment-item')).to.equal(item(el, 'r20'));
    expect(text(repliesButton(el, 'r20'))).to.equal('Show 3 more replies');
  });

  it('a small thread shows every reply, and page-size at the thread size shows every comment', async () => {
    const small = await mount(allAtOnce(forest(5, 3)));
    expect(items(small)).to.have.length(20);
    expect($(small, '[part="more-replies"]')).to.equal(null);
    const whole = await mount(allAtOnce(forest(60, 4)), 300);
    expect(items(whole)).to.have.length(300);
    expect($$(whole, '[part="more-replies"], [part="load-more"]')).to.have.length(0);
  });

  it('posting a reply into a long thread renders only the new comment (and the one it answers); numbers stay', async () => {
    const el = await mount(allAtOnce(forest(100, 2)), 300);
    const numbers = new Map(items(el).map((i) => [i.comment!.id, i.number]));
    replyButton(el, 'r50').click();
    await settled(el);
    const { rendered, stop } = recordItemRenders();
    try {
      await fillAndPost(replyForm(el)!, 'a reply in the middle');
      await settled(el);
      const local = items(el).find((i) => i.comment!.body === 'a reply in the middle')!;
      expect(local.comment!.id).to.match(/^local:/);
      expect(deepActiveElement()).to.equal(get(local, '[part="comment"]'));
      await waitUntil(() => local.comment!.id === 'new-1', 'the same element shows the confirmed comment');
      await settled(el);
      // The element stayed, and so did the focus on it.
      expect(item(el, 'new-1')).to.equal(local);
      expect(deepActiveElement()).to.equal(get(local, '[part="comment"]'));
      expect(local.number).to.equal(301);
    } finally {
      stop();
    }
    expect(rendered.some((id) => id.startsWith('local:')), 'the new comment rendered').to.equal(true);
    expect(rendered.every((id) => id === 'r50' || id === 'new-1' || id.startsWith('local:')), `rendered: ${[...new Set(rendered)].join(', ')}`).to.equal(true);
    for (const i of items(el)) if (numbers.has(i.comment!.id)) expect(i.number, i.comment!.id).to.equal(numbers.get(i.comment!.id));
  });

  it('after "Show N replies" and "Load more comments", focus is on the first comment that appeared', async () => {
    const el = await mount(allAtOnce(forest(30, 3)), 10);
    // 10 top-level comments on the page, every reply collapsed (the page is full).
    expect(items(el)).to.have.length(10);
    const button = repliesButton(el, 'r4')!;
    button.focus();
    button.click();
    await waitUntil(() => focusedComment() === 'r4-0', 'focus on the first reply shown');
    const loadMore = get<HTMLButtonElement>(el, '[part="load-more"]');
    loadMore.focus();
    loadMore.click();
    await waitUntil(() => focusedComment() === 'r10', 'focus on the first comment of the next page');
  });

  it('"Show N replies" in a long thread renders the replies it shows, no other comment', async () => {
    const el = await mount(allAtOnce(forest(150, 3)), 200);
    expect(items(el)).to.have.length(200);
    const { rendered, stop } = recordItemRenders();
    try {
      repliesButton(el, 'r120')!.click();
      await waitUntil(() => items(el).length === 203, 'the replies show');
      await settled(el);
    } finally {
      stop();
    }
    expect(rendered.sort()).to.deep.equal(['r120-0', 'r120-1', 'r120-2']);
  });
});

