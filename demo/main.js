// The seed blog post with its comment section, on the embedded default backend (LocalStorageAdapter).
import { LocalStorageAdapter } from '../dist/maoni.js';
import { notice, post, seedComments } from './seed.js';

const languages = ['sw', 'hi', 'en'];
const threadId = 'blog/social-media-roi';
const thread = document.querySelector('comment-thread');

// The seed comments are stored once (in Swahili, the seed page's language); posted ones as typed.
const storage = new LocalStorageAdapter({
  prefix: 'maoni-demo:',
  seed: { [threadId]: seedComments.map((comment) => ({ ...comment, body: comment.body.sw })) },
});

/**
 * A site's adapter can wrap another: this one shows the seed comments in the reader's language,
 * as the translated copies of the seed page do, and passes everything else through.
 */
function translatingSeed(inner, lang) {
  const bodies = new Map(seedComments.map((comment) => [comment.id, comment.body[lang]]));
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
  document.documentElement.lang = lang;
  const text = post[lang];
  document.title = `maoni — ${text.title}`;
  document.getElementById('post-title').textContent = text.title;
  document.getElementById('post-subtitle').textContent = text.subtitle;
  document.getElementById('post-body').replaceChildren(
    ...text.paragraphs.map((paragraph) => Object.assign(document.createElement('p'), { textContent: paragraph }))
  );
  document.getElementById('notice-text').textContent = notice[lang].text;
  document.getElementById('notice-link').textContent = notice[lang].link;
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  // The widget follows <html lang> by itself; a new adapter swaps the seed comments' language too.
  thread.adapter = translatingSeed(storage, lang);
}

const requested = new URLSearchParams(location.search).get('lang');
show(languages.includes(requested) ? requested : 'sw');

document.querySelector('.languages').addEventListener('click', (event) => {
  const lang = event.target.closest('[data-lang]')?.dataset.lang;
  if (!lang) return;
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  show(lang);
});

document.getElementById('reset').addEventListener('click', () => {
  storage.clear();
  thread.reload();
});
