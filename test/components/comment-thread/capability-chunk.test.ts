/**
 * The capability UI (votes, Edit and Delete, sorts, realtime, e-mail and website fields) is a lazy
 * chunk: loaded only for an adapter that has a capability, and the first list waits for it.
 * The order matters: the first tests run before anything on this page has loaded the chunk (see
 * also capability-chunk-late.test.ts, which needs a page of its own).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentAdapter } from '../../../src/adapters/adapter.js';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { hasCapabilities, loadedCapabilities } from '../../../src/components/shared/capabilities-loader.js';
import { $, $$, get, items, settled, threadReady } from '../../support/shadow.js';
import { manyComments, pagedAdapter } from '../../support/paged-adapter.js';

async function threadOn(adapter: CommentAdapter): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
  await threadReady(el);
  return el;
}

describe('comment-thread: the capabilities chunk', () => {
  it('is never loaded for an adapter with just list and post', async () => {
    const el = await threadOn(pagedAdapter(manyComments(2)));
    const form = get<CommentForm>(el, '[part="form-section"] comment-form');
    await form.updateComplete;
    expect(items(el)).to.have.length(2);
    expect($(items(el)[0], '[part="reply-button"]')).not.to.equal(null);
    expect(loadedCapabilities()).to.equal(undefined);
  });

  it('is loaded for any capability, and not for list, post, viewer, count and one sort', () => {
    const plain = pagedAdapter([]);
    expect(hasCapabilities(undefined)).to.equal(false);
    expect(hasCapabilities(plain)).to.equal(false);
    expect(hasCapabilities({ ...plain, sorts: ['oldest'], viewer: async () => null, count: async () => ({}) })).to.equal(false);
    expect(hasCapabilities({ ...plain, sorts: ['oldest', 'top'] })).to.equal(true);
    for (const capability of ['edit', 'delete', 'react', 'subscribe'] as const) {
      expect(hasCapabilities({ ...plain, [capability]: () => {} }), capability).to.equal(true);
    }
  });

  it('holds the first list back until it is in: comments never show without their buttons', async () => {
    const adapter = pagedAdapter(manyComments(2), { capabilities: true });
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en"></comment-thread>`);
    // Every moment the thread shows comments, their items can already draw their buttons.
    const seen: boolean[] = [];
    const observer = new MutationObserver(() => {
      if ($(el, 'comment-item')) seen.push(loadedCapabilities() !== undefined);
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    setTimeout(() => (el.adapter = adapter));
    await oneEvent(el, 'comment-loaded');
    observer.disconnect();
    await settled(el);
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.every(Boolean)).to.equal(true);
    for (const item of items(el)) {
      expect($$(item, '[part="reaction"]')).to.have.length(2);
      expect($(item, '[part="edit-button"]')).not.to.equal(null);
    }
  });

  it('brings its styles into each shadow root', async () => {
    const adapter = pagedAdapter(manyComments(1), { capabilities: true });
    const el = await threadOn(adapter);
    await settled(el);
    adapter.emit({ type: 'created', comment: { id: 'x', parentId: null, author: { name: 'X' }, body: 'x', createdAt: new Date().toISOString() } });
    await waitUntil(() => $(el, '[part="new-comments"]'), 'no banner');
    const item = items(el)[0];
    expect(getComputedStyle(get(item, '[part="reactions"]')).columnGap).to.equal('4px');
    expect(getComputedStyle(get(item, '[part="reaction"]')).cursor).to.equal('pointer');
    expect(getComputedStyle(get(el, '[part="sort"]')).alignItems).to.equal('center');
    expect(getComputedStyle(get(el, '[part="new-comments"]')).position).to.equal('sticky');
    // The shared button look stays, with the banner's own background on top of it.
    expect(getComputedStyle(get(el, '[part="new-comments"]')).cursor).to.equal('pointer');
    expect(getComputedStyle(get(el, '[part="new-comments"]')).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
  });

});
