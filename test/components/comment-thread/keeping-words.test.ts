/**
 * Nothing the reader writes is lost, and nothing is posted twice: drafts survive a reload, posts
 * survive going offline, a reload in the middle, rate limits and backends that never answer.
 * "A reload" here is what it is to the widget: a new <comment-thread> on the same storage.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import { AdapterError, type CommentAdapter, type NewComment, type PostOptions, type ThreadEvent } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { makeComment } from '../../support/seed.js';
import { sleep } from '../../support/adapters.js';
import { $, deepActiveElement, fillAndPost, get, headingText, item, items, mainForm, nameInputOf, replyButton, replyForm, settled, submitOf, text, textareaOf, threadReady, typeInto } from '../../support/shadow.js';

const threadId = 'keep';

function backend(): MemoryAdapter {
  return new MemoryAdapter({ comments: { [threadId]: [makeComment('1', { author: { name: 'Baraka' } })] } });
}

async function open(adapter: CommentAdapter, attributes: { timeout?: number } = {}): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread thread=${threadId} lang="en" .adapter=${adapter}
    request-timeout=${attributes.timeout ?? 20000}></comment-thread>`);
  await threadReady(el);
  return el;
}

/** Leaves the page: what `pagehide` does, then the element goes. */
function leave(el: CommentThread): void {
  dispatchEvent(new PageTransitionEvent('pagehide'));
  el.remove();
}

const bodies = (el: CommentThread) => items(el).map((i) => i.comment!.body);
const localItems = (el: CommentThread) => items(el).filter((i) => i.comment!.id.startsWith('local:'));
const outboxKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('maoni:outbox:'));

let online = true;
before(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online }));
after(() => delete (navigator as { onLine?: boolean }).onLine);
afterEach(() => (online = true));

