import { expect } from '@open-wc/testing';
import { isLoaded, loadLocale, loadedTemplates, matchLocale, shippedLocales, sourceLocale } from '../../src/internal/locales.js';
import { Localization } from '../../src/internal/localization.js';

describe('locales', () => {
  it('ships English as the source locale, then Hindi and Swahili', () => {
    expect(sourceLocale).to.equal('en');
    expect(shippedLocales[0]).to.equal('en');
    expect([...shippedLocales].sort()).to.deep.equal(['en', 'hi', 'sw']);
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

    it('accepts underscores as separators', () => {
      expect(matchLocale('sw_TZ')).to.equal('sw');
      expect(matchLocale('HI_in')).to.equal('hi');
    });

    it('returns undefined for unshipped or empty tags', () => {
      expect(matchLocale('fr')).to.equal(undefined);
      expect(matchLocale('fr-SW')).to.equal(undefined);
      expect(matchLocale('swa')).to.equal(undefined);
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
      expect(await loadLocale('fr')).to.equal(undefined);
      expect(isLoaded('fr')).to.equal(false);
    });
  });
});
