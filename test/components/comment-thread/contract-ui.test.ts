/** The UI that the v1 adapter contract enables: paging, replies on demand, sort, edit, delete, reactions, realtime. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { $, $$, fillAndPost, get, headingText, items, text, threadReady } from '../../support/shadow.js';
import type { CommentItem } from '../../../src/components/comment-item/comment-item.js';
import { AdapterError } from '../../../src/adapters/adapter.js';
import { manyComments, pagedAdapter, type PagedAdapter } from '../../support/paged-adapter.js';

async function threadOn(adapter: PagedAdapter, pageSize = 100): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" page-size=${pageSize} .adapter=${adapter}></comment-thread>`);
  await threadReady(el);
  return el;
}

const ids = (el: CommentThread) => items(el).map((item) => item.comment!.id);

async function rendered(el: CommentThread): Promise<void> {
  await el.updateComplete;
  await Promise.all(items(el).map((item) => item.updateComplete));
}

describe('comment-thread: paging', () => {
  it('shows the first page, then appends the next on "Load more comments" until there is none', async () => {
    const adapter = pagedAdapter(manyComments(25));
    const el = await threadOn(adapter, 10);
    expect(ids(el)).to.have.length(10);
    expect(headingText(el)).to.equal('25 Comments');
    get<HTMLButtonElement>(el, '[part="load-more"]').click();
    await waitUntil(() => ids(el).length === 20, 'the second page did not arrive');
    get<HTMLButtonElement>(el, '[part="load-more"]').click();
    await waitUntil(() => ids(el).length === 25, 'the last page did not arrive');
    await el.updateComplete;
    expect($(el, '[part="load-more"]')).to.equal(null);
    expect(new Set(ids(el)).size).to.equal(25);
    expect(adapter.lists.map((options) => options.cursor ?? null)).to.deep.equal([null, '10', '20']);
  });

  it('keeps the loaded comments and says so when loading more fails', async () => {
    const adapter = pagedAdapter(manyComments(15));
    const el = await threadOn(adapter, 10);
    adapter.list = async () => {
      throw Object.assign(new Error('offline'), { code: 'network' });
    };
    const errors: string[] = [];
    el.addEventListener('comment-error', (event) => errors.push(event.detail.operation));
    get<HTMLButtonElement>(el, '[part="load-more"]').click();
    await waitUntil(() => $(el, '[part="error"]'), 'no error shown');
    await waitUntil(() => errors.length === 1, 'no comment-error event');
    expect(errors).to.deep.equal(['more']);
    expect(ids(el)).to.have.length(10);
    expect(text($(el, '[part="error"]'))).to.contain('More comments could not be loaded.');
    expect($(el, '[part="load-more"]')).not.to.equal(null);
  });

  it('offers "Show N more replies" where replyCount exceeds the loaded replies, and loads them', async () => {
    const adapter = pagedAdapter(manyComments(2, [['c1', 5]]), { inline: 2 });
    const el = await threadOn(adapter);
    expect(ids(el)).to.deep.equal(['c1', 'c1-r1', 'c1-r2', 'c2']);
    const more = get<HTMLButtonElement>(el, '[part="more-replies"]');
    expect(text(more)).to.equal('Show 3 more replies');
    more.click();
    await waitUntil(() => ids(el).length === 7, 'replies did not load');
    expect(ids(el)).to.deep.equal(['c1', 'c1-r1', 'c1-r2', 'c1-r3', 'c1-r4', 'c1-r5', 'c2']);
    expect($(el, '[part="more-replies"]')).to.equal(null);
    const replyList = adapter.lists.find((options) => options.parentId === 'c1')!;
    expect(replyList.sort).to.equal('oldest');
  });

  it('says "Show 1 reply" in the singular when none is shown yet, and localizes it', async () => {
    const adapter = pagedAdapter(manyComments(1, [['c1', 1]]), { inline: 0 });
    const el = await threadOn(adapter);
    expect(text(get(el, '[part="more-replies"]'))).to.equal('Show 1 reply');
    el.setAttribute('lang', 'sw');
    await waitUntil(() => text($(el, '[part="more-replies"]')) !== 'Show 1 reply', 'not localized');
    expect(text(get(el, '[part="more-replies"]'))).to.match(/1/);
  });

  it('a reply taken back with Edit leaves its parent\'s reply count as it was (no "Show 1 more reply")', async () => {
    const adapter = pagedAdapter(manyComments(1, [['c1', 2]]), { inline: 2 });
    adapter.post = () => Promise.reject(new AdapterError('validation', 'refused'));
    const el = await threadOn(adapter);
    expect($(el, '[part="more-replies"]')).to.equal(null);
    get<HTMLButtonElement>(items(el)[0], '[part="reply-button"]').click();
    await rendered(el);
    const form = get<CommentForm>(el, '[part="reply-form"] comment-form');
    await fillAndPost(form, 'a reply that is refused');
    let local: CommentItem | undefined;
    await waitUntil(() => (local = items(el).find((i) => i.comment!.id.startsWith('local:')))?.shadowRoot?.querySelector('[part="delivery-button"]'), 'not shown as not sent');
    $$<HTMLButtonElement>(local!, '[part="delivery-button"]').find((b) => text(b) === 'Edit')!.click();
    await waitUntil(() => !items(el).some((i) => i.comment!.id.startsWith('local:')), 'not taken back');
    await rendered(el);
    expect(ids(el)).to.deep.equal(['c1', 'c1-r1', 'c1-r2']);
    expect($(el, '[part="more-replies"]')).to.equal(null);
    expect(headingText(el)).to.equal('3 Comments');
  });
});

describe('comment-thread: a 5,000-comment thread', () => {
  it('pages through every comment exactly once', async function () {
    this.timeout(30000);
    const adapter = pagedAdapter(manyComments(5000));
    const el = await threadOn(adapter, 1000);
    expect(headingText(el)).to.equal('5,000 Comments');
    for (let page = 2; page <= 5; page++) {
      get<HTMLButtonElement>(el, '[part="load-more"]').click();
      await waitUntil(() => ids(el).length === page * 1000, `page ${page} did not arrive`, { timeout: 10000 });
    }
    await el.updateComplete;
    expect(new Set(ids(el)).size).to.equal(5000);
    expect(ids(el)[4999]).to.equal('c5000');
    expect($(el, '[part="load-more"]')).to.equal(null);
  });
});

describe('comment-thread: sort menu', () => {
  it('appears only when the adapter has two or more sorts, and reloads in the chosen order', async () => {
    const plain = await threadOn(pagedAdapter(manyComments(3)));
    expect($(plain, '[part="sort"]')).to.equal(null);

    const adapter = pagedAdapter(manyComments(3), { capabilities: true });
    const el = await threadOn(adapter);
    const select = get<HTMLSelectElement>(el, '[part="sort-select"]');
    expect([...select.options].map((option) => option.value)).to.deep.equal(['oldest', 'newest']);
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => ids(el)[0] === 'c3', 'did not re-sort');
    expect(el.sort).to.equal('newest');
    expect(adapter.lists.at(-1)!.sort).to.equal('newest');
  });
});

describe('comment-thread: edit, delete and reactions', () => {
  it('shows Edit and Delete only where the adapter can and the comment allows it', async () => {
    const comments = manyComments(2);
    comments[1].can = { edit: false, delete: false };
    const el = await threadOn(pagedAdapter(comments, { capabilities: true }));
    await rendered(el);
    const [mine, theirs] = items(el);
    expect($(mine, '[part="edit-button"]')).not.to.equal(null);
    expect($(mine, '[part="delete-button"]')).not.to.equal(null);
    expect($(theirs, '[part="edit-button"]')).to.equal(null);
    const noCapability = await threadOn(pagedAdapter(manyComments(1)));
    await rendered(noCapability);
    expect($(items(noCapability)[0], '[part="edit-button"]')).to.equal(null);
  });

  it('edits in place: the form starts with the text, Save updates the comment, focus returns to Edit', async () => {
    const adapter = pagedAdapter(manyComments(1), { capabilities: true });
    const el = await threadOn(adapter);
    await rendered(el);
    get<HTMLButtonElement>(items(el)[0], '[part="edit-button"]').click();
    await el.updateComplete;
    const form = get<CommentForm>(el, 'comment-form[mode="edit"]');
    await form.updateComplete;
    const textarea = get<HTMLTextAreaElement>(form, 'textarea');
    expect(textarea.value).to.equal('Comment 1');
    textarea.value = 'Comment 1, corrected';
    textarea.dispatchEvent(new InputEvent('input'));
    get<HTMLButtonElement>(form, '[part="submit"]').click();
    await waitUntil(() => !$(el, 'comment-form[mode="edit"]'), 'the edit form did not close');
    await rendered(el);
    expect(text(get(items(el)[0], '[part="body"]'))).to.equal('Comment 1, corrected');
    expect($(items(el)[0], '[part="edited"]')).not.to.equal(null);
    expect(adapter.comments[0].body).to.equal('Comment 1, corrected');
  });

  it('asks before deleting; a comment with replies leaves a tombstone, one without goes', async () => {
    const comments = manyComments(2, [['c1', 1]]);
    const adapter = pagedAdapter(comments, { capabilities: true, inline: 1 });
    const el = await threadOn(adapter);
    await rendered(el);
    const item = items(el)[0];
    get<HTMLButtonElement>(item, '[part="delete-button"]').click();
    await item.updateComplete;
    expect(text(get(item, '[part="confirm"]'))).to.contain('Delete this comment?');
    expect(adapter.comments[0].status).to.equal(undefined);
    get<HTMLButtonElement>(item, '[part="confirm"] [part="delete-button"]').click();
    await waitUntil(() => adapter.comments[0].status === 'deleted', 'not deleted');
    await rendered(el);
    expect(text(get(items(el)[0], '[part="deleted"]'))).to.equal('This comment was deleted.');
    expect(ids(el)).to.deep.equal(['c1', 'c1-r1', 'c2']);

    const leaf = items(el)[2];
    get<HTMLButtonElement>(leaf, '[part="delete-button"]').click();
    await leaf.updateComplete;
    get<HTMLButtonElement>(leaf, '[part="confirm"] [part="delete-button"]').click();
    await waitUntil(() => ids(el).length === 2, 'the leaf did not go');
    expect(ids(el)).to.deep.equal(['c1', 'c1-r1']);
  });

  it('votes up and down with aria-pressed and the score between', async () => {
    const adapter = pagedAdapter(manyComments(1), { capabilities: true });
    const el = await threadOn(adapter);
    await rendered(el);
    const [up, down] = $$<HTMLButtonElement>(items(el)[0], '[part="reaction"]');
    expect(up.getAttribute('aria-label')).to.equal('Upvote');
    expect(down.getAttribute('aria-label')).to.equal('Downvote');
    up.click();
    await waitUntil(() => text($(items(el)[0], '[part="score"]')) === '1', 'score did not rise');
    await rendered(el);
    expect($$(items(el)[0], '[part="reaction"]')[0].getAttribute('aria-pressed')).to.equal('true');
  });

  it('shows why an action failed, under its comment', async () => {
    const adapter = pagedAdapter(manyComments(1), { capabilities: true });
    adapter.react = async () => {
      throw Object.assign(new Error('nope'), { code: 'forbidden' });
    };
    const el = await threadOn(adapter);
    await rendered(el);
    const errors: string[] = [];
    el.addEventListener('comment-error', (event) => errors.push(event.detail.operation));
    $$<HTMLButtonElement>(items(el)[0], '[part="reaction"]')[0].click();
    await waitUntil(() => $(el, '[part="action-error"]'), 'no error');
    expect(errors).to.deep.equal(['react']);
    expect(text($(el, '[part="action-error"]'))).to.equal('You are not allowed to do that.');
  });
});

describe('comment-thread: realtime', () => {
  it('queues comments from others behind a "N new comments — show" button, then shows them', async () => {
    const adapter = pagedAdapter(manyComments(2), { capabilities: true });
    const el = await threadOn(adapter);
    const incoming = (id: string) => ({ id, parentId: null, author: { name: 'Live' }, body: `live ${id}`, createdAt: new Date().toISOString() });
    adapter.emit({ type: 'created', comment: incoming('x1') });
    adapter.emit({ type: 'created', comment: incoming('x2') });
    adapter.emit({ type: 'created', comment: incoming('x2') });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['c1', 'c2']);
    const banner = get<HTMLButtonElement>(el, '[part="new-comments"]');
    expect(text(banner)).to.equal('2 new comments — show');
    banner.click();
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['c1', 'c2', 'x1', 'x2']);
    expect($(el, '[part="new-comments"]')).to.equal(null);
    expect(headingText(el)).to.equal('4 Comments');
  });

  it('applies edits and deletions in place, keeping what this reader may do', async () => {
    const adapter = pagedAdapter(manyComments(1), { capabilities: true });
    const el = await threadOn(adapter);
    adapter.emit({ type: 'edited', comment: { ...adapter.comments[0], body: 'changed elsewhere', can: {} } });
    await rendered(el);
    expect(text(get(items(el)[0], '[part="body"]'))).to.equal('changed elsewhere');
    expect($(items(el)[0], '[part="edit-button"]')).not.to.equal(null);
  });

  it('ignores the echo of the reader’s own post', async () => {
    const adapter = pagedAdapter(manyComments(1), { capabilities: true });
    const el = await threadOn(adapter);
    const created = await adapter.post('t', { parentId: null, body: 'mine', author: { name: 'Me' } }, { idempotencyKey: 'k' });
    // What the thread does after a successful post, then the server's broadcast of the same comment.
    (el as unknown as { store: { insert(c: unknown): unknown } }).store.insert(created);
    adapter.emit({ type: 'created', comment: created });
    await el.updateComplete;
    expect($(el, '[part="new-comments"]')).to.equal(null);
  });

  it('stops listening when the thread changes or leaves the page', async () => {
    const adapter = pagedAdapter(manyComments(1), { capabilities: true });
    let active = 0;
    const subscribe = adapter.subscribe!.bind(adapter);
    adapter.subscribe = (thread, onEvent) => {
      active++;
      const stop = subscribe(thread, onEvent);
      return () => {
        active--;
        stop();
      };
    };
    const el = await threadOn(adapter);
    expect(active).to.equal(1);
    el.thread = 'other';
    await waitUntil(() => active === 1 && el.thread === 'other', 'did not resubscribe');
    el.remove();
    expect(active).to.equal(0);
  });
});

describe('comment-thread: accessibility of the capability UI', () => {
  it('passes axe with votes, owner actions, a sort menu, more replies, load more and the new-comments banner', async () => {
    const adapter = pagedAdapter(manyComments(3, [['c1', 4]]), { capabilities: true, inline: 1 });
    const el = await threadOn(adapter, 2);
    adapter.emit({ type: 'created', comment: { id: 'live', parentId: null, author: { name: 'Live' }, body: 'hi', createdAt: new Date().toISOString() } });
    await rendered(el);
    expect($(el, '[part="new-comments"]')).not.to.equal(null);
    expect($(el, '[part="more-replies"]')).not.to.equal(null);
    expect($(el, '[part="load-more"]')).not.to.equal(null);
    expect($(el, '[part="sort"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('passes axe while editing and while confirming a delete, in Arabic (RTL)', async () => {
    const adapter = pagedAdapter(manyComments(2), { capabilities: true });
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="ar" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    await rendered(el);
    get<HTMLButtonElement>(items(el)[1], '[part="delete-button"]').click();
    get<HTMLButtonElement>(items(el)[0], '[part="edit-button"]').click();
    await rendered(el);
    await get<CommentForm>(el, 'comment-form[mode="edit"]').updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('comment-thread: rendering work', () => {
  it('does not re-render unchanged comments when the thread renders again', async () => {
    const el = await threadOn(pagedAdapter(manyComments(3)));
    await rendered(el);
    const item = items(el)[0];
    let renders = 0;
    const render = item.render.bind(item);
    item.render = () => (renders++, render());
    // What a clock tick that changes no shown date, or any other thread update, does.
    el.requestUpdate();
    await rendered(el);
    expect(renders).to.equal(0);
  });
});
