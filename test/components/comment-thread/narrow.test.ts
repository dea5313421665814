/**
 * A 320 px phone: nothing overflows sideways, nesting still reads, and every button is a touch
 * target of at least 24 × 24 CSS pixels (WCAG 2.2, 2.5.8).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { seedAdapter, seedThreadId } from '../../support/seed.js';
import { deepAll, get, item, replyButton, settled, threadReady } from '../../support/shadow.js';

describe('comment-thread: on a 320 px screen', () => {
  it('fits the width, indents replies less, and keeps touch targets at least 24 × 24 px', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px">
      <comment-thread thread=${seedThreadId} lang="en" .adapter=${seedAdapter('en')}></comment-thread>
    </div>`);
    const el = wrapper.querySelector<CommentThread>('comment-thread')!;
    await threadReady(el);
    replyButton(el, '1').click();
    await settled(el);
    expect(el.scrollWidth).to.be.at.most(320);
    for (const id of ['1', '2', '3']) expect(item(el, id).getBoundingClientRect().right).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
    const indent = get(item(el, '2'), '[part="comment"]').getBoundingClientRect().left - get(item(el, '1'), '[part="comment"]').getBoundingClientRect().left;
    expect(indent).to.be.greaterThan(0).and.at.most(24);
    const small = deepAll<HTMLElement>(el, 'button, input, textarea, select')
      .filter((control) => control.getClientRects().length && control.getAttribute('tabindex') !== '-1')
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ control, box }) => `${control.getAttribute('part') ?? control.localName} ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
    expect(small).to.deep.equal([]);
  });
});
