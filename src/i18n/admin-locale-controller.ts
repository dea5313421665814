/**
 * The moderation page's translations for the shared LocaleController: resolved like the widget's
 * (`lang` on the element, the nearest ancestor's, the browser's, English) and kept current as
 * `lang` and `dir` change, with the moderation messages (admin-locales.ts) instead of the widget's.
 */
import type { LocalizationSource } from './locale-controller.js';
import { loadAdminLocalization, loadedAdminLocalization } from './admin-locales.js';
import { sourceLocale } from './locales.js';

export const adminLocalizations: LocalizationSource = {
  loaded: loadedAdminLocalization,
  load: loadAdminLocalization,
  failed(locale, error) {
    console.warn(`maoni: could not load the "${locale}" moderation translations; showing English.`, error);
    return loadedAdminLocalization(sourceLocale);
  },
};
