import { expect, fixture, html } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { CommentAdapter } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { recording } from '../../support/adapters.js';
import { makeComment } from '../../support/seed.js';
import { $, $$, deepActiveElement, get, item, items, mainForm, replyButton, replyForm, settled, text, textareaOf, threadReady, typeInto, fillAndPost } from '../../support/shadow.js';

const threadId = 'rich';
const markdown = 'A **bold** claim, with `code` and [a link](https://example.com/a).\n> quoted\n- one\n- two';

function adapterWith(...comments: ReturnType<typeof makeComment>[]): MemoryAdapter {
  return new MemoryAdapter({ comments: { [threadId]: comments } });
}

async function thread(adapter: CommentAdapter, attributes: { linkTarget?: string; relative?: boolean; collapse?: number } = {}): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread=${threadId} lang="en" .adapter=${adapter}
    link-target=${attributes.linkTarget ?? '_blank'} ?allow-relative-urls=${attributes.relative ?? false}
    collapse-length=${attributes.collapse ?? 1500}></comment-thread>`);
  await threadReady(el);
  return el;
}

/** The parts inside a body or preview, in order: what a reader sees, structurally. */
function partsOf(root: Element): string[] {
  return [...root.querySelectorAll('[part]')].map((el) => `${el.localName}.${el.getAttribute('part')}`);
}

describe('comment-thread: rich text', () => {
  it('passes link-target, allow-relative-urls and collapse-length to every comment', async () => {
    const adapter = adapterWith(
      makeComment('1', { body: '[home](/) and https://example.com/x', author: { name: 'Amina', url: '/u/amina' } }),
      makeComment('2', { body: 'long '.repeat(100) })
    );
    const el = await thread(adapter, { linkTarget: '_self', relative: true, collapse: 100 });
    const links = $$<HTMLAnchorElement>(item(el, '1'), 'a');
    expect(links.map((a) => a.getAttribute('part'))).to.deep.equal(['author', 'link', 'link']);
    expect(links.map((a) => a.target)).to.deep.equal(['_self', '_self', '_self']);
    expect(links[1].href).to.equal(new URL('/', document.baseURI).href);
    expect(text(get(item(el, '2'), '[part="expand-button"]'))).to.equal('Show more');
    // Changing the option re-renders the comments with it.
    el.linkTarget = '_blank';
    el.allowRelativeUrls = false;
    await el.updateComplete;
    await settled(el);
    expect($$<HTMLAnchorElement>(item(el, '1'), 'a').map((a) => a.getAttribute('part'))).to.deep.equal(['link']);
    expect(get<HTMLAnchorElement>(item(el, '1'), 'a').target).to.equal('_blank');
  });

  it('links mentions to the profiles the adapter resolves', async () => {
    const adapter = Object.assign(adapterWith(makeComment('1', { body: 'hi @amina and @nobody' })), {
      mentionUrl: (name: string) => (name === 'amina' ? `https://example.com/@${name}` : undefined),
    });
    const el = await thread(adapter);
    const [amina, nobody] = $$(item(el, '1'), '[part="mention"]');
    expect(amina.getAttribute('href')).to.equal('https://example.com/@amina');
    expect(nobody.localName).to.equal('span');
  });

  describe('reply', () => {
    it('starts the reply with @author, the cursor after it, and posts it as a mention', async () => {
      const adapter = recording(adapterWith(makeComment('1', { author: { name: 'Martech Zone' } })));
      const el = await thread(adapter);
      replyButton(el, '1').click();
      await settled(el);
      const form = replyForm(el)!;
      const textarea = textareaOf(form);
      await form.updateComplete;
      expect(textarea.value).to.equal('@MartechZone ');
      expect(deepActiveElement()).to.equal(textarea);
      expect(textarea.selectionStart).to.equal(textarea.value.length);
      await fillAndPost(form, `${textarea.value}thanks!`);
      await settled(el);
      expect(adapter.calls.post[0]?.input.body).to.equal('@MartechZone thanks!');
      const reply = items(el).find((i) => i.comment?.body === '@MartechZone thanks!')!;
      expect(text(get(reply, '[part="mention"]'))).to.equal('@MartechZone');
    });
  });

  describe('preview', () => {
    it('renders the text exactly as the posted comment will look', async () => {
      const adapter = adapterWith();
      const el = await thread(adapter);
      const form = mainForm(el);
      const toggle = get<HTMLButtonElement>(form, '[part="preview-button"]');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect($(form, '[part="preview"]')).to.equal(null);
      toggle.click();
      await form.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(text(get(form, '[part="preview"]'))).to.equal('Nothing to preview yet.');
      await typeInto(textareaOf(form), markdown);
      const preview = get(form, '[part="preview"]');
      expect(preview.getAttribute('role')).to.equal('region');
      expect(preview.getAttribute('aria-label')).to.equal('Preview');
      expect(toggle.getAttribute('aria-controls')).to.equal(preview.id);
      const previewParts = partsOf(preview);
      const previewText = text(preview);
      expect(previewParts).to.include.members(['strong.strong', 'code.code', 'a.link', 'blockquote.quote', 'ul.body-list']);
      await fillAndPost(form, markdown);
      await settled(el);
      const posted = items(el).find((i) => i.comment?.body === markdown)!;
      expect(partsOf(get(posted, '[part="body"]'))).to.deep.equal(previewParts);
      expect(text(get(posted, '[part="body"]'))).to.equal(previewText);
    });

    it('is a toggle that hides the preview again and passes axe while shown', async () => {
      const el = await thread(adapterWith(makeComment('1')));
      const form = mainForm(el);
      const toggle = get<HTMLButtonElement>(form, '[part="preview-button"]');
      toggle.click();
      await typeInto(textareaOf(form), '*hi*');
      await expect(el).to.be.accessible();
      toggle.click();
      await form.updateComplete;
      expect($(form, '[part="preview"]')).to.equal(null);
      expect(toggle.hasAttribute('aria-controls')).to.equal(false);
    });
  });
});
