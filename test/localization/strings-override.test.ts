import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { get, headingText, threadReady, text } from '../support/shadow.js';

const comments = [
  { id: 'a', parentId: null, author: { name: 'A' }, body: 'x', createdAt: '2024-01-01T00:00:00Z' },
  { id: 'b', parentId: null, author: { name: 'B' }, body: 'y', createdAt: '2024-01-02T00:00:00Z' },
];

describe('strings: per-element overrides', () => {
  it('replaces a message for one element only, in any locale, with {0} placeholders', async () => {
    const adapter = new MemoryAdapter({ comments: { t: comments } });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <comment-thread id="custom" thread="t" lang="sw" .adapter=${adapter}
        .strings=${{ 'thread.form-heading': 'Acha jibu', 'thread.heading.count.other': 'Majibu {0}' }}></comment-thread>
      <comment-thread id="plain" thread="t" lang="sw" .adapter=${adapter}></comment-thread>
    </div>`);
    const custom = wrapper.querySelector<CommentThread>('#custom')!;
    const plain = wrapper.querySelector<CommentThread>('#plain')!;
    await threadReady(custom);
    await threadReady(plain);
    expect(text(get(custom, '[part="form-heading"]'))).to.equal('Acha jibu');
    expect(headingText(custom)).to.equal('Majibu 2');
    expect(text(get(plain, '[part="form-heading"]'))).to.equal('Unafikiri?');
    expect(headingText(plain)).to.equal('2 Maoni');
  });

  it('reaches the inner elements (form labels, buttons) and can be changed at runtime', async () => {
    const adapter = new MemoryAdapter({ comments: { t: comments } });
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    el.strings = { 'form.submit': 'Send it', 'comment.reply': 'Answer' };
    await el.updateComplete;
    const form = get(el, 'comment-form');
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(get(form, '[part="submit"]'))).to.equal('Send it');
    const item = get(el, 'comment-item');
    await (item as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(get(item, '[part="reply-button"]'))).to.equal('Answer');
  });

  it('ignores non-string overrides', async () => {
    const adapter = new MemoryAdapter({ comments: { t: comments } });
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}
      .strings=${{ 'thread.form-heading': 42 } as unknown as Record<string, string>}></comment-thread>`);
    await threadReady(el);
    expect(text(get(el, '[part="form-heading"]'))).to.equal('What do you think?');
  });
});
