/**
 * The soak test: 1,000 random reader operations (post, reply, retry, edit an unsent comment, type
 * a draft, reload, go offline and online, switch thread) against one shared MemoryAdapter behind
 * withFaults at 20 % injected failures, half of the post failures lost responses (the server kept
 * the comment, the page saw an error). Then the connection is good again, every thread is opened
 * and every unsent comment retried, and:
 *
 * - the server holds exactly one copy of every submission the reader did not take back with Edit
 *   (and no two comments with the same text: every text the reader posts is unique);
 * - every text the reader typed or posted is somewhere: on the server, in a draft, or queued in
 *   the outbox. Nothing is lost;
 * - no text typed in one thread turns up in another thread.
 *
 * Each invariant is a test of its own; the run's figures are logged in one `soak:` line, followed
 * by one line per violation (the token, where it was typed, and the operations after it). The
 * second describe block holds the minimal reproductions of what the soak found.
 *
 * The operations come from a seeded generator (mulberry32), and so do the faults: the run is the
 * same apart from timing (which posts have failed when the reader looks, for instance).
 *
 * Every text is made of unique tokens: `[p12]` is the one the reader adds when posting (it names
 * the submission), `[d7]` one typed as a draft and left in the form. The reader always appends to
 * what the form shows, like a person would, so a token can only vanish if the widget drops it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import type { Comment } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import type { CommentItem } from '../../../src/components/comment-item/comment-item.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { mulberry32, withFaults } from '../../../src/testing/faults.js';
import { sleep } from '../../support/adapters.js';
import { makeComment } from '../../support/seed.js';
import { $, $$, fillAndPost, items, mainForm, nameInputOf, replyButton, replyForm, settled, submitOf, textareaOf, threadReady, typeInto } from '../../support/shadow.js';

const threads = ['soak/a', 'soak/b', 'soak/c'] as const;
const operationCount = 1000;
const operationSeed = 20240611;
const faultSeed = 7;
const readerName = 'Soak Reader';

// ---- what the browser keeps ---------------------------------------------------------------------

interface StoredDraft {
  thread: string;
  parent: string | null;
  body: string;
}

interface StoredEntry {
  key: string;
  thread: string;
  body: string;
}

function storedDrafts(): StoredDraft[] {
  const found: StoredDraft[] = [];
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith('maoni:draft:')) continue;
    try {
      const [thread, parent] = JSON.parse(key.slice('maoni:draft:'.length)) as [string, string | null];
      const { body } = JSON.parse(localStorage.getItem(key) ?? 'null') as { body: string };
      found.push({ thread, parent, body });
    } catch {
      // not one of ours
    }
  }
  return found;
}

function storedOutbox(): StoredEntry[] {
  const found: StoredEntry[] = [];
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith('maoni:outbox:')) continue;
    try {
      const entry = JSON.parse(localStorage.getItem(key) ?? 'null') as { key: string; threadId: string; input: { body: string } };
      found.push({ key: entry.key, thread: entry.threadId, body: entry.input.body });
    } catch {
      // not one of ours
    }
  }
  return found;
}

/** Everything the server holds for a thread, every level (read directly, past the fault wrapper). */
async function serverComments(backend: MemoryAdapter, thread: string): Promise<Comment[]> {
  const byId = new Map<string, Comment>();
  const add = (comments: Comment[]) => comments.forEach((comment) => byId.set(comment.id, comment));
  add((await backend.list(thread, { limit: 10000 })).comments);
  const listed = new Set<string>();
  for (;;) {
    const next = [...byId.values()].filter((comment) => (comment.replyCount ?? 0) > 0 && !listed.has(comment.id));
    if (!next.length) break;
    for (const comment of next) {
      listed.add(comment.id);
      add((await backend.list(thread, { parentId: comment.id, limit: 10000 })).comments);
    }
  }
  return [...byId.values()];
}

// ---- the reader's view --------------------------------------------------------------------------

const isLocal = (item: CommentItem) => !!item.comment?.id.startsWith('local:');
const notSent = (el: CommentThread) => items(el).filter((item) => isLocal(item) && $$(item, '[part="delivery-button"]').length === 2);
/** Comments one can reply to: on the server, not deleted (they have a Reply button). */
const replyable = (el: CommentThread) => items(el).filter((item) => !isLocal(item) && $(item, '[part="reply-button"]'));

