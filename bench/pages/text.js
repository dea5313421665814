// What the two baselines (lit-html and vanilla DOM) need to show the same text as maoni: the same
// body parsing (paragraphs on line breaks, @mentions), the same avatar initials, and the same
// Intl formatting (relative dates for 30 days, then dates; full date as tooltip; plural heading).
// Written to do the same amount of work as maoni's own code, not less.

const mention = /(^|[^\p{L}\p{M}\p{N}_@])@([\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)*)/gu;

function inlines(line) {
  const parts = [];
  let last = 0;
  for (const match of line.matchAll(mention)) {
    const start = match.index + match[1].length;
    if (start > last) parts.push({ kind: 'text', text: line.slice(last, start) });
    parts.push({ kind: 'mention', name: match[2] });
    last = start + 1 + match[2].length;
  }
  if (last < line.length) parts.push({ kind: 'text', text: line.slice(last) });
  return parts;
}

/** Paragraphs (arrays of text and mention runs), split on line breaks, blank lines dropped. */
export function parseBody(body) {
  return body
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(inlines);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function firstGrapheme(word) {
  for (const { segment } of segmenter.segment(word)) return segment;
  return '';
}

export function initials(name, locale) {
  const words = name.split(/[\s._-]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return picked.map((word) => firstGrapheme(word.replace(/^[^\p{L}\p{N}]+/u, ''))).join('').toLocaleUpperCase(locale);
}

const strings = {
  en: {
    heading: (n, category) => `${n} ${category === 'one' ? 'Comment' : 'Comments'}`,
    label: (n, name) => `Comment ${n} by ${name}`,
    reply: 'Reply',
    replyTo: (name) => `Reply to ${name}`,
    formHeading: 'What do you think?',
    yourComment: 'Your comment',
    name: 'Name',
    submit: 'Post comment',
    hint: 'Ctrl+Enter to post',
  },
  sw: {
    heading: (n) => `${n} Maoni`,
    label: (n, name) => `Maoni ${n} ya ${name}`,
    reply: 'Jibu',
    replyTo: (name) => `Mjibu ${name}`,
    formHeading: 'Unafikiri?',
    yourComment: 'Maoni yako',
    name: 'Jina',
    submit: 'Tuma maoni',
    hint: 'Ctrl+Enter kutuma',
  },
};

const relativeLimitMs = 30 * 24 * 3600 * 1000;
const relativeSteps = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
];

/** One locale's strings and formatters (created once per locale, like maoni's Localization cache). */
export class BaselineLocalization {
  constructor(locale) {
    this.locale = locale;
    this.s = strings[locale];
    this.plurals = new Intl.PluralRules(locale);
    this.numbers = new Intl.NumberFormat(locale);
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.fullDates = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' });
    this.relatives = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  }

  number(value) {
    return this.numbers.format(value);
  }

  heading(count) {
    return this.s.heading(this.number(count), this.plurals.select(count));
  }

  relative(date, now) {
    const elapsed = now - date.getTime();
    if (elapsed < -60_000 || elapsed >= relativeLimitMs) return '';
    let amount = Math.max(0, elapsed) / 1000;
    for (const [unit, size] of relativeSteps) {
      if (amount < size || unit === 'day') {
        return unit === 'second' ? this.relatives.format(0, 'second') : this.relatives.format(-Math.floor(amount), unit);
      }
      amount /= size;
    }
    return '';
  }

  dateText(date, now) {
    return this.relative(date, now) || this.dates.format(date);
  }

  fullDate(date) {
    return this.fullDates.format(date);
  }
}

const cache = new Map();
export function localization(locale) {
  let l = cache.get(locale);
  if (!l) cache.set(locale, (l = new BaselineLocalization(locale)));
  return l;
}

/**
 * The thread as a tree, numbered in reading order (depth first), from the flat list in arrival
 * order — what maoni's buildTree does, minus its defences against hostile data.
 */
export function buildTree(comments) {
  const byId = new Map();
  const roots = [];
  for (const comment of comments) byId.set(comment.id, { comment, number: 0, depth: 0, children: [] });
  for (const node of byId.values()) {
    const parent = node.comment.parentId !== null ? byId.get(node.comment.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  let number = 0;
  const stack = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop();
    node.number = ++number;
    for (let i = node.children.length - 1; i >= 0; i--) {
      node.children[i].depth = node.depth + 1;
      stack.push(node.children[i]);
    }
  }
  return { roots, byId, size: byId.size };
}
