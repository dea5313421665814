/**
 * The owner's side end to end (issue 16), on the real reference server the test runner mounts
 * under /api (its owner: owner@maoni.test): a comment the spam screen held is approved from the
 * moderation page and appears in a reader's open thread live; the same from the thread's own
 * moderation tools. The reader's adapter sends no cookies, so it stays a reader.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/admin.js';
import { RestAdapter } from '../../src/adapters/rest.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import type { CommentModeration } from '../../src/components/comment-moderation/comment-moderation.js';
import { $, item, items, threadReady } from '../support/shadow.js';
import { SignJWT } from 'jose';
import { find, rowButton } from '../components/comment-moderation/fake-client.js';
import { owner, signInAsOwner, signOut } from '../support/owner-session.js';


/** A comment posted as some reader would (no cookies). */
async function postAsReader(thread: string, body: string): Promise<{ id: string; status: string }> {
  const response = await fetch(`/api/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${crypto.randomUUID()}`, 'x-maoni-client': 'e2e-reader-client-key-0001' },
    body: JSON.stringify({ parentId: null, body, author: { name: 'Zawadi' } }),
  });
  return response.json();
}

/** A thread with one published comment, and one the spam screen holds (three links). */
async function heldComment(thread: string, body: string): Promise<string> {
  expect((await postAsReader(thread, 'Habari, a published comment')).status).to.equal('published');
  const held = await postAsReader(thread, `${body} https://a.example https://b.example https://c.example`);
  expect(held.status).to.equal('pending');
  return held.id;
}

/** The moderation page, signed in as the owner. */
async function signedInPage(): Promise<CommentModeration> {
  const page = await fixture<CommentModeration>(html`<comment-moderation lang="en" base-url="/api"></comment-moderation>`);
  const form = await find<HTMLFormElement>(page, '[part="sign-in-form"]');
  (form.elements.namedItem('email') as HTMLInputElement).value = owner.email;
  (form.elements.namedItem('password') as HTMLInputElement).value = owner.password;
  $<HTMLButtonElement>(page, '[part="sign-in-button"]')!.click();
  return page;
}

async function readerThread(thread: string): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread=${thread} lang="en" .adapter=${new RestAdapter({ baseUrl: '/api', credentials: 'omit' })}></comment-thread>`);
  await threadReady(el);
  return el;
}

/** The reader's live banner, clicked: the approved comment is in the list. */
async function seenLive(reader: CommentThread, id: string): Promise<void> {
  await waitUntil(() => $(reader, '[part="new-comments"]'), 'the reader got no live update', { timeout: 5000 });
  $<HTMLButtonElement>(reader, '[part="new-comments"]')!.click();
  await waitUntil(() => items(reader).some((each) => each.comment?.id === id), 'the approved comment is not in the reader’s list');
}

describe('moderation end to end', function () {
  // Two pages, a sign-in (scrypt) and a live stream: more than a unit test's 5 s on a busy machine.
  this.timeout(20_000);
  afterEach(async () => {
    // The session cookie is the browser's: sign out, so no other test runs as the owner.
    await signOut();
  });

  it('a held comment approved on the moderation page appears in the reader’s thread, live', async () => {
    const thread = `e2e/admin-${Date.now()}`;
    const id = await heldComment(thread, 'Approve me from the queue');
    const reader = await readerThread(thread);
    expect(items(reader).map((each) => each.comment?.id)).to.not.include(id);

    const page = await signedInPage();
    await waitUntil(() => { try { return !!rowButton(page, id, 'approve-button'); } catch { return false; } }, 'the held comment is not in the queue');
    rowButton(page, id, 'approve-button').click();

    await seenLive(reader, id);
  });

  it('the same from the thread’s own tools: the owner sees the held comment, marked, and approves it', async () => {
    const thread = `e2e/in-thread-${Date.now()}`;
    const id = await heldComment(thread, 'Approve me in place');
    const reader = await readerThread(thread);
    await signInAsOwner();

    const moderator = await fixture<CommentThread>(html`<comment-thread thread=${thread} lang="en" .adapter=${new RestAdapter({ baseUrl: '/api' })}></comment-thread>`);
    await threadReady(moderator);
    await waitUntil(() => item(moderator, id).shadowRoot?.querySelector('[part="approve-button"]'), 'no Approve in the thread');
    expect(item(moderator, id).shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal('Awaiting moderation');
    item(moderator, id).shadowRoot!.querySelector<HTMLButtonElement>('[part="approve-button"]')!.click();
    await waitUntil(() => !item(moderator, id).shadowRoot?.querySelector('[part="status"]'), 'still marked as held');

    await seenLive(reader, id);
  });

  it('a ban from the moderation page stops the author’s next comment (403, reason banned)', async () => {
    // A reader the host site signed in, banned by id: a ban by address would stop every test here.
    const secret = new TextEncoder().encode('the maoni test host site secret, 32+ characters');
    const token = await new SignJWT({ sub: `e2e-troll-${Date.now()}`, name: 'Troll' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(secret);
    const post = (body: string) =>
      fetch(`/api/threads/${encodeURIComponent(`e2e/ban-${Date.now()}`)}/comments`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `e2e-${crypto.randomUUID()}` },
        body: JSON.stringify({ parentId: null, body }),
      });
    const held = await (await post('Buy now https://a.example https://b.example https://c.example')).json();
    expect(held.status).to.equal('pending');

    const page = await signedInPage();
    await waitUntil(() => { try { return !!rowButton(page, held.id, 'ban-button'); } catch { return false; } }, 'the held comment is not in the queue');
    rowButton(page, held.id, 'ban-button').click();
    (await find<HTMLButtonElement>(page, '[part="confirm-button"]')).click();
    await waitUntil(() => page.shadowRoot!.querySelector('[part="banned"]'), 'the row does not say the author is banned');

    const refused = await post('Let me back in');
    expect(refused.status).to.equal(403);
    expect((await refused.json()).error.reason).to.equal('banned');
  });
});
