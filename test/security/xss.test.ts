/**
 * The XSS suite: hundreds of classic payloads (xss-payloads.ts) in every field a commenter or a
 * backend controls — body, author name, author URL, avatar URL — and in the form's preview. Nothing
 * may run (alert and friends are trapped), and the rendered shadow DOM may hold no script-capable
 * element, no event handler attribute and no URL other than a normalized http(s)/mailto one, before
 * and after every link and button has been clicked. What looks like HTML shows as the text it is.
 */
import { expect } from '@open-wc/testing';
import '../support/readable-failures.js';
import '../../src/define.js';
import type { Comment, CommentAuthor, Viewer } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import type { CommentItem } from '../../src/components/comment-item/comment-item.js';
import { $, get, items, mainForm, settled, textareaOf, threadReady, typeInto } from '../support/shadow.js';
import { clickEverything, firstFew, frames, installTraps, invariantViolations, type Traps } from './dom-invariants.js';
import { dangerousUrls, xssPayloads } from './xss-payloads.js';

type Field = 'body' | 'author.name' | 'author.url' | 'author.avatarUrl';

const fields: readonly Field[] = ['body', 'author.name', 'author.url', 'author.avatarUrl'];
/** Comments per thread: enough to keep the suite fast, few enough for one page of the list. */
const batchSize = 100;
const viewer: Viewer = { id: 'me', name: 'Me' };
/** Written only without a scheme in the payloads: a rendered URL pointing there escaped the page's origin. */
const forbiddenHosts = ['offsite.invalid'];

/** Tags in a payload, as written (`<script`, `</svg`): each must show up in the rendered text. */
function tagsIn(payload: string): string[] {
  return payload.match(/<\/?[a-z][a-z0-9-]*(?=[\s>/])/gi) ?? [];
}

/** One comment with `payload` in `field`; ordinary values everywhere else. */
function commentWith(field: Field, payload: string, index: number, now: string): Comment {
  const author: CommentAuthor = { name: `Reader ${index}`, url: `https://x.com/reader/${index}` };
  if (field === 'author.name') author.name = payload;
  if (field === 'author.url') author.url = payload;
  if (field === 'author.avatarUrl') author.avatarUrl = payload;
  // Every third comment is the viewer's own (Edit and Delete appear), every fifth a reply.
  if (index % 3 === 0) author.id = viewer.id;
  return {
    id: `c${index}`,
    parentId: index % 5 === 4 ? `c${index - 1}` : null,
    author,
    body: field === 'body' ? payload : `Body of comment ${index} @Reader${index - 1}`,
    createdAt: now,
  };
}

interface MountOptions {
  allowRelative?: boolean;
  mentionUrl?: (name: string) => string | null | undefined;
}

/** A loaded thread holding `comments`, every comment rendered. */
async function mountThread(comments: Comment[], options: MountOptions = {}): Promise<CommentThread> {
  const adapter = new MemoryAdapter({ comments: { xss: comments }, viewer });
  Object.assign(adapter, { mentionUrl: options.mentionUrl ?? ((name: string) => `https://x.com/u/${encodeURIComponent(name)}`) });
  const el = document.createElement('comment-thread');
  el.thread = 'xss';
  el.lang = 'en';
  el.pageSize = comments.length;
  el.allowRelativeUrls = !!options.allowRelative;
  el.adapter = adapter;
  document.body.append(el);
  await threadReady(el);
  // Time for avatars to fail and fall back to initials, and for anything injected to fire.
  await frames(2);
  await settled(el);
  expect(items(el).length, 'every comment is rendered').to.equal(comments.length);
  return el;
}

/** Names the payload an element belongs to, from the comment-item around it. */
function labeller(payloadOf: (id: string) => string | undefined) {
  return (host: Element) => {
    if (host.localName !== 'comment-item') return undefined;
    const id = (host as CommentItem).comment?.id ?? '?';
    return `comment ${id} ${JSON.stringify(payloadOf(id) ?? '')}`;
  };
}

/** Clicks every link and button, then the ones that appeared (reply, edit and confirm forms), and waits. */
async function clickAll(el: CommentThread): Promise<number> {
  const clicked = new WeakSet<Element>();
  let count = 0;
  for (let pass = 0; pass < 2; pass++) {
    count += clickEverything(el, clicked);
    await settled(el);
    await frames(1);
    await settled(el);
  }
  return count;
}

/** Everything wrong with a rendered thread: broken invariants, trapped calls, errors. */
function problems(el: CommentThread, traps: Traps, payloadOf: (id: string) => string | undefined, when: string): string[] {
  return [
    ...invariantViolations(el, { forbiddenHosts, label: labeller(payloadOf) }).map((line) => `${when}: ${line}`),
    ...traps.calls.map((call) => `${when}: ran ${call}`),
    ...traps.errors.map((error) => `${when}: ${error}`),
  ];
}

