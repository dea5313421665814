import { expect } from '@open-wc/testing';
import { str } from '@lit/localize';
import { Localization, isValidDate, localizationFor, type PluralForms } from '../../src/i18n/localization.js';
import { loadLocale } from '../../src/i18n/locales.js';

/** Forms that name their own category, for every CLDR category. */
const allForms: PluralForms<string> = {
  zero: () => 'zero',
  one: () => 'one',
  two: () => 'two',
  few: () => 'few',
  many: () => 'many',
  other: () => 'other',
};

describe('Localization', () => {
  describe('plural', () => {
    it('maps 0 and 1 to `one` in Hindi', () => {
      const hi = new Localization('hi', undefined);
      expect(hi.plural(0, allForms)).to.equal('one');
      expect(hi.plural(1, allForms)).to.equal('one');
      expect(hi.plural(2, allForms)).to.equal('other');
      expect(hi.plural(3, allForms)).to.equal('other');
    });

    it('maps only 1 to `one` in English and Swahili', () => {
      for (const locale of ['en', 'sw']) {
        const l = new Localization(locale, undefined);
        expect(l.plural(0, allForms), locale).to.equal('other');
        expect(l.plural(1, allForms), locale).to.equal('one');
        expect(l.plural(2, allForms), locale).to.equal('other');
      }
    });

    it('uses every CLDR category the locale has', () => {
      const ar = new Localization('ar', undefined);
      expect([0, 1, 2, 3, 11, 100].map((n) => ar.plural(n, allForms))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    });

    it('falls back to `other` when the category has no form', () => {
      const hi = new Localization('hi', undefined);
      expect(hi.plural(1, { other: () => 'fallback' })).to.equal('fallback');
      const ar = new Localization('ar', undefined);
      expect(ar.plural(2, { one: () => 'one', other: () => 'other' })).to.equal('other');
    });

    it('calls only the chosen form', () => {
      const called: string[] = [];
      const en = new Localization('en', undefined);
      const result = en.plural(1, {
        one: () => (called.push('one'), 1),
        other: () => (called.push('other'), 2),
      });
      expect(result).to.equal(1);
      expect(called).to.deep.equal(['one']);
    });
  });

  describe('number', () => {
    it('groups digits the Indian way in Hindi', () => {
      expect(new Localization('hi', undefined).number(1000000)).to.equal('10,00,000');
    });

    it('groups in thousands in English', () => {
      expect(new Localization('en', undefined).number(1000000)).to.equal('1,000,000');
      expect(new Localization('en', undefined).number(3)).to.equal('3');
    });

    it('uses the locale’s own digits and separators', () => {
      expect(new Localization('hi-u-nu-deva', undefined).number(1234)).to.equal('१,२३४');
      expect(new Localization('de', undefined).number(1234.5)).to.equal('1.234,5');
    });
  });

  describe('date', () => {
    it('returns an empty string for an invalid date', () => {
      const en = new Localization('en', undefined);
      expect(en.date(new Date('not a date'))).to.equal('');
      expect(en.date(new Date(NaN))).to.equal('');
      expect(en.fullDate(new Date(''))).to.equal('');
    });

    it('formats a valid date in the locale', () => {
      const date = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));
      const en = new Localization('en', undefined);
      expect(en.date(date)).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(date));
      expect(en.date(date)).to.contain('2024');
      expect(en.fullDate(date)).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'long' }).format(date));
      const sw = new Localization('sw', undefined);
      expect(sw.date(date)).to.equal(new Intl.DateTimeFormat('sw', { dateStyle: 'medium', timeStyle: 'short' }).format(date));
      expect(sw.date(date)).not.to.equal(en.date(date));
    });

    it('tells valid from invalid dates', () => {
      expect(isValidDate(new Date())).to.equal(true);
      expect(isValidDate(new Date('2024-13-45'))).to.equal(false);
    });
  });

  describe('msg', () => {
    it('returns the English source without templates', () => {
      const en = new Localization('en', undefined);
      expect(en.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('What do you think?');
      expect(en.msg(str`Reply to ${'Nick'}`, { id: 'comment.reply-to' })).to.equal('Reply to Nick');
    });

    it('translates by id, with placeholders, and falls back to English for a missing id', async () => {
      const sw = new Localization('sw', await loadLocale('sw'));
      expect(sw.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('Unafikiri?');
      expect(sw.msg(str`Reply to ${'Nick'}`, { id: 'comment.reply-to' })).to.equal('Mjibu Nick');
      expect(sw.msg('Not translated', { id: 'test.no-such-id' })).to.equal('Not translated');
    });

    it('keeps two locales independent on one page', async () => {
      const sw = new Localization('sw', await loadLocale('sw'));
      const hi = new Localization('hi', await loadLocale('hi'));
      expect(sw.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('Unafikiri?');
      expect(hi.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('आप क्या सोचते हैं?');
    });
  });

  describe('localizationFor', () => {
    it('shares one Localization per locale', () => {
      const first = localizationFor('hi', undefined);
      expect(localizationFor('hi', undefined)).to.equal(first);
      expect(first.locale).to.equal('hi');
      expect(localizationFor('en', undefined)).not.to.equal(first);
    });
  });
});

describe('Localization: plural forms a locale chunk does not ship', () => {
  it('fall back to the same message’s "other" translation, never to English', () => {
    const templates = { 'x.count.other': { strTag: true, strings: ['', ' maoni'], values: [0] } } as never;
    const l = new Localization('sw', templates);
    const n = '5';
    const one = l.msg(str`${n} comment`, { id: 'x.count.one' });
    expect(one).to.equal('5 maoni');
    expect(l.msg('Unrelated', { id: 'x.unrelated' })).to.equal('Unrelated');
  });
});
