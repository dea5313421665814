import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/admin.js';
import { CommentModeration } from '../../../src/components/comment-moderation/comment-moderation.js';
import { RestModerationClient } from '../../../src/components/comment-moderation/moderation-client.js';
import type { ModerationActionEvent, ModerationErrorEvent } from '../../../src/components/comment-moderation/moderation-events.js';
import { AdapterError } from '../../../src/core/errors.js';
import { $, $$, FakeModerationClient, comment, find, row, rowButton, rowIds, tabCount, text } from './fake-client.js';

async function mount(client: FakeModerationClient, lang = 'en') {
  const el = await fixture<CommentModeration>(html`<comment-moderation lang=${lang} .client=${client}></comment-moderation>`);
  return el;
}

/** Mounted and signed in, with the pending list shown. */
async function queue(client: FakeModerationClient, lang = 'en') {
  const el = await mount(client, lang);
  await waitUntil(() => $(el, '[part="list"]') || $(el, '[part="empty"]'), 'the queue did not show');
  return el;
}

async function signInWith(el: CommentModeration, email: string, password: string) {
  const form = await find<HTMLFormElement>(el, '[part="sign-in-form"]');
  (form.elements.namedItem('email') as HTMLInputElement).value = email;
  (form.elements.namedItem('password') as HTMLInputElement).value = password;
  $<HTMLButtonElement>(el, '[part="sign-in-button"]')!.click();
}

