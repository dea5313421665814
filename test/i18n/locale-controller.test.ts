import { expect, waitUntil } from '@open-wc/testing';
import { ReactiveElement, html } from 'lit';
import { mount } from '../support/mount.js';
import { LocaleController, declaredLang, resolveDirection, resolveLocale } from '../../src/i18n/locale-controller.js';
import { widgetLocalizations } from '../../src/i18n/widget-localizations.js';


class LocaleHost extends ReactiveElement {
  readonly locale = new LocaleController(this, widgetLocalizations);
}
customElements.define('test-locale-host', LocaleHost);

/** A host element with an open shadow root holding `inner`. */
function shadowWith(inner: Element, hostLang?: string): HTMLElement {
  const host = document.createElement('div');
  if (hostLang !== undefined) host.setAttribute('lang', hostLang);
  host.attachShadow({ mode: 'open' }).append(inner);
  return host;
}

/** Overrides navigator.languages for the duration of `fn`. */
function withLanguages<T>(languages: string[], fn: () => T): T {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
  try {
    return fn();
  } finally {
    delete (navigator as { languages?: unknown }).languages;
  }
}

describe('locale-controller', () => {
  describe('declaredLang', () => {
    it('reads the element’s own lang', async () => {
      const el = mount(html`<div lang="en"><span lang="sw-KE"></span></div>`);
      expect(declaredLang(el.querySelector('span')!)).to.equal('sw-KE');
    });

    it('reads the nearest ancestor’s lang', async () => {
      const el = mount(html`<div lang="sw"><section lang="hi"><p><span></span></p></section></div>`);
      expect(declaredLang(el.querySelector('span')!)).to.equal('hi');
    });

    it('trims the declared value', async () => {
      const el = mount(html`<div lang="  hi  "><span></span></div>`);
      expect(declaredLang(el.querySelector('span')!)).to.equal('hi');
    });

    it('skips an empty lang="" and keeps looking', async () => {
      const el = mount(html`<div lang="sw"><p lang=""><span lang="  "></span></p></div>`);
      expect(declaredLang(el.querySelector('span')!)).to.equal('sw');
    });

    it('crosses a shadow root boundary to the host and its ancestors', async () => {
      const inner = document.createElement('span');
      const wrapper = mount(html`<div lang="hi"></div>`);
      wrapper.append(shadowWith(inner));
      expect(declaredLang(inner)).to.equal('hi');
    });

    it('prefers a lang inside the shadow root, then the host’s own', async () => {
      const inner = document.createElement('span');
      const middle = document.createElement('p');
      middle.append(inner);
      const host = shadowWith(middle, 'sw');
      const wrapper = mount(html`<div lang="hi"></div>`);
      wrapper.append(host);
      expect(declaredLang(inner)).to.equal('sw');
      middle.setAttribute('lang', 'en');
      expect(declaredLang(inner)).to.equal('en');
    });

    it('crosses nested shadow roots', async () => {
      const inner = document.createElement('span');
      const innerHost = shadowWith(inner);
      const outerHost = shadowWith(innerHost);
      const wrapper = mount(html`<div lang="sw-TZ"></div>`);
      wrapper.append(outerHost);
      expect(declaredLang(inner)).to.equal('sw-TZ');
    });

    it('returns null when nothing up to a detached root declares a lang', () => {
      const detached = document.createElement('div');
      detached.append(document.createElement('span'));
      expect(declaredLang(detached.firstElementChild!)).to.equal(null);
      expect(declaredLang(shadowWith(document.createElement('i')).shadowRoot!.firstElementChild!)).to.equal(null);
    });
  });

  describe('resolveLocale', () => {
    it('maps the declared lang onto a shipped locale', async () => {
      const el = mount(html`<div lang="sw-KE"><span></span><b lang="HI"></b><i lang="en-GB"></i></div>`);
      expect(resolveLocale(el.querySelector('span')!)).to.equal('sw');
      expect(resolveLocale(el.querySelector('b')!)).to.equal('hi');
      expect(resolveLocale(el.querySelector('i')!)).to.equal('en');
    });

    it('falls back to English for an unshipped declared tag, even if the browser prefers a shipped one', async () => {
      const el = mount(html`<div lang="kl"><span></span></div>`);
      withLanguages(['sw'], () => {
        expect(resolveLocale(el.querySelector('span')!)).to.equal('en');
      });
    });

    it('resolves through a shadow root to the host’s ancestors', async () => {
      const inner = document.createElement('span');
      const wrapper = mount(html`<div lang="sw"></div>`);
      wrapper.append(shadowWith(inner));
      expect(resolveLocale(inner)).to.equal('sw');
    });

    it('uses the browser’s languages when nothing declares one', () => {
      const detached = document.createElement('span');
      withLanguages(['kl-GL', 'hi-IN', 'sw'], () => expect(resolveLocale(detached)).to.equal('hi'));
      withLanguages(['sw_TZ'], () => expect(resolveLocale(detached)).to.equal('sw'));
      withLanguages(['kl', 'nn'], () => expect(resolveLocale(detached)).to.equal('en'));
      withLanguages([], () => expect(resolveLocale(detached)).to.equal('en'));
    });
  });

  describe('resolveDirection', () => {
    it('is right-to-left for Arabic, Urdu and Hebrew, left-to-right otherwise', () => {
      const el = mount(html`<div><span></span></div>`);
      const span = el.querySelector('span')!;
      expect(resolveDirection(span, 'ar')).to.equal('rtl');
      expect(resolveDirection(span, 'ur')).to.equal('rtl');
      expect(resolveDirection(span, 'he')).to.equal('rtl');
      expect(resolveDirection(span, 'sw')).to.equal('ltr');
      expect(resolveDirection(span, 'zh-Hant')).to.equal('ltr');
    });

    it('honours an explicit dir between the element and the ancestor that declares its language', () => {
      const el = mount(html`<div><div lang="ar" dir="ltr"><span></span></div><div lang="ar"><p dir="ltr"><i></i></p></div></div>`);
      expect(resolveDirection(el.querySelector('span')!, 'ar')).to.equal('ltr');
      expect(resolveDirection(el.querySelector('i')!, 'ar')).to.equal('ltr');
    });

    it('ignores a dir above the language declaration: it belongs to the page’s own language', () => {
      const el = mount(html`<div dir="rtl" lang="ar"><section lang="en"><span></span></section></div>`);
      expect(resolveDirection(el.querySelector('span')!, 'en')).to.equal('ltr');
      const rtl = mount(html`<div dir="ltr" lang="en"><section lang="he"><span></span></section></div>`);
      expect(resolveDirection(rtl.querySelector('span')!, 'he')).to.equal('rtl');
    });

    it('ignores dir="auto" and reads through shadow roots', () => {
      const inner = document.createElement('span');
      const wrapper = mount(html`<div lang="ur" dir="auto"></div>`);
      wrapper.append(shadowWith(inner));
      expect(resolveDirection(inner, 'ur')).to.equal('rtl');
    });
  });

  describe('LocaleController', () => {
    it('loads the declared locale and follows lang changes', async () => {
      const wrapper = mount<HTMLDivElement>(html`<div lang="sw"><test-locale-host></test-locale-host></div>`);
      const host = wrapper.querySelector('test-locale-host') as LocaleHost;
      await waitUntil(() => host.locale.localization?.locale === 'sw', 'Swahili did not load');
      const sw = host.locale.localization!;
      expect(sw.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('Unafikiri?');

      wrapper.setAttribute('lang', 'kl');
      await waitUntil(() => host.locale.localization?.locale === 'en', 'did not fall back to English');
      expect(host.locale.localization!.msg('What do you think?', { id: 'thread.form-heading' })).to.equal('What do you think?');

      wrapper.setAttribute('lang', 'sw-KE');
      await waitUntil(() => host.locale.localization?.locale === 'sw', 'did not switch back to Swahili');
      expect(host.locale.localization).to.equal(sw);
    });

    it('re-resolves when the element is moved under another lang', async () => {
      const wrapper = mount<HTMLDivElement>(html`<div><div lang="en"><test-locale-host></test-locale-host></div><div lang="hi"></div></div>`);
      const host = wrapper.querySelector('test-locale-host') as LocaleHost;
      await waitUntil(() => host.locale.localization?.locale === 'en');
      wrapper.querySelector('[lang="hi"]')!.append(host);
      await waitUntil(() => host.locale.localization?.locale === 'hi', 'did not switch to Hindi');
      expect(host.locale.localization!.number(1000000)).to.equal('10,00,000');
    });
  });
});
