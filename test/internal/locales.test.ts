import { expect } from '@open-wc/testing';
import { isLoaded, loadLocale, loadedTemplates, matchLocale, shippedLocales, sourceLocale } from '../../src/internal/locales.js';
import { Localization } from '../../src/internal/localization.js';

describe('locales', () => {
  it('ships English as the source locale, then Hindi and Swahili', () => {
    expect(sourceLocale).to.equal('en');
    expect(shippedLocales[0]).to.equal('en');
    for (const locale of ['en', 'sw', 'hi', 'ar', 'ur', 'he', 'es', 'fr', 'de', 'pt-BR', 'zh-Hans', 'zh-Hant', 'ja', 'ru', 'id', 'bn']) {
      expect(shippedLocales).to.include(locale);
    }
  });

  describe('matchLocale', () => {
    it('matches a shipped tag exactly, ignoring case and surrounding space', () => {
      expect(matchLocale('sw')).to.equal('sw');
      expect(matchLocale('HI')).to.equal('hi');
      expect(matchLocale('En')).to.equal('en');
      expect(matchLocale(' sw ')).to.equal('sw');
    });

    it('shortens a tag one subtag at a time', () => {
      expect(matchLocale('sw-KE')).to.equal('sw');
      expect(matchLocale('hi-Latn-IN')).to.equal('hi');
      expect(matchLocale('en-GB')).to.equal('en');
      expect(matchLocale('sw-')).to.equal('sw');
    });

    it('picks the script a region writes in, and the closest variant of a language', () => {
      expect(matchLocale('zh-TW')).to.equal('zh-Hant');
      expect(matchLocale('zh-HK')).to.equal('zh-Hant');
      expect(matchLocale('zh-CN')).to.equal('zh-Hans');
      expect(matchLocale('zh')).to.equal('zh-Hans');
      expect(matchLocale('zh-Hant-CN')).to.equal('zh-Hant');
      expect(matchLocale('pt')).to.equal('pt-BR');
      expect(matchLocale('pt-PT')).to.equal('pt-BR');
      expect(matchLocale('pt-br')).to.equal('pt-BR');
      expect(matchLocale('iw')).to.equal('he');
      expect(matchLocale('in')).to.equal('id');
      expect(matchLocale('ar-EG')).to.equal('ar');
    });

    it('canonicalizes three-letter and legacy codes', () => {
      expect(matchLocale('swa')).to.equal('sw');
      expect(matchLocale('hin')).to.equal('hi');
      expect(matchLocale('eng-US')).to.equal('en');
    });

    it('accepts underscores as separators', () => {
      expect(matchLocale('sw_TZ')).to.equal('sw');
      expect(matchLocale('HI_in')).to.equal('hi');
    });

    it('returns undefined for unshipped or empty tags', () => {
      expect(matchLocale('kl')).to.equal(undefined);
      expect(matchLocale('kl-SW')).to.equal(undefined);
      expect(matchLocale('-sw')).to.equal(undefined);
      expect(matchLocale('')).to.equal(undefined);
      expect(matchLocale('   ')).to.equal(undefined);
      expect(matchLocale(null)).to.equal(undefined);
      expect(matchLocale(undefined)).to.equal(undefined);
    });
  });

  describe('loadLocale', () => {
    it('treats the source locale as loaded, with no templates', async () => {
      expect(isLoaded('en')).to.equal(true);
      expect(loadedTemplates('en')).to.equal(undefined);
      expect(await loadLocale('en')).to.equal(undefined);
    });

    it('loads the Swahili templates', async () => {
      expect(isLoaded('sw')).to.equal(false);
      const templates = await loadLocale('sw');
      expect(templates).to.be.an('object');
      expect(templates!['thread.form-heading']).to.equal('Unafikiri?');
      expect(isLoaded('sw')).to.equal(true);
      expect(loadedTemplates('sw')).to.equal(templates);
      expect(await loadLocale('sw')).to.equal(templates);
    });

    it('gives the loaded templates to a Localization', async () => {
      const templates = await loadLocale('sw');
      const l = new Localization('sw', templates);
      expect(l.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('Unafikiri?');
    });

    it('shares one request between concurrent callers', async () => {
      expect(isLoaded('hi')).to.equal(false);
      const first = loadLocale('hi');
      const second = loadLocale('hi');
      expect(second).to.equal(first);
      const templates = await first;
      expect(templates!['thread.form-heading']).to.equal('आप क्या सोचते हैं?');
    });

    it('resolves undefined for a locale it does not ship, without marking it loaded', async () => {
      expect(await loadLocale('kl')).to.equal(undefined);
      expect(isLoaded('kl')).to.equal(false);
    });
  });
});
