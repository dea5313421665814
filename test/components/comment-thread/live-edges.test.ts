/**
 * Realtime at the edges: the first comment of an empty thread, a comment deleted before it was
 * seen, the last comment deleted, and the echo of one's own post — each from a second client of one
 * MemoryAdapter backend, as another reader's browser on the same server.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { ThreadEvent } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import { $, fillAndPost, get, headingText, items, mainForm, settled, text, threadReady } from '../../support/shadow.js';

async function open(adapter: MemoryAdapter, pageSize = 100): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" page-size=${pageSize} .adapter=${adapter}></comment-thread>`);
  await threadReady(el);
  return el;
}

const liveRegion = (el: CommentThread) => get(el, '[role="status"].visually-hidden');
const banner = (el: CommentThread) => $<HTMLButtonElement>(el, '[part="new-comments"]');
const bodies = (el: CommentThread) => items(el).map((item) => item.comment!.body);
const emptyText = (el: CommentThread) => text($(el, '[part="empty"]'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let keys = 0;
const say = (adapter: MemoryAdapter, body: string, parentId: string | null = null) =>
  adapter.post('t', { parentId, body, author: { name: 'Other' } }, { idempotencyKey: `key-${++keys}` });

/** Realtime events are delivered in a task after the call that made them: give them time to land. */
async function delivered(el: CommentThread): Promise<void> {
  await sleep(50);
  await settled(el);
}

describe('comment-thread: realtime at the edges', () => {
  it("another reader's first comment in an empty thread: the banner, the announcement, then the comment in place of the empty state", async () => {
    const adapter = new MemoryAdapter();
    const el = await open(adapter);
    expect(emptyText(el)).to.equal('No comments yet. Be the first to write one.');
    expect(headingText(el)).to.equal('0 Comments');

    await say(adapter.connect(), 'First!');
    await waitUntil(() => banner(el), 'no "1 new comment — show" banner in the empty thread');
    expect(text(banner(el))).to.equal('1 new comment — show');
    expect(liveRegion(el).textContent).to.equal('1 new comment — show');
    // "No comments yet" beside "1 new comment" would contradict it.
    expect($(el, '[part="empty"]')).to.equal(null);
    await expect(el).to.be.accessible();

    banner(el)!.click();
    await settled(el);
    expect(bodies(el)).to.deep.equal(['First!']);
    expect(banner(el)).to.equal(null);
    expect($(el, '[part="empty"]')).to.equal(null);
    expect(headingText(el)).to.equal('1 Comment');
  });

  it('a page-provided empty slot goes too while new comments wait', async () => {
    const adapter = new MemoryAdapter();
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}><p slot="empty" id="own-empty">Nothing here.</p></comment-thread>`);
    await threadReady(el);
    const own = el.querySelector('#own-empty')!;
    expect(own.getClientRects().length).to.be.greaterThan(0);
    await say(adapter.connect(), 'First!');
    await waitUntil(() => banner(el), 'no banner');
    expect(own.getClientRects().length).to.equal(0);
  });

  it('a comment posted and deleted elsewhere before the reader looked is no news any more', async () => {
    const adapter = new MemoryAdapter();
    const el = await open(adapter);
    const other = adapter.connect();
    const comment = await say(other, 'Oops');
    await waitUntil(() => banner(el), 'no banner');
    await other.delete('t', comment.id);
    await delivered(el);
    expect(banner(el)).to.equal(null);
    expect(emptyText(el)).to.equal('No comments yet. Be the first to write one.');
    expect(headingText(el)).to.equal('0 Comments');
    expect(items(el)).to.have.length(0);
  });

  it('the last comment deleted elsewhere: the empty state is back and the count is 0', async () => {
    const adapter = new MemoryAdapter();
    const other = adapter.connect();
    const only = await say(other, 'Only one');
    const el = await open(adapter);
    expect(bodies(el)).to.deep.equal(['Only one']);
    expect(headingText(el)).to.equal('1 Comment');
    await other.delete('t', only.id);
    await waitUntil(() => items(el).length === 0, 'the deleted comment stayed');
    await settled(el);
    expect(emptyText(el)).to.equal('No comments yet. Be the first to write one.');
    expect(headingText(el)).to.equal('0 Comments');
    expect(banner(el)).to.equal(null);
  });

  it("the echo of the reader's own first comment in an empty thread: one comment, no banner, the count is 1", async () => {
    const adapter = new MemoryAdapter();
    const el = await open(adapter);
    await fillAndPost(mainForm(el), 'My first', 'Amina');
    await waitUntil(() => bodies(el).length === 1, 'the post did not show');
    // The backend broadcasts it to every subscriber, this thread included, after the answer.
    await delivered(el);
    expect(bodies(el)).to.deep.equal(['My first']);
    expect(banner(el)).to.equal(null);
    expect($(el, '[part="empty"]')).to.equal(null);
    expect(headingText(el)).to.equal('1 Comment');
  });

  it('a created event for a comment the list already shows (a replayed stream) is no news', async () => {
    const adapter = new MemoryAdapter();
    const shown = await say(adapter.connect(), 'Shown');
    const listeners: ((event: ThreadEvent) => void)[] = [];
    const subscribe = adapter.subscribe.bind(adapter);
    adapter.subscribe = (threadId, onEvent) => (listeners.push(onEvent), subscribe(threadId, onEvent));
    const el = await open(adapter);
    expect(listeners).to.have.length(1);
    listeners[0]({ type: 'created', comment: { ...shown } });
    await settled(el);
    expect(bodies(el)).to.deep.equal(['Shown']);
    expect(banner(el)).to.equal(null);
    expect(headingText(el)).to.equal('1 Comment');
  });
});
