import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { clockRunning } from '../../src/core/clock.js';
import { loadLocale } from '../../src/i18n/locales.js';
import { Localization } from '../../src/i18n/localization.js';
import { get, items, threadReady } from '../support/shadow.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('relative times', () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  const ago = (ms: number) => new Date(now - ms);

  it('formats recent dates with Intl.RelativeTimeFormat, older ones not at all', () => {
    const en = new Localization('en', undefined);
    expect(en.relative(ago(10_000), now)).to.equal('now');
    expect(en.relative(ago(5 * minute), now)).to.equal('5 minutes ago');
    expect(en.relative(ago(2 * hour + 5 * minute), now)).to.equal('2 hours ago');
    expect(en.relative(ago(day + hour), now)).to.equal('yesterday');
    expect(en.relative(ago(3 * day), now)).to.equal('3 days ago');
    expect(en.relative(ago(31 * day), now)).to.equal('');
    expect(en.relative(new Date(now + 30_000), now)).to.equal('now');
    expect(en.relative(new Date(now + 2 * hour), now)).to.equal('');
    expect(en.relative(new Date('not a date'), now)).to.equal('');
  });

  it('uses each locale’s own words and digits', async () => {
    const sw = new Localization('sw', await loadLocale('sw'));
    const ar = new Localization('ar', await loadLocale('ar'));
    const hi = new Localization('hi', await loadLocale('hi'));
    expect(sw.relative(ago(2 * hour), now)).to.equal(new Intl.RelativeTimeFormat('sw', { numeric: 'auto' }).format(-2, 'hour'));
    expect(ar.relative(ago(3 * day), now)).to.equal(new Intl.RelativeTimeFormat('ar', { numeric: 'auto' }).format(-3, 'day'));
    expect(hi.relative(ago(5 * minute), now)).to.equal(new Intl.RelativeTimeFormat('hi', { numeric: 'auto' }).format(-5, 'minute'));
    expect(sw.relative(ago(2 * hour), now)).not.to.equal('2 hours ago');
  });

  it('shows a recent comment’s age and keeps the full date as its title', async () => {
    const created = new Date(Date.now() - 5 * minute - 5000).toISOString();
    const adapter = new MemoryAdapter({ comments: { t: [{ id: 'a', parentId: null, author: { name: 'A' }, body: 'x', createdAt: created }] } });
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    const time = get(items(el)[0], 'time');
    expect(time.textContent).to.equal('5 minutes ago');
    expect(time.getAttribute('datetime')).to.equal(created);
    expect(time.getAttribute('title')).to.include(String(new Date(created).getFullYear()));
  });

  it('runs one shared clock while a thread is connected, and none after', async () => {
    const adapter = new MemoryAdapter({ comments: { t: [] } });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <comment-thread thread="t" .adapter=${adapter}></comment-thread>
      <comment-thread thread="t" .adapter=${adapter}></comment-thread>
    </div>`);
    expect(clockRunning()).to.equal(true);
    wrapper.querySelectorAll('comment-thread')[0].remove();
    expect(clockRunning()).to.equal(true);
    wrapper.querySelectorAll('comment-thread')[0].remove();
    expect(clockRunning()).to.equal(false);
  });

  it('refreshes the shown age when the clock ticks, without reloading comments', async () => {
    const created = new Date(Date.now() - 2 * minute).toISOString();
    const adapter = new MemoryAdapter({ comments: { t: [{ id: 'a', parentId: null, author: { name: 'A' }, body: 'x', createdAt: created }] } });
    let lists = 0;
    const counting = { list: (...args: Parameters<MemoryAdapter['list']>) => (lists++, adapter.list(...args)), post: adapter.post.bind(adapter) };
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${counting}></comment-thread>`);
    await threadReady(el);
    const time = get(items(el)[0], 'time');
    expect(time.textContent).to.equal('2 minutes ago');
    // What a tick 10 minutes later delivers.
    (el as unknown as { now: number }).now = Date.now() + 10 * minute;
    await waitUntil(() => time.textContent === '12 minutes ago', `still shows ${time.textContent}`);
    expect(lists).to.equal(1);
  });
});
