import { expect, fixture, html } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { Comment } from '../../../src/adapters/adapter.js';
import type { CommentItem } from '../../../src/components/comment-item/comment-item.js';
import type { LinkOptions } from '../../../src/core/links.js';
import { loadList } from '../../../src/components/shared/list-loader.js';
import { makeComment } from '../../support/seed.js';
import { $, $$, get, text } from '../../support/shadow.js';

async function render(body: string, options: { links?: LinkOptions; collapse?: number; author?: Comment['author'] } = {}): Promise<CommentItem> {
  await loadList();
  const comment = makeComment('1', { body, ...(options.author ? { author: options.author } : {}) });
  return fixture<CommentItem>(
    html`<comment-item .comment=${comment} .links=${options.links ?? {}} collapse-length=${options.collapse ?? 0}></comment-item>`
  );
}

const body = (el: CommentItem) => get(el, '[part="body"]');

describe('comment-item: rich text', () => {
  it('renders the markdown subset as elements with parts', async () => {
    const el = await render(
      [
        'Hello *there* and **welcome**, use `npm test`.',
        '> a quote with [a link](https://example.com/docs)',
        '- first',
        '- second',
        '3. three',
        '```',
        '<b>not bold</b>',
        '```',
      ].join('\n')
    );
    expect(text(get(el, 'em[part="emphasis"]'))).to.equal('there');
    expect(text(get(el, 'strong[part="strong"]'))).to.equal('welcome');
    expect(text(get(el, 'code[part="code"]'))).to.equal('npm test');
    const quote = get(el, 'blockquote[part="quote"]');
    expect(text(quote.querySelector('a[part="link"]'))).to.equal('a link');
    const [bullets, numbers] = $$(el, '[part="body-list"]');
    expect(bullets.localName).to.equal('ul');
    expect(bullets.querySelectorAll('li[part="body-list-item"]')).to.have.length(2);
    expect(numbers.localName).to.equal('ol');
    expect(numbers.getAttribute('start')).to.equal('3');
    const pre = get(el, 'pre[part="code-block"]');
    expect(pre.textContent).to.equal('<b>not bold</b>');
    expect(pre.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows raw HTML as the text it is', async () => {
    const hostile = '<img src=x onerror=alert(1)> <script>alert(1)</script> <a href="javascript:alert(1)">x</a>';
    const el = await render(hostile);
    expect(text(body(el))).to.equal(hostile);
    expect($(el, '[part="body"] img, [part="body"] script, [part="body"] a')).to.equal(null);
  });

  describe('links', () => {
    it('open in a new tab by default, as user-generated, with no referrer', async () => {
      const el = await render('see https://example.com/a and [docs](https://example.com/docs)');
      const links = $$<HTMLAnchorElement>(el, 'a[part="link"]');
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/a', 'https://example.com/docs']);
      for (const a of links) {
        expect(a.target).to.equal('_blank');
        expect(a.rel).to.equal('ugc nofollow noopener noreferrer');
      }
    });

    it('open in the same tab when the site owner says so; unknown targets fall back to a new tab', async () => {
      let el = await render('[a](https://example.com/a)', { links: { target: '_self' } });
      expect(get<HTMLAnchorElement>(el, 'a[part="link"]').target).to.equal('_self');
      el = await render('[a](https://example.com/a)', { links: { target: 'some-frame' } });
      expect(get<HTMLAnchorElement>(el, 'a[part="link"]').target).to.equal('_blank');
    });

    it('shows a link whose URL the policy rejects as the text that was written', async () => {
      for (const written of ['[x](javascript:alert(1))', '[x](<javascript:alert(1)>)', '[x](data:text/html,hi)', '[x](JaVaScRiPt:alert(1))', '[x](&#x6A;avascript:alert(1))']) {
        const el = await render(`before ${written} after`);
        expect($(el, '[part="body"] a'), written).to.equal(null);
        expect(text(body(el))).to.equal(`before ${written} after`);
      }
    });

    it('keeps relative URLs as text unless the site owner allows them', async () => {
      let el = await render('[about](/about) and [up](../x)');
      expect($(el, 'a[part="link"]')).to.equal(null);
      expect(text(body(el))).to.equal('[about](/about) and [up](../x)');
      el = await render('[about](/about)', { links: { allowRelative: true } });
      expect(get<HTMLAnchorElement>(el, 'a[part="link"]').href).to.equal(new URL('/about', document.baseURI).href);
      // Protocol-relative URLs lead to another site: never taken as relative.
      el = await render('[x](//evil.example/)', { links: { allowRelative: true } });
      expect($(el, 'a[part="link"]')).to.equal(null);
    });

    it('applies the relative-URL option to the author link too', async () => {
      const author = { name: 'Amina', url: '/users/amina' };
      let el = await render('hi', { author });
      expect($(el, 'a[part="author"]')).to.equal(null);
      el = await render('hi', { author, links: { allowRelative: true, target: '_self' } });
      const a = get<HTMLAnchorElement>(el, 'a[part="author"]');
      expect(a.href).to.equal(new URL('/users/amina', document.baseURI).href);
      expect(a.target).to.equal('_self');
    });
  });

  describe('mentions', () => {
    it('are a part, unlinked without a profile resolver', async () => {
      const el = await render('thanks @nick');
      const mention = get(el, '[part="mention"]');
      expect(mention.localName).to.equal('span');
      expect(text(mention)).to.equal('@nick');
    });

    it('link to the profile the adapter resolves, through the URL policy', async () => {
      const mentionUrl = (name: string) => (name === 'bad' ? 'javascript:alert(1)' : name === 'none' ? null : `https://example.com/u/${name}`);
      const el = await render('@nick @bad @none', { links: { mentionUrl } });
      const [nick, bad, none] = $$(el, '[part="mention"]');
      expect(nick.localName).to.equal('a');
      expect(nick.getAttribute('href')).to.equal('https://example.com/u/nick');
      expect(nick.getAttribute('rel')).to.equal('ugc nofollow noopener noreferrer');
      expect(bad.localName).to.equal('span');
      expect(none.localName).to.equal('span');
    });

    it('still show when the resolver throws', async () => {
      const el = await render('@nick', {
        links: {
          mentionUrl: () => {
            throw new Error('resolver down');
          },
        },
      });
      expect(text(get(el, 'span[part="mention"]'))).to.equal('@nick');
    });
  });

  describe('long bodies', () => {
    it('start collapsed with Show more, and Show less collapses them again', async () => {
      const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} is here.`).join(' ');
      const el = await render(long, { collapse: 200 });
      const button = get<HTMLButtonElement>(el, '[part="expand-button"]');
      expect(text(button)).to.equal('Show more');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(body(el).id);
      expect(text(body(el)).length).to.be.at.most(201);
      expect(text(body(el)).endsWith('…')).to.equal(true);
      button.click();
      await el.updateComplete;
      expect(text(body(el))).to.equal(long);
      expect(text(button)).to.equal('Show less');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      button.click();
      await el.updateComplete;
      expect(text(body(el)).length).to.be.at.most(201);
    });

    it('never collapse a body under the length, or when the length is 0', async () => {
      let el = await render('short', { collapse: 200 });
      expect($(el, '[part="expand-button"]')).to.equal(null);
      el = await render('x '.repeat(5000), { collapse: 0 });
      expect($(el, '[part="expand-button"]')).to.equal(null);
    });

    it('render a 1 MB body collapsed, and a 100,000-character word wraps inside the comment', async () => {
      const megabyte = 'word '.repeat(200_000);
      let el = await render(megabyte, { collapse: 1500 });
      expect(text(body(el)).length).to.be.below(1600);
      const word = 'x'.repeat(100_000);
      el = await render(word, { collapse: 1500 });
      get<HTMLButtonElement>(el, '[part="expand-button"]').click();
      await el.updateComplete;
      expect(text(body(el))).to.equal(word);
      const article = get(el, '[part="comment"]');
      expect(body(el).scrollWidth).to.be.at.most(article.clientWidth + 1);
      expect(el.getBoundingClientRect().width).to.be.at.most(document.documentElement.clientWidth);
    });

    it('scroll a long code line inside its block instead of widening the page', async () => {
      const el = await render('```\n' + 'x'.repeat(20_000) + '\n```');
      const pre = get(el, '[part="code-block"]');
      expect(pre.clientWidth).to.be.below(pre.scrollWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(document.documentElement.clientWidth);
      // A scrolling region is reachable by keyboard.
      expect(pre.tabIndex).to.equal(0);
    });
  });
});
