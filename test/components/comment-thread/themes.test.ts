/**
 * Light and dark: by default the widget wears the page's colors and color-scheme; `theme` gives it
 * colors of its own (light, dark, or the reader's system preference). axe checks contrast in each.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { seedAdapter, seedThreadId } from '../../support/seed.js';
import { fillAndPost, get, items, mainForm, threadReady } from '../../support/shadow.js';

async function seedThread(theme?: string, adapter = seedAdapter('en')): Promise<CommentThread> {
  const el = await fixture<CommentThread>(
    html`<comment-thread thread=${seedThreadId} lang="en" theme=${theme ?? ''} .adapter=${adapter}></comment-thread>`
  );
  if (theme === undefined) el.removeAttribute('theme');
  await threadReady(el);
  return el;
}

const dark = { background: 'rgb(20, 18, 24)', color: 'rgb(230, 224, 233)' };
const light = { background: 'rgb(255, 255, 255)', color: 'rgb(29, 27, 32)' };
const colorsOf = (el: Element) => ({ background: getComputedStyle(el).backgroundColor, color: getComputedStyle(el).color });

describe('comment-thread: themes', function () {
  this.timeout(10000);
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.style.colorScheme = '';
    document.body.style.color = '';
  });

  it('without a theme, wears the page colors (transparent, inherited text color)', async () => {
    document.body.style.color = 'rgb(10, 80, 40)';
    const el = await seedThread();
    expect(colorsOf(el)).to.deep.equal({ background: 'rgba(0, 0, 0, 0)', color: 'rgb(10, 80, 40)' });
  });

  it('theme="dark" has dark colors of its own and passes axe, a failed post included', async () => {
    const adapter = seedAdapter('en');
    adapter.failNext('post');
    const el = await seedThread('dark', adapter);
    expect(colorsOf(el)).to.deep.equal(dark);
    await fillAndPost(mainForm(el), 'Fails in the dark', 'Amina');
    await waitUntil(() => items(el).some((i) => i.shadowRoot?.querySelector('[part="delivery-button"]')));
    await expect(el).to.be.accessible();
  });

  it('theme="light" stays light even when the system prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await seedThread('light');
    expect(colorsOf(el)).to.deep.equal(light);
    await expect(el).to.be.accessible();
  });

  it('theme="auto" follows the system preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await seedThread('auto');
    expect(colorsOf(el)).to.deep.equal(dark);
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'light' });
    expect(colorsOf(el)).to.deep.equal(light);
  });

  it("on a page whose color-scheme is dark, error text takes its dark-scheme color", async () => {
    document.documentElement.style.colorScheme = 'dark';
    const adapter = seedAdapter('en');
    adapter.failList = true;
    const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang="en" .adapter=${adapter}></comment-thread>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part="error"]'));
    expect(getComputedStyle(get(el, '[part="error"]')).color).to.equal('rgb(255, 180, 171)');
  });
});

describe('comment-thread: motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('the loading skeleton pulses, unless the reader prefers reduced motion', async () => {
    const adapter = { list: () => new Promise<never>(() => {}), post: () => new Promise<never>(() => {}) };
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
    await waitUntil(() => el.shadowRoot?.querySelector('.bone span'));
    const bone = el.shadowRoot!.querySelector('.bone span')!;
    expect(getComputedStyle(bone).animationName).to.equal('pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(bone).animationName).to.equal('none');
  });
});
