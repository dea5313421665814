// A very large made-up thread (demo/large.html): the data, an adapter that pages like the reference
// server, and the time the thread took to show its first page.
const names = ['Amina Wanjiru', 'Nick Stamoulis', 'Priya Sharma', 'Juma', 'Lena Vogel', 'Kenji', 'Sofia Reyes', 'Omar'];
const sentences = [
  'This matches what we measured last quarter.',
  'Do you have numbers for **smaller** teams?',
  'We tried the same and saw *twice* the engagement.',
  'The point about `utm` tags is underrated.',
  'Agreed — brand first, always.',
  'Source: https://example.com/report',
];

/** `size` comments, about a third of them top level, replies up to three levels deep; seeded. */
function makeThread(size) {
  let seed = 0x6d616f6e;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const comments = [];
  const day = 24 * 3600 * 1000;
  for (let i = 0; i < size; i++) {
    const candidates = comments.length ? comments.slice(-40).filter((c) => c.depth < 3) : [];
    const parent = random() < 0.65 && candidates.length ? candidates[Math.floor(random() * candidates.length)] : null;
    const body = Array.from({ length: 1 + Math.floor(random() * 3) }, () => sentences[Math.floor(random() * sentences.length)]).join(' ');
    comments.push({
      id: `c${i + 1}`,
      parentId: parent ? parent.id : null,
      depth: parent ? parent.depth + 1 : 0,
      author: { name: names[Math.floor(random() * names.length)] },
      body: parent ? `@${parent.author.name.split(' ')[0]} ${body}` : body,
      createdAt: new Date(Date.now() - (size - i) * (60 * day / size)).toISOString(),
    });
  }
  return comments;
}

/** Pages like the reference server: top level by `limit`, each listed comment with its first 3 replies inline. */
function pagedAdapter(comments) {
  const children = new Map();
  for (const comment of comments) {
    if (!children.has(comment.parentId)) children.set(comment.parentId, []);
    children.get(comment.parentId).push(comment);
  }
  const withReplies = (page, inline) => {
    const out = [];
    const add = (comment) => {
      const replies = children.get(comment.id) ?? [];
      out.push({ ...comment, replyCount: replies.length });
      for (const reply of replies.slice(0, inline)) add(reply);
    };
    page.forEach(add);
    return out;
  };
  return {
    async list(threadId, { parentId = null, cursor = null, limit = 100 } = {}) {
      const level = children.get(parentId) ?? [];
      const start = Number(cursor ?? 0);
      const page = level.slice(start, start + limit);
      const next = start + page.length < level.length ? String(start + page.length) : null;
      return { comments: withReplies(page, limit >= comments.length ? Infinity : 3), nextCursor: next, total: comments.length };
    },
    async post(threadId, { parentId, body, author }) {
      const comment = { id: `new${comments.length + 1}`, parentId, body, author: { name: author?.name ?? 'You' }, createdAt: new Date().toISOString() };
      comments.push(comment);
      return comment;
    },
  };
}

const thread = document.querySelector('comment-thread');
const sizeSelect = document.getElementById('size');
const pageSelect = document.getElementById('page-size');
const timing = document.getElementById('timing');

function show() {
  const size = Number(sizeSelect.value);
  const comments = makeThread(size);
  const started = performance.now();
  thread.addEventListener(
    'comment-loaded',
    () => requestAnimationFrame(() => {
      const mounted = thread.shadowRoot.querySelectorAll('comment-item').length;
      timing.value = `${size.toLocaleString()} comments: first page shown in ${Math.round(performance.now() - started)} ms, ${mounted.toLocaleString()} comment elements mounted.`;
    }),
    { once: true }
  );
  thread.setAttribute('page-size', pageSelect.value === 'all' ? String(size) : pageSelect.value);
  thread.thread = `demo/large/${size}/${pageSelect.value}`;
  thread.adapter = pagedAdapter(comments);
}

sizeSelect.addEventListener('change', show);
pageSelect.addEventListener('change', show);
show();
