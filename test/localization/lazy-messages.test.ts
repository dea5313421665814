/**
 * The messages only the lazy chunks show (the count heading, "Load more comments", "Show N more
 * replies", the sort menu …) are a locale's "more" part, which loads with the list chunk. A
 * thread must never show them in English meanwhile. A page of its own: no locale and no chunk is
 * loaded before these tests (modules are cached per page). The test server delays a locale's more
 * part on request (the maoni-test-more cookie, web-test-runner.config.mjs), so it arrives last.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import '../support/readable-failures.js';
import '../../src/define.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { isLoaded, loadLocale, loadedTemplates } from '../../src/i18n/locales.js';
import { loadedList } from '../../src/components/shared/list-loader.js';
import { manyComments, pagedAdapter } from '../support/paged-adapter.js';
import { $, capabilityUiLoaded, headingText, text, threadReady } from '../support/shadow.js';

/** The lazily shown labels' texts, whenever the thread's shadow tree changes. */
function watchLabels(el: CommentThread): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const sample = () => {
    for (const selector of ['[part="heading"]', '[part="load-more"]', '[part="more-replies"]', '[part="sort"] span']) {
      const node = $(el, selector);
      if (node) seen.push(text(node));
    }
  };
  const observer = new MutationObserver(sample);
  observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

const english = /Comments?\b|Load more|more repl|Sort by/;

const delayMorePart = (locale: string) => (document.cookie = `maoni-test-more=${locale}:slow; path=/`);

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  container.remove();
  document.cookie = 'maoni-test-more=; path=/; max-age=0';
});

/** Three top-level comments (two on the first page), the first with four replies (one inline). */
function mountThread(lang: string): CommentThread {
  const adapter = pagedAdapter(manyComments(3, [['c1', 4]]), { inline: 1, capabilities: true });
  render(html`<comment-thread thread="t" lang=${lang} page-size="2" .adapter=${adapter}></comment-thread>`, container);
  return container.querySelector('comment-thread')!;
}

describe('messages of the lazy chunks', function () {
  // A delayed part takes a second.
  this.timeout(10000);

  it('shows them in the thread’s language at first render, never in English', async () => {
    expect(loadedList(), 'the list chunk must not be loaded before this test').to.equal(undefined);
    // The locale's base part is in already (a <comment-count lang="sw"> on the page loads it), so
    // the thread renders at once; its list must still wait for the more part, which comes last.
    await loadLocale('sw');
    expect(loadedTemplates('sw')).not.to.have.property('thread.load-more');
    delayMorePart('sw');
    const el = mountThread('sw');
    // The shadow root exists from connection on: every render is sampled, the first one too.
    const labels = watchLabels(el);
    await waitUntil(() => el.shadowRoot!.querySelector('section[part="thread"]'), 'no thread section', { timeout: 4000 });
    await threadReady(el);
    await capabilityUiLoaded(el);
    labels.stop();
    expect(headingText(el)).to.equal('7 Maoni');
    expect(text($(el, '[part="load-more"]'))).to.equal('Pakia maoni zaidi');
    expect(text($(el, '[part="more-replies"]'))).to.equal('Onyesha majibu 4');
    expect(text($(el, '[part="sort"] span'))).to.equal('Panga kwa');
    // The thread showed its plain heading ("Maoni") while the list waited.
    expect(labels.seen).to.include('Maoni');
    expect(labels.seen.filter((label) => english.test(label))).to.deep.equal([]);
  });

  it('shows them translated after switching a rendered thread to a locale not loaded yet', async () => {
    const el = mountThread('sw');
    await threadReady(el);
    await capabilityUiLoaded(el);
    expect(loadedList()).not.to.equal(undefined);
    expect(isLoaded('ru')).to.equal(false);
    delayMorePart('ru');
    const labels = watchLabels(el);
    el.setAttribute('lang', 'ru');
    await waitUntil(() => headingText(el) === '7 комментариев', 'the heading did not turn Russian', { timeout: 4000 });
    await threadReady(el);
    labels.stop();
    expect(isLoaded('ru')).to.equal(true);
    expect(loadedTemplates('ru')).to.have.property('thread.load-more');
    expect(text($(el, '[part="load-more"]'))).to.equal('Загрузить ещё комментарии');
    expect(text($(el, '[part="more-replies"]'))).to.equal('Показать 4 ответа');
    expect(text($(el, '[part="sort"] span'))).to.equal('Сортировка');
    // Swahili until Russian is complete, then Russian: never a mix with English.
    expect(labels.seen.filter((label) => english.test(label))).to.deep.equal([]);
  });
});
