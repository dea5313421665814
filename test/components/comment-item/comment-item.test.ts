import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { Comment } from '../../../src/adapters/adapter.js';
import { CommentReplyRequestEvent, type CommentItem } from '../../../src/components/comment-item/comment-item.js';
import { localizationFor, type Localization } from '../../../src/i18n/localization.js';
import { loadLocale, loadedTemplates } from '../../../src/i18n/locales.js';
import { loadList } from '../../../src/components/shared/list-loader.js';
import { makeComment, seedComments, type SeedLocale } from '../../support/seed.js';
import { $, $$, accessibleName, get, markup, text } from '../../support/shadow.js';

async function localization(locale: SeedLocale): Promise<Localization> {
  await loadLocale(locale);
  return localizationFor(locale, loadedTemplates(locale));
}

async function render(comment: Comment, options: { number?: number; l?: Localization } = {}): Promise<CommentItem> {
  // Bodies, links and avatars render fully once the list chunk is in (the thread waits for it).
  await loadList();
  return fixture<CommentItem>(
    html`<comment-item .comment=${comment} .number=${options.number ?? 0} .localization=${options.l}></comment-item>`
  );
}

describe('comment-item', () => {
  describe('accessibility', () => {
    it('passes axe', async () => {
      const el = await render(seedComments('en')[1], { number: 2 });
      await expect(el).to.be.accessible();
    });

    it('passes axe in Swahili and Hindi', async () => {
      for (const locale of ['sw', 'hi'] as const) {
        const el = await render(seedComments(locale)[0], { number: 1, l: await localization(locale) });
        await expect(el).to.be.accessible();
      }
    });

    it('is an article named by its number, author and date', async () => {
      const el = await render(seedComments('en')[0], { number: 1 });
      const article = get(el, '[part="comment"]');
      expect(article.localName).to.equal('article');
      expect(accessibleName(article)).to.equal(`Comment 1 by nickstamoulis ${text(get(el, '[part="date"]'))}`);
    });

    it('has no stray text between its parts (a false or undefined binding renders nothing)', async () => {
      const el = await render(seedComments('en')[0], { number: 1 });
      const article = get(el, '[part="comment"]');
      const stray = [...article.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      expect(stray.map((node) => node.textContent)).to.deep.equal([]);
      expect(article.textContent).to.not.match(/\b(false|undefined|null)\b/);
    });

    it('is labelled without a number when it has none', async () => {
      const el = await render(seedComments('en')[2]);
      expect(accessibleName(get(el, '[part="comment"]'))).to.equal(`Comment by Reader ${text(get(el, '[part="date"]'))}`);
      expect(markup($(el, '[part="number"]'))).to.equal(null);
    });

    it("Reply's accessible name contains its visible text in every locale, and names the author in its description", async () => {
      for (const [locale, visible, description] of [
        ['en', 'Reply', 'Reply to nickstamoulis'],
        ['sw', 'Jibu', 'Mjibu nickstamoulis'],
        ['hi', 'जवाब दें', 'nickstamoulis को जवाब दें'],
      ] as const) {
        const el = await render(seedComments(locale)[0], { number: 1, l: await localization(locale) });
        const button = get<HTMLButtonElement>(el, '[part="reply-button"]');
        expect(text(button)).to.equal(visible);
        const label = button.getAttribute('aria-label');
        if (label !== null) expect(label).to.contain(visible);
        const describedBy = (button.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        expect(describedBy.map((id) => text(el.shadowRoot!.getElementById(id))).join(' ')).to.equal(description);
      }
    });
  });

  describe('rendering', () => {
    it('shows number, author, date and body', async () => {
      const el = await render(seedComments('en')[0], { number: 1 });
      expect(text($(el, '[part="number"]'))).to.equal('1');
      expect(text($(el, '[part="author"]'))).to.equal('nickstamoulis');
      expect(get(el, '[part="date"]').localName).to.equal('time');
      expect(text($(el, '[part="paragraph"]'))).to.equal(seedComments('en')[0].body);
    });

    it('renders nothing without a comment', async () => {
      const el = await fixture<CommentItem>(html`<comment-item></comment-item>`);
      expect(markup($(el, '[part="comment"]'))).to.equal(null);
    });

    it('gives the date a machine-readable datetime, a localized text and a full-date title', async () => {
      const comment = makeComment('d', { createdAt: '2013-05-14T09:12:00Z' });
      const en = await render(comment);
      const time = get(en, 'time[part="date"]');
      expect(time.getAttribute('datetime')).to.equal('2013-05-14T09:12:00.000Z');
      expect(text(time)).to.match(/2013/);
      expect(time.getAttribute('title')).to.match(/2013/);

      const sw = await render(comment, { l: await localization('sw') });
      const swText = text(get(sw, 'time[part="date"]'));
      expect(swText).to.not.equal(text(time));
      expect(swText).to.match(/Mei/);
    });

    it('shows no date for an unparseable createdAt', async () => {
      const el = await render(makeComment('d', { createdAt: 'sometime' }));
      expect(markup($(el, 'time'))).to.equal(null);
      expect(text($(el, '[part="author"]'))).to.equal('Author d');
    });

    it('renders @mentions as [part=mention] and leaves e-mail addresses alone', async () => {
      const el = await render(makeComment('m', { body: 'Thanks @nick.s and @अमिता — mail me at a@b.example' }));
      expect($$(el, '[part="mention"]').map((m) => m.textContent)).to.deep.equal(['@nick.s', '@अमिता']);
      expect(text($(el, '[part="paragraph"]'))).to.equal('Thanks @nick.s and @अमिता — mail me at a@b.example');
    });

    it('splits lines into paragraphs and drops blank lines', async () => {
      const el = await render(makeComment('p', { body: 'one\r\n\n  two  \n\nthree' }));
      expect($$(el, '[part="body"] > [part="paragraph"]').map((p) => p.textContent)).to.deep.equal(['one', 'two', 'three']);
    });

    it('shows "Anonymous" (localized) for an empty name', async () => {
      const en = await render(makeComment('a', { author: { name: '   ' } }));
      expect(text($(en, '[part="author"]'))).to.equal('Anonymous');
      const sw = await render(makeComment('a', { author: { name: '' } }), { l: await localization('sw') });
      expect(text($(sw, '[part="author"]'))).to.equal('Bila jina');
      expect(accessibleName(get(sw, '[part="comment"]'))).to.match(/^Maoni ya Bila jina /);
    });

    it('shows "Awaiting moderation" for a pending comment', async () => {
      const el = await render(makeComment('p', { status: 'pending' }), { l: await localization('hi') });
      expect(text($(el, '[part="status"]'))).to.equal('मॉडरेशन की प्रतीक्षा में');
      const published = await render(makeComment('q', { status: 'published' }));
      expect(markup($(published, '[part="status"]'))).to.equal(null);
    });

    it('shows a placeholder instead of the body of a deleted comment, and no Reply', async () => {
      const el = await render(makeComment('x', { status: 'deleted', body: 'secret words' }));
      expect(text($(el, '[part="deleted"]'))).to.equal('This comment was deleted.');
      expect(text($(el, '[part="body"]'))).to.not.contain('secret words');
      expect(markup($(el, '[part="reply-button"]'))).to.equal(null);
    });

    it('formats its number for the locale', async () => {
      const el = await render(makeComment('n'), { number: 1234, l: await localization('en') });
      expect(text($(el, '[part="number"]'))).to.equal('1,234');
    });
  });

  describe('Reply', () => {
    it('fires comment-reply-request with the comment, bubbling but not composed', async () => {
      const comment = seedComments('en')[0];
      const el = await render(comment, { number: 1 });
      const request = oneEvent(el, CommentReplyRequestEvent.type) as Promise<CommentReplyRequestEvent>;
      get(el, '[part="reply-button"]').click();
      const event = await request;
      expect(event).to.be.instanceOf(CommentReplyRequestEvent);
      expect(event.comment).to.equal(comment);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(false);
    });

    it('reflects reply-open as aria-expanded', async () => {
      const el = await render(seedComments('en')[0]);
      const button = get(el, '[part="reply-button"]');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      el.replyOpen = true;
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      el.replyOpen = false;
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      el.setAttribute('reply-open', '');
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
    });

    it('no-reply hides the Reply button', async () => {
      const el = await fixture<CommentItem>(html`<comment-item no-reply .comment=${seedComments('en')[0]}></comment-item>`);
      expect(markup($(el, '[part="reply-button"]'))).to.equal(null);
      expect(markup($(el, '[part="actions"]'))).to.equal(null);
    });
  });

  describe('hostile data', () => {
    const hostileUrls = [
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      'java\tscript:x',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      '&#x6A;avascript:x',
      '&#106;avascript:x',
      'javascript&colon;alert(1)',
      'data:text/html,x',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/profile',
      '/relative/profile',
      'not a url',
    ];

    for (const url of hostileUrls) {
      it(`renders the author as plain text for url ${JSON.stringify(url)}`, async () => {
        const el = await render(makeComment('h', { author: { name: 'Mallory', url } }));
        expect(markup($(el, 'a'))).to.equal(null);
        const author = get(el, '[part="author"]');
        expect(author.localName).to.equal('span');
        expect(text(author)).to.equal('Mallory');
        expect(author.hasAttribute('href')).to.equal(false);
      });
    }

    for (const url of ['https://example.com/~nick?a=1&b=2', 'http://example.com/', 'mailto:nick@example.com']) {
      it(`links the author for url ${url}, with rel ugc nofollow`, async () => {
        const el = await render(makeComment('h', { author: { name: 'Nick', url } }));
        const link = get<HTMLAnchorElement>(el, 'a[part="author"]');
        expect(link.getAttribute('href')).to.equal(new URL(url).href);
        expect(text(link)).to.equal('Nick');
        const rel = link.rel.split(/\s+/);
        expect(rel).to.include.members(['nofollow', 'ugc', 'noopener']);
        expect(link.target).to.equal('_blank');
      });
    }

    it('shows a body with HTML as literal text, creating no element', async () => {
      (window as unknown as { __maoniXss?: number }).__maoniXss = undefined;
      const body = '<img src=x onerror="window.__maoniXss=1"> <script>window.__maoniXss=2</script> <a href="javascript:alert(1)">x</a>';
      const el = await render(makeComment('b', { body }));
      await aTimeout(50);
      const bodyEl = get(el, '[part="body"]');
      expect(markup(bodyEl.querySelector('img, script, a'))).to.equal(null);
      expect(bodyEl.textContent!.trim()).to.equal(body);
      expect((window as unknown as { __maoniXss?: number }).__maoniXss).to.equal(undefined);
    });

    it('shows an author name with HTML as literal text', async () => {
      const el = await render(makeComment('n', { author: { name: '<img src=x onerror=alert(1)>', url: 'https://example.com' } }));
      expect(markup($(el, 'img'))).to.equal(null);
      expect(text($(el, '[part="author"]'))).to.equal('<img src=x onerror=alert(1)>');
    });

    for (const avatarUrl of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'mailto:a@b.example', '&#x6A;avascript:x']) {
      it(`shows initials instead of an avatar for ${JSON.stringify(avatarUrl)}`, async () => {
        const el = await render(makeComment('a', { author: { name: 'Martech Zone', avatarUrl } }));
        expect(markup($(el, 'img'))).to.equal(null);
        const avatar = get(el, '[part="avatar"]');
        expect(avatar.localName).to.equal('span');
        expect(text(avatar)).to.equal('MZ');
        expect(avatar.getAttribute('aria-hidden')).to.equal('true');
      });
    }

    it('shows a valid https avatar as a lazy, no-referrer image', async () => {
      const el = await render(makeComment('a', { author: { name: 'Nick', avatarUrl: 'https://avatars.example/nick.png' } }));
      const img = get<HTMLImageElement>(el, 'img[part="avatar"]');
      expect(img.getAttribute('src')).to.equal('https://avatars.example/nick.png');
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('alt')).to.equal('');
    });

    it('falls back to initials when the avatar image fails to load', async () => {
      const el = await render(makeComment('a', { author: { name: 'Nick Stamoulis', avatarUrl: 'http://127.0.0.1:9/missing.png' } }));
      const img = get<HTMLImageElement>(el, 'img[part="avatar"]');
      // Lazy images off-screen may never load: ask for it now.
      img.loading = 'eager';
      await waitUntil(() => $(el, 'span[part="avatar"]'), 'no initials after the image failed', { timeout: 4000 });
      expect(text($(el, '[part="avatar"]'))).to.equal('NS');
      // A new comment tries its avatar again.
      el.comment = makeComment('b', { author: { name: 'Other', avatarUrl: 'https://avatars.example/other.png' } });
      await el.updateComplete;
      expect($(el, 'img[part="avatar"]')).to.exist;
    });

    it('keeps Devanagari initials whole', async () => {
      const el = await render(makeComment('a', { author: { name: 'अमिता शर्मा' } }));
      expect(text($(el, '[part="avatar"]'))).to.equal('अश');
    });
  });
});
