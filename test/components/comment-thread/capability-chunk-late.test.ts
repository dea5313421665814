/**
 * The capabilities chunk for a capability the adapter learns late (a sort menu from `ready()`):
 * it loads then, and the list stays on screen meanwhile. A page of its own: the chunk must not be
 * loaded before the test.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentAdapter, CommentSort } from '../../../src/adapters/adapter.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { loadedCapabilities } from '../../../src/components/shared/capabilities-loader.js';
import { $, items, threadReady } from '../../support/shadow.js';
import { manyComments, pagedAdapter } from '../../support/paged-adapter.js';

describe('comment-thread: a capability learnt late', () => {
  it('loads it for a sort menu learnt from ready(), without hiding the list meanwhile', async () => {
    let learn!: () => void;
    const learnt = new Promise<void>((resolve) => (learn = resolve));
    const adapter: CommentAdapter & { sorts?: readonly CommentSort[] } = {
      ...pagedAdapter(manyComments(2)),
      ready: () => learnt,
    };
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    expect(loadedCapabilities()).to.equal(undefined);
    expect($(el, '[part="sort"]')).to.equal(null);
    let hidden = false;
    const observer = new MutationObserver(() => (hidden ||= !!$(el, '[part="skeleton"]') || items(el).length !== 2));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    adapter.sorts = ['oldest', 'newest'];
    learn();
    await waitUntil(() => $(el, '[part="sort-select"]'), 'no sort menu');
    observer.disconnect();
    expect(loadedCapabilities()).not.to.equal(undefined);
    expect(hidden).to.equal(false);
    expect(items(el)).to.have.length(2);
  });
});
