// The seed blog post with its comment section, on the embedded default backend (LocalStorageAdapter).
import { LocalStorageAdapter, RestAdapter, shippedLocales } from '../dist/maoni.js';
import { notice, post, seedComments } from './seed.js';
import { flaky, network, setOffline } from './flaky.js';

const threadId = 'blog/social-media-roi';
const thread = document.querySelector('comment-thread');
const picker = document.getElementById('language');
const rtl = new Set(['ar', 'he', 'ur']);

// Every locale maoni ships, named in its own language.
for (const locale of shippedLocales) {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  picker.append(new Option(`${name} (${locale})`, locale));
}

/**
 * The backend: the reference server's REST API when the page comes from `npm start`; otherwise
 * (the pages opened from any static server) the browser's own storage. Either way the seed
 * comments are stored once, in Swahili (the seed page's language), and posted ones as typed.
 */
async function chooseBackend() {
  const rest = new RestAdapter({ baseUrl: '/api' });
  try {
    await rest.ready();
    return { adapter: rest, where: 'the reference server (SQLite, realtime across windows)' };
  } catch {
    const local = new LocalStorageAdapter({
      prefix: 'maoni-demo:',
      seed: { [threadId]: seedComments.map((comment) => ({ ...comment, body: comment.body.sw })) },
    });
    return { adapter: local, where: 'this browser (LocalStorageAdapter; survives a reload)' };
  }
}
const chosen = await chooseBackend();
// Wrapped for the footer's "flaky network" and "offline" switches (off until switched on).
const storage = flaky(chosen.adapter);
const where = chosen.where;
document.getElementById('backend').textContent = where;

/**
 * A site's adapter can wrap another: this one shows the seed comments in the reader's language
 * where the seed has them (sw, hi, en; English otherwise), and passes everything else through,
 * capabilities included.
 */
function translatingSeed(inner, lang) {
  const bodies = new Map(seedComments.map((comment) => [comment.id, comment.body[lang] ?? comment.body.en]));
  const translate = (c) => (c && bodies.has(c.id) && c.status !== 'deleted' ? { ...c, body: bodies.get(c.id) } : c);
  const wrapped = {
    async list(id, options) {
      const result = await inner.list(id, options);
      return { ...result, comments: result.comments.map(translate) };
    },
    post: (...args) => inner.post(...args),
    get sorts() { return inner.sorts; },
    get reactions() { return inner.reactions; },
    get authorFields() { return inner.authorFields; },
  };
  for (const name of ['viewer', 'count', 'edit', 'delete', 'react', 'ready']) {
    if (typeof inner[name] === 'function') wrapped[name] = (...args) => Promise.resolve(inner[name](...args)).then(translate);
  }
  if (inner.subscribe) {
    wrapped.subscribe = (id, onEvent) => inner.subscribe(id, (event) => onEvent({ ...event, comment: translate(event.comment) }));
  }
  return wrapped;
}

function show(lang) {
  // The page says which language it is in; the widget follows <html lang> (and dir) by itself.
  document.documentElement.lang = lang;
  document.documentElement.dir = rtl.has(lang) ? 'rtl' : 'ltr';
  const textLang = post[lang] ? lang : 'en';
  const text = post[textLang];
  const article = document.querySelector('article.post');
  // The post itself exists in sw, hi and en only: mark English text as English (and left-to-right).
  article.lang = textLang;
  article.dir = rtl.has(textLang) ? 'rtl' : 'ltr';
  document.title = `maoni — ${text.title}`;
  document.getElementById('post-title').textContent = text.title;
  document.getElementById('post-subtitle').textContent = text.subtitle;
  document.getElementById('post-body').replaceChildren(
    ...text.paragraphs.map((paragraph) => Object.assign(document.createElement('p'), { textContent: paragraph }))
  );
  const noticeText = notice[textLang];
  const noticeBox = document.querySelector('.notice');
  noticeBox.lang = textLang;
  noticeBox.dir = article.dir;
  document.getElementById('notice-text').textContent = noticeText.text;
  document.getElementById('notice-link').textContent = noticeText.link;
  picker.value = lang;
  // A new adapter swaps the seed comments' language too.
  thread.adapter = translatingSeed(storage, lang);
}

const requested = new URLSearchParams(location.search).get('lang');
show(shippedLocales.includes(requested) ? requested : 'sw');

picker.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('lang', picker.value);
  history.replaceState(null, '', url);
  show(picker.value);
});

const flakyBox = document.getElementById('flaky');
flakyBox.addEventListener('change', () => (network.flaky = flakyBox.checked));
const offlineBox = document.getElementById('offline');
offlineBox.addEventListener('change', () => setOffline(offlineBox.checked));

const reset = document.getElementById('reset');
if (chosen.adapter.clear) {
  reset.addEventListener('click', () => {
    chosen.adapter.clear();
    thread.reload();
  });
} else document.getElementById('reset-box').hidden = true;
