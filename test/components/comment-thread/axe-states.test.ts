/**
 * axe-core (WCAG 2.2 AA rules, contrast included) on every state a reader can meet: loading,
 * empty, error, the list, an inline reply open, a comment sending, a comment not sent, the dark
 * theme, and Arabic (right to left).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentAdapter } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { seedAdapter, seedThreadId } from '../../support/seed.js';
import { $, fillAndPost, items, mainForm, replyButton, replyForm, settled, threadReady } from '../../support/shadow.js';

async function mount(adapter: CommentAdapter, lang = 'en', theme?: string): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang=${lang} .adapter=${adapter}></comment-thread>`);
  if (theme) el.setAttribute('theme', theme);
  return el;
}

const states: [string, () => Promise<CommentThread>][] = [
  ['loading', async () => {
    const el = await mount({ list: () => new Promise(() => {}), post: () => new Promise(() => {}) });
    await waitUntil(() => $(el, '[part="skeleton"]'));
    return el;
  }],
  ['empty', async () => {
    const el = await mount(new MemoryAdapter());
    await threadReady(el);
    return el;
  }],
  ['error', async () => {
    const el = await mount(seedAdapter('en', { failList: true }));
    await waitUntil(() => $(el, '[part="error"]'));
    return el;
  }],
  ['list', async () => {
    const el = await mount(seedAdapter('en'));
    await threadReady(el);
    return el;
  }],
  ['inline reply open', async () => {
    const el = await mount(seedAdapter('en'));
    await threadReady(el);
    replyButton(el, '1').click();
    await settled(el);
    await waitUntil(() => replyForm(el));
    return el;
  }],
  ['sending', async () => {
    const adapter = seedAdapter('en');
    const el = await mount(adapter);
    await threadReady(el);
    adapter.latency = 5000;
    await fillAndPost(mainForm(el), 'On its way', 'Amina');
    await waitUntil(() => items(el).some((i) => i.shadowRoot?.querySelector('[part="delivery"]')?.textContent === 'Sending…'));
    return el;
  }],
  ['failed', async () => {
    const adapter = seedAdapter('en');
    adapter.failNext('post');
    const el = await mount(adapter);
    await threadReady(el);
    await fillAndPost(mainForm(el), 'Will not arrive', 'Amina');
    await waitUntil(() => items(el).some((i) => i.shadowRoot?.querySelector('[part="delivery-button"]')));
    return el;
  }],
  ['dark theme', async () => {
    const el = await mount(seedAdapter('en'), 'en', 'dark');
    await threadReady(el);
    return el;
  }],
  ['Arabic, right to left', async () => {
    const el = await mount(seedAdapter('en'), 'ar');
    await threadReady(el);
    return el;
  }],
];

describe('comment-thread: axe on every state', function () {
  this.timeout(15000);
  for (const [state, reach] of states) {
    it(`has no accessibility violations: ${state}`, async () => {
      const el = await reach();
      await settled(el);
      await expect(el).to.be.accessible();
    });
  }
});
