import { expect } from '@open-wc/testing';
import { isLoaded, loadLocale, loadMoreMessages, loadedTemplates, matchLocale, shippedLocales, sourceLocale } from '../../src/i18n/locales.js';
import { Localization } from '../../src/i18n/localization.js';

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

  // After the tests above: until now no more part was wanted. The test server breaks a part on
  // request (the maoni-test-more cookie, web-test-runner.config.mjs).
  describe('the more part (messages of the lazy chunks)', () => {
    const breakPart = (locale: string) => (document.cookie = `maoni-test-more=${locale}:fail; path=/`);
    afterEach(() => (document.cookie = 'maoni-test-more=; path=/; max-age=0'));

    it('loads only the base part until the more part is wanted', async () => {
      const templates = await loadLocale('sw');
      expect(isLoaded('sw')).to.equal(true);
      expect(templates).to.have.property('thread.form-heading');
      expect(templates).not.to.have.property('thread.load-more');
      expect(templates).not.to.have.property('thread.heading.count.other');
    });

    it('merges it into the same templates, keeps a failed part wanted and tries it again on the next call', async () => {
      const templates = loadedTemplates('sw')!;
      const l = new Localization('sw', templates);
      breakPart('sw');
      let failure: unknown;
      await loadMoreMessages().catch((error: unknown) => (failure = error));
      expect(failure, 'loadMoreMessages did not reject').to.be.instanceOf(Error);
      // Wanted but missing: the locale is not loaded, and loading it tries the part again.
      expect(isLoaded('sw')).to.equal(false);
      expect(isLoaded('hi')).to.equal(false);
      expect(templates).not.to.have.property('thread.load-more');
      document.cookie = 'maoni-test-more=; path=/; max-age=0';
      await loadMoreMessages();
      expect(isLoaded('sw')).to.equal(true);
      expect(isLoaded('hi')).to.equal(true);
      expect(loadedTemplates('sw')).to.equal(templates);
      expect(l.msg('Load more comments', { id: 'thread.load-more' })).to.equal('Pakia maoni zaidi');
      expect(l.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('Unafikiri?');
    });

    it('then loads both parts of a locale, as one request', async () => {
      expect(isLoaded('de')).to.equal(false);
      const first = loadLocale('de');
      expect(loadLocale('de')).to.equal(first);
      const templates = await first;
      expect(isLoaded('de')).to.equal(true);
      expect(templates).to.have.property('thread.form-heading');
      expect(templates).to.have.property('thread.load-more');
      expect(await loadLocale('de')).to.equal(templates);
    });

    it('rejects a locale whose more part fails, keeping its base part, and loads it on the next call', async () => {
      breakPart('fr');
      let failure: unknown;
      await loadLocale('fr').catch((error: unknown) => (failure = error));
      expect(failure, 'loadLocale did not reject').to.be.instanceOf(Error);
      expect(isLoaded('fr')).to.equal(false);
      const templates = loadedTemplates('fr')!;
      expect(templates).to.have.property('thread.form-heading');
      expect(templates).not.to.have.property('thread.load-more');
      document.cookie = 'maoni-test-more=; path=/; max-age=0';
      expect(await loadLocale('fr')).to.equal(templates);
      expect(templates).to.have.property('thread.load-more');
      expect(isLoaded('fr')).to.equal(true);
    });
  });
});