/**
 * Waits for the thread's list; a loading error is retried (as a reader would) while online.
 * Resolves whether the list is shown.
 */
async function whenLoaded(el: CommentThread, online: boolean, attempts = 6): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await el.updateComplete;
    const deadline = Date.now() + 3000;
    for (;;) {
      const section = el.shadowRoot?.querySelector('section[part="thread"]');
      if (section && section.getAttribute('aria-busy') === 'false' && !section.querySelector('[part="skeleton"]')) break;
      if (Date.now() > deadline) return false;
      await sleep(2);
    }
    const retry = $<HTMLButtonElement>(el, '[part="retry-button"]');
    if (!retry) {
      await settled(el);
      return true;
    }
    if (!online) return false;
    retry.click();
  }
  return false;
}

// ---- the run ------------------------------------------------------------------------------------

type Kind = 'post' | 'reply' | 'draft';

interface Token {
  kind: Kind;
  thread: string;
  parent: string | null;
  op: number;
}

interface Submission {
  token: string;
  body: string;
  thread: string;
  parent: string | null;
  op: number;
  /** The outbox key; '' when it went the direct way (no outbox: the thread had not loaded yet). */
  key: string;
  takenBack: boolean;
  /** The server already held it when the reader took it back with Edit (a lost response). */
  onServerWhenTakenBack?: boolean;
}

let online = true;
before(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online }));
after(() => {
  delete (navigator as { onLine?: boolean }).onLine;
  for (const key of Object.keys(localStorage)) if (key.startsWith('maoni:')) localStorage.removeItem(key);
});

/** What the soak found; see the tests below. */
interface SoakResult {
  summary: string;
  failed: number;
  lostResponses: number;
  retries: number;
  edits: number;
  reloads: number;
  offline: number;
  switches: number;
  duplicates: string[];
  wrongCopies: string[];
  lost: string[];
  otherThread: string[];
}

