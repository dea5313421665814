/**
 * One locale's message lookup and Intl formatters, with no page-global state: two threads in two
 * languages on one page each get their own, and a host app's own `configureLocalization` is
 * never touched.
 */
import type { msg as litMsg } from '@lit/localize';
import type { TemplateMap } from '@lit/localize/internal/types.js';
// Internal module of @lit/localize (pinned exactly in package.json): it resolves a msg() template
// against one locale's templates, which is what lets every element pick its own locale.
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';

/** `msg()` as lit-localize's extractor recognises it (by the type brand), bound to one locale. */
export type Msg = typeof litMsg;

/** Forms of a plural message, one per CLDR category; `other` is required. */
export type PluralForms<T> = Partial<Record<Intl.LDMLPluralRule, () => T>> & { other: () => T };

export type Overrides = Record<string, string>;

export class Localization {
  readonly locale: string;
  /** Resolves a message in this locale; falls back to the English source for a missing id. */
  readonly msg: Msg;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly fullDates: Intl.DateTimeFormat;

  constructor(locale: string, templates: TemplateMap | undefined) {
    this.locale = locale;
    this.msg = ((template: Parameters<Msg>[0], options?: Parameters<Msg>[1]) =>
      runtimeMsg(templates, template, options)) as Msg;
    this.plurals = new Intl.PluralRules(locale);
    this.numbers = new Intl.NumberFormat(locale);
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.fullDates = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' });
  }

  /** Picks the form for `count`'s CLDR plural category, falling back to `other`. */
  plural<T>(count: number, forms: PluralForms<T>): T {
    const form = forms[this.plurals.select(count)] ?? forms.other;
    return form();
  }

  number(value: number): string {
    return this.numbers.format(value);
  }

  /** A short localized date and time, or `''` for an unparseable date. */
  date(value: Date): string {
    return isValidDate(value) ? this.dates.format(value) : '';
  }

  /** The full date and time, for a tooltip. */
  fullDate(value: Date): string {
    return isValidDate(value) ? this.fullDates.format(value) : '';
  }
}

export function isValidDate(value: Date): boolean {
  return !Number.isNaN(value.getTime());
}

const cache = new Map<string, Localization>();

/** One shared Localization per locale (Intl formatters are costly to create). */
export function localizationFor(locale: string, templates: TemplateMap | undefined): Localization {
  let localization = cache.get(locale);
  if (!localization) {
    localization = new Localization(locale, templates);
    cache.set(locale, localization);
  }
  return localization;
}
