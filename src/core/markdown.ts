/**
 * The markdown subset of comment bodies, parsed into tokens that become Lit templates directly
 * (rich-text.ts). No HTML string is ever built from what a commenter wrote, so there is nothing
 * to sanitize: raw HTML in a body is text, like any other text.
 *
 * Blocks: paragraphs (one per line, as readers type them; a line ending in two spaces or `\`
 * continues with a line break), fenced code (``` or ~~~), `>` quotes, `-`/`*`/`+` and `1.`/`1)`
 * lists. Inline: `*emphasis*`, `**strong**` (or `_`/`__`), `` `code` ``, `[text](url)`, bare
 * http(s) URLs, `@mentions` and `\` escapes. URLs are not checked here: the renderer applies the
 * URL policy and shows a rejected link as its source text.
 *
 * Linear in the body's length: every search for a closing delimiter is cached, so no position is
 * scanned again by the same search, and nesting is capped.
 */

export type Inline =
  | string
  | { kind: 'strong' | 'emphasis'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[]; source: string }
  | { kind: 'mention'; name: string }
  | { kind: 'break' };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'code-block'; text: string }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** Quotes inside quotes, and emphasis inside emphasis, deeper than this are text. */
const maxDepth = 3;

const fence = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const quote = /^ {0,3}> ?/;
const listItem = /^ {0,3}(?:([-*+])|(\d{1,9})([.)]))[ \t]+(?=\S)/;
// A line ending in two spaces or a backslash continues the paragraph after a line break.
const hardBreak = / {2,}$|\\$/;