async function soak(): Promise<SoakResult> {
  const started = performance.now();
  for (const key of Object.keys(localStorage)) if (key.startsWith('maoni:')) localStorage.removeItem(key);

  const backend = new MemoryAdapter({
    comments: Object.fromEntries(threads.map((thread) => [thread, [makeComment(`${thread}#1`, { author: { name: 'Baraka' } })]])),
  });
  const faulty = withFaults(backend, { failureRate: 0.2, seed: faultSeed, latency: [0, 5], lostResponseShare: 0.5 });
  const random = mulberry32(operationSeed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const host = document.createElement('div');
  document.body.append(host);
  const mount = (thread: string): CommentThread => {
    const el = document.createElement('comment-thread');
    el.setAttribute('lang', 'en');
    el.thread = thread;
    el.adapter = faulty;
    host.append(el);
    return el;
  };
  /** A reload: the page goes (pagehide), the element with it, and a new page shows the same thread. */
  const reload = (old: CommentThread, thread = old.thread): CommentThread => {
    dispatchEvent(new PageTransitionEvent('pagehide'));
    old.remove();
    return mount(thread);
  };

  const tokens = new Map<string, Token>();
  const submissions: Submission[] = [];
  const byKey = new Map<string, Submission>();
  const history: string[] = [];
  const counts = { post: 0, reply: 0, draft: 0, retry: 0, edit: 0, reload: 0, offline: 0, online: 0, switch: 0, wait: 0, skipped: 0, direct: 0, rejected: 0 };
  let serial = 0;

  let el = mount(threads[0]);
  await whenLoaded(el, online);

  /** Appends a new token to what the form shows (typing at its end) and fills the name if asked. */
  const append = async (form: CommentForm, kind: Kind, parent: string | null, op: number): Promise<{ token: string; body: string }> => {
    const token = `[${kind === 'draft' ? 'd' : 'p'}${++serial}]`;
    tokens.set(token, { kind, thread: el.thread, parent, op });
    const area = textareaOf(form);
    const current = area.value;
    const value = current.trim() ? `${current.trimEnd()} ${token}` : token;
    await typeInto(area, value);
    const name = nameInputOf(form);
    if (name && !name.value.trim()) await typeInto(name, readerName);
    return { token, body: value.trim() };
  };

  /** Clicks Post and records the submission, if the form sent one. */
  const submit = async (form: CommentForm, token: string, body: string, parent: string | null, op: number): Promise<void> => {
    submitOf(form).click();
    // With the outbox, the submission is in it synchronously; without (the thread never loaded), the form is busy.
    const entry = storedOutbox().find((e) => e.body === body && !byKey.has(e.key));
    if (entry) {
      const submission: Submission = { token, body, thread: el.thread, parent, op, key: entry.key, takenBack: false };
      submissions.push(submission);
      byKey.set(entry.key, submission);
    } else if (form.busy) {
      counts.direct++;
      submissions.push({ token, body, thread: el.thread, parent, op, key: '', takenBack: false });
    } else {
      counts.rejected++;
    }
    await settled(el);
  };

  /** Opens the reply form under `item` (unless it is open already). */
  const openReply = async (item: CommentItem): Promise<CommentForm | null> => {
    const id = item.comment!.id;
    if (!item.hasAttribute('reply-open')) {
      replyButton(el, id).click();
      await settled(el);
    }
    return replyForm(el);
  };

  const operations: [number, string][] = [
    [24, 'post'], [20, 'reply'], [14, 'draft'], [10, 'retry'], [5, 'edit'], [7, 'reload'],
    [3, 'offline'], [10, 'online'], [7, 'switch'], [5, 'wait'],
  ];
  const totalWeight = operations.reduce((sum, [weight]) => sum + weight, 0);
  const choose = (): string => {
    let r = random() * totalWeight;
    for (const [weight, name] of operations) if ((r -= weight) < 0) return name;
    return 'wait';
  };

  for (let op = 1; op <= operationCount; op++) {
    const what = choose();
    history.push(`${op} ${what} @${el.thread}${online ? '' : ' (offline)'}`);
    switch (what) {
      case 'post': {
        const form = mainForm(el);
        const { token, body } = await append(form, 'post', null, op);
        await submit(form, token, body, null, op);
        counts.post++;
        break;
      }
      case 'reply': {
        const targets = replyable(el);
        if (!targets.length) {
          counts.skipped++;
          break;
        }
        const target = pick(targets);
        const form = await openReply(target);
        if (!form) {
          counts.skipped++;
          break;
        }
        const parent = target.comment!.id;
        const { token, body } = await append(form, 'reply', parent, op);
        await submit(form, token, body, parent, op);
        counts.reply++;
        break;
      }
      case 'draft': {
        const targets = replyable(el);
        let form: CommentForm | null = mainForm(el);
        let parent: string | null = null;
        if (targets.length && random() < 0.5) {
          const target = pick(targets);
          form = await openReply(target);
          parent = target.comment!.id;
        }
        if (!form) {
          counts.skipped++;
          break;
        }
        await append(form, 'draft', parent, op);
        await settled(el);
        counts.draft++;
        break;
      }
      case 'retry': {
        const failed = notSent(el);
        if (!failed.length) {
          counts.skipped++;
          break;
        }
        $$<HTMLButtonElement>(pick(failed), '[part="delivery-button"]')[0]!.click();
        await settled(el);
        counts.retry++;
        break;
      }
      case 'edit': {
        const failed = notSent(el);
        if (!failed.length) {
          counts.skipped++;
          break;
        }
        const target = pick(failed);
        const key = target.comment!.id.slice('local:'.length);
        const submission = byKey.get(key);
        if (submission) {
          submission.takenBack = true;
          const onServer = (await serverComments(backend, submission.thread)).some((c) => c.body === submission.body);
          submission.onServerWhenTakenBack = onServer;
        }
        // The await above let time pass: the comment may have been sent meanwhile.
        const edit = $$<HTMLButtonElement>(target, '[part="delivery-button"]')[1];
        if (!edit || !target.isConnected) {
          if (submission) submission.takenBack = false;
          counts.skipped++;
          break;
        }
        edit.click();
        await settled(el);
        counts.edit++;
        break;
      }
      case 'reload': {
        el = reload(el);
        await whenLoaded(el, online);
        counts.reload++;
        break;
      }
      case 'offline': {
        if (!online) {
          counts.skipped++;
          break;
        }
        online = false;
        faulty.offline = true;
        counts.offline++;
        break;
      }
      case 'online': {
        if (online) {
          counts.skipped++;
          break;
        }
        online = true;
        faulty.offline = false;
        dispatchEvent(new Event('online'));
        // A list that failed while offline: the reader clicks Retry.
        if ($(el, '[part="retry-button"]')) await whenLoaded(el, online);
        counts.online++;
        break;
      }
      case 'switch': {
        el.thread = pick(threads.filter((thread) => thread !== el.thread));
        await whenLoaded(el, online);
        counts.switch++;
        break;
      }
      default: {
        await sleep(Math.floor(random() * 8));
        await settled(el);
        counts.wait++;
      }
    }
  }

  // ---- the connection is good again: open every thread and retry what was not sent ----------
  const beforeFlush = { ...faulty.faults };
  online = true;
  faulty.offline = false;
  faulty.failureRate = 0;
  dispatchEvent(new Event('online'));
  let finalRetries = 0;
  for (const thread of threads) {
    el = reload(el, thread);
    expect(await whenLoaded(el, true), `${thread} loads once failures stop`).to.equal(true);
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      const locals = items(el).filter(isLocal);
      if (!locals.length) break;
      for (const item of notSent(el)) {
        $$<HTMLButtonElement>(item, '[part="delivery-button"]')[0]!.click();
        finalRetries++;
      }
      await sleep(10);
      await settled(el);
    }
  }
  dispatchEvent(new PageTransitionEvent('pagehide'));
  el.remove();
  await sleep(50); // posts of pages that went away still land
  host.remove();

  // ---- what is where -----------------------------------------------------------------------
  const server = new Map<string, Comment[]>();
  for (const thread of threads) server.set(thread, await serverComments(backend, thread));
  const all = [...server.entries()].flatMap(([thread, comments]) => comments.map((comment) => ({ thread, comment })));
  const drafts = storedDrafts();
  const outboxLeft = storedOutbox();

  // Exact duplicates: every body the reader posts is unique, so two equal bodies are one submission twice.
  const bodyCounts = new Map<string, number>();
  for (const { comment } of all) bodyCounts.set(comment.body, (bodyCounts.get(comment.body) ?? 0) + 1);
  const duplicates = [...bodyCounts.entries()].filter(([, n]) => n > 1).map(([body, n]) => `${n}× ${JSON.stringify(body)}`);

  // Every submission not taken back: exactly one copy on the server, in its thread.
  const wrongCopies: string[] = [];
  for (const s of submissions) {
    if (s.takenBack || !s.key) continue;
    const copies = (server.get(s.thread) ?? []).filter((c) => c.body === s.body).length;
    if (copies !== 1) wrongCopies.push(`op ${s.op} ${s.token} in ${s.thread}: ${copies} copies of ${JSON.stringify(s.body)}`);
  }

  // Every token: on the server, in a draft, or queued.
  const where = (token: string) => ({
    server: all.filter(({ comment }) => comment.body.includes(token)),
    drafts: drafts.filter((draft) => draft.body.includes(token)),
    outbox: outboxLeft.filter((entry) => entry.body.includes(token)),
  });
  const lost: string[] = [];
  const multiCopy: string[] = [];
  const otherThread: string[] = [];
  let inDrafts = 0;
  let queued = 0;
  for (const [token, info] of tokens) {
    const found = where(token);
    if (!found.server.length && !found.drafts.length && !found.outbox.length) {
      const related = history.filter((line) => Number(line.split(' ')[0]) >= info.op).slice(0, 12);
      const submission = submissions.find((s) => s.token === token);
      const path = submission ? (submission.key ? ' through the outbox' : ' without outbox') : '';
      lost.push(`${token} (${info.kind}${path} at op ${info.op} in ${info.thread}${info.parent ? ` under ${info.parent}` : ''}; then: ${related.join(', ')})`);
    }
    if (!found.server.length && found.drafts.length) inDrafts++;
    if (!found.server.length && found.outbox.length) queued++;
    if (found.server.length > 1) {
      const takenBack = submissions.find((s) => s.token === token)?.takenBack;
      multiCopy.push(`${token} (${info.kind} at op ${info.op}${takenBack ? ', taken back with Edit' : ''}) in ${found.server.length} comments`);
    }
    const elsewhere = [...found.server.map(({ thread }) => thread), ...found.drafts.map((d) => d.thread), ...found.outbox.map((e) => e.thread)].filter(
      (thread) => thread !== info.thread
    );
    if (elsewhere.length) {
      const submission = submissions.find((s) => s.token === token);
      const path = submission ? (submission.key ? ' through the outbox' : ' without outbox') : '';
      const places = [
        ...found.server.map(({ thread }) => `server ${thread}`),
        ...found.drafts.map((d) => `draft ${d.thread}`),
        ...found.outbox.map((e) => `outbox ${e.thread}`),
      ];
      otherThread.push(`${token} (${info.kind}${path} at op ${info.op} in ${info.thread}) in ${places.join(', ')}`);
    }
  }

  const faults = faulty.faults;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary =
    `soak: ${operationCount} operations in ${seconds} s, ${counts.post} posts, ${counts.reply} replies, ${counts.draft} drafts typed, ` +
      `${submissions.length} submissions (${counts.direct} without outbox, ${submissions.filter((s) => s.takenBack).length} taken back with Edit, ` +
      `${submissions.filter((s) => s.onServerWhenTakenBack).length} of them already on the server), ` +
      `${faults.failed} failures injected (before ${faults.failedBefore} / after ${faults.failedAfter}; post: ${faults.byMethod.post!.failed}, ` +
      `${faults.byMethod.post!.failedAfter} lost responses; ${faults.offline} offline calls; ${beforeFlush.failed} before the final flush), ` +
      `${counts.retry} retries (+${finalRetries} in the final flush), ${counts.edit} edits, ${counts.reload} reloads, ${counts.switch} thread switches, ` +
      `${counts.offline} times offline, ${counts.skipped} skipped (nothing to act on), ${counts.rejected} rejected by the form; ` +
      `server: ${all.length - threads.length} reader comments; ${inDrafts} texts left in drafts, ${queued} queued; ` +
      `duplicates ${duplicates.length}, wrong copies ${wrongCopies.length}, lost ${lost.length}, ` +
      `texts in several comments ${multiCopy.length}, texts in another thread ${otherThread.length}`;
  console.log(summary);
  for (const line of [...duplicates, ...wrongCopies, ...lost, ...multiCopy, ...otherThread].slice(0, 40)) console.log(`soak: ${line}`);

  return {
    summary,
    failed: faults.failed,
    lostResponses: faults.byMethod.post!.failedAfter,
    retries: counts.retry + finalRetries,
    edits: counts.edit,
    reloads: counts.reload,
    offline: counts.offline,
    switches: counts.switch,
    duplicates,
    wrongCopies,
    lost,
    otherThread,
  };
}

