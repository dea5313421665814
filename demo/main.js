// The seed blog post with its comment section, on the embedded default backend (LocalStorageAdapter).
import { LocalStorageAdapter, shippedLocales } from '../dist/maoni.js';
import { notice, post, seedComments } from './seed.js';

const threadId = 'blog/social-media-roi';
const thread = document.querySelector('comment-thread');
const picker = document.getElementById('language');
const rtl = new Set(['ar', 'he', 'ur']);

// Every locale maoni ships, named in its own language.
for (const locale of shippedLocales) {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  picker.append(new Option(`${name} (${locale})`, locale));
}

// The seed comments are stored once (in Swahili, the seed page's language); posted ones as typed.
const storage = new LocalStorageAdapter({
  prefix: 'maoni-demo:',
  seed: { [threadId]: seedComments.map((comment) => ({ ...comment, body: comment.body.sw })) },
});

/**
 * A site's adapter can wrap another: this one shows the seed comments in the reader's language
 * where the seed has them (sw, hi, en; English otherwise), and passes everything else through.
 */
function translatingSeed(inner, lang) {
  const bodies = new Map(seedComments.map((comment) => [comment.id, comment.body[lang] ?? comment.body.en]));
  return {
    async list(id, options) {
      const result = await inner.list(id, options);
      return { ...result, comments: result.comments.map((c) => (bodies.has(c.id) ? { ...c, body: bodies.get(c.id) } : c)) };
    },
    post: (id, input, options) => inner.post(id, input, options),
    viewer: () => inner.viewer(),
  };
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

document.getElementById('reset').addEventListener('click', () => {
  storage.clear();
  thread.reload();
});
