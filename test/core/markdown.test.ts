import { expect } from '@open-wc/testing';
import { mentionOf, parseInline, parseMarkdown, type Block, type Inline } from '../../src/core/markdown.js';
import { excerpt } from '../../src/core/excerpt.js';

const p = (...inlines: Inline[]): Block => ({ kind: 'paragraph', inlines });
const mention = (name: string): Inline => ({ kind: 'mention', name });
const strong = (...children: Inline[]): Inline => ({ kind: 'strong', children });
const em = (...children: Inline[]): Inline => ({ kind: 'emphasis', children });
const code = (text: string): Inline => ({ kind: 'code', text });
const br: Inline = { kind: 'break' };
const link = (href: string, source: string, ...children: Inline[]): Inline => ({ kind: 'link', href, children, source });
const autolink = (url: string): Inline => link(url, url, url);

describe('parseMarkdown', () => {
  describe('paragraphs and line breaks', () => {
    it('makes one paragraph of a single line', () => {
      expect(parseMarkdown('Great post!')).to.deep.equal([p('Great post!')]);
    });

    it('starts a paragraph on every line, as readers type them (\\n, \\r\\n and \\r)', () => {
      expect(parseMarkdown('one\ntwo\r\nthree\rfour')).to.deep.equal([p('one'), p('two'), p('three'), p('four')]);
    });

    it('drops blank lines and the spaces around each line', () => {
      expect(parseMarkdown('\n\n  first  \n\n \t \r\n\r\nsecond\n\n')).to.deep.equal([p('first'), p('second')]);
    });

    it('continues a paragraph after a line break when a line ends in two spaces or a backslash', () => {
      expect(parseMarkdown('roses are red  \nviolets\\\nblue')).to.deep.equal([p('roses are red', br, 'violets', br, 'blue')]);
    });

    it('returns nothing for an empty, blank or non-string body', () => {
      for (const body of ['', ' \n\r\n\t ', undefined, null, 42, true, {}, ['text'], { toString: () => 'text' }]) {
        expect(parseMarkdown(body)).to.deep.equal([]);
      }
    });

    it('keeps raw HTML as text', () => {
      const html = '<img src=x onerror="alert(1)"> <b>bold</b> &amp; <script>alert(1)</script>';
      expect(parseMarkdown(html)).to.deep.equal([p(html)]);
    });

    it('keeps markdown it does not support as text (headings, images, rules, tables)', () => {
      expect(parseMarkdown('# Title')).to.deep.equal([p('# Title')]);
      expect(parseMarkdown('---')).to.deep.equal([p('---')]);
      expect(parseMarkdown('| a | b |')).to.deep.equal([p('| a | b |')]);
      expect(parseInline('![alt](https://example.com/x.png)')).to.deep.equal(['!', link('https://example.com/x.png', '[alt](https://example.com/x.png)', 'alt')]);
    });
  });

  describe('emphasis, strong and code', () => {
    it('reads *emphasis*, _emphasis_, **strong** and __strong__', () => {
      expect(parseInline('a *b* _c_ **d** __e__')).to.deep.equal(['a ', em('b'), ' ', em('c'), ' ', strong('d'), ' ', strong('e')]);
    });

    it('nests emphasis in strong and strong in emphasis', () => {
      expect(parseInline('**very *much* so**')).to.deep.equal([strong('very ', em('much'), ' so')]);
      expect(parseInline('*a **b** c*')).to.deep.equal([em('a ', strong('b'), ' c')]);
      expect(parseInline('***both***')).to.deep.equal([strong(em('both'))]);
    });

    it('leaves unmatched or space-flanked markers as text', () => {
      expect(parseInline('2 * 3 * 4')).to.deep.equal(['2 * 3 * 4']);
      expect(parseInline('**not closed')).to.deep.equal(['**not closed']);
      expect(parseInline('a ** b **')).to.deep.equal(['a ** b **']);
      expect(parseInline('*')).to.deep.equal(['*']);
    });

    it('does not emphasize inside snake_case_words', () => {
      expect(parseInline('call my_var_name now')).to.deep.equal(['call my_var_name now']);
    });

    it('reads `code` with one to three backticks and nothing inside it', () => {
      expect(parseInline('use `a *b* <c>` here')).to.deep.equal(['use ', code('a *b* <c>'), ' here']);
      expect(parseInline('``a ` b``')).to.deep.equal([code('a ` b')]);
      expect(parseInline('`` `tick` ``')).to.deep.equal([code('`tick`')]);
      expect(parseInline('`open')).to.deep.equal(['`open']);
    });

    it('takes a backslash-escaped marker literally', () => {
      expect(parseInline('\\*not em\\* and \\[x](y)')).to.deep.equal(['*not em* and [x](y)']);
      expect(parseInline('a\\b')).to.deep.equal(['a\\b']);
    });
  });

  describe('links', () => {
    it('reads [text](url) with formatting in its text', () => {
      expect(parseInline('see [the **docs**](https://example.com/a) now')).to.deep.equal([
        'see ',
        link('https://example.com/a', '[the **docs**](https://example.com/a)', 'the ', strong('docs')),
        ' now',
      ]);
    });

    it('reads balanced parentheses inside a destination and <…> destinations', () => {
      expect(parseInline('[w](https://en.wikipedia.org/wiki/Lit_(software))')).to.deep.equal([
        link('https://en.wikipedia.org/wiki/Lit_(software)', '[w](https://en.wikipedia.org/wiki/Lit_(software))', 'w'),
      ]);
      expect(parseInline('[x](<https://a.example/b c>)')).to.deep.equal([link('https://a.example/b c', '[x](<https://a.example/b c>)', 'x')]);
    });

    it('hands every destination to the URL policy unchanged, hostile or not (rich-text decides)', () => {
      expect(parseInline('[x](javascript:alert(1))')).to.deep.equal([link('javascript:alert(1)', '[x](javascript:alert(1))', 'x')]);
      expect(parseInline('[x](<javascript:alert(1)>)')).to.deep.equal([link('javascript:alert(1)', '[x](<javascript:alert(1)>)', 'x')]);
    });

    it('is not a link without its (destination), or with a space in it', () => {
      expect(parseInline('[x] (y)')).to.deep.equal(['[x] (y)']);
      expect(parseInline('[x](a b)')).to.deep.equal(['[x](a b)']);
      expect(parseInline('[x]()')).to.deep.equal(['[x]()']);
      expect(parseInline('[x](unclosed')).to.deep.equal(['[x](unclosed']);
    });

    it('makes the innermost bracket the link', () => {
      expect(parseInline('[a [b](https://x.example)')).to.deep.equal(['[a ', link('https://x.example', '[b](https://x.example)', 'b')]);
    });

    it('puts no mention or link inside a link', () => {
      expect(parseInline('[@nick https://x.example](https://y.example)')).to.deep.equal([
        link('https://y.example', '[@nick https://x.example](https://y.example)', '@nick https://x.example'),
      ]);
    });

    it('links bare http(s) URLs, leaving trailing punctuation and closing parentheses out', () => {
      expect(parseInline('go to https://example.com/a?b=1&c=2.')).to.deep.equal(['go to ', autolink('https://example.com/a?b=1&c=2'), '.']);
      expect(parseInline('(see http://example.com/x)')).to.deep.equal(['(see ', autolink('http://example.com/x'), ')']);
      expect(parseInline('HTTPS://EXAMPLE.COM/Page_(x), ok')).to.deep.equal([autolink('HTTPS://EXAMPLE.COM/Page_(x)'), ', ok']);
    });

    it('does not link a scheme alone, a URL inside a word, or other schemes', () => {
      expect(parseInline('https:// nothing')).to.deep.equal(['https:// nothing']);
      expect(parseInline('xhttps://example.com')).to.deep.equal(['xhttps://example.com']);
      expect(parseInline('javascript:alert(1) ftp://x.example')).to.deep.equal(['javascript:alert(1) ftp://x.example']);
    });
  });

  describe('mentions', () => {
    it('finds a mention at the start of a line, without a trailing colon or period', () => {
      expect(parseInline('@nickstamoulis: thanks')).to.deep.equal([mention('nickstamoulis'), ': thanks']);
      expect(parseInline('thanks @anna.')).to.deep.equal(['thanks ', mention('anna'), '.']);
    });

    it('keeps inner dots and dashes', () => {
      expect(parseInline('cc @john.doe-smith, ok')).to.deep.equal(['cc ', mention('john.doe-smith'), ', ok']);
      expect(parseInline('@bob-')).to.deep.equal([mention('bob'), '-']);
    });

    it('does not take an e-mail address, a lone @ or @@ for a mention', () => {
      expect(parseInline('write to a@b.com please')).to.deep.equal(['write to a@b.com please']);
      expect(parseInline('सा@example.com')).to.deep.equal(['सा@example.com']);
      expect(parseInline('meet @ noon')).to.deep.equal(['meet @ noon']);
      expect(parseInline('@@nick')).to.deep.equal(['@@nick']);
    });

    it('reads Unicode names whole, including combining marks', () => {
      expect(parseInline('asante @राज!')).to.deep.equal(['asante ', mention('राज'), '!']);
      expect(parseInline('@José @e\u0301mile')).to.deep.equal([mention('José'), ' ', mention('e\u0301mile')]);
    });

    it('finds mentions inside emphasis and lists', () => {
      expect(parseInline('**@a** and (@b)')).to.deep.equal([strong(mention('a')), ' and (', mention('b'), ')']);
    });

    it('writes the mention a reply starts with from the author name', () => {
      expect(mentionOf('nickstamoulis')).to.equal('@nickstamoulis ');
      expect(mentionOf('Martech Zone')).to.equal('@MartechZone ');
      expect(mentionOf('राज कुमार')).to.equal('@राजकुमार ');
      expect(mentionOf('.john..doe-')).to.equal('@john.doe ');
      expect(mentionOf('!!!')).to.equal('');
      // What Reply writes is read back as that mention.
      for (const name of ['Martech Zone', 'José M.', 'a-b_c']) {
        const written = mentionOf(name).trim();
        expect(parseInline(written)).to.deep.equal([mention(written.slice(1))]);
      }
    });
  });

  describe('blocks', () => {
    it('reads fenced code blocks with ``` or ~~~, keeping their lines and markup as text', () => {
      expect(parseMarkdown('before\n```js\nconst a = 1;\n  <b>*x*</b>\n```\nafter')).to.deep.equal([
        p('before'),
        { kind: 'code-block', text: 'const a = 1;\n  <b>*x*</b>' },
        p('after'),
      ]);
      expect(parseMarkdown('~~~~\n~~~\n~~~~')).to.deep.equal([{ kind: 'code-block', text: '~~~' }]);
    });

    it('runs an unclosed fence to the end of the body', () => {
      expect(parseMarkdown('```\ncode\n\nmore')).to.deep.equal([{ kind: 'code-block', text: 'code\n\nmore' }]);
    });

    it('reads > quotes with markdown inside, nested quotes included', () => {
      expect(parseMarkdown('> **said**\n> twice\n>> inner\nreply')).to.deep.equal([
        { kind: 'quote', blocks: [p(strong('said')), p('twice'), { kind: 'quote', blocks: [p('inner')] }] },
        p('reply'),
      ]);
    });

    it('stops nesting quotes at three levels; deeper markers are text', () => {
      expect(parseMarkdown('>>>> deep')).to.deep.equal([
        { kind: 'quote', blocks: [{ kind: 'quote', blocks: [{ kind: 'quote', blocks: [p('> deep')] }] }] },
      ]);
    });

    it('reads bullet lists with -, * or +, one list per marker', () => {
      expect(parseMarkdown('- one\n- *two*\n+ other')).to.deep.equal([
        { kind: 'list', ordered: false, start: 1, items: [['one'], [em('two')]] },
        { kind: 'list', ordered: false, start: 1, items: [['other']] },
      ]);
    });

    it('reads numbered lists with their first number, continuation lines and blank lines between items', () => {
      expect(parseMarkdown('3. three\n   and more\n\n4) four\n5. five\n\n6. six')).to.deep.equal([
        { kind: 'list', ordered: true, start: 3, items: [['three', br, 'and more']] },
        { kind: 'list', ordered: true, start: 4, items: [['four']] },
        { kind: 'list', ordered: true, start: 5, items: [['five'], ['six']] },
      ]);
    });

    it('needs a space after a list marker', () => {
      expect(parseMarkdown('-no\n*em*\n1.5 litres')).to.deep.equal([p('-no'), p(em('em')), p('1.5 litres')]);
    });
  });

  describe('excerpt', () => {
    it('cuts at the last space shortly before the limit, with an ellipsis', () => {
      expect(excerpt('one two three four', 16)).to.equal('one two three…');
      expect(excerpt('one two\nthree four', 8)).to.equal('one two…');
    });

    it('cuts a long word at the limit but never inside a surrogate pair', () => {
      expect(excerpt('a'.repeat(100), 10)).to.equal('a'.repeat(10) + '…');
      const emoji = '😀'.repeat(10);
      const cut = excerpt(emoji, 5);
      expect(cut).to.equal('😀😀…');
      expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).to.equal(false);
    });
  });
});
