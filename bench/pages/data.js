// Synthetic comment threads, identical for every variant and every run: a seeded PRNG
// (mulberry32) drives every choice, so the same (size, shape) always gives the same comments.
// Only `createdAt` depends on the day the benchmark runs (offsets from today's UTC midnight, so
// the relative dates — "3 days ago" — and the absolute ones after 30 days both occur).

/** mulberry32: a small, fast, deterministic 32-bit PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = [
  'Amina', 'Baraka', 'Chiara', 'Daniel', 'Esther', 'Farid', 'Grace', 'Hiroshi', 'Imani', 'Jonas', 'Kofi', 'Lena',
  'Mwajuma', 'Nikhil', 'Olga', 'Pedro', 'Qadira', 'Rahul', 'Sofia', 'Tariq', 'Uzma', 'Vera', 'Wanjiru', 'Xavier',
  'Yusuf', 'Zawadi', 'राज', 'Анна', 'María José', 'Jean-Luc',
];
const lastNames = [
  'Mwangi', 'Otieno', 'Rossi', 'Schmidt', 'Kariuki', 'Haddad', 'Njeri', 'Tanaka', 'Achieng', 'Berg', 'Mensah',
  'Fischer', 'Said', 'Sharma', 'Ivanova', 'Silva', 'Hassan', 'Gupta', 'Moreno', 'Ali', 'Khan', 'Novak', 'Kamau',
  'Dubois', 'Omar', 'Wambui', 'कुमार', 'Петрова', 'García', 'Picard',
];
const words = (
  'the a of and to in is that it for on with as this was but be at by not are from or have an they which you one ' +
  'were all we when your can there use each how their if will up other about out many then them these so some ' +
  'would make like into time has look two more write go see number way could people than first water been call ' +
  'who oil its now find long down day did get come made may part social media investment return campaign ' +
  'engagement audience metrics conversion brand budget strategy content channel analytics growth customer ' +
  'really think agree point article great thanks interesting question answer data example experience ' +
  'mitandao uwekezaji asante sana habari nzuri kweli'
).split(' ');
const punctuation = ['.', '.', '.', '!', '?', ',', ',', ';', ' —'];
const flourishes = ['*really*', '`ROI`', '**important**', '(see above)', '_exactly_', 'https://example.com/post'];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** A comment body of about `length` characters, with sentences, some line breaks and mentions. */
function body(random, length, names) {
  const paragraphs = [];
  let paragraph = '';
  let total = 0;
  let sentenceStart = true;
  while (total < length) {
    let word = pick(random, words);
    const roll = random();
    if (roll < 0.025) word = `@${pick(random, names).split(' ')[0]}`;
    else if (roll < 0.04) word = pick(random, flourishes);
    if (sentenceStart) word = word[0].toUpperCase() + word.slice(1);
    sentenceStart = false;
    paragraph += (paragraph ? ' ' : '') + word;
    total += word.length + 1;
    if (random() < 0.12) {
      const mark = pick(random, punctuation);
      paragraph += mark;
      sentenceStart = mark !== ',' && mark !== ';' && mark !== ' —';
      // Some comments break lines: a blank line (new paragraph) or a single line break.
      if (sentenceStart && total < length - 40 && random() < 0.18) {
        paragraphs.push(paragraph);
        paragraph = '';
      }
    }
  }
  paragraphs.push(paragraph.replace(/[,;]$/, '') + '.');
  return paragraphs.map((text, i) => (i ? (random() < 0.6 ? '\n\n' : '\n') + text : text)).join('');
}

const dayMs = 24 * 3600 * 1000;

/**
 * `size` comments, oldest first. `flat`: all top level. `nested`: three levels (top level,
 * replies, replies to replies); about a third are top level, and each reply answers an earlier
 * comment of depth 0 or 1, mostly a recent one.
 *
 * Each comment: { id, parentId, author: { name }, body, createdAt, replyCount }. Bodies are 40–600
 * characters (most 80–300), ~1 in 5 with line breaks and ~1 in 3 with an @mention.
 */
export function makeThread(size, shape, seed = 20261123) {
  const random = prng(seed ^ (size * 2654435761) ^ (shape === 'nested' ? 0x5bd1e995 : 0));
  const names = [];
  for (let i = 0; i < 120; i++) names.push(`${pick(random, firstNames)} ${pick(random, lastNames)}`);
  const anchor = Math.floor(Date.now() / dayMs) * dayMs;
  const span = 60 * dayMs; // the thread spans the 60 days before today
  const comments = [];
  const depthOf = new Map();
  const replyable = []; // indexes of comments at depth 0 or 1
  for (let i = 0; i < size; i++) {
    let parent = null;
    if (shape === 'nested' && i > 0 && random() >= 0.34) {
      // Prefer recent comments (conversations are local), sometimes anything earlier.
      const window = random() < 0.75 ? Math.min(replyable.length, 30) : replyable.length;
      parent = replyable[replyable.length - 1 - Math.floor(random() * window)];
    }
    const depth = parent === null ? 0 : depthOf.get(parent) + 1;
    // Length: skewed toward 80–300 characters, always within 40–600.
    const r = random();
    const length = Math.round(r < 0.1 ? 40 + random() * 40 : r < 0.85 ? 80 + random() * 220 : 300 + random() * 300);
    const text = body(random, length, names).slice(0, 600);
    const createdAt = new Date(anchor - span + Math.floor(((i + random()) / size) * (span - 3600 * 1000))).toISOString();
    comments.push({
      id: `c${i + 1}`,
      parentId: parent === null ? null : `c${parent + 1}`,
      author: { name: pick(random, names) },
      body: text,
      createdAt,
      replyCount: 0,
    });
    depthOf.set(i, depth);
    if (parent !== null) comments[parent].replyCount++;
    if (depth < 2) replyable.push(i);
  }
  return comments;
}

/** Summary numbers, for checking that every variant got the same data. */
export function describeThread(comments) {
  let chars = 0;
  let hash = 2166136261;
  let topLevel = 0;
  for (const comment of comments) {
    chars += comment.body.length;
    if (comment.parentId === null) topLevel++;
    const text = comment.id + (comment.parentId ?? '') + comment.author.name + comment.body;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  }
  return { count: comments.length, topLevel, bodyChars: chars, hash: hash.toString(16) };
}
