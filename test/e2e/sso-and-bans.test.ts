/**
 * Signed-in readers and bans end to end (issue 16), on the real reference server the test runner
 * mounts under /api: a reader the host site signed in (`sso-token`) posts without typing a name
 * and shows with the verified badge; a forged token and a banned author each get the reader's own
 * words for what went wrong, and the comment they wrote stays on the page to send again.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SignJWT } from 'jose';
import '../../src/define.js';
import { RestAdapter } from '../../src/adapters/rest.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import type { CommentItem } from '../../src/components/comment-item/comment-item.js';
import { signInAsOwner, signOut } from '../support/owner-session.js';
import { $, fillAndPost, get, items, mainForm, nameInputOf, text, threadReady } from '../support/shadow.js';

/** The secret of web-test-runner.config.mjs: the host site's, as the site would sign. */
const secret = new TextEncoder().encode('the maoni test host site secret, 32+ characters');
const sign = (claims: Record<string, string>, key = secret) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(key);

async function thread(name: string, token = ''): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread=${name} lang="en" sso-token=${token} .adapter=${new RestAdapter({ baseUrl: '/api', credentials: 'omit' })}></comment-thread>`);
  await threadReady(el);
  return el;
}

/** The comment with this text once the server has it (not a local copy). */
async function posted(el: CommentThread, body: string): Promise<CommentItem> {
  let found: CommentItem | undefined;
  await waitUntil(() => (found = items(el).find((i) => i.comment?.body === body && !i.comment.id.startsWith('local:'))), `"${body}" was not posted`);
  return found!;
}

/** The comment with this text, kept on the page as not sent, and what it says about why. */
async function notSent(el: CommentThread, body: string): Promise<string> {
  let found: CommentItem | undefined;
  await waitUntil(() => {
    found = items(el).find((i) => i.comment?.body === body && i.comment.id.startsWith('local:'));
    return found?.shadowRoot?.querySelector('[part="delivery-button"]');
  }, `"${body}" is not kept as not sent`);
  return text(get(found!, '[part="delivery"]'));
}

describe('signed-in readers and bans end to end', function () {
  this.timeout(20_000);

  it('a reader the site signed in posts without a name field and shows as verified, to other readers too', async () => {
    const name = `e2e/sso-${Date.now()}`;
    const el = await thread(name, await sign({ sub: 'reader-1', name: 'Neema Mushi' }));
    await waitUntil(() => !nameInputOf(mainForm(el)), 'the form still asks a signed-in reader for a name');
    await fillAndPost(mainForm(el), 'Makala nzuri sana');
    const mine = await posted(el, 'Makala nzuri sana');
    expect(text(get(mine, '[part="author"]'))).to.contain('Neema Mushi');
    expect(get(mine, '[part="verified"]').getAttribute('aria-label')).to.equal('Verified');

    const someoneElse = await thread(name);
    const seen = await posted(someoneElse, 'Makala nzuri sana');
    expect($(seen, '[part="verified"]'), 'another reader sees the badge').to.not.equal(null);
  });

  it('a forged token: the post is refused, the reader is told to sign in again, the text is kept', async () => {
    const forged = await sign({ sub: 'reader-1', name: 'Neema Mushi' }, new TextEncoder().encode('not the site secret, but long enough anyway'));
    const el = await thread(`e2e/forged-${Date.now()}`, forged);
    await fillAndPost(mainForm(el), 'Signed by someone else', 'Neema Mushi');
    expect(await notSent(el, 'Signed by someone else')).to.equal('Not sent. Your sign-in has expired. Sign in again, then send your comment.');
  });

  it('a banned author is told so in their language, and keeps what they wrote', async () => {
    const name = `e2e/banned-${Date.now()}`;
    const el = await thread(name, await sign({ sub: `troll-${Date.now()}`, name: 'Troll' }));
    await fillAndPost(mainForm(el), 'First, before the ban');
    const first = await posted(el, 'First, before the ban');
    await signInAsOwner();
    try {
      const ban = await fetch('/api/moderation/bans', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ commentId: first.comment!.id }) });
      expect(ban.status).to.equal(201);
    } finally {
      await signOut();
    }
    await fillAndPost(mainForm(el), 'After the ban');
    expect(await notSent(el, 'After the ban')).to.equal('Not sent. The moderators have stopped you from commenting here.');
    el.lang = 'sw';
    await waitUntil(() => items(el).some((i) => /Wasimamizi wamekuzuia/.test(i.shadowRoot?.querySelector('[part="delivery"]')?.textContent ?? '')), 'not said in Swahili');
  });
});