describe('comment-moderation: signing in', () => {
  it('is accessible signed out', async () => {
    const el = await mount(new FakeModerationClient([], { signedIn: false }));
    await find(el, '[part="sign-in-form"]');
    await expect(el).to.be.accessible();
    expect(text($(el, '[part="heading"]'))).to.equal('Sign in to moderate comments');
    // No queue, no account, before signing in.
    expect($(el, '[part="tabs"]')).to.equal(null);
    expect($(el, '[part="sign-out"]')).to.equal(null);
  });

  it('shows a wrong password as the localized 401, clears the password and focuses it', async () => {
    const client = new FakeModerationClient([], { signedIn: false });
    const el = await mount(client);
    await signInWith(el, client.account.email, 'wrong');
    const error = await find(el, '[part="sign-in-error"]');
    expect(text(error)).to.equal('Wrong email or password.');
    expect(error.getAttribute('role')).to.equal('alert');
    const password = $<HTMLInputElement>(el, '#password')!;
    expect(password.value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(password);
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says the 401 in the page language', async () => {
    const client = new FakeModerationClient([], { signedIn: false });
    const el = await mount(client, 'sw');
    await waitUntil(() => text($(el, '[part="heading"]')) === 'Ingia ili kusimamia maoni', 'not in Swahili');
    await signInWith(el, client.account.email, 'wrong');
    expect(text(await find(el, '[part="sign-in-error"]'))).to.equal('Barua pepe au nenosiri si sahihi.');
  });

  it('says when to try again after too many attempts (429)', async () => {
    const client = new FakeModerationClient([], { signedIn: false });
    const el = await mount(client);
    client.failures.set('signIn', new AdapterError('rate_limited', 'slow down', { retryAfter: 30 }));
    await signInWith(el, client.account.email, client.account.password);
    expect(text(await find(el, '[part="sign-in-error"]'))).to.equal('Too many attempts. Try again in 30 seconds.');
    client.failures.set('signIn', new AdapterError('rate_limited', 'slow down', { retryAfter: 1 }));
    await signInWith(el, client.account.email, client.account.password);
    await waitUntil(() => text($(el, '[part="sign-in-error"]')) === 'Too many attempts. Try again in 1 second.', 'singular');
    client.failures.set('signIn', new AdapterError('rate_limited', 'slow down'));
    await signInWith(el, client.account.email, client.account.password);
    await waitUntil(() => text($(el, '[part="sign-in-error"]')) === 'Too many attempts. Please wait a moment and try again.', 'no Retry-After');
  });

  it('uses Russian plural forms for the wait', async () => {
    const client = new FakeModerationClient([], { signedIn: false });
    const el = await mount(client, 'ru');
    await waitUntil(() => text($(el, '[part="sign-in-button"]')) === 'Войти', 'not in Russian');
    client.failures.set('signIn', new AdapterError('rate_limited', '', { retryAfter: 5 }));
    await signInWith(el, client.account.email, client.account.password);
    expect(text(await find(el, '[part="sign-in-error"]'))).to.equal('Слишком много попыток. Попробуйте ещё раз через 5 секунд.');
  });

  it('signs in, then shows the queue with the email and Sign out; Sign out returns to the form', async () => {
    const client = new FakeModerationClient([comment()], { signedIn: false });
    const el = await mount(client);
    await signInWith(el, client.account.email, client.account.password);
    await find(el, '[part="list"]');
    expect(text($(el, '[part="email"]'))).to.equal(client.account.email);
    $<HTMLButtonElement>(el, '[part="sign-out"]')!.click();
    await find(el, '[part="sign-in-form"]');
    expect(client.calls).to.include('signOut');
    expect(client.signedIn).to.equal(null);
    expect($(el, '[part="email"]')).to.equal(null);
  });

  it('asks to sign in again when the session ends during work', async () => {
    const first = comment();
    const client = new FakeModerationClient([first]);
    const el = await queue(client);
    const errors: ModerationErrorEvent[] = [];
    el.addEventListener('moderation-error', (event) => errors.push(event));
    client.signedIn = null;
    rowButton(el, first.id, 'approve-button').click();
    const notice = await find(el, '[part="notice"]');
    expect(text(notice)).to.equal('Your session has ended. Please sign in again.');
    expect($(el, '[part="sign-in-form"]')).to.not.equal(null);
    expect(errors.map((event) => event.detail.error.code)).to.deep.equal(['unauthorized']);
  });

  it('reads a missing /session (404) as an unreachable server, with Try again', async () => {
    const client = new FakeModerationClient([comment({ id: 'back' })]);
    let answer: () => Promise<null | { email: string; role: 'owner' }> = async () => {
      throw new AdapterError('not_found', 'Not Found');
    };
    client.session = () => answer();
    const el = await mount(client);
    const error = await find(el, '[part="error"]');
    expect(text(error)).to.contain('Could not reach the server.');
    await expect(el).to.be.accessible();
    answer = async () => ({ email: 'owner@example.com', role: 'owner' });
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitUntil(() => rowIds(el).join() === 'back', 'not loaded after Try again');
  });

  it('tells a reader’s account it may not moderate (403)', async () => {
    const client = new FakeModerationClient([comment()]);
    client.listError = new AdapterError('forbidden', 'Moderators only');
    const el = await mount(client);
    const error = await find(el, '[part="error"]');
    expect(text(error)).to.equal('This account may not moderate comments.');
    expect($(el, '[part="sign-out"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('makes a RestModerationClient from base-url when it connects, never in the constructor', async () => {
    const made = new CommentModeration();
    expect(made.client).to.equal(undefined);
    const original = window.fetch;
    const asked: string[] = [];
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(`${init?.method ?? 'GET'} ${String(input)} ${init?.credentials}`);
      // Nobody signed in: the config names no viewer.
      return new Response(JSON.stringify({ viewer: null }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      const el = await fixture<CommentModeration>(html`<comment-moderation lang="en" base-url="/test-api/"></comment-moderation>`);
      expect(el.client).to.be.instanceOf(RestModerationClient);
      await find(el, '[part="sign-in-form"]');
      expect(asked).to.deep.equal(['GET /test-api/config include']);
    } finally {
      window.fetch = original;
    }
  });
});

describe('comment-moderation: the queue', () => {
  it('shows pending comments first, newest first, with counts per status in the tabs', async () => {
    const client = new FakeModerationClient([
      comment({ id: 'old', minutesAgo: 30 }),
      comment({ id: 'new', minutesAgo: 2 }),
      comment({ id: 's1', status: 'spam', heldFor: 'akismet' }),
      comment({ id: 'p1', status: 'published', heldFor: null }),
      comment({ id: 'p2', status: 'published', heldFor: null }),
    ]);
    const el = await queue(client);
    expect(text($(el, '[part~="tab-selected"]'))).to.match(/^Pending/);
    expect(rowIds(el)).to.deep.equal(['new', 'old']);
    expect([tabCount(el, 'pending'), tabCount(el, 'spam'), tabCount(el, 'published'), tabCount(el, 'deleted')]).to.deep.equal(['2', '1', '2', '0']);
    expect($(el, '#tab-pending [part="tab-count"]')!.title).to.equal('2 pending');
    await expect(el).to.be.accessible();
  });

  it('switches status with the tabs (click, and arrow keys on the tab list)', async () => {
    const client = new FakeModerationClient([comment({ id: 'a' }), comment({ id: 's', status: 'spam' }), comment({ id: 'p', status: 'published' })]);
    const el = await queue(client);
    $<HTMLButtonElement>(el, '#tab-spam')!.click();
    await waitUntil(() => rowIds(el).join() === 's', 'spam list');
    expect($(el, '#tab-spam')!.getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#queue-panel')!.getAttribute('aria-labelledby')).to.equal('tab-spam');
    $(el, '#tab-spam')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await waitUntil(() => rowIds(el).join() === 'p', 'published list');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#tab-published'), 'focus follows the tab');
    expect(client.calls).to.include.members(['list pending', 'list spam', 'list published']);
  });

  it('renders a body as safe rich text: HTML in it is text', async () => {
    const hostile = comment({
      id: 'x',
      author: { name: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)', avatarUrl: 'javascript:alert(2)' },
      body: '**Bold** <script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2">\n[click](javascript:alert(3)) and [ok](https://example.com)',
      threadId: '<b>thread</b>',
    });
    const el = await queue(new FakeModerationClient([hostile]));
    const body = row(el, 'x')!.querySelector('[part="body"]')!;
    expect(body.querySelector('script, img')).to.equal(null);
    expect(body.querySelector('strong')?.textContent).to.equal('Bold');
    expect(body.textContent).to.contain('<script>window.__pwned = 1</script>');
    expect(body.textContent).to.contain('<img src=x onerror="window.__pwned = 2">');
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/']);
    expect(links[0].rel).to.contain('ugc');
    // The author's name and thread are text; their URLs fail the policy: no link, initials instead.
    const author = row(el, 'x')!.querySelector('[part="author"]')!;
    expect(author.localName).to.equal('span');
    expect(author.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(row(el, 'x')!.querySelector('img')).to.equal(null);
    expect(text(row(el, 'x')!.querySelector('[part="thread-button"]'))).to.equal('<b>thread</b>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows why each comment was held, an unknown reason as its code', async () => {
    const reasons = ['moderation', 'links', 'honeypot', 'too-fast', 'akismet', 'akismet-unavailable', 'checker', 'manual', 'new-rule'];
    const el = await queue(new FakeModerationClient(reasons.map((heldFor, i) => comment({ id: heldFor, heldFor, minutesAgo: i + 1 }))));
    const shown = Object.fromEntries(reasons.map((reason) => [reason, text(row(el, reason)!.querySelector('[part="reason"]'))]));
    expect(shown).to.deep.equal({
      moderation: 'First comment from this author',
      links: 'Too many links',
      honeypot: 'Filled in the hidden bot field',
      'too-fast': 'Sent too fast for a person',
      akismet: 'Akismet says spam',
      'akismet-unavailable': 'Spam check unavailable, held to be safe',
      checker: 'Held by the site’s own check',
      manual: 'Marked by a moderator',
      'new-rule': 'new-rule',
    });
  });

  it('filters by thread: from a comment’s thread, from the field, and back to all', async () => {
    const client = new FakeModerationClient([
      comment({ id: 'a1', threadId: 'a' }),
      comment({ id: 'b1', threadId: 'b' }),
      comment({ id: 'b2', threadId: 'b' }),
      comment({ id: 'bs', threadId: 'b', status: 'spam' }),
    ]);
    const el = await queue(client);
    expect(rowIds(el)).to.have.length(3);
    row(el, 'b1')!.querySelector<HTMLButtonElement>('[part="thread-button"]')!.click();
    await waitUntil(() => rowIds(el).join() === 'b1,b2', 'thread b');
    expect(client.calls).to.include('list pending thread=b');
    expect($<HTMLInputElement>(el, '#thread-filter')!.value).to.equal('b');
    // The counts are the thread's.
    expect([tabCount(el, 'pending'), tabCount(el, 'spam')]).to.deep.equal(['2', '1']);
    const input = $<HTMLInputElement>(el, '#thread-filter')!;
    input.value = 'a';
    $<HTMLButtonElement>(el, '[part="filter-button"]')!.click();
    await waitUntil(() => rowIds(el).join() === 'a1', 'thread a');
    $<HTMLButtonElement>(el, '[part="clear-filter"]')!.click();
    await waitUntil(() => rowIds(el).length === 3, 'all threads');
    expect($<HTMLInputElement>(el, '#thread-filter')!.value).to.equal('');
  });

  it('loads the next page with Load more', async () => {
    const client = new FakeModerationClient(Array.from({ length: 5 }, (_, i) => comment({ id: `m${i}`, minutesAgo: i + 1 })));
    const el = await fixture<CommentModeration>(html`<comment-moderation lang="en" page-size="2" .client=${client}></comment-moderation>`);
    await find(el, '[part="list"]');
    expect(rowIds(el)).to.deep.equal(['m0', 'm1']);
    $<HTMLButtonElement>(el, '[part="load-more"]')!.click();
    await waitUntil(() => rowIds(el).length === 4, 'second page');
    $<HTMLButtonElement>(el, '[part="load-more"]')!.click();
    await waitUntil(() => rowIds(el).length === 5, 'third page');
    expect($(el, '[part="load-more"]')).to.equal(null);
  });

  it('shows a focused empty state, accessible', async () => {
    const el = await queue(new FakeModerationClient([comment({ status: 'published' })]));
    const empty = await find(el, '[part="empty"]');
    expect(text(empty.querySelector('h2'))).to.equal('All caught up');
    expect(tabCount(el, 'pending')).to.equal('0');
    expect($(el, '[part="select-all"] input')!.hasAttribute('disabled')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a loading error with Try again', async () => {
    const client = new FakeModerationClient([comment({ id: 'one' })]);
    client.failures.set('list', new AdapterError('network', 'offline'));
    const el = await mount(client);
    const error = await find(el, '[part="error"]');
    expect(text(error)).to.contain('Could not reach the server.');
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitUntil(() => rowIds(el).join() === 'one', 'loaded after retry');
  });
});

describe('comment-moderation: actions', () => {
  it('approves a comment: it leaves the pending list, the counts move, moderation-action fires', async () => {
    const target = comment({ id: 'ok', minutesAgo: 1 });
    const client = new FakeModerationClient([target, comment({ id: 'other', minutesAgo: 2 })]);
    const el = await queue(client);
    const fired = oneEvent(el, 'moderation-action') as Promise<ModerationActionEvent>;
    rowButton(el, 'ok', 'approve-button').click();
    const event = await fired;
    expect(event.detail.action).to.equal('approve');
    expect(event.detail.comment.id).to.equal('ok');
    expect(event.detail.comment.status).to.equal('published');
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => rowIds(el).join() === 'other', 'the row left');
    expect([tabCount(el, 'pending'), tabCount(el, 'published')]).to.deep.equal(['1', '1']);
    expect(text($(el, '[role="status"][aria-live]'))).to.equal('Approved');
    expect(client.calls).to.include('moderate ok approve');
  });

  it('marks as spam and deletes per row; deleted ones can be restored', async () => {
    const client = new FakeModerationClient([comment({ id: 'spam' }), comment({ id: 'gone' })]);
    const el = await queue(client);
    rowButton(el, 'spam', 'spam-button').click();
    await waitUntil(() => !rowIds(el).includes('spam'), 'spam left');
    rowButton(el, 'gone', 'delete-button').click();
    await waitUntil(() => !rowIds(el).includes('gone'), 'deleted left');
    expect([tabCount(el, 'pending'), tabCount(el, 'spam'), tabCount(el, 'deleted')]).to.deep.equal(['0', '1', '1']);
    $<HTMLButtonElement>(el, '#tab-deleted')!.click();
    await waitUntil(() => rowIds(el).join() === 'gone', 'deleted tab');
    // A deleted comment offers Restore (and Ban), not Approve.
    expect(row(el, 'gone')!.querySelector('[part~="approve-button"]')).to.equal(null);
    rowButton(el, 'gone', 'restore-button').click();
    await waitUntil(() => rowIds(el).length === 0, 'restored');
    expect(client.comments.find((c) => c.id === 'gone')!.status).to.equal('published');
  });

  it('bans an author after asking; the row stays with "Author banned"', async () => {
    const client = new FakeModerationClient([comment({ id: 'troll', author: { name: 'Troll' } })]);
    const el = await queue(client);
    rowButton(el, 'troll', 'ban-button').click();
    const confirm = await find(el, '[part="confirm"]');
    expect(text(confirm)).to.contain('Ban Troll? They will not be able to comment again.');
    await waitUntil(() => el.shadowRoot!.activeElement === confirm.querySelector('[part="confirm-button"]'), 'focus on the confirm button');
    // Cancel keeps the author.
    confirm.querySelector<HTMLButtonElement>('[part="cancel-button"]')!.click();
    await waitUntil(() => !$(el, '[part="confirm"]'), 'cancelled');
    expect(client.bans).to.deep.equal([]);
    rowButton(el, 'troll', 'ban-button').click();
    const fired = oneEvent(el, 'moderation-action') as Promise<ModerationActionEvent>;
    (await find<HTMLButtonElement>(el, '[part="confirm-button"]')).click();
    expect((await fired).detail.action).to.equal('ban');
    expect(client.bans).to.deep.equal(['troll']);
    await waitUntil(() => row(el, 'troll')!.querySelector('[part="banned"]'), 'banned badge');
    expect(rowIds(el)).to.deep.equal(['troll']);
  });

  it('shows an error on its row and fires moderation-error', async () => {
    const client = new FakeModerationClient([comment({ id: 'a', minutesAgo: 1 }), comment({ id: 'b', minutesAgo: 2 })]);
    client.failures.set('moderate:b', new AdapterError('not_found', 'gone'));
    const el = await queue(client);
    const fired = oneEvent(el, 'moderation-error') as Promise<ModerationErrorEvent>;
    rowButton(el, 'b', 'approve-button').click();
    const event = await fired;
    expect([event.detail.operation, event.detail.commentId, event.detail.error.code]).to.deep.equal(['approve', 'b', 'not_found']);
    const error = await find(el, '[part="row-error"]');
    expect(error.closest('[part~="row"]')!.getAttribute('data-id')).to.equal('b');
    expect(text(error)).to.equal('This comment no longer exists.');
    expect(rowIds(el)).to.deep.equal(['a', 'b']);
    await expect(el).to.be.accessible();
  });
});

describe('comment-moderation: selection', () => {
  it('selects all and approves them together; the counts drop by as many', async () => {
    const client = new FakeModerationClient([comment({ id: 'a' }), comment({ id: 'b' }), comment({ id: 'c' }), comment({ id: 'p', status: 'published' })]);
    const el = await queue(client);
    const all = $<HTMLInputElement>(el, '[part="select-all"] input')!;
    all.click();
    await waitUntil(() => $(el, '[part="selection-count"]'), 'no selection count');
    expect(text($(el, '[part="selection-count"]'))).to.equal('3 selected');
    expect($$<HTMLInputElement>(el, '[part="row-checkbox"]').every((box) => box.checked)).to.equal(true);
    await expect(el).to.be.accessible();
    const events: string[] = [];
    el.addEventListener('moderation-action', (event) => events.push(event.detail.comment.id));
    $<HTMLButtonElement>(el, '[part="bulk-actions"] [part~="approve-button"]')!.click();
    await waitUntil(() => rowIds(el).length === 0, 'all approved');
    expect(events.sort()).to.deep.equal(['a', 'b', 'c']);
    expect([tabCount(el, 'pending'), tabCount(el, 'published')]).to.deep.equal(['0', '4']);
    expect($(el, '[part="empty"]')).to.not.equal(null);
  });

  it('keeps a failed comment selected, with its error, while the others leave', async () => {
    const client = new FakeModerationClient([comment({ id: 'a', minutesAgo: 1 }), comment({ id: 'b', minutesAgo: 2 }), comment({ id: 'c', minutesAgo: 3 })]);
    client.failures.set('moderate:b', new AdapterError('conflict', 'changed'));
    const el = await queue(client);
    for (const id of ['a', 'b']) row(el, id)!.querySelector<HTMLInputElement>('[part="row-checkbox"]')!.click();
    await waitUntil(() => text($(el, '[part="selection-count"]')) === '2 selected', 'two selected');
    $<HTMLButtonElement>(el, '[part="bulk-actions"] [part~="spam-button"]')!.click();
    await waitUntil(() => row(el, 'b')?.querySelector('[part="row-error"]'), 'no error on b');
    expect(rowIds(el)).to.deep.equal(['b', 'c']);
    expect(text(row(el, 'b')!.querySelector('[part="row-error"]'))).to.equal('This comment changed in the meantime. Reload and try again.');
    expect(row(el, 'b')!.querySelector<HTMLInputElement>('[part="row-checkbox"]')!.checked).to.equal(true);
    expect(row(el, 'c')!.querySelector<HTMLInputElement>('[part="row-checkbox"]')!.checked).to.equal(false);
    expect(text($(el, '[part="selection-count"]'))).to.equal('1 selected');
    expect(tabCount(el, 'spam')).to.equal('1');
  });

  it('bans the authors of the selection after one question', async () => {
    const client = new FakeModerationClient([comment({ id: 'a' }), comment({ id: 'b' }), comment({ id: 'c' })]);
    const el = await queue(client);
    for (const id of ['a', 'c']) row(el, id)!.querySelector<HTMLInputElement>('[part="row-checkbox"]')!.click();
    await find(el, '[part="bulk-actions"]');
    $<HTMLButtonElement>(el, '[part="bulk-actions"] [part~="ban-button"]')!.click();
    const confirm = await find(el, '[part="toolbar"] [part="confirm"]');
    expect(text(confirm)).to.contain('Ban the authors of the selected comments?');
    confirm.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    await waitUntil(() => client.bans.length === 2, 'two bans');
    expect(client.bans.sort()).to.deep.equal(['a', 'c']);
    await waitUntil(() => $$(el, '[part="banned"]').length === 2, 'two badges');
  });
});

describe('comment-moderation: the log', () => {
  it('lists who did what, accessible, and goes back to the queue', async () => {
    const client = new FakeModerationClient([comment({ id: 'a' })]);
    client.logEntries = [
      { id: 'l2', at: new Date(Date.now() - 60_000).toISOString(), actor: { email: 'mod@example.com' }, action: 'ban', commentId: 'c9', threadId: 'blog/x' },
      { id: 'l1', at: '2025-01-02T10:00:00Z', actor: { email: 'owner@example.com' }, action: 'approve', commentId: 'c8', threadId: 'blog/y' },
    ];
    const el = await queue(client);
    const [queueButton, logButton] = $$<HTMLButtonElement>(el, '[part="nav-button"]');
    logButton.click();
    await find(el, '[part="log"]');
    expect(logButton.getAttribute('aria-current')).to.equal('page');
    const rows = $$(el, '[part="log-entry"]').map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => text(td)));
    expect(rows).to.deep.equal([
      ['mod@example.com', 'Author banned', 'c9', 'blog/x'],
      ['owner@example.com', 'Approved', 'c8', 'blog/y'],
    ]);
    expect(text($(el, '[part="log-entry"] time'))).to.equal('1 minute ago');
    await expect(el).to.be.accessible();
    queueButton.click();
    await find(el, '[part="list"]');
  });

  it('says so when the log is empty', async () => {
    const el = await queue(new FakeModerationClient([]));
    $$<HTMLButtonElement>(el, '[part="nav-button"]')[1].click();
    await waitUntil(() => text($(el, '.log-view [part="empty"]')) === 'No moderation actions yet.', 'empty log');
    await expect(el).to.be.accessible();
  });
});

describe('comment-moderation: localization', () => {
  it('speaks the nearest lang, with the words of the admin part only', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="hi"><comment-moderation .client=${new FakeModerationClient([comment({ id: 'a' })])}></comment-moderation></div>`);
    const el = wrapper.querySelector('comment-moderation')!;
    await waitUntil(() => text(el.shadowRoot?.querySelector('#tab-pending span')) === 'लंबित', 'not in Hindi');
    expect(text($(el, '[part~="approve-button"]'))).to.equal('स्वीकृत करें');
    wrapper.lang = 'ar';
    await waitUntil(() => text($(el, '#tab-pending span')) === 'بانتظار المراجعة', 'not in Arabic');
    expect($(el, '[part="app"]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('takes per-element replacements (`strings`)', async () => {
    const el = await fixture<CommentModeration>(
      html`<comment-moderation lang="en" .strings=${{ 'admin.status.pending': 'To review' }} .client=${new FakeModerationClient([])}></comment-moderation>`
    );
    await waitUntil(() => text($(el, '#tab-pending span')) === 'To review', 'no override');
  });
});
