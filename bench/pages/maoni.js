// Variant 1: maoni itself, from the production rollup bundle (dist/maoni.js registers the
// elements; Lit is inlined there in its production build). The thread gets an in-page adapter that
// answers at once from an array, and `page-size` equal to the thread's size, so the whole thread
// comes in one page and maoni renders every comment — the case issue 9 names.
//
// With `?paged=1` ("maoni-paged" in the results) the thread keeps its default page-size (100) and
// the adapter answers like the reference server: a page of top-level comments, each with at most
// 3 direct replies inline (recursively), the rest behind "Show N more replies". That is the
// widget's default behaviour, and what the "first screen of a 10,000-comment thread"
// target is about.
import '../../dist/maoni.js';
import { installBench, params, replyBody, replyName, size } from './harness.js';

const paged = params.get('paged') === '1';

/**
 * A minimal adapter over the generated comments (MemoryAdapter-like, but with no per-call
 * copying or sorting of its own, so the measurement is maoni's work, not the adapter's): the top
 * level paged by `limit`, each listed comment followed by all its descendants (inline replies),
 * and `post` with idempotency keys.
 */
function arrayAdapter(comments, inlineReplies = Infinity) {
  const roots = comments.filter((comment) => comment.parentId === null);
  const children = new Map();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    if (!children.has(comment.parentId)) children.set(comment.parentId, []);
    children.get(comment.parentId).push(comment);
  }
  const withDescendants = (page) => {
    const out = [];
    const add = (comment) => {
      out.push(comment);
      for (const reply of (children.get(comment.id) ?? []).slice(0, inlineReplies)) add(reply);
    };
    page.forEach(add);
    return out;
  };
  const byKey = new Map();
  let created = 0;
  return {
    async list(threadId, { parentId = null, cursor = null, limit = 100 } = {}) {
      const start = cursor ? Number(cursor) : 0;
      const level = parentId === null ? roots : children.get(parentId) ?? [];
      const page = level.slice(start, start + limit);
      const end = start + page.length;
      const everything = parentId === null && start === 0 && end === roots.length && inlineReplies === Infinity;
      const all = everything ? comments.slice() : withDescendants(page);
      return { comments: all, nextCursor: end < level.length ? String(end) : null, total: comments.length };
    },
    async post(threadId, { parentId, body, author }, { idempotencyKey }) {
      if (!byKey.has(idempotencyKey)) {
        const comment = {
          id: `new${++created}`,
          parentId,
          author: { name: author?.name ?? 'You' },
          body,
          createdAt: new Date().toISOString(),
          replyCount: 0,
        };
        comments.push(comment);
        byKey.set(idempotencyKey, comment);
      }
      return byKey.get(idempotencyKey);
    },
  };
}

const app = document.getElementById('app');
let adapter;
let thread;
let form;
let createdId;
let onScreen = [];

const items = () => thread.shadowRoot.querySelectorAll('comment-item');
const replyText = (item) => item.shadowRoot.querySelector('[part="reply-button"]')?.textContent.trim();
const isOnScreen = (element) => {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
};

/**
 * Waits until the thread and every comment-item in it have finished their pending Lit updates.
 * (Part of the measured time for maoni: a scan of all items, ~0.1 ms per 1,000; see settleMs.)
 */
async function settle() {
  while (thread.isUpdatePending) await thread.updateComplete;
  for (const item of items()) if (item.isUpdatePending || !item.hasUpdated) await item.updateComplete;
  while (thread.isUpdatePending) await thread.updateComplete;
}

function once(target, type, errorType) {
  return new Promise((resolve, reject) => {
    const onError = (event) => {
      target.removeEventListener(type, onOk);
      reject(new Error(`${errorType} (${event.detail?.operation}): ${event.detail?.error?.code} ${event.detail?.error?.message}`));
    };
    const onOk = (event) => {
      target.removeEventListener(errorType, onError);
      resolve(event);
    };
    target.addEventListener(type, onOk, { once: true });
    target.addEventListener(errorType, onError, { once: true });
  });
}