const wordChar = /[\p{L}\p{M}\p{N}_]/u;
// `@name`: the name may contain inner dots and dashes but never ends with one ("@nick:" → "nick").
// Word characters include combining marks (\p{M}): Devanagari vowel signs ("@राज") are marks.
const mentionName = /[\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)*/uy;
const urlScheme = /https?:\/\//iy;
const special = /[\\`*_[@hH]/g;
const escapable = /[!-/:-@[-`{-~]/;

/** Appends text, merging it into a preceding text token. */
function pushText(out: Inline[], text: string): void {
  if (!text) return;
  const last = out.length - 1;
  if (typeof out[last] === 'string') out[last] += text;
  else out.push(text);
}

/**
 * Finds the next position ≥ `from` where `test` holds, remembering the answer: a later search from
 * a position up to that answer returns it at once. Scans only move forward, so a region is scanned
 * once however many openers look for a closer in it.
 */
class ForwardSearch {
  private found = -2;
  private from = 0;
  constructor(private readonly test: (from: number) => number) {}
  next(from: number): number {
    if (this.found === -1 && from >= this.from) return -1;
    if (this.found >= from && from >= this.from) return this.found;
    this.from = from;
    return (this.found = this.test(from));
  }
}

class InlineParser {
  private readonly searches = new Map<string, ForwardSearch>();
  private readonly out: Inline[] = [];

  constructor(
    private readonly text: string,
    private readonly depth: number,
    /** Inside a link's text: no links or mentions (a link in a link is not clickable). */
    private readonly inLink: boolean
  ) {}

  private search(key: string, test: (from: number) => number): ForwardSearch {
    let search = this.searches.get(key);
    if (!search) this.searches.set(key, (search = new ForwardSearch(test)));
    return search;
  }

  private isWordAt(index: number): boolean {
    return index >= 0 && index < this.text.length && wordChar.test(this.text[index]);
  }

  private isSpaceAt(index: number): boolean {
    return index < 0 || index >= this.text.length || /\s/.test(this.text[index]);
  }

  private runLength(char: string, at: number): number {
    let end = at;
    while (this.text[end] === char) end++;
    return end - at;
  }

  parse(): Inline[] {
    const { text, out } = this;
    let textStart = 0;
    // Its own copy of the pattern: nested parsers (emphasis, link text) scan while this one waits.
    const scan = new RegExp(special);
    for (let match = scan.exec(text); match; match = scan.exec(text)) {
      const at = match.index;
      const token = this.tokenAt(at);
      if (!token) continue;
      pushText(out, text.slice(textStart, at));
      if (typeof token.value === 'string') pushText(out, token.value);
      else out.push(token.value);
      textStart = scan.lastIndex = token.end;
    }
    pushText(out, text.slice(textStart));
    return out;
  }

  /** The token starting at `at`, with where it ends; `null` when the character there is text. */
  private tokenAt(at: number): { value: Inline; end: number } | null {
    const char = this.text[at];
    if (char === '\\') return this.escape(at);
    if (char === '`') return this.code(at);
    if (char === '*' || char === '_') return this.emphasis(char, at);
    if (this.inLink) return null;
    if (char === '[') return this.link(at);
    if (char === '@') return this.mention(at);
    return this.autolink(at);
  }

  private escape(at: number): { value: Inline; end: number } | null {
    const next = this.text[at + 1];
    return next && escapable.test(next) ? { value: next, end: at + 2 } : null;
  }

  private code(at: number): { value: Inline; end: number } {
    const { text } = this;
    const length = this.runLength('`', at);
    const end = at + length;
    // A closing run of exactly the same length; runs longer than three are text.
    const closer =
      length > 3
        ? -1
        : this.search('`' + length, (from) => {
            for (let i = text.indexOf('`', from); i !== -1; i = text.indexOf('`', i)) {
              const run = this.runLength('`', i);
              if (run === length) return i;
              i += run;
            }
            return -1;
          }).next(end);
    if (closer === -1) return { value: text.slice(at, end), end };
    let code = text.slice(end, closer);
    if (code.length > 2 && code[0] === ' ' && code[code.length - 1] === ' ') code = code.slice(1, -1);
    return { value: { kind: 'code', text: code }, end: closer + length };
  }

  private emphasis(char: string, at: number): { value: Inline; end: number } | null {
    const { text } = this;
    const run = this.runLength(char, at);
    const size = run >= 2 ? 2 : 1;
    const opens =
      this.depth < maxDepth &&
      !this.isSpaceAt(at + size) &&
      // snake_case_names stay as they are: `_` inside a word neither opens nor closes.
      !(char === '_' && this.isWordAt(at - 1));
    if (opens) {
      const closer = this.search(char.repeat(size), (from) => {
        for (let i = text.indexOf(char, from); i !== -1; i = text.indexOf(char, i)) {
          const length = this.runLength(char, i);
          const closes = !this.isSpaceAt(i - 1) && !(char === '_' && this.isWordAt(i + length));
          if (closes && (length === size || (size === 2 && length === 3))) return length === 3 ? i + 1 : i;
          i += length;
        }
        return -1;
      }).next(at + size + 1);
      if (closer !== -1) {
        const children = new InlineParser(text.slice(at + size, closer), this.depth + 1, this.inLink).parse();
        return { value: { kind: size === 2 ? 'strong' : 'emphasis', children }, end: closer + size };
      }
    }
    // Not emphasis: the whole run is text (so `**` is not tried again as `*`).
    return { value: text.slice(at, at + run), end: at + run };
  }

  private link(at: number): { value: Inline; end: number } | null {
    const { text } = this;
    const close = this.search(']', (from) => text.indexOf(']', from)).next(at + 1);
    if (close === -1 || text[close + 1] !== '(') return null;
    // The text may not hold another `[`: the inner one is the link then.
    const inner = this.search('[', (from) => text.indexOf('[', from)).next(at + 1);
    if (inner !== -1 && inner < close) return null;
    const destination = this.destination(close + 2);
    if (!destination) return null;
    const children = new InlineParser(text.slice(at + 1, close), this.depth + 1, true).parse();
    return {
      value: { kind: 'link', href: destination.href, children, source: text.slice(at, destination.end) },
      end: destination.end,
    };
  }

  /**
   * A link destination from `start` (just after `(`) to its `)`: `<…>` or a run without spaces
   * whose parentheses balance. It stops at `[`, `]`, `<` and `>`, so a failed attempt never scans
   * past the next link's start and the whole body is scanned about once.
   */
  private destination(start: number): { href: string; end: number } | null {
    const { text } = this;
    if (text[start] === '<') {
      for (let i = start + 1; i < text.length; i++) {
        const char = text[i];
        if (char === '>') return text[i + 1] === ')' ? { href: text.slice(start + 1, i), end: i + 2 } : null;
        if (char === '<' || char === '[' || char === ']' || char === '\n') return null;
      }
      return null;
    }
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const char = text[i];
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) return i > start ? { href: text.slice(start, i), end: i + 1 } : null;
        depth--;
      } else if (/[\s<>[\]]/.test(char)) return null;
    }
    return null;
  }

  private mention(at: number): { value: Inline; end: number } | null {
    const before = this.text[at - 1];
    if (before === '@' || this.isWordAt(at - 1)) return null;
    mentionName.lastIndex = at + 1;
    const name = mentionName.exec(this.text)?.[0];
    return name ? { value: { kind: 'mention', name }, end: at + 1 + name.length } : null;
  }

  private autolink(at: number): { value: Inline; end: number } | null {
    const { text } = this;
    if (this.isWordAt(at - 1)) return null;
    urlScheme.lastIndex = at;
    if (!urlScheme.test(text)) return null;
    const schemeEnd = urlScheme.lastIndex;
    let end = schemeEnd;
    let opened = 0;
    let closed = 0;
    for (; end < text.length && !/[\s<>"`]/.test(text[end]); end++) {
      if (text[end] === '(') opened++;
      else if (text[end] === ')') closed++;
    }
    // Sentence punctuation after a URL is not part of it, nor is a `)` that closes a remark.
    for (; end > schemeEnd; end--) {
      const char = text[end - 1];
      if (char === ')' && closed > opened) closed--;
      else if (!/[.,:;!?'"*_]/.test(char)) break;
    }
    if (end === schemeEnd) return null;
    const url = text.slice(at, end);
    return { value: { kind: 'link', href: url, children: [url], source: url }, end };
  }
}

/** Parses one paragraph's (or list item's) text into inline tokens. */
export function parseInline(text: string): Inline[] {
  return new InlineParser(text, 0, false).parse();
}

/** Joins lines with break tokens between them. */
function withBreaks(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, index) => {
    if (index) out.push({ kind: 'break' });
    for (const inline of parseInline(line)) typeof inline === 'string' ? pushText(out, inline) : out.push(inline);
  });
  return out;
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const opening = fence.exec(line);
    if (opening) {
      // Up to a closing fence of the same character and at least the same length, or the end.
      const marker = opening[1];
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      const code: string[] = [];
      for (i++; i < lines.length && !closing.test(lines[i]); i++) code.push(lines[i]);
      i++;
      blocks.push({ kind: 'code-block', text: code.join('\n') });
      continue;
    }
    if (quote.test(line) && depth < maxDepth) {
      const quoted: string[] = [];
      for (; i < lines.length && quote.test(lines[i]); i++) quoted.push(lines[i].replace(quote, ''));
      blocks.push({ kind: 'quote', blocks: parseBlocks(quoted, depth + 1) });
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      const ordered = !item[1];
      const marker = markerOf(item);
      const items: Inline[][] = [];
      while (i < lines.length) {
        const next = listItem.exec(lines[i]);
        if (!next || markerOf(next) !== marker) break;
        // Indented lines that follow continue the item, after a line break.
        const itemLines = [lines[i].slice(next[0].length).trim()];
        for (i++; i < lines.length && /^\s+\S/.test(lines[i]) && !listItem.test(lines[i]); i++) itemLines.push(lines[i].trim());
        items.push(withBreaks(itemLines));
        // A blank line between two items of the same list keeps the list going.
        const after = i + 1 < lines.length && !lines[i].trim() && listItem.exec(lines[i + 1]);
        if (after && markerOf(after) === marker) i++;
      }
      blocks.push({ kind: 'list', ordered, start: ordered ? Number(item[2]) : 1, items });
      continue;
    }
    const paragraph = [line.trim()];
    for (i++; hardBreak.test(lines[i - 1]) && i < lines.length && lines[i].trim() && !startsBlock(lines[i]); i++) {
      paragraph[paragraph.length - 1] = paragraph[paragraph.length - 1].replace(/\\$/, '').trimEnd();
      paragraph.push(lines[i].trim());
    }
    blocks.push({ kind: 'paragraph', inlines: withBreaks(paragraph) });
  }
  return blocks;
}

/** `-`, `*` or `+` for a bullet; `.` or `)` for a numbered item (a different one starts a new list). */
function markerOf(item: RegExpExecArray): string {
  return item[1] ?? item[3];
}

function startsBlock(line: string): boolean {
  return fence.test(line) || quote.test(line) || listItem.test(line);
}

/** Parses a comment body. Anything that is not a string is an empty body. Never throws. */
export function parseMarkdown(body: unknown): Block[] {
  if (typeof body !== 'string') return [];
  return parseBlocks(body.split(/\r\n|\r|\n/), 0);
}

/**
 * What a reply starts with: `@name ` for the comment's author, the name written the way a mention
 * is parsed (spaces and other characters a mention cannot hold are left out: "Martech Zone" →
 * `@MartechZone`). Nothing when no character of the name can be part of a mention.
 */
export function mentionOf(name: string): string {
  const handle = name.replace(/[^\p{L}\p{M}\p{N}_.-]+/gu, '').replace(/([.-])[.-]+/g, '$1').replace(/^[.-]+|[.-]+$/g, '');
  return handle ? `@${handle} ` : '';
}
