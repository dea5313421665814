/**
 * Moderation from the thread itself (issue 16): a viewer whose role is moderator or owner, with an
 * adapter that has `moderate`, gets Approve (on held comments), Spam and Remove on every comment;
 * readers never do. Verified readers (host-site SSO) show a badge; `sso-token` reaches the adapter.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { AdapterError, type Comment, type CommentAdapter, type ModerationAction, type Viewer } from '../../../src/adapters/adapter.js';
import { $, get, item, items, text, threadReady } from '../../support/shadow.js';
import { makeComment } from '../../support/seed.js';

interface Moderated extends CommentAdapter {
  calls: Array<{ commentId: string; action: ModerationAction }>;
  tokens: Array<string | null>;
  fail?: AdapterError;
}

/** A thread of three comments (one held, one spam) whose `moderate` answers like the server. */
function moderatedAdapter(viewer: Viewer | null): Moderated {
  const comments: Comment[] = [
    makeComment('c1', { author: { name: 'Amina', id: 'u1', verified: true } }),
    makeComment('c2', { status: 'pending', createdAt: '2024-03-01T12:01:00.000Z' }),
    makeComment('c3', { status: 'spam', createdAt: '2024-03-01T12:02:00.000Z' }),
  ];
  const statusAfter: Record<ModerationAction, Comment['status']> = { approve: 'published', restore: 'published', spam: 'spam', delete: 'deleted' };
  const adapter: Moderated = {
    calls: [],
    tokens: [],
    async list() {
      return { comments: comments.map((comment) => ({ ...comment })), nextCursor: null, total: comments.length };
    },
    async post(_thread, input) {
      return makeComment('new', { body: input.body });
    },
    async viewer() {
      return viewer;
    },
    async moderate(_thread, commentId, action) {
      adapter.calls.push({ commentId, action });
      if (adapter.fail) throw adapter.fail;
      const comment = comments.find((each) => each.id === commentId)!;
      comment.status = statusAfter[action];
      return { ...comment };
    },
    setIdentity(token) {
      adapter.tokens.push(token);
    },
  };
  return adapter;
}

async function threadOn(adapter: CommentAdapter, token = ''): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" sso-token=${token} .adapter=${adapter}></comment-thread>`);
  await threadReady(el);
  await waitUntil(() => items(el).every((each) => each.hasUpdated), 'the items did not render');
  return el;
}

const inItem = (el: CommentThread, id: string, selector: string) => item(el, id).shadowRoot!.querySelector<HTMLElement>(selector);

