import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { directionOf, shippedLocales } from '../../src/i18n/locales.js';
import { get, threadReady } from '../support/shadow.js';

const comments = [
  { id: 'a', parentId: null, author: { name: 'Amina' }, body: 'Hello', createdAt: '2024-01-01T10:00:00Z' },
  { id: 'b', parentId: 'a', author: { name: 'Baraka' }, body: 'Reply', createdAt: '2024-01-01T11:00:00Z' },
];

async function threadIn(lang: string, wrapperDir?: string): Promise<CommentThread> {
  const adapter = new MemoryAdapter({ comments: { t: comments } });
  const wrapper = await fixture<HTMLElement>(
    wrapperDir
      ? html`<div dir=${wrapperDir}><comment-thread thread="t" lang=${lang} .adapter=${adapter}></comment-thread></div>`
      : html`<div><comment-thread thread="t" lang=${lang} .adapter=${adapter}></comment-thread></div>`
  );
  const el = wrapper.querySelector('comment-thread')!;
  await threadReady(el);
  return el;
}

describe('writing direction', () => {
  for (const locale of shippedLocales) {
    const expected = ['ar', 'ur', 'he'].includes(locale) ? 'rtl' : 'ltr';
    it(`renders ${locale} ${expected}`, async () => {
      const el = await threadIn(locale);
      expect(directionOf(locale)).to.equal(expected);
      const section = get(el, '[part="thread"]');
      expect(section.getAttribute('dir')).to.equal(expected);
      expect(getComputedStyle(section).direction).to.equal(expected);
    });
  }

  it('mirrors the reply indent in RTL: replies are indented from the right', async () => {
    const el = await threadIn('ar');
    const [parent, reply] = [...el.shadowRoot!.querySelectorAll('comment-item')];
    const parentBox = parent.getBoundingClientRect();
    const replyBox = reply.getBoundingClientRect();
    // The reply starts (right edge) further in than its parent, and both end at the left edge.
    expect(replyBox.right).to.be.below(parentBox.right - 8);
    expect(Math.round(replyBox.left)).to.equal(Math.round(parentBox.left));
    const avatar = get(parent, '[part="avatar"]').getBoundingClientRect();
    expect(avatar.right).to.be.closeTo(parentBox.right, 1);
  });

  it('follows an explicit dir on the element itself', async () => {
    const adapter = new MemoryAdapter({ comments: { t: comments } });
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="ar" dir="ltr" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    expect(get(el, '[part="thread"]').getAttribute('dir')).to.equal('ltr');
  });

  it('switches direction when lang changes at runtime', async () => {
    const el = await threadIn('en');
    expect(get(el, '[part="thread"]').getAttribute('dir')).to.equal('ltr');
    el.setAttribute('lang', 'he');
    await waitUntil(() => get(el, '[part="thread"]').getAttribute('dir') === 'rtl', 'did not turn right-to-left');
    el.setAttribute('dir', 'ltr');
    await waitUntil(() => get(el, '[part="thread"]').getAttribute('dir') === 'ltr', 'did not follow the explicit dir');
  });
});
