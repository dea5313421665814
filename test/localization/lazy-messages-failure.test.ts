/**
 * A locale's "more" part (the messages of the lazy chunks) that fails to load: the list chunk
 * counts as failed too, so the thread shows its load error, in its own language, with Retry; Retry
 * loads the part again and the list shows in that language. A page of its own: nothing is loaded
 * before. The test server breaks the part on request (the maoni-test-more cookie,
 * web-test-runner.config.mjs).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../support/readable-failures.js';
import '../../src/define.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { isLoaded, loadedTemplates } from '../../src/i18n/locales.js';
import { loadedList } from '../../src/components/shared/list-loader.js';
import { manyComments, pagedAdapter } from '../support/paged-adapter.js';
import { $, get, headingText, text, threadReady } from '../support/shadow.js';

describe('messages of the lazy chunks: a failed load', () => {
  afterEach(() => (document.cookie = 'maoni-test-more=; path=/; max-age=0'));

  it('shows the load error in the thread’s language, and Retry brings the list in that language', async () => {
    expect(loadedList(), 'the list chunk must not be loaded before this test').to.equal(undefined);
    document.cookie = 'maoni-test-more=bn:fail; path=/';
    const adapter = pagedAdapter(manyComments(3, [['c1', 4]]), { inline: 1 });
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="bn" page-size="2" .adapter=${adapter}></comment-thread>`);
    await waitUntil(() => $(el, '[part="error"]'), 'no load error', { timeout: 4000 });
    await waitUntil(() => headingText(el) === 'মন্তব্য', 'the thread is not in Bengali');
    expect(loadedList()).to.equal(undefined);
    expect(isLoaded('bn')).to.equal(false);
    expect(loadedTemplates('bn')).not.to.have.property('thread.load-more');
    expect(text($(el, '[part="error"]'))).to.include('মন্তব্যগুলি লোড করা যায়নি।');

    document.cookie = 'maoni-test-more=; path=/; max-age=0';
    get<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await threadReady(el);
    expect(isLoaded('bn')).to.equal(true);
    expect(headingText(el)).to.equal(`${new Intl.NumberFormat('bn').format(7)}টি মন্তব্য`);
    expect(text($(el, '[part="load-more"]'))).to.equal('আরও মন্তব্য লোড করুন');
    expect(text($(el, '[part="more-replies"]'))).to.equal(`${new Intl.NumberFormat('bn').format(4)}টি উত্তর দেখুন`);
  });
});