describe('comment-thread: keeping the reader\'s words', function () {
  this.timeout(10000);

  describe('drafts', () => {
    it('restores what was typed in the main form after a reload, name included', async () => {
      const adapter = backend();
      let el = await open(adapter);
      await typeInto(textareaOf(mainForm(el)), 'A long, careful comment');
      await typeInto(nameInputOf(mainForm(el))!, 'Amina');
      leave(el);
      el = await open(adapter);
      expect(textareaOf(mainForm(el)).value).to.equal('A long, careful comment');
      expect(nameInputOf(mainForm(el))!.value).to.equal('Amina');
    });

    it('restores the e-mail and website fields too, when the backend asks for them', async () => {
      const adapter = Object.assign(backend(), { authorFields: { email: 'optional', url: 'optional' } as const });
      let el = await open(adapter);
      const field = (part: string) => $<HTMLInputElement>(mainForm(el), `[part="${part}"]`);
      await waitUntil(() => field('email-input') && field('url-input'), 'the e-mail and website fields show');
      await typeInto(field('email-input')!, 'amina@example.com');
      await typeInto(field('url-input')!, 'https://amina.example');
      await typeInto(textareaOf(mainForm(el)), 'With my contact details');
      leave(el);
      el = await open(adapter);
      await waitUntil(() => field('email-input') && field('url-input'), 'the fields show again');
      await mainForm(el).updateComplete;
      expect(textareaOf(mainForm(el)).value).to.equal('With my contact details');
      expect(field('email-input')!.value).to.equal('amina@example.com');
      expect(field('url-input')!.value).to.equal('https://amina.example');
    });

    it('a restored draft can be posted as it is', async () => {
      const adapter = backend();
      let el = await open(adapter);
      await typeInto(textareaOf(mainForm(el)), 'Finished before the reload');
      await typeInto(nameInputOf(mainForm(el))!, 'Amina');
      leave(el);
      el = await open(adapter);
      expect(textareaOf(mainForm(el)).value).to.equal('Finished before the reload');
      submitOf(mainForm(el)).click();
      await waitUntil(() => bodies(el).includes('Finished before the reload'), 'the restored draft was not posted');
      expect($(mainForm(el), '[part="error"]')?.textContent?.trim() ?? '').to.equal('');
    });

    it('saves while the reader types, without waiting for the page to go', async () => {
      const adapter = backend();
      let el = await open(adapter);
      await typeInto(textareaOf(mainForm(el)), 'Saved as I type');
      await waitUntil(() => Object.keys(localStorage).some((key) => key.startsWith('maoni:draft:')), 'no draft saved', { timeout: 2000 });
      el.remove(); // a crash: no pagehide
      el = await open(adapter);
      expect(textareaOf(mainForm(el)).value).to.equal('Saved as I type');
    });

    it('reopens a reply form with its draft under the right comment', async () => {
      const adapter = backend();
      let el = await open(adapter);
      replyButton(el, '1').click();
      await settled(el);
      await typeInto(textareaOf(replyForm(el)!), '@Baraka I was saying');
      leave(el);
      el = await open(adapter);
      await settled(el);
      const form = replyForm(el);
      expect(form, 'the reply form is open again').to.not.equal(null);
      expect(textareaOf(form!).value).to.equal('@Baraka I was saying');
      expect(get(item(el, '1'), '[part="reply-button"]').getAttribute('aria-expanded')).to.equal('true');
    });

    it('is gone once the comment is posted and confirmed', async () => {
      const adapter = backend();
      let el = await open(adapter);
      await fillAndPost(mainForm(el), 'Posted for real', 'Amina');
      await waitUntil(() => localItems(el).length === 0 && bodies(el).includes('Posted for real'));
      leave(el);
      el = await open(adapter);
      expect(textareaOf(mainForm(el)).value).to.equal('');
      expect(bodies(el).filter((b) => b === 'Posted for real')).to.have.length(1);
      expect(outboxKeys()).to.deep.equal([]);
    });
  });

  describe('posting', () => {
    it('queues a post while offline, says so, and sends it once the connection is back', async () => {
      const adapter = backend();
      const el = await open(adapter);
      online = false;
      await fillAndPost(mainForm(el), 'Written on a train', 'Amina');
      await settled(el);
      const [local] = localItems(el);
      expect(text(get(local, '[part="delivery"]'))).to.equal('You are offline: it will be sent when you are back online.');
      expect(outboxKeys()).to.have.length(1);
      expect((await adapter.list(threadId, {})).comments).to.have.length(1);
      online = true;
      dispatchEvent(new Event('online'));
      await waitUntil(() => localItems(el).length === 0, 'the queued post was not sent');
      expect((await adapter.list(threadId, {})).comments.map((c) => c.body)).to.deep.equal(['Body 1', 'Written on a train']);
      expect(outboxKeys()).to.deep.equal([]);
    });

    it('a queued post survives a reload and is sent by the next page, once', async () => {
      const adapter = backend();
      let el = await open(adapter);
      online = false;
      await fillAndPost(mainForm(el), 'Queued, then reloaded', 'Amina');
      leave(el);
      online = true;
      el = await open(adapter);
      await waitUntil(() => localItems(el).length === 0 && bodies(el).includes('Queued, then reloaded'), 'not sent after the reload');
      expect((await adapter.list(threadId, {})).comments.filter((c) => c.body === 'Queued, then reloaded')).to.have.length(1);
    });

    it('a reload in the middle of a post that reached the server makes exactly one comment', async () => {
      const store = backend();
      const keys: string[] = [];
      // The first page's post reaches the server, but its answer never comes back (the page went).
      const hanging: CommentAdapter = {
        list: (id, options) => store.list(id, options),
        post: (id: string, input: NewComment, options: PostOptions) => {
          keys.push(options.idempotencyKey);
          void store.post(id, input, options);
          return new Promise(() => {});
        },
      };
      let el = await open(hanging);
      await fillAndPost(mainForm(el), 'Sent as the page closed', 'Amina');
      await waitUntil(() => keys.length === 1);
      leave(el);
      const answering: CommentAdapter = {
        list: (id, options) => store.list(id, options),
        post: (id, input, options) => {
          keys.push(options.idempotencyKey);
          return store.post(id, input, options);
        },
      };
      el = await open(answering);
      await waitUntil(() => localItems(el).length === 0, 'the unconfirmed post was not confirmed after the reload');
      await settled(el);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect((await store.list(threadId, {})).comments.filter((c) => c.body === 'Sent as the page closed')).to.have.length(1);
      expect(bodies(el).filter((b) => b === 'Sent as the page closed')).to.have.length(1);
    });

    it('waits when the backend asks to slow down, says so, then sends', async () => {
      const store = backend();
      let limited = true;
      const adapter: CommentAdapter = {
        list: (id, options) => store.list(id, options),
        post: (id, input, options) => {
          if (limited) {
            limited = false;
            return Promise.reject(new AdapterError('rate_limited', 'slow down', { retryAfter: 1 }));
          }
          return store.post(id, input, options);
        },
      };
      const el = await open(adapter);
      await fillAndPost(mainForm(el), 'Patient', 'Amina');
      await waitUntil(() => localItems(el)[0]?.shadowRoot?.querySelector('[part="delivery"]')?.textContent?.includes('Too many'));
      expect(text(get(localItems(el)[0], '[part="delivery"]'))).to.equal('Too many comments at once: sending again in 1 second.');
      await waitUntil(() => localItems(el).length === 0, 'not sent after the wait', { timeout: 3000 });
      expect(bodies(el)).to.include('Patient');
    });

    it('signs in again once after unauthorized, then sends', async () => {
      const store = backend();
      let token = 'expired';
      const calls: string[] = [];
      const adapter: CommentAdapter = {
        list: (id, options) => store.list(id, options),
        post: (id, input, options) => {
          calls.push(`post:${token}`);
          return token === 'fresh' ? store.post(id, input, options) : Promise.reject(new AdapterError('unauthorized'));
        },
        reauthenticate: async () => {
          calls.push('reauthenticate');
          token = 'fresh';
        },
      };
      const el = await open(adapter);
      await fillAndPost(mainForm(el), 'After signing in', 'Amina');
      await waitUntil(() => localItems(el).length === 0, 'not sent after signing in again');
      expect(calls).to.deep.equal(['post:expired', 'reauthenticate', 'post:fresh']);
    });

    it('a post that never answers fails after request-timeout, with Retry', async () => {
      const store = backend();
      const adapter: CommentAdapter = { list: (id, options) => store.list(id, options), post: () => new Promise(() => {}) };
      const el = await open(adapter, { timeout: 300 });
      await fillAndPost(mainForm(el), 'Into the void', 'Amina');
      await waitUntil(() => localItems(el)[0]?.shadowRoot?.querySelector('[part="delivery-button"]'), 'no failure after the timeout', { timeout: 3000 });
      expect(text(get(localItems(el)[0], '[part="delivery"]'))).to.equal('Not sent. Could not reach the comment server. Check your connection and try again.');
    });
  });

  describe('realtime', () => {
    it("the echo of the reader's own post, arriving before the answer, is not news and not a second comment", async () => {
      const store = backend();
      const listeners = new Set<(event: ThreadEvent) => void>();
      const adapter: CommentAdapter = {
        list: (id, options) => store.list(id, options),
        async post(id, input, options) {
          const created = await store.post(id, input, options);
          for (const listener of listeners) listener({ type: 'created', comment: created });
          await sleep(150);
          return created;
        },
        subscribe(_id, onEvent) {
          listeners.add(onEvent);
          return () => listeners.delete(onEvent);
        },
      };
      const el = await open(adapter);
      await fillAndPost(mainForm(el), 'Echoed before answered', 'Amina');
      const local = localItems(el)[0];
      await waitUntil(() => localItems(el).length === 0, 'the echo did not take the local comment\'s place');
      // In the same element, which keeps the focus the post gave it.
      expect(local.isConnected && local.comment!.body).to.equal('Echoed before answered');
      expect(deepActiveElement()).to.equal(get(local, '[part="comment"]'));
      expect($(el, '[part="new-comments"]')).to.equal(null);
      await sleep(250); // the answer arrives too
      await settled(el);
      expect(bodies(el).filter((b) => b === 'Echoed before answered')).to.have.length(1);
      expect($(el, '[part="new-comments"]')).to.equal(null);
      expect(headingText(el)).to.equal('2 Comments');
    });
  });

  describe('loading', () => {
    it('a list that never answers fails after request-timeout with a localized error and Retry', async () => {
      const store = backend();
      let hang = true;
      const adapter: CommentAdapter = {
        list: (id, options) => (hang ? new Promise(() => {}) : store.list(id, options)),
        post: (id, input, options) => store.post(id, input, options),
      };
      const el = await fixture<CommentThread>(html`<comment-thread thread=${threadId} lang="en" request-timeout="300" .adapter=${adapter}></comment-thread>`);
      await waitUntil(() => $(el, '[part="error"]'), 'no error after the timeout', { timeout: 3000 });
      expect(text(get(el, '[part="error"]'))).to.contain('Could not reach the comment server.');
      hang = false;
      get(el, '[part="retry-button"]').click();
      await threadReady(el);
      expect(bodies(el)).to.deep.equal(['Body 1']);
    });
  });
});