describe('comment-thread: soak', function () {
  this.timeout(120000);
  let result: SoakResult;

  before(async function () {
    this.timeout(120000);
    result = await soak();
  });

  it('injects failures, lost responses included, and exercises retry, edit, reload, offline and thread switches', () => {
    expect(result.failed, 'failures injected').to.be.greaterThan(0);
    expect(result.lostResponses, 'lost responses (the server kept the post, the page saw an error)').to.be.greaterThan(0);
    expect(result.retries, 'Retry clicked').to.be.greaterThan(0);
    expect(result.edits, 'Edit clicked on a comment that was not sent').to.be.greaterThan(0);
    expect(result.reloads, 'reloads').to.be.greaterThan(0);
    expect(result.offline, 'times offline').to.be.greaterThan(0);
    expect(result.switches, 'thread switches').to.be.greaterThan(0);
  });

  it('the server never holds a comment twice', () => {
    expect(result.duplicates, 'comments on the server twice').to.deep.equal([]);
  });

  it('the server holds exactly one copy of every submission the reader did not take back', () => {
    expect(result.wrongCopies, 'submissions without exactly one copy on the server').to.deep.equal([]);
  });

  it('every text the reader typed or posted is on the server, in a draft or queued: none is lost', () => {
    expect(result.lost, 'texts neither on the server nor in a draft nor queued').to.deep.equal([]);
  });

  it('no text typed in one thread ends up in another', () => {
    expect(result.otherThread, 'texts typed in one thread, found in another').to.deep.equal([]);
  });
});

