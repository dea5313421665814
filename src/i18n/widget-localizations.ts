/** The widget elements' translations for the shared LocaleController: the locale chunks of locales.ts. */
import type { LocalizationSource } from './locale-controller.js';
import { isLoaded, loadLocale, loadedTemplates, sourceLocale } from './locales.js';
import { localizationFor } from './localization.js';

export const widgetLocalizations: LocalizationSource = {
  loaded: (locale) => (isLoaded(locale) ? localizationFor(locale, loadedTemplates(locale)) : undefined),
  load: (locale) => loadLocale(locale).then(() => localizationFor(locale, loadedTemplates(locale))),
  failed(locale, error) {
    // When only the locale's "more" part failed, its base part is in: the core's words show in
    // the locale. The lazy chunks' words come later (their chunk waits for them and retries),
    // merged into the same templates.
    const partial = loadedTemplates(locale);
    console.warn(`maoni: could not load the "${locale}" translations; showing ${partial ? 'those that loaded' : 'English'}.`, error);
    return partial ? localizationFor(locale, partial) : localizationFor(sourceLocale, undefined);
  },
};
