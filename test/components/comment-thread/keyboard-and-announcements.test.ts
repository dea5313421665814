/**
 * Without a mouse, and without sight: real key presses move between comments, and a polite live
 * region says what happened (loaded, posted, not sent).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { CommentAdapter } from '../../../src/adapters/adapter.js';
import { makeComment, seedAdapter, seedThreadId } from '../../support/seed.js';
import { pagedAdapter } from '../../support/paged-adapter.js';
import { deepActiveElement, fillAndPost, focusedItem, get, item, mainForm, replyButton, settled, textareaOf, threadReady } from '../../support/shadow.js';

async function seedThread(locale: 'en', adapter: CommentAdapter = seedAdapter(locale)): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang=${locale} .adapter=${adapter}></comment-thread>`);
  await threadReady(el);
  return el;
}

/** The id of the comment whose article has the focus, if one has. */
const focusedComment = () => focusedItem()?.comment?.id;

const liveRegion = (el: CommentThread) => get(el, '[role="status"].visually-hidden');

describe('comment-thread: keyboard and announcements', () => {
  it('j and k (and ↓ ↑, Home, End) move focus between comments in reading order, replies included', async () => {
    const el = await seedThread('en');
    replyButton(el, '1').focus();
    await sendKeys({ press: 'j' });
    expect(focusedComment()).to.equal('2');
    await sendKeys({ press: 'j' });
    expect(focusedComment()).to.equal('3');
    await sendKeys({ press: 'j' });
    expect(focusedComment()).to.equal('3'); // the last stays the last
    await sendKeys({ press: 'k' });
    expect(focusedComment()).to.equal('2');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedComment()).to.equal('1');
    await sendKeys({ press: 'End' });
    expect(focusedComment()).to.equal('3');
    await sendKeys({ press: 'Home' });
    expect(focusedComment()).to.equal('1');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedComment()).to.equal('2');
  });

  it('leaves keys typed into a field alone', async () => {
    const el = await seedThread('en');
    const textarea = textareaOf(mainForm(el));
    textarea.focus();
    await sendKeys({ type: 'jk' });
    expect(textarea.value).to.equal('jk');
    expect(deepActiveElement()).to.equal(textarea);
  });

  it('a focused comment shows a visible focus ring', async () => {
    const el = await seedThread('en');
    replyButton(el, '1').focus();
    await sendKeys({ press: 'j' });
    const article = get(item(el, '2'), '[part="comment"]');
    expect(getComputedStyle(article).outlineStyle).to.equal('solid');
  });

  it('says through a polite live region that the comments loaded, and that a comment was posted', async () => {
    const el = await seedThread('en');
    await waitUntil(() => liveRegion(el).textContent === '3 Comments', 'the load was not announced');
    await fillAndPost(mainForm(el), 'Announced', 'Amina');
    await waitUntil(() => liveRegion(el).textContent === 'Your comment was posted.', 'the post was not announced');
    // After posting, the reader is on their new comment.
    await settled(el);
    await waitUntil(() => focusedComment() !== undefined && item(el, focusedComment()!).comment?.body === 'Announced', 'focus is not on the new comment');
  });

  it('says when a comment was not sent, and why', async () => {
    const adapter = seedAdapter('en');
    adapter.failNext('post');
    const el = await seedThread('en', adapter);
    await fillAndPost(mainForm(el), 'Will fail', 'Amina');
    await waitUntil(
      () => liveRegion(el).textContent === 'Your comment was not sent. Could not reach the comment server. Check your connection and try again.',
      'the failure was not announced'
    );
  });

  it('says when new comments arrive in realtime', async () => {
    const adapter = pagedAdapter([makeComment('1')], { capabilities: true });
    const el = await fixture<CommentThread>(html`<comment-thread thread="live" lang="en" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    adapter.emit({ type: 'created', comment: makeComment('2', { body: 'from someone else' }) });
    await waitUntil(() => liveRegion(el).textContent === '1 new comment — show', 'the new comment was not announced');
    adapter.emit({ type: 'created', comment: makeComment('3', { body: 'and another' }) });
    await waitUntil(() => liveRegion(el).textContent === '2 new comments — show', 'the second was not announced');
  });
});
