/**
 * Which locales maoni ships, how a language tag maps onto one of them, and how each locale's
 * translations are loaded. Every locale but the source is a lazy chunk, loaded on first use.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export { sourceLocale };

/** Every locale maoni has translations for, the source locale first. */
export const shippedLocales: readonly string[] = [sourceLocale, ...targetLocales];

type LocaleModule = { templates: TemplateMap };

// A static map of explicit dynamic imports, so rollup sees each locale and splits it into a chunk.
const loaders: Record<string, () => Promise<LocaleModule>> = {
  sw: () => import('../generated/locales/sw.js'),
  hi: () => import('../generated/locales/hi.js'),
  ar: () => import('../generated/locales/ar.js'),
  ur: () => import('../generated/locales/ur.js'),
  he: () => import('../generated/locales/he.js'),
  es: () => import('../generated/locales/es.js'),
  fr: () => import('../generated/locales/fr.js'),
  de: () => import('../generated/locales/de.js'),
  'pt-BR': () => import('../generated/locales/pt-BR.js'),
  'zh-Hans': () => import('../generated/locales/zh-Hans.js'),
  'zh-Hant': () => import('../generated/locales/zh-Hant.js'),
  ja: () => import('../generated/locales/ja.js'),
  ru: () => import('../generated/locales/ru.js'),
  id: () => import('../generated/locales/id.js'),
  bn: () => import('../generated/locales/bn.js'),
};

const loaded = new Map<string, TemplateMap | undefined>([[sourceLocale, undefined]]);
const pending = new Map<string, Promise<TemplateMap | undefined>>();

const lowerCased = new Map(shippedLocales.map((locale) => [locale.toLowerCase(), locale]));

function shortenToShipped(tag: string): string | undefined {
  let candidate = tag.toLowerCase();
  while (candidate) {
    const match = lowerCased.get(candidate);
    if (match) return match;
    const cut = candidate.lastIndexOf('-');
    if (cut < 0) break;
    candidate = candidate.slice(0, cut);
  }
  return undefined;
}

/**
 * The shipped locale for a BCP 47 tag, or `undefined` when none fits. In order:
 * 1. the tag, then shortened one subtag at a time, case-insensitively (`sw-KE` → `sw`);
 * 2. the same with the tag canonicalized and its likely script added, so a region picks its
 *    script (`zh-TW` → `zh-Hant`, `zh-CN` and `zh` → `zh-Hans`) and legacy codes work (`iw` → `he`);
 * 3. any shipped locale of the same language, in shipping order (`pt-PT` → `pt-BR`).
 */
export function matchLocale(tag: string | null | undefined): string | undefined {
  const cleaned = (tag ?? '').trim().replace(/_/g, '-');
  if (!cleaned) return undefined;
  const direct = shortenToShipped(cleaned);
  if (direct) return direct;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(cleaned);
  } catch {
    return undefined;
  }
  const { language, script } = locale.maximize();
  const withScript = shortenToShipped(`${language}-${script ?? ''}`.replace(/-$/, ''));
  if (withScript) return withScript;
  return shippedLocales.find((shipped) => shipped.split('-')[0].toLowerCase() === language);
}

const rtlLanguages: ReadonlySet<string> = new Set(['ar', 'he', 'ur', 'fa', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** The writing direction of a locale's script. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(locale.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}

/** The templates of a locale when already loaded; `undefined` for the source locale. */
export function loadedTemplates(locale: string): TemplateMap | undefined {
  return loaded.get(locale);
}

export function isLoaded(locale: string): boolean {
  return loaded.has(locale);
}

/** Loads a locale's translations once; concurrent callers share one request. */
export function loadLocale(locale: string): Promise<TemplateMap | undefined> {
  if (loaded.has(locale)) return Promise.resolve(loaded.get(locale));
  let request = pending.get(locale);
  if (!request) {
    const loader = loaders[locale];
    request = loader
      ? loader().then((module) => {
          loaded.set(locale, module.templates);
          return module.templates;
        })
      : Promise.resolve(undefined);
    request.finally(() => pending.delete(locale)).catch(() => {});
    pending.set(locale, request);
  }
  return request;
}