async function waitFor(condition, what, timeoutMs = 20000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

installBench(paged ? 'maoni-paged' : 'maoni', {
  async setup(comments) {
    adapter = arrayAdapter(comments, paged ? 3 : Infinity);
  },
  async render() {
    thread = document.createElement('comment-thread');
    thread.setAttribute('thread', 'bench/thread');
    thread.setAttribute('lang', 'en');
    if (!paged) thread.setAttribute('page-size', String(size));
    const loaded = once(thread, 'comment-loaded', 'comment-error');
    thread.adapter = adapter;
    app.append(thread);
    await loaded;
    await settle();
  },
  mounted() {
    return items().length;
  },
  /** Time of one settle() on the idle, fully rendered thread: the harness's own share of `ready`. */
  settleCost() {
    const t0 = performance.now();
    return settle().then(() => performance.now() - t0);
  },
  async preparePost(targetId) {
    const item = [...items()].find((element) => element.comment?.id === targetId);
    item.shadowRoot.querySelector('[part="reply-button"]').click();
    await settle();
    form = thread.shadowRoot.querySelector('[part="reply-form"] comment-form');
    await form.updateComplete;
    const type = (selector, value) => {
      const input = form.shadowRoot.querySelector(selector);
      if (!input) return;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type('textarea', replyBody);
    type('input[name="name"]', replyName);
    await form.updateComplete;
    await settle();
  },
  async post() {
    const created = once(thread, 'comment-created', 'comment-error');
    form.shadowRoot.querySelector('[part="submit"]').click();
    createdId = (await created).detail.comment.id;
    await settle();
  },
  checkPost(targetId) {
    const item = [...items()].find((element) => element.comment?.id === createdId);
    if (!item || !item.shadowRoot.textContent.includes('matches what we measured')) return false;
    const parentItem = item.closest('li')?.parentElement?.closest('li')?.querySelector(':scope > comment-item');
    return parentItem?.comment?.id === targetId && !thread.shadowRoot.querySelector('[part="reply-form"]');
  },
  async preloadLocale() {
    // A second thread in Swahili, without an adapter: once it shows its (translated) "no adapter"
    // message, the sw chunk is loaded and its Localization cached. Then it goes away.
    const preloader = document.createElement('comment-thread');
    preloader.setAttribute('lang', 'sw');
    preloader.hidden = true;
    document.body.append(preloader);
    await waitFor(() => preloader.shadowRoot?.querySelector('[part="config-error"]'), 'the sw translations');
    preloader.remove();
    // Which comments are on screen, found now: asking for their boxes during the measurement would
    // lay out the comments content-visibility skips.
    onScreen = [...items()].filter((item) => isOnScreen(item));
  },
  async switchLocale() {
    const last = items()[items().length - 1];
    const visible = onScreen;
    thread.setAttribute('lang', 'sw');
    // The lang MutationObserver delivers in a microtask queued before this continuation.
    await Promise.resolve();
    await settle();
    // Done when the thread and every comment on screen show Swahili. Comments off screen take it
    // in idle time right after (content-visibility skips them meanwhile): see allLocale().
    const start = performance.now();
    while (!(last.localization?.locale === 'sw' && visible.every((item) => !item.isUpdatePending && replyText(item) === 'Jibu'))) {
      if (performance.now() - start > 20000) throw new Error('timed out waiting for the sw re-render');
      await new Promise((resolve) => setTimeout(resolve, 0));
      await settle();
    }
  },
  /** Resolves when every comment, on screen or not, shows Swahili (its time is reported too). */
  async allLocale() {
    while (![...items()].every((item) => replyText(item) === 'Jibu')) await new Promise((resolve) => setTimeout(resolve, 1));
  },
  checkLocale() {
    const reply = items()[0].shadowRoot.querySelector('[part="reply-button"]')?.textContent.trim();
    const heading = thread.shadowRoot.querySelector('[part="heading"]')?.textContent.trim();
    return reply !== 'Reply' && !/Comments?$/.test(heading ?? '');
  },
});
