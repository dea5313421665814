/** Up to two initials for an avatar placeholder, by grapheme so that Devanagari and emoji stay whole. */
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

function firstGrapheme(word: string): string {
  // A character below U+0300 followed by another (or nothing) is a grapheme of its own: most names
  // need no segmenter, which is slow enough to show in a 1,000-comment render.
  if (word.charCodeAt(0) < 0x300 && !(word.charCodeAt(1) >= 0x300)) return word.charAt(0);
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
  }
  return Array.from(word)[0] ?? '';
}

// Names repeat in a thread (people answer each other): each is worked out once per locale.
const known = new Map<string, string>();

export function initials(name: string, locale?: string): string {
  const key = `${locale ?? ''}\u0000${name}`;
  let found = known.get(key);
  if (found === undefined) {
    const words = name.split(/[\s._-]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
    const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
    found = picked.map((word) => firstGrapheme(word.replace(/^[^\p{L}\p{N}]+/u, ''))).join('').toLocaleUpperCase(locale);
    if (known.size >= 2000) known.clear();
    known.set(key, found);
  }
  return found;
}
