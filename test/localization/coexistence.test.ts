/**
 * A host app that uses @lit/localize itself: its page-global configureLocalization keeps working,
 * and maoni inside it keeps following its own `lang`. Runs in its own page (one file per page),
 * because configureLocalization may be called only once per page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { configureLocalization, msg, updateWhenLocaleChanges } from '@lit/localize';
import '../../src/define.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { seedAdapter, seedThreadId } from '../support/seed.js';
import { headingText, threadReady } from '../support/shadow.js';

class HostGreeting extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  override render() {
    return msg('Welcome', { id: 'app.greeting' });
  }
}
customElements.define('host-greeting', HostGreeting);

describe('a host app with its own lit-localize', () => {
  it('keeps its own global locale while maoni follows lang', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <host-greeting></host-greeting>
      <comment-thread thread=${seedThreadId} lang="hi" .adapter=${seedAdapter('hi')}></comment-thread>
    </div>`);
    const thread = wrapper.querySelector<CommentThread>('comment-thread')!;
    const greeting = wrapper.querySelector('host-greeting')!;
    await threadReady(thread);
    expect(headingText(thread)).to.equal('3 टिप्पणियाँ');

    // maoni never called configureLocalization, so the app still can (a second call would throw).
    const { setLocale, getLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['sw'],
      loadLocale: async () => ({ templates: { 'app.greeting': 'Karibu' } }),
    });
    await setLocale('sw');
    await waitUntil(() => greeting.shadowRoot?.textContent === 'Karibu', 'the host app did not switch to sw');
    expect(getLocale()).to.equal('sw');
    await thread.updateComplete;
    expect(headingText(thread)).to.equal('3 टिप्पणियाँ');

    await setLocale('en');
    await waitUntil(() => greeting.shadowRoot?.textContent === 'Welcome', 'the host app did not switch back');
    expect(headingText(thread)).to.equal('3 टिप्पणियाँ');

    // And maoni still switches with its own lang while the app's locale stays put.
    thread.setAttribute('lang', 'sw');
    await waitUntil(() => headingText(thread) === '3 Maoni', 'maoni did not follow its lang');
    expect(getLocale()).to.equal('en');
  });
});
