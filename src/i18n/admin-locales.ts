/**
 * The translations of the moderation page (`<comment-moderation>`, the `src/admin.ts` bundle): the
 * third part of each locale. xliff/split-locales.mjs moves every message that only modules
 * reachable from src/admin.ts use into src/generated/locales/admin/<locale>.ts, so the widget's
 * locale chunks never carry them, and the admin bundle loads only these (it shows no widget words).
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { sourceLocale } from './locales.js';
import { Localization } from './localization.js';

type LocaleModule = { templates: TemplateMap };

// Explicit dynamic imports in a static map, so rollup splits each into a chunk of its own
// (dist/locales/admin/<locale>.js).
const adminLoaders: Record<string, () => Promise<LocaleModule>> = {
  sw: () => import('../generated/locales/admin/sw.js'),
  hi: () => import('../generated/locales/admin/hi.js'),
  ar: () => import('../generated/locales/admin/ar.js'),
  ur: () => import('../generated/locales/admin/ur.js'),
  he: () => import('../generated/locales/admin/he.js'),
  es: () => import('../generated/locales/admin/es.js'),
  fr: () => import('../generated/locales/admin/fr.js'),
  de: () => import('../generated/locales/admin/de.js'),
  'pt-BR': () => import('../generated/locales/admin/pt-BR.js'),
  'zh-Hans': () => import('../generated/locales/admin/zh-Hans.js'),
  'zh-Hant': () => import('../generated/locales/admin/zh-Hant.js'),
  ja: () => import('../generated/locales/admin/ja.js'),
  ru: () => import('../generated/locales/admin/ru.js'),
  id: () => import('../generated/locales/admin/id.js'),
  bn: () => import('../generated/locales/admin/bn.js'),
};

const loaded = new Map<string, Localization>();
const pending = new Map<string, Promise<Localization>>();

/** The moderation page's localization for a shipped locale, once loaded (English at once). */
export function loadedAdminLocalization(locale: string): Localization | undefined {
  if (locale === sourceLocale || !adminLoaders[locale]) return englishAdmin();
  return loaded.get(locale);
}

let english: Localization | undefined;
function englishAdmin(): Localization {
  return (english ??= new Localization(sourceLocale, undefined));
}

/**
 * Loads a locale's moderation messages once (concurrent callers share the request; after a
 * failure the next call tries again). Its own Localization instances: the widget's cached ones
 * hold the widget's templates, not these.
 */
export function loadAdminLocalization(locale: string): Promise<Localization> {
  const ready = loadedAdminLocalization(locale);
  if (ready) return Promise.resolve(ready);
  let request = pending.get(locale);
  if (!request) {
    request = adminLoaders[locale]().then((module) => {
      const localization = new Localization(locale, module.templates);
      loaded.set(locale, localization);
      return localization;
    });
    request.finally(() => pending.delete(locale)).catch(() => {});
    pending.set(locale, request);
  }
  return request;
}
