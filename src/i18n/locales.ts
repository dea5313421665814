/**
 * Which locales maoni ships, how a language tag maps onto one of them, and how each locale's
 * translations are loaded. Every locale but the source comes in two lazy chunks: the base part,
 * loaded on first use, and the "more" part, loaded with the list chunk that shows it.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { lazyModule, type LazyModule } from '../core/lazy-module.js';

export { sourceLocale };

/** Every locale maoni has translations for, the source locale first. */
export const shippedLocales: readonly string[] = [sourceLocale, ...targetLocales];

type LocaleModule = { templates: TemplateMap };
type Loaders = Record<string, () => Promise<LocaleModule>>;

// Static maps of explicit dynamic imports, so rollup sees each module and splits it into a chunk.
// A locale comes in two parts (xliff/split-locales.mjs splits the generated modules): the base
// part (dist/locales/) holds the messages of the core bundle's elements, the "more" part
// (dist/locales/more/) those that only the lazy list and capabilities chunks show. The
// more parts are wanted once the list chunk is (see loadMoreMessages); each part alone fits
// the per-chunk size budget.
const baseLoaders: Loaders = {
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

const moreLoaders: Loaders = {
  sw: () => import('../generated/locales/more/sw.js'),
  hi: () => import('../generated/locales/more/hi.js'),
  ar: () => import('../generated/locales/more/ar.js'),
  ur: () => import('../generated/locales/more/ur.js'),
  he: () => import('../generated/locales/more/he.js'),
  es: () => import('../generated/locales/more/es.js'),
  fr: () => import('../generated/locales/more/fr.js'),
  de: () => import('../generated/locales/more/de.js'),
  'pt-BR': () => import('../generated/locales/more/pt-BR.js'),
  'zh-Hans': () => import('../generated/locales/more/zh-Hans.js'),
  'zh-Hant': () => import('../generated/locales/more/zh-Hant.js'),
  ja: () => import('../generated/locales/more/ja.js'),
  ru: () => import('../generated/locales/more/ru.js'),
  id: () => import('../generated/locales/more/id.js'),
  bn: () => import('../generated/locales/more/bn.js'),
};

interface LocaleParts {
  // ONE object per locale, both parts merged into it: a Localization holds it by reference, so
  // messages merged later are seen by the instances that exist already.
  templates: TemplateMap;
  // Each part loads once; after a failure the next call tries again.
  base: LazyModule<TemplateMap>;
  more: LazyModule<TemplateMap>;
}

const locales = new Map<string, LocaleParts>();
const pending = new Map<string, Promise<TemplateMap | undefined>>();
// Set by loadMoreMessages: from then on every locale loads with its more part.
let moreWanted = false;

function partsOf(locale: string): LocaleParts | undefined {
  let parts = locales.get(locale);
  if (!parts && baseLoaders[locale]) {
    const templates: TemplateMap = {};
    const part = (loader: () => Promise<LocaleModule>) => lazyModule(() => loader().then((module) => Object.assign(templates, module.templates)));
    parts = { templates, base: part(baseLoaders[locale]), more: part(moreLoaders[locale]) };
    locales.set(locale, parts);
  }
  return parts;
}

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

/**
 * The templates of a locale once its base part is in (the more part merges into the same object
 * when it arrives); `undefined` for the source locale and before loading.
 */
export function loadedTemplates(locale: string): TemplateMap | undefined {
  const parts = locales.get(locale);
  return parts?.base.loaded() ? parts.templates : undefined;
}

/** Whether a locale's messages are in: its base part, and its more part once that is wanted. */
export function isLoaded(locale: string): boolean {
  if (locale === sourceLocale) return true;
  const parts = locales.get(locale);
  return !!parts?.base.loaded() && (!moreWanted || !!parts.more.loaded());
}

/**
 * Loads a locale's translations once: the base part, and the more part when it is wanted (also
 * when it becomes wanted while the base part loads). Concurrent callers share one request; after
 * a failure the next call tries the missing part again.
 */
export function loadLocale(locale: string): Promise<TemplateMap | undefined> {
  const parts = locale === sourceLocale ? undefined : partsOf(locale);
  if (!parts) return Promise.resolve(undefined);
  if (isLoaded(locale)) return Promise.resolve(parts.templates);
  let request = pending.get(locale);
  if (!request) {
    // Both parts at once when both are wanted already; else the more part once it is.
    const more = moreWanted ? parts.more.load() : undefined;
    more?.catch(() => {}); // reported through `request`
    request = parts.base
      .load()
      .then(() => more ?? (moreWanted ? parts.more.load() : undefined))
      .then(() => parts.templates);
    request.finally(() => pending.delete(locale)).catch(() => {});
    pending.set(locale, request);
  }
  return request;
}

/**
 * Called when the list chunk is requested: from now on its messages are wanted. Loads the
 * more part of every locale already loaded or loading (later locales load theirs with the base
 * part). Rejects when one fails; the next call tries it again.
 */
export function loadMoreMessages(): Promise<void> {
  moreWanted = true;
  const inUse = [...locales].filter(([locale, parts]) => parts.base.loaded() || pending.has(locale));
  return Promise.all(inUse.map(([, parts]) => parts.more.load())).then(() => undefined);
}
