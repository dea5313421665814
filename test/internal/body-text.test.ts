import { expect } from '@open-wc/testing';
import { parseBody, type Inline } from '../../src/internal/body-text.js';

const text = (value: string): Inline => ({ kind: 'text', text: value });
const mention = (name: string): Inline => ({ kind: 'mention', name });

describe('parseBody', () => {
  describe('paragraphs', () => {
    it('makes one paragraph of a single line', () => {
      expect(parseBody('Great post!')).to.deep.equal([[text('Great post!')]]);
    });

    it('splits on \\n, \\r\\n and \\r', () => {
      expect(parseBody('one\ntwo\r\nthree\rfour')).to.deep.equal([[text('one')], [text('two')], [text('three')], [text('four')]]);
    });

    it('does not make an empty paragraph between \\r and \\n', () => {
      expect(parseBody('one\r\ntwo')).to.have.length(2);
    });

    it('drops blank and whitespace-only lines and trims each line', () => {
      expect(parseBody('\n\n  first  \n\n \t \r\n\r\nsecond\n\n')).to.deep.equal([[text('first')], [text('second')]]);
    });

    it('returns no paragraphs for an empty or blank body', () => {
      expect(parseBody('')).to.deep.equal([]);
      expect(parseBody(' \n\r\n\t ')).to.deep.equal([]);
    });

    it('returns no paragraphs for a body that is not a string', () => {
      for (const body of [undefined, null, 42, true, {}, ['text'], { toString: () => 'text' }]) {
        expect(parseBody(body)).to.deep.equal([]);
      }
    });

    it('keeps HTML-looking text as plain text', () => {
      const html = '<img src=x onerror="alert(1)"> <b>bold</b> &amp; <script>alert(1)</script>';
      expect(parseBody(html)).to.deep.equal([[text(html)]]);
    });
  });

  describe('mentions', () => {
    it('finds a mention at the start of a line, excluding a trailing colon', () => {
      expect(parseBody('@nickstamoulis: thanks for the post')).to.deep.equal([[mention('nickstamoulis'), text(': thanks for the post')]]);
    });

    it('excludes a trailing period but keeps inner dots and dashes', () => {
      expect(parseBody('thanks @anna.')).to.deep.equal([[text('thanks '), mention('anna'), text('.')]]);
      expect(parseBody('cc @john.doe-smith, ok')).to.deep.equal([[text('cc '), mention('john.doe-smith'), text(', ok')]]);
      expect(parseBody('@bob-')).to.deep.equal([[mention('bob'), text('-')]]);
    });

    it('does not take an e-mail address for a mention', () => {
      expect(parseBody('write to a@b.com please')).to.deep.equal([[text('write to a@b.com please')]]);
      expect(parseBody('राज@example.com')).to.deep.equal([[text('राज@example.com')]]);
      // A Devanagari vowel sign (a combining mark) before @ is still part of a word.
      expect(parseBody('सा@example.com')).to.deep.equal([[text('सा@example.com')]]);
    });

    it('ignores a lone @ and a doubled @@', () => {
      expect(parseBody('meet @ noon')).to.deep.equal([[text('meet @ noon')]]);
      expect(parseBody('@@nick')).to.deep.equal([[text('@@nick')]]);
      expect(parseBody('@')).to.deep.equal([[text('@')]]);
    });

    it('reads Unicode names whole, including combining marks', () => {
      expect(parseBody('asante @राज!')).to.deep.equal([[text('asante '), mention('राज'), text('!')]]);
      expect(parseBody('@कुमार @José @Zoë')).to.deep.equal([[mention('कुमार'), text(' '), mention('José'), text(' '), mention('Zoë')]]);
      expect(parseBody('@e\u0301mile')).to.deep.equal([[mention('e\u0301mile')]]);
    });

    it('finds several mentions on one line and after punctuation', () => {
      expect(parseBody('@a @b and (@c_1), "@d"')).to.deep.equal([
        [mention('a'), text(' '), mention('b'), text(' and ('), mention('c_1'), text('), "'), mention('d'), text('"')],
      ]);
    });

    it('finds mentions in each paragraph separately', () => {
      expect(parseBody('hi @a\n@b: yes')).to.deep.equal([[text('hi '), mention('a')], [mention('b'), text(': yes')]]);
    });
  });

  describe('large input', () => {
    it('parses a 1 MB body with many lines and mentions', () => {
      const line = 'Hello @nick.s: see a@b.com <b>now</b>.';
      const lines = Math.ceil(1_000_000 / (line.length + 2));
      const body = Array.from({ length: lines }, () => line).join('\r\n\n');
      expect(body.length).to.be.greaterThan(1_000_000);
      const paragraphs = parseBody(body);
      expect(paragraphs).to.have.length(lines);
      const expected = [text('Hello '), mention('nick.s'), text(': see a@b.com <b>now</b>.')];
      expect(paragraphs[0]).to.deep.equal(expected);
      expect(paragraphs[lines - 1]).to.deep.equal(expected);
      expect(paragraphs.every((p) => p.length === 3 && p[1].kind === 'mention')).to.equal(true);
    });

    it('parses a 1 MB single line', () => {
      const body = '@a.b '.repeat(200_000);
      const [paragraph, ...rest] = parseBody(body);
      expect(rest).to.have.length(0);
      const mentions = paragraph.filter((inline) => inline.kind === 'mention');
      expect(mentions).to.have.length(200_000);
      expect(paragraph).to.have.length(200_000 * 2 - 1);
      expect(paragraph[paragraph.length - 1]).to.deep.equal(mention('a.b'));
    });

    it('parses a 1 MB line of dots and dashes after an @', () => {
      const body = '@' + 'a.'.repeat(500_000);
      const paragraphs = parseBody(body);
      expect(paragraphs).to.have.length(1);
      expect(paragraphs[0]).to.have.length(2);
      expect(paragraphs[0][0]).to.deep.equal(mention('a.'.repeat(500_000).slice(0, -1)));
      expect(paragraphs[0][1]).to.deep.equal(text('.'));
    });
  });
});
