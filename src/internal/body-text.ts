/**
 * Splits a comment body into paragraphs of text and `@mention` runs. The result becomes Lit
 * templates directly: no HTML string is ever built from what a commenter wrote.
 * Linear in the body's length.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'mention'; name: string };
export type Paragraph = Inline[];

// `@name` at the start or after a non-word character (so e-mail addresses are not mentions);
// the name may contain inner dots and dashes but never ends with one ("@nick:" → "nick").
// Word characters include combining marks (\p{M}): Devanagari vowel signs ("@राज") are marks.
const mention = /(^|[^\p{L}\p{M}\p{N}_@])@([\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)*)/gu;

function inlines(line: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(mention)) {
    const start = match.index! + match[1].length;
    if (start > last) parts.push({ kind: 'text', text: line.slice(last, start) });
    parts.push({ kind: 'mention', name: match[2] });
    last = start + 1 + match[2].length;
  }
  if (last < line.length) parts.push({ kind: 'text', text: line.slice(last) });
  return parts;
}

/** Paragraphs split on line breaks (one or more); blank lines and surrounding spaces dropped. */
export function parseBody(body: unknown): Paragraph[] {
  if (typeof body !== 'string') return [];
  return body
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(inlines);
}
