import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { CommentCount } from '../../../src/components/comment-count/comment-count.js';
import type { CommentAdapter } from '../../../src/adapters/adapter.js';
import { text } from '../../support/shadow.js';

function countingAdapter(counts: Record<string, number>) {
  const calls: string[][] = [];
  const adapter: CommentAdapter = {
    list: async () => ({ comments: [] }),
    post: async () => {
      throw new Error('not used');
    },
    count: async (ids: string[]) => {
      calls.push(ids);
      return Object.fromEntries(ids.map((id) => [id, counts[id] ?? 0]));
    },
  };
  return { adapter, calls };
}

const shown = (el: Element) => text(el.shadowRoot?.querySelector('[part="count"]'));

describe('comment-count', () => {
  it('shares one count() call for every element on the page', async () => {
    const { adapter, calls } = countingAdapter({ a: 3, b: 1, c: 0 });
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">
      <comment-count thread="a" .adapter=${adapter}></comment-count>
      <comment-count thread="b" .adapter=${adapter}></comment-count>
      <comment-count thread="c" .adapter=${adapter}></comment-count>
      <comment-count thread="a" .adapter=${adapter}></comment-count>
    </div>`);
    const elements = [...wrapper.querySelectorAll('comment-count')];
    await waitUntil(() => elements.every((el) => shown(el)), 'counts did not render');
    expect(elements.map(shown)).to.deep.equal(['3 comments', '1 comment', '0 comments', '3 comments']);
    expect(calls).to.have.length(1);
    expect([...calls[0]].sort()).to.deep.equal(['a', 'b', 'c']);
  });

  it('speaks the page language with its plural rules', async () => {
    const { adapter } = countingAdapter({ a: 5 });
    const el = await fixture<CommentCount>(html`<comment-count lang="ru" thread="a" .adapter=${adapter}></comment-count>`);
    await waitUntil(() => shown(el), 'no count');
    expect(shown(el)).to.contain('5');
    expect(shown(el)).not.to.contain('comments');
  });

  it('falls back to list().total without count(), and to the default adapter', async () => {
    const adapter: CommentAdapter = {
      list: async () => ({ comments: [], total: 7 }),
      post: async () => {
        throw new Error('not used');
      },
    };
    CommentCount.defaultAdapter = adapter;
    try {
      const el = await fixture<CommentCount>(html`<comment-count lang="en" thread="x"></comment-count>`);
      await waitUntil(() => shown(el), 'no count');
      expect(shown(el)).to.equal('7 comments');
    } finally {
      CommentCount.defaultAdapter = undefined;
    }
  });

  it('shows a dash, not an exception, when counting fails', async () => {
    const adapter: CommentAdapter = {
      list: async () => ({ comments: [] }),
      post: async () => {
        throw new Error('not used');
      },
      count: async () => {
        throw new Error('down');
      },
    };
    const el = await fixture<CommentCount>(html`<comment-count lang="en" thread="x" .adapter=${adapter}></comment-count>`);
    await waitUntil(() => shown(el), 'nothing shown');
    expect(shown(el)).to.equal('–');
  });

  it('shows a dash after request-timeout when count() never answers', async () => {
    const adapter: CommentAdapter = {
      list: async () => ({ comments: [] }),
      post: async () => {
        throw new Error('not used');
      },
      count: () => new Promise<Record<string, number>>(() => {}),
    };
    const started = performance.now();
    const el = await fixture<CommentCount>(html`<comment-count lang="en" thread="x" request-timeout="150" .adapter=${adapter}></comment-count>`);
    await waitUntil(() => shown(el), 'nothing shown', { timeout: 3000 });
    expect(shown(el)).to.equal('–');
    expect(performance.now() - started).to.be.at.least(140);
  });
});

