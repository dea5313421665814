// The theming page: three threads over one MemoryAdapter with the seed comments, and under each
// the exact CSS of its look, read from theming.css (between its `@look` and `@end` comments).
import { MemoryAdapter } from '../dist/maoni.js';
import { seedComments } from './seed.js';

const adapter = new MemoryAdapter({
  comments: { 'demo/theming': seedComments.map((comment) => ({ ...comment, body: comment.body.en })) },
});
for (const thread of document.querySelectorAll('comment-thread')) {
  const lang = thread.getAttribute('lang');
  // Each thread shows the seed in its own language where the seed has it.
  thread.adapter = {
    list: async (id, options) => {
      const result = await adapter.list(id, options);
      const bodies = new Map(seedComments.map((comment) => [comment.id, comment.body[lang] ?? comment.body.en]));
      return { ...result, comments: result.comments.map((c) => (bodies.has(c.id) ? { ...c, body: bodies.get(c.id) } : c)) };
    },
    post: (...args) => adapter.post(...args),
  };
}

const css = await (await fetch('./theming.css')).text();
for (const code of document.querySelectorAll('[data-css-of]')) {
  const look = code.dataset.cssOf;
  const match = new RegExp(`/\\* @look ${look}[^]*?\\*/\\n([^]*?)/\\* @end \\*/`).exec(css);
  code.textContent = match ? match[1].trim() : '';
}
