/**
 * The parser must stay linear on any input, or one hostile comment freezes every reader's page.
 * For inputs built to trip backtracking or repeated scans, parsing one 1 MB body must cost about
 * what parsing a thousand 1 KB bodies of the same pattern costs: a ratio, measured in the same
 * test, so a slow machine does not matter. A quadratic parser would be ~1,000 times slower.
 */
import { expect } from '@open-wc/testing';
import { parseMarkdown } from '../../src/core/markdown.js';

const small = 1_000;
const large = 1_000_000;
/** Generous: linear code measures 0.5–2 here; anything quadratic is in the hundreds. */
const maxRatio = 6;

const patterns: Record<string, string> = {
  'prose with markdown': 'Some *emphasis*, **strong**, `code`, a [link](https://example.com/x) and @nick.\n',
  'unclosed emphasis openers': '*a ',
  'unclosed strong openers': '**a ',
  'underscores': '_a _',
  'mixed openers': '**a *b _c __d ',
  'backtick runs': '`a ``b ',
  'opening brackets': '[',
  'link text without destination': '[a] ',
  'unclosed destinations': '[a](b',
  'bracket parenthesis pairs': '](',
  'nested parentheses in a destination': '[a](((',
  'angle destinations': '[a](<b',
  'at signs': '@',
  'long mention names': '@a.b-c',
  'schemes': 'http://',
  'URL with closing parentheses': 'https://a.example/)',
  'backslashes': '\\',
  'quote markers': '> > ',
  'quote lines': '>>>>>>>>>> a\n',
  'list lines': '- a\n1. b\n',
  'fence lines': '```\n~~~\n',
  'hard breaks': 'a  \n',
  'one long word': 'a',
};

function bodyOf(pattern: string, length: number): string {
  return pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('markdown parser: linear time', function () {
  this.timeout(120_000);

  for (const [name, pattern] of Object.entries(patterns)) {
    it(`parses a 1 MB body of ${name} in about a thousand times a 1 KB body's time`, () => {
      const smallBody = bodyOf(pattern, small);
      const largeBody = bodyOf(pattern, large);
      const runs = large / small;
      // Warm up both paths, then take the better of two measurements of each.
      parseMarkdown(smallBody);
      parseMarkdown(largeBody.slice(0, 50_000));
      const smallTime = Math.min(...[0, 1].map(() => time(() => { for (let i = 0; i < runs; i++) parseMarkdown(smallBody); })));
      const largeTime = Math.min(...[0, 1].map(() => time(() => parseMarkdown(largeBody))));
      const ratio = largeTime / Math.max(smallTime, 1);
      expect(ratio, `1 MB: ${largeTime.toFixed(1)} ms, 1,000 × 1 KB: ${smallTime.toFixed(1)} ms`).to.be.below(maxRatio);
    });
  }
});