describe('XSS: hostile comment content is shown, never run', function () {
  // Thousands of comments rendered and clicked: far more than one test's usual budget.
  this.timeout(60000);

  let traps: Traps;
  before(() => {
    traps = installTraps();
  });
  after(() => traps.uninstall());
  beforeEach(() => traps.reset());
  afterEach(() => document.querySelectorAll('comment-thread').forEach((el) => el.remove()));

  it(`covers ${xssPayloads.length} distinct payloads (at least 300), hundreds of them HTML and hundreds markdown links`, () => {
    expect(new Set(xssPayloads).size).to.equal(xssPayloads.length);
    expect(xssPayloads.length).to.be.at.least(300);
    expect(xssPayloads.filter((payload) => tagsIn(payload).length).length, 'payloads with HTML tags').to.be.at.least(250);
    expect(xssPayloads.filter((payload) => /^\[x\]\(/.test(payload)).length, 'payloads that are markdown links').to.be.at.least(250);
  });

  it('notices injected markup, and script that runs, when there is some (a control for the checks below)', async () => {
    // Built with DOM calls, as a broken renderer would: the checks must not pass vacuously.
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__xss("onerror")');
    img.setAttribute('src', 'data:,not an image');
    const link = document.createElement('a');
    link.setAttribute('href', 'javascript:window.__xss("link")');
    link.textContent = 'x';
    root.append(img, link, document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    document.body.append(host);
    try {
      const violations = invariantViolations(host).join('\n');
      expect(violations).to.contain('event handler attribute onerror');
      expect(violations).to.contain('src has the protocol data:');
      expect(violations).to.contain('href has the protocol javascript:');
      expect(violations).to.contain('forbidden element <svg>');
      expect(clickEverything(host)).to.equal(1);
      await frames(3);
      expect(traps.calls).to.include.members(['__xss("onerror")', 'navigation to "javascript:window.__xss(\\"link\\")"', '__xss("link")']);
    } finally {
      host.remove();
      traps.reset();
    }
  });

  /** What each field's test checks besides the invariants: how the value shows. */
  const shows: Record<Field, { title: string; check: (item: CommentItem, payload: string) => string | null }> = {
    body: {
      title: 'comment bodies, showing the HTML in them as literal text',
      check(item, payload) {
        const shown = get(item, '[part="body"]').textContent ?? '';
        const missing = tagsIn(payload).filter((tag) => !shown.includes(tag));
        if (missing.length) return `${JSON.stringify(missing)} missing from ${JSON.stringify(shown)}`;
        // A rejected `[x](url)` (a link to the parser: no spaces, or `<…>`) shows as written, not dropped.
        const squeeze = (text: string) => text.replace(/\s+/g, '');
        if (/^\[x\]\((?:[^\s<>[\]]+|<[^<>[\]\n]*>)\)$/.test(payload) && !$(item, 'a[part="link"]') && !squeeze(shown).includes(squeeze(payload))) {
          return `the rejected link shows as ${JSON.stringify(shown)}`;
        }
        return null;
      },
    },
    'author.name': {
      title: 'author names, showing each exactly as written',
      check(item, payload) {
        const author = get(item, '[part="author"]');
        if (author.children.length) return `the name became elements: ${author.innerHTML}`;
        return author.textContent === (payload.trim() || 'Anonymous') ? null : `the name shows as ${JSON.stringify(author.textContent)}`;
      },
    },
    'author.url': {
      title: 'author URLs, linking the name only to an http(s) or mailto URL',
      check(item, payload) {
        const link = $(item, 'a[part="author"]');
        return link && !/^(?:https?|mailto):/i.test(payload.trim()) ? `the name links to ${link.getAttribute('href')}` : null;
      },
    },
    'author.avatarUrl': {
      title: 'avatar URLs, showing initials instead of anything but an http(s) image',
      check(item, payload) {
        const avatar = get(item, '[part="avatar"]');
        if (avatar.localName === 'img') return /^https?:/i.test(payload.trim()) ? null : `the avatar loads ${avatar.getAttribute('src')}`;
        return /^R\d$/.test(avatar.textContent?.trim() ?? '') ? null : `the avatar shows ${JSON.stringify(avatar.textContent)}`;
      },
    },
  };

  for (const field of fields) {
    it(`renders ${xssPayloads.length} hostile ${shows[field].title}, running nothing and rendering no active markup, even after every link and button is clicked`, async () => {
      const found: string[] = [];
      const now = new Date().toISOString();
      let clicks = 0;
      for (let start = 0; start < xssPayloads.length; start += batchSize) {
        const batch = xssPayloads.slice(start, start + batchSize);
        const payloadOf = (id: string) => batch[Number(id.slice(1)) - start];
        const el = await mountThread(batch.map((payload, i) => commentWith(field, payload, start + i, now)));
        try {
          for (const item of items(el)) {
            const payload = payloadOf(item.comment!.id);
            const wrong = shows[field].check(item, payload);
            if (wrong) found.push(`${JSON.stringify(payload)}: ${wrong}`);
          }
          found.push(...problems(el, traps, payloadOf, 'rendered'));
          clicks += await clickAll(el);
          found.push(...problems(el, traps, payloadOf, 'after clicking'));
        } finally {
          el.remove();
          traps.reset();
        }
      }
      expect(firstFew(found), `problems with hostile ${field} values`).to.deep.equal([]);
      // The clicks happened: each comment has at least Reply and its author link.
      expect(clicks).to.be.at.least(xssPayloads.length * 2);
    });
  }

  it('previews hostile text in the comment form as inert text, even after clicking every link in it', async () => {
    const el = await mountThread([commentWith('body', 'An ordinary comment', 1, new Date().toISOString())]);
    const form = mainForm(el);
    get<HTMLButtonElement>(form, '[part="preview-button"]').click();
    await form.updateComplete;
    const found: string[] = [];
    const clicked = new WeakSet<Element>();
    for (const payload of xssPayloads) {
      await typeInto(textareaOf(form), payload);
      const preview = get(form, '[part="preview"]');
      for (const line of invariantViolations(form, { forbiddenHosts })) found.push(`${JSON.stringify(payload)}: ${line}`);
      const shown = preview.textContent ?? '';
      for (const tag of tagsIn(payload)) if (!shown.includes(tag)) found.push(`${JSON.stringify(payload)}: ${JSON.stringify(tag)} is not in the preview`);
      clickEverything(preview, clicked);
      found.push(...traps.calls.map((call) => `${JSON.stringify(payload)}: ran ${call}`), ...traps.errors);
      traps.reset();
    }
    await frames(2);
    found.push(...traps.calls, ...traps.errors);
    expect(firstFew(found)).to.deep.equal([]);
  });

  it('shows a mention as text when the site’s profile URL for it is hostile', async () => {
    const names = dangerousUrls.map((_, i) => `user${i}`);
    const urlOf = new Map(names.map((name, i) => [name, dangerousUrls[i]]));
    const body = names.map((name) => `@${name}`).join(' ');
    const el = await mountThread([commentWith('body', body, 1, new Date().toISOString())], {
      mentionUrl: (name) => {
        if (name === 'user0') throw new Error('the resolver failed');
        return urlOf.get(name);
      },
    });
    const item = items(el)[0];
    const linked = [...item.shadowRoot!.querySelectorAll('a[part="mention"]')].map((a) => a.textContent!.slice(1));
    // Only URLs written with an allowed scheme may become profile links (the breakout ones do).
    expect(linked.filter((name) => name === 'user0' || !/^(?:https?|mailto):/i.test(urlOf.get(name)!))).to.deep.equal([]);
    expect(linked.length).to.be.greaterThan(5);
    expect(get(item, '[part="body"]').textContent).to.equal(body);
    await clickAll(el);
    expect(problems(el, traps, () => body, 'after clicking')).to.deep.equal([]);
  });

  it('with relative URLs allowed, still links nothing off the page that was written without a scheme', async () => {
    const now = new Date().toISOString();
    const relative = ['/about', '../page', '?q=1', '#top', 'page.html'];
    const urls = [...dangerousUrls, ...relative];
    const comments = urls.map((url, i) => ({
      ...commentWith('body', `[x](${url}) [y](<${url}>)`, i, now),
      author: { name: `Reader ${i}`, url, avatarUrl: url },
    }));
    const el = await mountThread(comments, { allowRelative: true, mentionUrl: (name) => `//offsite.invalid/${name}` });
    const found = problems(el, traps, (id) => urls[Number(id.slice(1))], 'rendered');
    // The safe relative URLs do become links to this page's origin (the option works).
    for (const item of items(el).filter((it) => Number(it.comment!.id.slice(1)) >= dangerousUrls.length)) {
      const href = $(item, 'a[part="link"]')?.getAttribute('href');
      if (!href?.startsWith(location.origin)) found.push(`${JSON.stringify(item.comment!.body)} links to ${href}`);
    }
    await clickAll(el);
    found.push(...problems(el, traps, (id) => urls[Number(id.slice(1))], 'after clicking'));
    expect(firstFew(found)).to.deep.equal([]);
  });
});
