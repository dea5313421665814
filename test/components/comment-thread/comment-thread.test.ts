import { aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import { AdapterError, type Comment, type CommentAdapter, type ListResult } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import type { CommentItem } from '../../../src/components/comment-item/comment-item.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { CommentCreatedEvent, CommentErrorEvent, CommentLoadedEvent, CommentSubmitEvent } from '../../../src/events.js';
import { recording, sleep } from '../../support/adapters.js';
import { makeComment, seed, seedAdapter, seedComments, seedLocales, seedThreadId, type SeedLocale } from '../../support/seed.js';
import {
  $,
  $$,
  accessibleName,
  deepActiveElement,
  deepAll,
  errorOf,
  fillAndPost,
  focusedItem,
  get,
  headingText,
  isShown,
  item,
  items,
  mainForm,
  markup,
  nameInputOf,
  replyButton,
  replyForm,
  settled,
  submitOf,
  text,
  textareaOf,
  threadReady,
  typeInto,
} from '../../support/shadow.js';

// Plain wrapper elements are mounted with fixtureSync: fixture() waits for an animation frame when
// its root is not a Lit element, and a test page running in a background tab may never get one.

/** A loaded seed thread in `locale`, with `lang` set on the element. */
async function seedThread(locale: SeedLocale, adapter: CommentAdapter = seedAdapter(locale)): Promise<CommentThread> {
  const el = await fixture<CommentThread>(
    html`<comment-thread thread=${seedThreadId} lang=${locale} .adapter=${adapter}></comment-thread>`
  );
  await threadReady(el);
  return el;
}

/** A loaded thread holding exactly `comments`. */
async function threadWith(comments: Comment[], lang: SeedLocale = 'en'): Promise<CommentThread> {
  const adapter = new MemoryAdapter({ comments: { t: comments } });
  const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang=${lang} .adapter=${adapter}></comment-thread>`);
  await threadReady(el);
  return el;
}

/** The authors shown, in reading order. */
const authors = (el: CommentThread) => items(el).map((it) => text($(it, '[part="author"]')));

describe('comment-thread', () => {
  describe('accessibility', () => {
    it('the loaded seed thread passes axe', async () => {
      const el = await seedThread('en');
      await expect(el).to.be.accessible();
    });

    it('the loaded seed thread passes axe in Swahili with an open reply form', async () => {
      const el = await seedThread('sw');
      replyButton(el, '1').click();
      await settled(el);
      await settled(el);
      expect(replyForm(el)).to.exist;
      await expect(el).to.be.accessible();
    });

    it('labels the section with its heading and each comment with its number and author', async () => {
      const el = await seedThread('en');
      const section = get(el, 'section[part="thread"]');
      const labelledBy = section.getAttribute('aria-labelledby')!;
      expect(text(shadowById(el, labelledBy))).to.equal('3 Comments');
      const labels = items(el).map((it) => accessibleName($(it, '[part="comment"]')!)!.replace(` ${text($(it, '[part="date"]'))}`, ''));
      expect(labels).to.deep.equal(['Comment 1 by nickstamoulis', 'Comment 2 by Martech Zone', 'Comment 3 by Reader']);
    });
  });

  describe('rendering the seed thread', () => {
    for (const locale of seedLocales) {
      it(`heading reads "${seed.ui.countHeading[locale]}" in ${locale}`, async () => {
        const el = await seedThread(locale);
        expect(headingText(el)).to.equal(seed.ui.countHeading[locale]);
        expect(get(el, '[part="heading"]').localName).to.equal('h2');
      });

      it(`form heading reads "${seed.ui.formHeading[locale]}" in ${locale}`, async () => {
        const el = await seedThread(locale);
        const heading = get(el, '[part="form-heading"]');
        expect(text(heading)).to.equal(seed.ui.formHeading[locale]);
        // The heading sits above the form it names.
        expect(heading.compareDocumentPosition(mainForm(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      });

      it(`shows each comment's ${locale} body verbatim`, async () => {
        const el = await seedThread(locale);
        const bodies = items(el).map((it) => $$(it, '[part="paragraph"]').map((p) => p.textContent).join('\n'));
        expect(bodies).to.deep.equal(seedComments(locale).map((c) => c.body));
      });
    }

    it('numbers the comments 1, 2, 3 in reading order', async () => {
      const el = await seedThread('en');
      expect(items(el).map((it) => text($(it, '[part="number"]')))).to.deep.equal(['1', '2', '3']);
      expect(authors(el)).to.deep.equal(['nickstamoulis', 'Martech Zone', 'Reader']);
      expect(items(el).map((it) => it.comment!.id)).to.deep.equal(['1', '2', '3']);
    });

    it("nests comment 2 in a real <ol part=replies> inside comment 1's <li>", async () => {
      const el = await seedThread('en');
      const list = get(el, '[part="list"]');
      expect(list.localName).to.equal('ol');
      const topItems = [...list.children];
      expect(topItems.map((li) => li.localName)).to.deep.equal(['li', 'li']);
      expect(topItems.map((li) => li.querySelector<CommentItem>(':scope > comment-item')!.comment!.id)).to.deep.equal(['1', '3']);

      const replies = topItems[0].querySelector(':scope > ol[part="replies"]');
      expect(replies, 'replies list of comment 1').to.exist;
      const replyItems = [...replies!.children];
      expect(replyItems.map((li) => li.localName)).to.deep.equal(['li']);
      expect(replyItems[0].querySelector<CommentItem>(':scope > comment-item')!.comment!.id).to.equal('2');
      expect(markup(topItems[1].querySelector('ol'))).to.equal(null);
    });

    it('renders the @nickstamoulis mention as a [part=mention] in comment 2 only', async () => {
      const el = await seedThread('sw');
      const mentions = deepAll(el, '[part="mention"]');
      expect(mentions.map((m) => m.textContent)).to.deep.equal(['@nickstamoulis']);
      expect(get(item(el, '2'), '[part="body"] [part="mention"]')).to.equal(mentions[0]);
      // The text around it is untouched.
      expect(text(get(item(el, '2'), '[part="paragraph"]'))).to.match(/^Kukubali kabisa, @nickstamoulis: disqus! Na nadhani/);
    });

    it("shows comment 3's two lines as two [part=paragraph]", async () => {
      const el = await seedThread('en');
      const paragraphs = $$(item(el, '3'), '[part="body"] > [part="paragraph"]');
      expect(paragraphs.map((p) => p.localName)).to.deep.equal(['p', 'p']);
      expect(paragraphs.map((p) => p.textContent)).to.deep.equal([
        'Wow, this data is very useful and interesting. Thank you very much!',
        'Social media really is one of the most popular media, widely used these days.',
      ]);
      expect($$(item(el, '1'), '[part="paragraph"]')).to.have.length(1);
    });

    it('gives every date a machine-readable <time datetime>', async () => {
      const el = await seedThread('hi');
      const times = items(el).map((it) => get(it, 'time[part="date"]'));
      expect(times.map((t) => t.getAttribute('datetime'))).to.deep.equal(seed.comments.map((c) => c.createdAt));
      for (const time of times) {
        expect(Number.isNaN(Date.parse(time.getAttribute('datetime')!))).to.equal(false);
        expect(text(time)).to.not.equal('');
        expect(text(time)).to.not.equal(time.getAttribute('datetime'));
      }
    });

    it('uses the singular for one comment: "1 Comment", "1 टिप्पणी", "1 Maoni"', async () => {
      const one = [makeComment('a')];
      expect(headingText(await threadWith(one, 'en'))).to.equal('1 Comment');
      expect(headingText(await threadWith(one, 'hi'))).to.equal('1 टिप्पणी');
      expect(headingText(await threadWith(one, 'sw'))).to.equal('1 Maoni');
    });

    it('uses the plural for zero and two', async () => {
      expect(headingText(await threadWith([], 'en'))).to.equal('0 Comments');
      expect(headingText(await threadWith([makeComment('a'), makeComment('b')], 'hi'))).to.equal('2 टिप्पणियाँ');
    });

    it('an empty thread shows the default empty text and no list', async () => {
      const el = await threadWith([], 'en');
      expect(text(get(el, '[part="empty"]'))).to.equal('No comments yet. Be the first to write one.');
      expect(isShown($(el, '[part="empty"]'))).to.equal(true);
      expect(markup($(el, '[part="list"]'))).to.equal(null);
      // The form is still there to write the first one.
      expect(textareaOf(mainForm(el))).to.exist;

      const sw = await threadWith([], 'sw');
      expect(text(get(sw, '[part="empty"]'))).to.equal('Bado hakuna maoni. Kuwa wa kwanza kuandika.');
    });

    it('an empty thread shows a slotted slot="empty" element instead of the default text', async () => {
      const adapter = new MemoryAdapter();
      const el = await fixture<CommentThread>(html`<comment-thread thread="none" lang="en" .adapter=${adapter}>
        <p slot="empty" id="own-empty">Nobody has said anything. Yet.</p>
      </comment-thread>`);
      await threadReady(el);
      const slot = get<HTMLSlotElement>(el, 'slot[name="empty"]');
      const own = el.querySelector('#own-empty')!;
      expect(slot.assignedElements()).to.deep.equal([own]);
      expect(isShown(own)).to.equal(true);
      expect(isShown($(el, '[part="empty"]')), 'the default text is not rendered').to.equal(false);
    });

    it('does not show the slot="empty" element while the thread has comments', async () => {
      const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang="en" .adapter=${seedAdapter('en')}>
        <p slot="empty" id="own-empty">Nobody has said anything. Yet.</p>
      </comment-thread>`);
      await threadReady(el);
      expect(isShown(el.querySelector('#own-empty'))).to.equal(false);
    });

    it('shows the notice slot under the form', async () => {
      const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang="sw" .adapter=${seedAdapter('sw')}>
        <p slot="notice" id="notice">${seed.ui.notice.sw}</p>
      </comment-thread>`);
      await threadReady(el);
      const notice = el.querySelector<HTMLElement>('#notice')!;
      const slot = get<HTMLSlotElement>(el, '[part="form-section"] slot[name="notice"]');
      expect(slot.assignedElements()).to.deep.equal([notice]);
      expect(isShown(notice)).to.equal(true);
      const form = mainForm(el);
      expect(form.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      expect(notice.getBoundingClientRect().top).to.be.at.least(form.getBoundingClientRect().bottom - 1);
      expect(text(notice)).to.equal(seed.ui.notice.sw);
    });

    it('shows the header slot above the heading', async () => {
      const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang="en" .adapter=${seedAdapter('en')}>
        <div slot="header" id="header">Discussion</div>
      </comment-thread>`);
      await threadReady(el);
      const header = el.querySelector<HTMLElement>('#header')!;
      expect(isShown(header)).to.equal(true);
      expect(header.getBoundingClientRect().bottom).to.be.at.most(get(el, '[part="heading"]').getBoundingClientRect().top + 1);
    });

    it('shows a [part=skeleton] while a slow adapter loads, then the list', async () => {
      const el = await fixture<CommentThread>(
        html`<comment-thread thread=${seedThreadId} lang="en" .adapter=${seedAdapter('en', { latency: 300 })}></comment-thread>`
      );
      const skeleton = get(el, '[part="skeleton"]');
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(text(skeleton)).to.equal('Loading comments…');
      expect(get(el, 'section[part="thread"]').getAttribute('aria-busy')).to.equal('true');
      expect(headingText(el)).to.equal('Comments');
      expect(items(el)).to.have.length(0);

      await threadReady(el);
      expect(markup($(el, '[part="skeleton"]'))).to.equal(null);
      expect(items(el)).to.have.length(3);
      expect(headingText(el)).to.equal('3 Comments');
    });

    it('fires comment-loaded once the thread is rendered', async () => {
      const adapter = seedAdapter('en', { latency: 20 });
      const wrapper = fixtureSync<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('comment-thread');
      el.thread = seedThreadId;
      el.lang = 'en';
      el.adapter = adapter;
      const loaded = oneEvent(wrapper, 'comment-loaded') as Promise<CommentLoadedEvent>;
      wrapper.append(el);
      const event = await loaded;
      expect(event.detail).to.deep.equal({ threadId: seedThreadId, count: 3, total: 3 });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(items(el)).to.have.length(3);
    });
  });

  describe('attributes and parts', () => {
    it('passes sort to the adapter and shows the order it returns', async () => {
      const adapter = recording(seedAdapter('en'));
      const el = await fixture<CommentThread>(
        html`<comment-thread sort="newest" lang="en" thread=${seedThreadId} .adapter=${adapter}></comment-thread>`
      );
      await threadReady(el);
      expect(adapter.calls.list[0].options.sort).to.equal('newest');
      // Newest first: Reader (3), then nickstamoulis (1) with its reply (2) still nested under it.
      expect(authors(el)).to.deep.equal(['Reader', 'nickstamoulis', 'Martech Zone']);
      expect(items(el).map((it) => text($(it, '[part="number"]')))).to.deep.equal(['1', '2', '3']);

      el.sort = 'oldest';
      await waitUntil(() => adapter.calls.list.length === 2);
      await threadReady(el);
      expect(authors(el)).to.deep.equal(['nickstamoulis', 'Martech Zone', 'Reader']);
    });

    it('asks for page-size comments per request', async () => {
      const adapter = recording(seedAdapter('en'));
      const el = await fixture<CommentThread>(
        html`<comment-thread page-size="2" lang="en" thread=${seedThreadId} .adapter=${adapter}></comment-thread>`
      );
      await threadReady(el);
      expect(adapter.calls.list[0].options.limit).to.equal(2);
      expect(adapter.calls.list[0].options.cursor ?? null).to.equal(null);
    });

    it('reflects thread as an attribute', async () => {
      const el = await seedThread('en');
      expect(el.getAttribute('thread')).to.equal(seedThreadId);
    });

    it('lets the page style inner parts through ::part (forwarded with exportparts)', async () => {
      const style = document.createElement('style');
      style.textContent = `
        comment-thread.themed::part(mention) { color: rgb(1, 2, 3); }
        comment-thread.themed::part(reply-button) { color: rgb(4, 5, 6); }
        comment-thread.themed::part(textarea) { color: rgb(7, 8, 9); }
        comment-thread.themed::part(form-error) { color: rgb(10, 11, 12); }
        comment-thread.themed::part(heading) { color: rgb(13, 14, 15); }`;
      document.head.append(style);
      try {
        const el = await fixture<CommentThread>(
          html`<comment-thread class="themed" lang="en" thread=${seedThreadId} .adapter=${seedAdapter('en')}></comment-thread>`
        );
        await threadReady(el);
        const color = (node: Element) => getComputedStyle(node).color;
        expect(color(get(item(el, '2'), '[part="mention"]'))).to.equal('rgb(1, 2, 3)');
        expect(color(replyButton(el, '1'))).to.equal('rgb(4, 5, 6)');
        expect(color(textareaOf(mainForm(el)))).to.equal('rgb(7, 8, 9)');
        expect(color(errorOf(mainForm(el)))).to.equal('rgb(10, 11, 12)');
        expect(color(get(el, '[part="heading"]'))).to.equal('rgb(13, 14, 15)');
      } finally {
        style.remove();
      }
    });
  });

  describe('locale', () => {
    it('uses lang on the element', async () => {
      const el = await seedThread('hi');
      expect(headingText(el)).to.equal('3 टिप्पणियाँ');
      expect(text(replyButton(el, '1'))).to.equal('जवाब दें');
    });

    it('inherits lang from an ancestor', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<article lang="sw">
        <div><comment-thread thread=${seedThreadId} .adapter=${seedAdapter('sw')}></comment-thread></div>
      </article>`);
      const el = wrapper.querySelector('comment-thread')!;
      await threadReady(el);
      await waitUntil(() => headingText(el) === '3 Maoni');
      expect(text(get(el, '[part="form-heading"]'))).to.equal('Unafikiri?');
      expect(text(replyButton(el, '1'))).to.equal('Jibu');
    });

    it('inherits lang across a shadow root', async () => {
      const host = fixtureSync<HTMLDivElement>(html`<div lang="hi"></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const el = document.createElement('comment-thread');
      el.thread = seedThreadId;
      el.adapter = seedAdapter('hi');
      root.append(el);
      await threadReady(el);
      await waitUntil(() => headingText(el) === '3 टिप्पणियाँ');
    });

    it("the element's own lang wins over its ancestor's", async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<div lang="sw">
        <comment-thread lang="en" thread=${seedThreadId} .adapter=${seedAdapter('en')}></comment-thread>
      </div>`);
      const el = wrapper.querySelector('comment-thread')!;
      await threadReady(el);
      expect(headingText(el)).to.equal('3 Comments');
    });

    it('falls back along subtags (sw-KE → sw)', async () => {
      const el = await fixture<CommentThread>(
        html`<comment-thread lang="sw-KE" thread=${seedThreadId} .adapter=${seedAdapter('sw')}></comment-thread>`
      );
      await threadReady(el);
      await waitUntil(() => headingText(el) === '3 Maoni');
    });

    it("re-renders when the ancestor's lang changes, without loading the thread again", async () => {
      const adapter = recording(seedAdapter('sw'));
      const wrapper = fixtureSync<HTMLElement>(html`<div lang="sw">
        <comment-thread thread=${seedThreadId} .adapter=${adapter}></comment-thread>
      </div>`);
      const el = wrapper.querySelector('comment-thread')!;
      await threadReady(el);
      await waitUntil(() => headingText(el) === '3 Maoni');
      expect(adapter.calls.list).to.have.length(1);

      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => headingText(el) === '3 Comments', 'heading did not switch to English');
      await settled(el);
      expect(text(get(el, '[part="form-heading"]'))).to.equal('What do you think?');
      expect(text(replyButton(el, '1'))).to.equal('Reply');
      expect(text(get(mainForm(el), '[part="label"]'))).to.equal('Your comment');

      wrapper.setAttribute('lang', 'hi');
      await waitUntil(() => headingText(el) === '3 टिप्पणियाँ', 'heading did not switch to Hindi');
      await aTimeout(50);
      expect(adapter.calls.list, 'list calls').to.have.length(1);
      expect(items(el)).to.have.length(3);
    });

    it('re-renders when its own lang changes', async () => {
      const el = await seedThread('en');
      el.setAttribute('lang', 'sw');
      await waitUntil(() => headingText(el) === '3 Maoni');
    });

    it('keeps what was typed when the language changes', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<div lang="en">
        <comment-thread thread=${seedThreadId} .adapter=${seedAdapter('en')}></comment-thread>
      </div>`);
      const el = wrapper.querySelector('comment-thread')!;
      await threadReady(el);
      await typeInto(textareaOf(mainForm(el)), 'Half-written thought');
      wrapper.setAttribute('lang', 'sw');
      await waitUntil(() => headingText(el) === '3 Maoni');
      await settled(el);
      expect(textareaOf(mainForm(el)).value).to.equal('Half-written thought');
    });

    it('shows two threads in two languages on one page', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<div>
        <comment-thread id="sw" lang="sw" thread=${seedThreadId} .adapter=${seedAdapter('sw')}></comment-thread>
        <comment-thread id="hi" lang="hi" thread=${seedThreadId} .adapter=${seedAdapter('hi')}></comment-thread>
        <comment-thread id="en" lang="en" thread=${seedThreadId} .adapter=${seedAdapter('en')}></comment-thread>
      </div>`);
      const [sw, hi, en] = ['sw', 'hi', 'en'].map((id) => wrapper.querySelector<CommentThread>(`#${id}`)!);
      await Promise.all([threadReady(sw), threadReady(hi), threadReady(en)]);
      expect(headingText(sw)).to.equal('3 Maoni');
      expect(headingText(hi)).to.equal('3 टिप्पणियाँ');
      expect(headingText(en)).to.equal('3 Comments');
      expect(text(get(sw, '[part="form-heading"]'))).to.equal('Unafikiri?');
      expect(text(get(en, '[part="form-heading"]'))).to.equal('What do you think?');
      expect(text(replyButton(sw, '3'))).to.equal('Jibu');
      expect(text(replyButton(hi, '3'))).to.equal('जवाब दें');
      expect(text(replyButton(en, '3'))).to.equal('Reply');
    });
  });

  describe('posting', () => {
    it('a top-level comment appears at the end as number 4, the heading counts it and the form empties', async () => {
      const el = await seedThread('en');
      const form = mainForm(el);
      await fillAndPost(form, 'Measured ROI for a year: it was mostly brand.', 'Amina');
      await waitUntil(() => items(el).length === 4, 'the new comment did not appear');
      await settled(el);

      const last = items(el)[3];
      expect(text($(last, '[part="number"]'))).to.equal('4');
      expect(text($(last, '[part="author"]'))).to.equal('Amina');
      expect(text($(last, '[part="paragraph"]'))).to.equal('Measured ROI for a year: it was mostly brand.');
      // At the top level, after comment 3.
      const topItems = [...get(el, '[part="list"]').children];
      expect(topItems).to.have.length(3);
      expect(topItems[2].querySelector<CommentItem>(':scope > comment-item')).to.equal(last);
      expect(headingText(el)).to.equal('4 Comments');
      expect(textareaOf(form).value).to.equal('');
      expect(errorOf(form).hidden).to.equal(true);
    });

    it('fires comment-created (bubbling, composed) with the comment', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<div>
        <comment-thread lang="en" thread=${seedThreadId} .adapter=${seedAdapter('en')}></comment-thread>
      </div>`);
      const el = wrapper.querySelector('comment-thread')!;
      await threadReady(el);
      const created = oneEvent(wrapper, 'comment-created') as Promise<CommentCreatedEvent>;
      await fillAndPost(mainForm(el), 'Hello from the test', 'Amina');
      const event = await created;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail.threadId).to.equal(seedThreadId);
      expect(event.detail.comment.body).to.equal('Hello from the test');
      expect(event.detail.comment.author.name).to.equal('Amina');
      expect(event.detail.comment.parentId).to.equal(null);
    });

    it('comment-submit carries the input and is cancelable: preventDefault stops the post', async () => {
      const adapter = recording(seedAdapter('en'));
      const el = await seedThread('en', adapter);
      const submits: CommentSubmitEvent[] = [];
      el.addEventListener('comment-submit', (event) => {
        submits.push(event);
        event.preventDefault();
      });
      await fillAndPost(mainForm(el), 'Not today', 'Amina');
      await aTimeout(50);
      expect(submits).to.have.length(1);
      expect(submits[0].cancelable && submits[0].bubbles && submits[0].composed).to.equal(true);
      expect(submits[0].detail.input).to.deep.equal({ parentId: null, body: 'Not today', author: { name: 'Amina' } });
      expect(adapter.calls.post).to.have.length(0);
      expect(items(el)).to.have.length(3);
      // Nothing typed is lost.
      expect(textareaOf(mainForm(el)).value).to.equal('Not today');
    });

    it('Reply opens an inline form under the comment; posting adds the reply nested under it and closes the form', async () => {
      const el = await seedThread('en');
      const button = replyButton(el, '1');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(markup(replyForm(el))).to.equal(null);

      button.click();
      await settled(el);
      const form = replyForm(el)!;
      expect(form, 'inline reply form').to.exist;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      // Directly under comment 1, inside its <li>, before its replies.
      const li = item(el, '1').parentElement!;
      expect(form.closest('li')).to.equal(li);
      expect(text(get(form, '[part="label"]'))).to.equal('Reply to nickstamoulis');
      expect($(form, '[part="cancel"]')).to.exist;
      await waitUntil(() => deepActiveElement() === textareaOf(form), 'the reply textarea was not focused');

      await fillAndPost(form, 'Brand first, always.', 'Amina');
      await waitUntil(() => items(el).length === 4, 'the reply did not appear');
      await settled(el);

      const replies = li.querySelector(':scope > ol[part="replies"]')!;
      const replyIds = [...replies.children].map((child) => child.querySelector<CommentItem>(':scope > comment-item')!.comment!.id);
      expect(replyIds).to.have.length(2);
      expect(replyIds[0]).to.equal('2');
      const reply = item(el, replyIds[1]);
      expect(text($(reply, '[part="paragraph"]'))).to.equal('Brand first, always.');
      expect(reply.comment!.parentId).to.equal('1');
      // Numbers already shown stay (Reader is still 3): the new reply is the 4th comment.
      expect(items(el).map((it) => text($(it, '[part="number"]')))).to.deep.equal(['1', '2', '4', '3']);
      expect(authors(el)).to.deep.equal(['nickstamoulis', 'Martech Zone', 'Amina', 'Reader']);
      expect(headingText(el)).to.equal('4 Comments');

      expect(markup(replyForm(el))).to.equal(null);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('after a reply is posted, focus moves to the new reply instead of being lost', async () => {
      const el = await seedThread('en');
      const button = replyButton(el, '3');
      button.click();
      await settled(el);
      const form = replyForm(el)!;
      await waitUntil(() => deepActiveElement() === textareaOf(form));
      await typeInto(nameInputOf(form)!, 'Amina');
      await typeInto(textareaOf(form), 'Replying by keyboard');
      textareaOf(form).focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => replyForm(el) === null, 'the reply form did not close');
      // Focus moves to the new reply, and stays on it when the server confirms it.
      const onNewReply = () => focusedItem()?.comment?.body === 'Replying by keyboard';
      await waitUntil(onNewReply, 'focus did not move to the new reply');
      await waitUntil(() => !items(el).some((i) => i.comment!.id.startsWith('local:')));
      await waitUntil(onNewReply, 'focus was lost when the reply was confirmed');
      expect(button.isConnected).to.equal(true);
    });

    it('a reply to a reply nests one level deeper', async () => {
      const el = await seedThread('en');
      replyButton(el, '2').click();
      await settled(el);
      await fillAndPost(replyForm(el)!, 'Third level', 'Amina');
      await waitUntil(() => items(el).length === 4);
      const li2 = item(el, '2').parentElement!;
      const nested = li2.querySelector<CommentItem>(':scope > ol[part="replies"] > li > comment-item');
      expect(nested?.comment?.body).to.equal('Third level');
    });

    it('Escape closes the inline form and returns focus to the Reply button', async () => {
      const el = await seedThread('en');
      const button = replyButton(el, '3');
      button.focus();
      button.click();
      await settled(el);
      const form = replyForm(el)!;
      await waitUntil(() => deepActiveElement() === textareaOf(form));

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => replyForm(el) === null, 'Escape did not close the form');
      await waitUntil(() => deepActiveElement() === button, 'focus did not return to Reply');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('Cancel closes the inline form and returns focus to the Reply button', async () => {
      const el = await seedThread('sw');
      const button = replyButton(el, '1');
      button.click();
      await settled(el);
      const cancel = get<HTMLButtonElement>(replyForm(el)!, '[part="cancel"]');
      expect(text(cancel)).to.equal('Ghairi');
      cancel.click();
      await waitUntil(() => replyForm(el) === null, 'Cancel did not close the form');
      await waitUntil(() => deepActiveElement() === button, 'focus did not return to Reply');
    });

    it('pressing Reply again closes the form', async () => {
      const el = await seedThread('en');
      const button = replyButton(el, '1');
      button.click();
      await settled(el);
      expect(replyForm(el)).to.exist;
      button.click();
      await settled(el);
      expect(markup(replyForm(el))).to.equal(null);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('only one inline form is open at a time', async () => {
      const el = await seedThread('en');
      replyButton(el, '1').click();
      await settled(el);
      replyButton(el, '3').click();
      await settled(el);
      expect($$(el, '[part="reply-form"]')).to.have.length(1);
      expect(replyForm(el)!.closest('li')).to.equal(item(el, '3').parentElement);
      expect(replyButton(el, '1').getAttribute('aria-expanded')).to.equal('false');
      expect(replyButton(el, '3').getAttribute('aria-expanded')).to.equal('true');
    });

    it('Ctrl+Enter in the textarea submits', async () => {
      const adapter = recording(seedAdapter('en'));
      const el = await seedThread('en', adapter);
      const form = mainForm(el);
      await typeInto(nameInputOf(form)!, 'Amina');
      await typeInto(textareaOf(form), 'Sent with the keyboard');
      textareaOf(form).focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => items(el).length === 4, 'Ctrl+Enter did not post');
      expect(adapter.calls.post).to.have.length(1);
      expect(adapter.calls.post[0].input.body).to.equal('Sent with the keyboard');
    });

    it('plain Enter in the textarea does not submit', async () => {
      const adapter = recording(seedAdapter('en'));
      const el = await seedThread('en', adapter);
      const form = mainForm(el);
      await typeInto(nameInputOf(form)!, 'Amina');
      await typeInto(textareaOf(form), 'line one');
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      expect(adapter.calls.post).to.have.length(0);
    });

    it('asks for a name when the adapter has no viewer', async () => {
      const el = await seedThread('en', seedAdapter('en'));
      const input = nameInputOf(mainForm(el));
      expect(input, 'name field').to.exist;
      expect(text(input!.closest('label'))).to.contain('Name');
    });

    it('asks for a name when the adapter has no viewer() at all', async () => {
      const inner = seedAdapter('en');
      const adapter: CommentAdapter = { list: (t, o) => inner.list(t, o), post: (t, i, o) => inner.post(t, i, o) };
      const el = await seedThread('en', adapter);
      expect(nameInputOf(mainForm(el))).to.exist;
    });

    it('hides the name field when viewer() resolves a viewer, and posts as that viewer', async () => {
      const el = await seedThread('en', seedAdapter('en', { viewer: { id: 'u1', name: 'Signed In' } }));
      await waitUntil(() => nameInputOf(mainForm(el)) === null, 'the name field stayed');
      await fillAndPost(mainForm(el), 'As myself');
      await waitUntil(() => items(el).length === 4);
      expect(text($(items(el)[3], '[part="author"]'))).to.equal('Signed In');
    });

    it('asks for a name again when the adapter is replaced by one without a viewer', async () => {
      const el = await seedThread('en', seedAdapter('en', { viewer: { id: 'u1', name: 'Signed In' } }));
      await waitUntil(() => nameInputOf(mainForm(el)) === null);
      el.adapter = seedAdapter('en');
      await threadReady(el);
      await waitUntil(() => nameInputOf(mainForm(el)) !== null);
    });
  });

  describe('validation', () => {
    for (const [label, body] of [['empty', ''], ['whitespace-only', '   \n\t  ']] as const) {
      it(`a ${label} body shows a localized message and posts nothing`, async () => {
        const adapter = recording(seedAdapter('sw'));
        const el = await seedThread('sw', adapter);
        const form = mainForm(el);
        await typeInto(nameInputOf(form)!, 'Amina');
        await typeInto(textareaOf(form), body);
        submitOf(form).click();
        await form.updateComplete;

        const error = errorOf(form);
        expect(error.hidden).to.equal(false);
        expect(isShown(error)).to.equal(true);
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.equal('Tafadhali andika maoni kabla ya kutuma.');
        expect(textareaOf(form).getAttribute('aria-invalid')).to.equal('true');
        expect(textareaOf(form).getAttribute('aria-describedby')).to.contain(error.id);
        await aTimeout(20);
        expect(adapter.calls.post).to.have.length(0);
        expect(items(el)).to.have.length(3);
      });
    }

    it('a missing name, when required, shows a message and posts nothing', async () => {
      const adapter = recording(seedAdapter('en'));
      const el = await seedThread('en', adapter);
      const form = mainForm(el);
      await typeInto(textareaOf(form), 'No name given');
      await typeInto(nameInputOf(form)!, '   ');
      submitOf(form).click();
      await form.updateComplete;
      expect(text(errorOf(form))).to.equal('Please enter your name.');
      expect(nameInputOf(form)!.getAttribute('aria-invalid')).to.equal('true');
      expect(textareaOf(form).getAttribute('aria-invalid')).to.equal('false');
      await aTimeout(20);
      expect(adapter.calls.post).to.have.length(0);
      expect(textareaOf(form).value).to.equal('No name given');
    });

    it('validates an inline reply form too', async () => {
      const adapter = recording(seedAdapter('hi'));
      const el = await seedThread('hi', adapter);
      replyButton(el, '1').click();
      await settled(el);
      const form = replyForm(el)!;
      // The reply starts with a mention of the author; alone, it is not a comment yet.
      expect(textareaOf(form).value).to.equal('@nickstamoulis ');
      submitOf(form).click();
      await form.updateComplete;
      expect(text(errorOf(form))).to.equal('पोस्ट करने से पहले कृपया टिप्पणी लिखें।');
      expect(adapter.calls.post).to.have.length(0);
    });
  });

  describe('errors', () => {
    it('a failing list shows a localized error with Retry; Retry loads the thread once the adapter works', async () => {
      const adapter = seedAdapter('sw', { failList: true });
      const errors: CommentErrorEvent[] = [];
      const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang="sw" .adapter=${adapter}
        @comment-error=${(event: CommentErrorEvent) => errors.push(event)}></comment-thread>`);
      await waitUntil(() => $(el, '[part="error"]'), 'no error shown');
      await settled(el);

      const box = get(el, '[part="error"]');
      expect(box.getAttribute('role')).to.equal('alert');
      expect(text(box)).to.contain('Maoni hayakuweza kupakiwa.');
      expect(text(box)).to.contain('Imeshindwa kufikia seva ya maoni.');
      const retry = get<HTMLButtonElement>(el, '[part="retry-button"]');
      expect(text(retry)).to.equal('Jaribu tena');
      expect(markup($(el, '[part="skeleton"]'))).to.equal(null);
      expect(get(el, 'section[part="thread"]').getAttribute('aria-busy')).to.equal('false');

      expect(errors).to.have.length(1);
      expect(errors[0].detail.operation).to.equal('list');
      expect(errors[0].detail.threadId).to.equal(seedThreadId);
      expect(errors[0].detail.error).to.be.instanceOf(AdapterError);
      expect(errors[0].detail.error.code).to.equal('network');
      expect(errors[0].bubbles && errors[0].composed).to.equal(true);

      adapter.failList = false;
      retry.click();
      await threadReady(el);
      expect(markup($(el, '[part="error"]'))).to.equal(null);
      expect(headingText(el)).to.equal('3 Maoni');
      expect(items(el)).to.have.length(3);
    });

    it('a list failing with rate_limited shows how long to wait', async () => {
      const adapter = seedAdapter('en', { failList: new AdapterError('rate_limited', 'slow down', { retryAfter: 30 }) });
      const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang="en" .adapter=${adapter}></comment-thread>`);
      await waitUntil(() => $(el, '[part="error"]'));
      expect(text(get(el, '[part="error"]'))).to.contain('Please wait 30 seconds');
    });

    it('a failing post stays on screen as not sent, with the error, Retry and Edit; Retry reuses the idempotency key', async () => {
      const memory = seedAdapter('en');
      memory.failNext('post');
      const adapter = recording(memory);
      const el = await seedThread('en', adapter);
      const errors: CommentErrorEvent[] = [];
      el.addEventListener('comment-error', (event) => errors.push(event));
      const form = mainForm(el);

      await fillAndPost(form, 'Worth keeping', 'Amina');
      const local = await unsent(el, 'Worth keeping');
      expect(text(get(local, '[part="delivery"]'))).to.equal('Not sent. Could not reach the comment server. Check your connection and try again.');
      expect(text(get(local, '[part="author"]'))).to.equal('Amina');
      expect(textareaOf(form).value).to.equal('');
      expect(errors).to.have.length(1);
      expect(errors[0].detail.operation).to.equal('post');
      expect(errors[0].detail.error.code).to.equal('network');

      deliveryButton(local, 'Retry').click();
      await waitUntil(() => !items(el).some((i) => i.comment!.id.startsWith('local:')), 'the retry did not post');
      await settled(el);
      expect(adapter.calls.post).to.have.length(2);
      const [first, second] = adapter.calls.post.map((call) => call.options.idempotencyKey);
      expect(first).to.be.a('string').and.not.equal('');
      expect(second).to.equal(first);
      expect((await memory.list(seedThreadId, {})).comments).to.have.length(4);
      expect(items(el).map((i) => i.comment!.body)).to.include('Worth keeping');
      expect(headingText(el)).to.equal('4 Comments');
    });

    it('when the answer to a post is lost, Retry does not create a second comment', async () => {
      const memory = seedAdapter('en');
      const keys: string[] = [];
      let lose = true;
      const adapter: CommentAdapter = {
        list: (threadId, options) => memory.list(threadId, options),
        async post(threadId, input, options) {
          keys.push(options.idempotencyKey);
          const created = await memory.post(threadId, input, options);
          if (lose) {
            lose = false;
            throw new AdapterError('network', 'connection reset after the server stored the comment');
          }
          return created;
        },
      };
      const el = await seedThread('en', adapter);
      await fillAndPost(mainForm(el), 'Only once, please', 'Amina');
      deliveryButton(await unsent(el, 'Only once, please'), 'Retry').click();
      await waitUntil(() => !items(el).some((i) => i.comment!.id.startsWith('local:')), 'the retry did not confirm');
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      const stored = (await memory.list(seedThreadId, {})).comments;
      expect(stored.filter((c) => c.body === 'Only once, please')).to.have.length(1);
      expect(items(el).filter((i) => i.comment!.body === 'Only once, please')).to.have.length(1);
    });

    it('Edit on a post that was not sent puts its text back in the form; the new text posts with a new key', async () => {
      const memory = seedAdapter('en');
      memory.failNext('post');
      const adapter = recording(memory);
      const el = await seedThread('en', adapter);
      const form = mainForm(el);
      await fillAndPost(form, 'First version', 'Amina');
      deliveryButton(await unsent(el, 'First version'), 'Edit').click();
      await settled(el);
      expect(items(el).map((i) => i.comment!.body)).to.not.include('First version');
      expect(headingText(el)).to.equal('3 Comments');
      expect(textareaOf(form).value).to.equal('First version');
      expect(deepActiveElement()).to.equal(textareaOf(form));
      await typeInto(textareaOf(form), 'Second version');
      submitOf(form).click();
      await waitUntil(() => items(el).some((i) => i.comment!.body === 'Second version' && !i.comment!.id.startsWith('local:')));
      const [first, second] = adapter.calls.post.map((call) => call.options.idempotencyKey);
      expect(second).to.not.equal(first);
      expect((await memory.list(seedThreadId, {})).comments.map((c) => c.body)).to.not.include('First version');
    });

    it('shows the comment at once, marked as sending, and a double click posts it once', async () => {
      const adapter = seedAdapter('en');
      const el = await seedThread('en', adapter);
      adapter.latency = 200;
      const form = mainForm(el);
      await fillAndPost(form, 'Patience', 'Amina');
      await settled(el);
      const local = items(el).find((i) => i.comment!.body === 'Patience')!;
      expect(local.comment!.id.startsWith('local:')).to.equal(true);
      expect(text(get(local, '[part="delivery"]'))).to.equal('Sending…');
      expect(get(local, '[part="comment"]').getAttribute('aria-busy')).to.equal('true');
      expect($(local, '[part="reply-button"]')).to.equal(null);
      expect(textareaOf(form).value).to.equal('');
      // A second click right after sends nothing and complains about nothing.
      submitOf(form).click();
      await form.updateComplete;
      expect(errorOf(form).hidden).to.equal(true);
      await waitUntil(() => !items(el).some((i) => i.comment!.id.startsWith('local:')), 'not confirmed');
      await settled(el);
      const confirmed = items(el).find((i) => i.comment!.body === 'Patience')!;
      expect($(confirmed, '[part="delivery"]')).to.equal(null);
      expect(get(confirmed, '[part="comment"]').getAttribute('aria-busy')).to.equal('false');
      expect((await adapter.list(seedThreadId, {})).comments).to.have.length(4);
    });

    it('a post failing with validation shows the localized validation message under it', async () => {
      const memory = seedAdapter('sw');
      memory.failNext('post', new AdapterError('validation', 'spam'));
      const el = await seedThread('sw', memory);
      await fillAndPost(mainForm(el), 'Nunua sasa!!!', 'Spammer');
      const local = await unsent(el, 'Nunua sasa!!!');
      expect(text(get(local, '[part="delivery"]'))).to.contain('Maoni hayakukubaliwa. Tafadhali yaangalie kisha ujaribu tena.');
    });
  });

  describe('stale responses', () => {
    /** list(A) answers after 300 ms, list(B) after 20 ms; neither listens to the abort signal. */
    function racingAdapter(): CommentAdapter & { lists: string[] } {
      const comments: Record<string, Comment[]> = {
        A: [makeComment('a1', { author: { name: 'Alice of A' }, body: 'from thread A' })],
        B: [
          makeComment('b1', { author: { name: 'Bob of B' }, body: 'from thread B' }),
          makeComment('b2', { author: { name: 'Bea of B' }, body: 'also from B' }),
        ],
      };
      const lists: string[] = [];
      return {
        lists,
        list(threadId) {
          lists.push(threadId);
          const delay = threadId === 'A' ? 300 : 20;
          return new Promise<ListResult>((resolve) =>
            setTimeout(() => resolve({ comments: comments[threadId] ?? [], total: comments[threadId]?.length ?? 0 }), delay)
          );
        },
        post: () => Promise.reject(new AdapterError('forbidden')),
      };
    }

    it('changing thread while the first load is slow ends on the new thread and never shows the old one', async () => {
      const adapter = racingAdapter();
      const loaded: string[] = [];
      const el = await fixture<CommentThread>(html`<comment-thread thread="A" lang="en" .adapter=${adapter}
        @comment-loaded=${(event: CommentLoadedEvent) => loaded.push(event.detail.threadId)}></comment-thread>`);
      el.thread = 'B';

      const seen = new Set<string>();
      const start = performance.now();
      while (performance.now() - start < 500) {
        for (const name of authors(el)) seen.add(name);
        await aTimeout(10);
      }
      expect(adapter.lists).to.deep.equal(['A', 'B']);
      expect([...seen]).to.not.include('Alice of A');
      expect(authors(el)).to.deep.equal(['Bob of B', 'Bea of B']);
      expect(headingText(el)).to.equal('2 Comments');
      expect(loaded).to.deep.equal(['B']);
    });

    it('aborts the old load through its signal', async () => {
      const signals: AbortSignal[] = [];
      const inner = seedAdapter('en', { latency: 100 });
      const adapter: CommentAdapter = {
        list(threadId, options) {
          signals.push(options.signal!);
          return inner.list(threadId, options);
        },
        post: (t, i, o) => inner.post(t, i, o),
      };
      const el = await fixture<CommentThread>(html`<comment-thread thread="other" lang="en" .adapter=${adapter}></comment-thread>`);
      el.thread = seedThreadId;
      await threadReady(el);
      expect(signals).to.have.length(2);
      expect(signals[0].aborted).to.equal(true);
      expect(signals[1].aborted).to.equal(false);
      expect(items(el)).to.have.length(3);
    });

    it('a slow failure of the old thread does not show an error over the new one', async () => {
      const adapter: CommentAdapter = {
        list(threadId) {
          return threadId === 'A'
            ? sleep(200).then(() => Promise.reject(new AdapterError('network')))
            : Promise.resolve({ comments: [makeComment('b1')] });
        },
        post: () => Promise.reject(new AdapterError('forbidden')),
      };
      const errors: CommentErrorEvent[] = [];
      const el = await fixture<CommentThread>(html`<comment-thread thread="A" lang="en" .adapter=${adapter}
        @comment-error=${(event: CommentErrorEvent) => errors.push(event)}></comment-thread>`);
      el.thread = 'B';
      await threadReady(el);
      await aTimeout(300);
      expect(markup($(el, '[part="error"]'))).to.equal(null);
      expect(items(el).map((it) => it.comment!.id)).to.deep.equal(['b1']);
      expect(errors).to.have.length(0);
    });

    it('a reply form open on the old thread closes when the thread changes', async () => {
      const adapter = new MemoryAdapter({ comments: { [seedThreadId]: seedComments('en'), other: [makeComment('x')] } });
      const el = await seedThread('en', adapter);
      replyButton(el, '1').click();
      await settled(el);
      expect(replyForm(el)).to.exist;
      el.thread = 'other';
      await threadReady(el);
      expect(markup(replyForm(el))).to.equal(null);
      expect(items(el).map((it) => it.comment!.id)).to.deep.equal(['x']);
    });
  });

  describe('no adapter', () => {
    it('shows a clear configuration message instead of nothing', async () => {
      const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en"></comment-thread>`);
      const message = get(el, '[part="config-error"]');
      expect(message.getAttribute('role')).to.equal('alert');
      expect(isShown(message)).to.equal(true);
      expect(text(message)).to.contain('adapter');
      expect(text(message)).to.contain('comment-thread');
      expect(markup($(el, '[part="skeleton"]'))).to.equal(null);
    });

    it('shows it in the page language', async () => {
      const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="sw"></comment-thread>`);
      await waitUntil(() => text($(el, '[part="config-error"]')).startsWith('Maoni hayapatikani'));
    });

    it('loads once an adapter is set', async () => {
      const el = await fixture<CommentThread>(html`<comment-thread thread=${seedThreadId} lang="en"></comment-thread>`);
      expect($(el, '[part="config-error"]')).to.exist;
      el.adapter = seedAdapter('en');
      await threadReady(el);
      expect(markup($(el, '[part="config-error"]'))).to.equal(null);
      expect(items(el)).to.have.length(3);
    });
  });

  describe('hostile and malformed data', () => {
    it('renders hostile author urls, avatars and bodies as text', async () => {
      (window as unknown as { __maoniXss?: number }).__maoniXss = undefined;
      const el = await threadWith([
        makeComment('x1', {
          author: { name: '<b>Mallory</b>', url: 'javascript:alert(1)', avatarUrl: 'javascript:alert(1)' },
          body: '<img src=x onerror="window.__maoniXss=1"> and <script>window.__maoniXss=2</script>',
        }),
        makeComment('x2', { author: { name: 'Good Site', url: 'https://example.com/me' } }),
      ]);
      await aTimeout(50);
      expect((window as unknown as { __maoniXss?: number }).__maoniXss).to.equal(undefined);
      const bad = item(el, 'x1');
      expect(markup($(bad, 'a'))).to.equal(null);
      expect(text($(bad, '[part="author"]'))).to.equal('<b>Mallory</b>');
      expect(markup($(bad, '[part="body"] img, [part="body"] script, [part="body"] b'))).to.equal(null);
      expect(text($(bad, '[part="paragraph"]'))).to.equal(
        '<img src=x onerror="window.__maoniXss=1"> and <script>window.__maoniXss=2</script>'
      );
      expect(markup($(bad, 'img'))).to.equal(null);
      const good = get<HTMLAnchorElement>(item(el, 'x2'), 'a[part="author"]');
      expect(good.href).to.equal('https://example.com/me');
      expect(good.rel.split(' ')).to.include.members(['nofollow', 'ugc']);
    });

    it('skips a comment without an id and shows the rest', async () => {
      const adapter: CommentAdapter = {
        list: async () =>
          ({ comments: [{ parentId: null, author: { name: 'Ghost' }, body: 'no id', createdAt: '2024-01-01T00:00:00Z' }, makeComment('ok')] }) as unknown as ListResult,
        post: () => Promise.reject(new AdapterError('forbidden')),
      };
      const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
      await threadReady(el);
      expect(items(el).map((it) => it.comment!.id)).to.deep.equal(['ok']);
      expect(headingText(el)).to.equal('1 Comment');
    });

    it('repairs comments with missing or wrong-typed fields instead of failing', async () => {
      const adapter: CommentAdapter = {
        list: async () =>
          ({
            comments: [
              { id: 7, parentId: null, body: 42 },
              { id: 'r', parentId: 7, author: { name: 'Replier', url: 5 }, body: null, createdAt: 'yesterday' },
              null,
              'garbage',
            ],
          }) as unknown as ListResult,
        post: () => Promise.reject(new AdapterError('forbidden')),
      };
      const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
      await threadReady(el);
      expect(items(el).map((it) => it.comment!.id)).to.deep.equal(['7', 'r']);
      expect(text($(items(el)[0], '[part="author"]'))).to.equal('Anonymous');
      expect(text($(items(el)[0], '[part="paragraph"]'))).to.equal('42');
      expect(markup($(items(el)[1], 'time'))).to.equal(null);
      // The reply (its parentId a number, repaired to '7') is nested under comment 7.
      expect(item(el, 'r').parentElement!.parentElement!.closest('li')).to.equal(item(el, '7').parentElement);
    });

    it('a non-array comments field shows the empty state, not a blank widget', async () => {
      const adapter: CommentAdapter = {
        list: async () => ({ comments: 'nope' }) as unknown as ListResult,
        post: () => Promise.reject(new AdapterError('forbidden')),
      };
      const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
      await threadReady(el);
      expect(headingText(el)).to.equal('0 Comments');
      expect(isShown($(el, '[part="empty"]'))).to.equal(true);
      expect(textareaOf(mainForm(el))).to.exist;
    });

    it('a list that returns a plain object (not a promise) still renders', async () => {
      const comments = seedComments('en');
      const adapter = {
        list: () => ({ comments }),
        post: () => Promise.reject(new AdapterError('forbidden')),
      } as unknown as CommentAdapter;
      const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
      await threadReady(el);
      expect(headingText(el)).to.equal('3 Comments');
      expect(items(el)).to.have.length(3);
    });

    it('a list that throws synchronously shows the error with Retry', async () => {
      let broken = true;
      const errors: CommentErrorEvent[] = [];
      const adapter: CommentAdapter = {
        list: (_threadId, options) => {
          if (broken) throw new Error('boom');
          return seedAdapter('en').list(seedThreadId, options);
        },
        post: () => Promise.reject(new AdapterError('forbidden')),
      };
      const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}
        @comment-error=${(event: CommentErrorEvent) => errors.push(event)}></comment-thread>`);
      await waitUntil(() => $(el, '[part="error"]'), 'no error shown');
      expect(text(get(el, '[part="error"]'))).to.contain('Something went wrong. Please try again.');
      expect(errors.map((e) => [e.detail.operation, e.detail.error.code])).to.deep.equal([['list', 'unknown']]);
      broken = false;
      get(el, '[part="retry-button"]').click();
      await threadReady(el);
      expect(items(el)).to.have.length(3);
    });

    for (const [label, value] of [['null', null], ['undefined', undefined], ['a string', 'ok']] as const) {
      it(`a list that resolves to ${label} shows an error, not a blank widget`, async () => {
        const adapter = {
          list: async () => value,
          post: () => Promise.reject(new AdapterError('forbidden')),
        } as unknown as CommentAdapter;
        const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
        await waitUntil(() => $(el, '[part="error"]'), 'no error shown');
        expect($(el, '[part="retry-button"]')).to.exist;
      });
    }

    it('a post that resolves to something that is not a comment keeps the text and says so', async () => {
      const inner = seedAdapter('en');
      const adapter = { list: (t: string, o: object) => inner.list(t, o), post: async () => ({ ok: true }) } as unknown as CommentAdapter;
      const el = await seedThread('en', adapter);
      const errors: CommentErrorEvent[] = [];
      el.addEventListener('comment-error', (event) => errors.push(event));
      const created: Event[] = [];
      el.addEventListener('comment-created', (event) => created.push(event));
      await fillAndPost(mainForm(el), 'Do not lose me', 'Amina');
      const local = await unsent(el, 'Do not lose me');
      expect(text(get(local, '[part="delivery"]'))).to.equal('Not sent. Something went wrong. Please try again.');
      expect(errors.map((e) => e.detail.operation)).to.deep.equal(['post']);
      expect(created).to.have.length(0);
    });

    it('a post that throws synchronously shows the error and keeps the text', async () => {
      const inner = seedAdapter('en');
      const adapter: CommentAdapter = {
        list: (t, o) => inner.list(t, o),
        post: () => {
          throw new TypeError('Failed to fetch');
        },
      };
      const el = await seedThread('en', adapter);
      await fillAndPost(mainForm(el), 'Still here', 'Amina');
      const local = await unsent(el, 'Still here');
      expect(text(get(local, '[part="delivery"]'))).to.equal('Not sent. Could not reach the comment server. Check your connection and try again.');
    });
  });
});

/** The reader's own comment with this text, once it shows as not sent. */
async function unsent(el: CommentThread, body: string): Promise<CommentItem> {
  let found: CommentItem | undefined;
  await waitUntil(() => {
    found = items(el).find((i) => i.comment?.body === body && i.comment.id.startsWith('local:'));
    return found?.shadowRoot?.querySelector('[part="delivery-button"]');
  }, `"${body}" is not shown as not sent`);
  return found!;
}

/** Retry or Edit under a comment that was not sent. */
function deliveryButton(item: CommentItem, label: 'Retry' | 'Edit'): HTMLButtonElement {
  const button = $$<HTMLButtonElement>(item, '[part="delivery-button"]').find((b) => text(b) === label);
  if (!button) throw new Error(`no ${label} button`);
  return button;
}

/** An element in the thread's shadow root by id. */
function shadowById(el: CommentThread, id: string): Element | null {
  return el.shadowRoot!.getElementById(id);
}

