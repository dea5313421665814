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
};

const loaded = new Map<string, TemplateMap | undefined>([[sourceLocale, undefined]]);
const pending = new Map<string, Promise<TemplateMap | undefined>>();

const lowerCased = new Map(shippedLocales.map((locale) => [locale.toLowerCase(), locale]));

/**
 * The shipped locale for a BCP 47 tag, or `undefined` when none fits: an exact match first
 * (case-insensitive), then the tag shortened one subtag at a time (`sw-KE` → `sw`).
 */
export function matchLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  let candidate = tag.trim().replace(/_/g, '-').toLowerCase();
  while (candidate) {
    const match = lowerCased.get(candidate);
    if (match) return match;
    const cut = candidate.lastIndexOf('-');
    if (cut < 0) break;
    candidate = candidate.slice(0, cut);
  }
  return undefined;
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