/**
 * The soak's findings, each as small as it gets. Every one of them loses the reader's words (or
 * publishes them on the wrong page) without any failure being needed beyond what is named.
 */
describe('comment-thread: soak findings', function () {
  this.timeout(10000);

  const backend = () =>
    new MemoryAdapter({ comments: { 'min/a': [makeComment('1', { author: { name: 'Baraka' } })], 'min/b': [makeComment('2')] } });

  async function open(adapter: MemoryAdapter, thread = 'min/a'): Promise<CommentThread> {
    const el = await fixture<CommentThread>(html`<comment-thread thread=${thread} lang="en" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    return el;
  }

  /** Mounts a thread whose first list fails: it shows the loading error (and the form). */
  async function openFailing(adapter: MemoryAdapter): Promise<CommentThread> {
    adapter.failNext('list');
    const el = await fixture<CommentThread>(html`<comment-thread thread="min/a" lang="en" .adapter=${adapter}></comment-thread>`);
    await waitUntil(() => $(el, '[part="retry-button"]'), 'the list did not fail');
    return el;
  }

  function leave(el: CommentThread): void {
    dispatchEvent(new PageTransitionEvent('pagehide'));
    el.remove();
  }

  const everywhere = async (adapter: MemoryAdapter) => [
    ...(await adapter.list('min/a', {})).comments.map((c) => c.body),
    ...storedDrafts().map((d) => d.body),
    ...storedOutbox().map((e) => e.body),
  ];

  it('a draft typed while the first load has failed survives a reload', async () => {
    const adapter = backend();
    let el = await openFailing(adapter);
    await typeInto(textareaOf(mainForm(el)), 'Typed while the comments could not be loaded');
    await sleep(500); // past the draft's save delay
    leave(el);
    el = await open(adapter);
    expect(textareaOf(mainForm(el)).value).to.equal('Typed while the comments could not be loaded');
  });

  it('a post made while the first load has failed, and that fails too, survives a reload', async () => {
    const adapter = backend();
    let el = await openFailing(adapter);
    adapter.failNext('post');
    await fillAndPost(mainForm(el), 'Posted while the comments could not be loaded', 'Amina');
    await waitUntil(() => !mainForm(el).busy, 'the post did not end');
    leave(el);
    el = await open(adapter);
    expect(await everywhere(adapter), 'on the server, in a draft or in the outbox').to.include('Posted while the comments could not be loaded');
  });

  it('switching the thread does not carry the text typed in the old thread into the new thread\'s form', async () => {
    const el = await open(backend());
    await typeInto(textareaOf(mainForm(el)), 'About page A');
    el.thread = 'min/b';
    await threadReady(el);
    expect(textareaOf(mainForm(el)).value, 'the main form on thread B').to.equal('');
  });

  it('a reply form closed and opened again shows what was typed in it', async () => {
    const el = await open(backend());
    replyButton(el, '1').click();
    await settled(el);
    await typeInto(textareaOf(replyForm(el)!), '@Baraka my first thought');
    replyButton(el, '1').click(); // closes it
    await settled(el);
    expect(replyForm(el)).to.equal(null);
    replyButton(el, '1').click(); // opens it again
    await settled(el);
    expect(textareaOf(replyForm(el)!).value).to.equal('@Baraka my first thought');
  });

  it('Edit on a comment that was not sent keeps the text already in the form through a reload', async () => {
    const adapter = backend();
    adapter.failNext('post');
    let el = await open(adapter);
    await fillAndPost(mainForm(el), 'First, not sent', 'Amina');
    await waitUntil(() => notSent(el).length === 1, 'the post did not fail');
    await typeInto(textareaOf(mainForm(el)), 'Second, typed meanwhile');
    await sleep(500); // the draft is saved
    $$<HTMLButtonElement>(notSent(el)[0]!, '[part="delivery-button"]')[1]!.click(); // Edit
    await settled(el);
    expect(textareaOf(mainForm(el)).value).to.equal('Second, typed meanwhile\n\nFirst, not sent');
    leave(el);
    el = await open(adapter);
    expect(textareaOf(mainForm(el)).value).to.equal('Second, typed meanwhile\n\nFirst, not sent');
  });
});
