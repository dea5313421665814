/**
 * Its own file, so its page has not loaded the list chunk yet: the first thread on a page
 * must wait for it rather than show its comments' markdown raw for a moment.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentAdapter } from '../../../src/adapters/adapter.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { loadedList } from '../../../src/components/shared/list-loader.js';
import { makeComment } from '../../support/seed.js';
import { $$, get, item, threadReady } from '../../support/shadow.js';

describe('comment-thread: first render with rich text', () => {
  it('shows the comments only once their markdown renders, never a flash of raw markdown', async () => {
    expect(loadedList(), 'the chunk must not be loaded before this test').to.equal(undefined);
    // An adapter that answers at once, before any chunk could arrive.
    const comment = makeComment('1', { body: 'A **bold** claim' });
    const adapter: CommentAdapter = { list: () => Promise.resolve({ comments: [comment] }), post: () => Promise.reject(new Error('unused')) };
    const seen: string[] = [];
    let sampling = true;
    const sample = () => {
      for (const body of $$(el, 'comment-item').map((i) => i.shadowRoot?.querySelector('[part="body"]'))) {
        if (body) seen.push(body.textContent ?? '');
      }
      if (sampling) setTimeout(sample, 0);
    };
    const el = await fixture<CommentThread>(html`<comment-thread thread="first" lang="en" .adapter=${adapter}></comment-thread>`);
    sample();
    await threadReady(el);
    sampling = false;
    expect(get(item(el, '1'), '[part="body"]').querySelector('strong[part="strong"]')).to.not.equal(null);
    expect(seen.filter((text) => text.includes('**'))).to.deep.equal([]);
  });
});