describe('comment-thread: moderation in place', () => {
  it('offers a moderator Approve on held comments, Spam and Remove on every comment, and stays accessible', async () => {
    const el = await threadOn(moderatedAdapter({ id: 'm', name: 'Mod', role: 'moderator' }));
    await waitUntil(() => inItem(el, 'c1', '[part="moderation"]'), 'no moderation tools');
    expect(inItem(el, 'c1', '[part="approve-button"]'), 'a published comment needs no approval').to.equal(null);
    expect(text(inItem(el, 'c1', '[part="spam-button"]'))).to.equal('Spam');
    expect(text(inItem(el, 'c1', '[part="remove-button"]'))).to.equal('Remove');
    expect(text(inItem(el, 'c2', '[part="approve-button"]'))).to.equal('Approve');
    expect(text(inItem(el, 'c2', '[part="status"]'))).to.equal('Awaiting moderation');
    expect(text(inItem(el, 'c3', '[part="status"]'))).to.equal('Spam');
    expect(inItem(el, 'c3', '[part="spam-button"]'), 'already spam').to.equal(null);
    expect(inItem(el, 'c3', '[part="approve-button"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('approving a held comment publishes it in place', async () => {
    const adapter = moderatedAdapter({ id: 'o', name: 'Owner', role: 'owner' });
    const el = await threadOn(adapter);
    await waitUntil(() => inItem(el, 'c2', '[part="approve-button"]'), 'no Approve');
    inItem(el, 'c2', '[part="approve-button"]')!.click();
    await waitUntil(() => !inItem(el, 'c2', '[part="status"]'), 'still marked as held');
    expect(adapter.calls).to.deep.equal([{ commentId: 'c2', action: 'approve' }]);
    expect(item(el, 'c2').comment!.status).to.equal('published');
    expect(inItem(el, 'c2', '[part="approve-button"]')).to.equal(null);
  });

  it('marking as spam and removing go through moderate(); a removed comment without replies leaves', async () => {
    const adapter = moderatedAdapter({ id: 'm', name: 'Mod', role: 'moderator' });
    const el = await threadOn(adapter);
    await waitUntil(() => inItem(el, 'c1', '[part="spam-button"]'), 'no Spam');
    inItem(el, 'c1', '[part="spam-button"]')!.click();
    await waitUntil(() => text(inItem(el, 'c1', '[part="status"]')) === 'Spam', 'not marked as spam');
    inItem(el, 'c1', '[part="remove-button"]')!.click();
    await waitUntil(() => !items(el).some((each) => each.comment!.id === 'c1'), 'the removed comment stayed');
    expect(adapter.calls.map((call) => call.action)).to.deep.equal(['spam', 'delete']);
  });

  it('a refused action shows its localized error under the comment, which stays', async () => {
    const adapter = moderatedAdapter({ id: 'm', name: 'Mod', role: 'moderator' });
    adapter.fail = new AdapterError('forbidden', 'not a moderator any more');
    const el = await threadOn(adapter);
    const errors: string[] = [];
    el.addEventListener('comment-error', (event) => errors.push(event.detail.operation));
    await waitUntil(() => inItem(el, 'c2', '[part="approve-button"]'), 'no Approve');
    inItem(el, 'c2', '[part="approve-button"]')!.click();
    await waitUntil(() => $(el, '[part="action-error"]'), 'no error shown');
    expect(text($(el, '[part="action-error"]'))).to.not.equal('');
    expect(errors).to.deep.equal(['moderate']);
    expect(item(el, 'c2').comment!.status).to.equal('pending');
  });

  it('readers, and adapters without moderate(), get no moderation tools', async () => {
    const reader = await threadOn(moderatedAdapter({ id: 'r', name: 'Reader', role: 'reader' }));
    expect(items(reader).some((each) => each.shadowRoot!.querySelector('[part="moderation"]'))).to.equal(false);
    const withoutModerate = moderatedAdapter({ id: 'm', name: 'Mod', role: 'moderator' });
    delete withoutModerate.moderate;
    const el = await threadOn(withoutModerate);
    expect(items(el).some((each) => each.shadowRoot!.querySelector('[part="moderation"]'))).to.equal(false);
  });
});

describe('comment-thread: verified readers', () => {
  it('shows a labelled badge beside a verified author, none beside others', async () => {
    const el = await threadOn(moderatedAdapter(null));
    const badge = inItem(el, 'c1', '[part="verified"]');
    expect(badge?.getAttribute('aria-label')).to.equal('Verified');
    expect(inItem(el, 'c2', '[part="verified"]')).to.equal(null);
  });

  it('says "Verified" in the thread\'s language', async () => {
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="sw" .adapter=${moderatedAdapter(null)}></comment-thread>`);
    await threadReady(el);
    await waitUntil(() => inItem(el, 'c1', '[part="verified"]')?.getAttribute('aria-label') === 'Imethibitishwa', 'no Swahili label');
  });

  it('hands sso-token to the adapter before it loads, and a new token loads the thread again', async () => {
    const adapter = moderatedAdapter(null);
    const lists: Array<string | null> = [];
    const list = adapter.list.bind(adapter);
    adapter.list = (threadId, options) => (lists.push(adapter.tokens.at(-1) ?? null), list(threadId, options));
    const el = await threadOn(adapter, 'token-1');
    expect(adapter.tokens).to.deep.equal(['token-1']);
    expect(lists).to.deep.equal(['token-1']);
    el.ssoToken = '';
    await waitUntil(() => lists.length === 2, 'signing out did not load the thread again');
    expect(adapter.tokens).to.deep.equal(['token-1', null]);
    expect(lists[1]).to.equal(null);
  });

  it('leaves an identity the page set with setIdentity() alone when there is no sso-token', async () => {
    const adapter = moderatedAdapter(null);
    await threadOn(adapter);
    expect(adapter.tokens).to.deep.equal([]);
    expect(get(await threadOn(adapter), '[part="heading"]')).to.exist;
  });
});
