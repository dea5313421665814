/**
 * Comments far off screen cost little: content-visibility skips their rendering, and a new locale
 * reaches them in idle time right after the comments on screen — or at once when they come near
 * the screen. Nothing is hidden from assistive technology for long, and the focus order is whole.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { Comment, CommentAdapter, ListResult } from '../../../src/adapters/adapter.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { CommentItem } from '../../../src/components/comment-item/comment-item.js';
import { idleUpdatesDone } from '../../../src/components/shared/idle-updates.js';
import { loadLocale } from '../../../src/i18n/locales.js';
import { makeComment } from '../../support/seed.js';
import { $, deepActiveElement, get, items, text, threadReady } from '../../support/shadow.js';

function adapterOf(comments: Comment[]): CommentAdapter {
  return {
    list: (): Promise<ListResult> => Promise.resolve({ comments, nextCursor: null, total: comments.length }),
    post: () => Promise.reject(new Error('unused')),
  };
}

const replyText = (item: CommentItem) => text($(item, '[part="reply-button"]'));

function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
}

async function longThread(count: number): Promise<CommentThread> {
  const comments = Array.from({ length: count }, (_, i) => makeComment(`c${i}`, { body: `Comment number ${i}, long enough to take a line or two.` }));
  const el = await fixture<CommentThread>(html`<comment-thread lang="en" thread="t" page-size="200" .adapter=${adapterOf(comments)}></comment-thread>`);
  await threadReady(el);
  // content-visibility decides what is skipped when frames run.
  await nextFrame();
  await nextFrame();
  return el;
}

describe('comment-thread: comments off screen', function () {
  this.timeout(20000);

  it('a new locale reaches the comments on screen at once and the rest in idle time', async () => {
    const el = await longThread(150);
    const all = items(el);
    const last = all[all.length - 1];
    expect(onScreen(last)).to.equal(false);
    const visible = all.filter(onScreen);
    expect(visible.length).to.be.within(2, 20);
    // Loaded beforehand, the locale applies within this task: no idle time until the checks below.
    await loadLocale('sw');
    el.setAttribute('lang', 'sw');
    await Promise.resolve();
    await el.updateComplete;
    await Promise.all(all.map((item) => item.updateComplete));
    expect(visible.map(replyText)).to.deep.equal(visible.map(() => 'Jibu'));
    // The last comment, far below, waits for idle time.
    expect(replyText(last)).to.equal('Reply');
    await idleUpdatesDone();
    expect(items(el).map(replyText).filter((reply) => reply !== 'Jibu')).to.deep.equal([]);
    expect(get(last, '[part="comment"]').getAttribute('aria-labelledby')).to.equal('label date');
    expect(text($(last, '#label'))).to.match(/^Maoni 150/);
  });

  it('a comment reached by keyboard shows the new locale at once', async () => {
    const el = await longThread(150);
    el.setAttribute('lang', 'sw');
    await waitUntil(() => items(el).filter(onScreen).every((item) => replyText(item) === 'Jibu'));
    const last = items(el)[149];
    get(last, '[part="comment"]').focus();
    expect(deepActiveElement()).to.equal(get(last, '[part="comment"]'));
    await waitUntil(() => replyText(last) === 'Jibu', 'the focused comment shows Swahili');
  });
});
