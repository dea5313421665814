/** Up to two initials for an avatar placeholder, by grapheme so that Devanagari and emoji stay whole. */
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

function firstGrapheme(word: string): string {
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
  }
  return Array.from(word)[0] ?? '';
}

export function initials(name: string, locale?: string): string {
  const words = name.split(/[\s._-]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return picked.map((word) => firstGrapheme(word.replace(/^[^\p{L}\p{N}]+/u, ''))).join('').toLocaleUpperCase(locale);
}
