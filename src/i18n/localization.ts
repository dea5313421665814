/**
 * One locale's message lookup and Intl formatters, with no page-global state: two threads in two
 * languages on one page each get their own, and a host app's own `configureLocalization` is
 * never touched.
 */
import type { msg as litMsg } from '@lit/localize';
import type { TemplateMap } from '@lit/localize/internal/types.js';

/** `msg()` as lit-localize's extractor recognises it (by the type brand), bound to one locale. */
export type Msg = typeof litMsg;

/** Forms of a plural message, one per CLDR category; `other` is required. */
export type PluralForms<T> = Partial<Record<Intl.LDMLPluralRule, () => T>> & { other: () => T };

/**
 * Site-owner replacements for messages, by message id (`'thread.form-heading'`). `{0}`, `{1}` … in
 * a replacement stand for the message's values, e.g. the count in `'thread.heading.count.other'`.
 */
export type Overrides = Readonly<Record<string, string>>;

type MsgTemplate = Parameters<Msg>[0];
type StrTemplate = { strTag: true; strings: readonly string[]; values: readonly unknown[] };

/** lit-localize's `str` result joined back into a string; translations carry their own value order. */
function join(strings: readonly string[], values: readonly unknown[], order?: readonly number[]): string {
  let text = strings[0];
  for (let i = 1; i < strings.length; i++) text += String(values[order ? order[i - 1] : i - 1]) + strings[i];
  return text;
}

/**
 * Resolves a `msg()` template against one locale's generated templates by its explicit id, the
 * way lit-localize's runtime does for the page-global locale, but for this locale only. maoni's
 * messages are plain strings and `str` templates (never `html`), and every one has an id.
 */
/** The translation for `id`; a plural form the locale does not ship falls back to its `other` form. */
function lookup(templates: TemplateMap | undefined, id: string | undefined): string | StrTemplate | undefined {
  if (id === undefined || !templates) return undefined;
  const found = templates[id] as string | StrTemplate | undefined;
  if (found !== undefined) return found;
  // Shipped locale chunks drop plural forms their language never selects; should a browser's CLDR
  // select one anyway, the locale's own "other" form reads far better than English.
  const plural = /^(.*)\.(zero|one|two|few|many)$/.exec(id);
  return plural ? (templates[`${plural[1]}.other`] as string | StrTemplate | undefined) : undefined;
}

function resolve(templates: TemplateMap | undefined, template: MsgTemplate, id: string | undefined): string {
  const source = template as string | StrTemplate;
  const localized = lookup(templates, id);
  if (typeof localized === 'string') return localized;
  if (localized && typeof source !== 'string') return join(localized.strings, source.values, localized.values as number[]);
  return typeof source === 'string' ? source : join(source.strings, source.values);
}

/** A site owner's replacement text with `{0}`-style placeholders filled from the template's values. */
function fillOverride(text: string, template: MsgTemplate): string {
  const values = typeof template === 'object' && template && 'values' in template ? (template.values as unknown[]) : [];
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < values.length ? String(values[Number(index)]) : whole));
}

// Past this age a comment shows its date rather than "3 weeks ago".
const relativeLimitMs = 30 * 24 * 3600 * 1000;
const relativeSteps: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
];

export class Localization {
  readonly locale: string;
  /** Resolves a message in this locale; falls back to the English source for a missing id. */
  readonly msg: Msg;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly fullDates: Intl.DateTimeFormat;
  private readonly relatives: Intl.RelativeTimeFormat;
  private readonly templates: TemplateMap | undefined;

  constructor(locale: string, templates: TemplateMap | undefined, overrides?: Overrides) {
    this.locale = locale;
    this.templates = templates;
    this.msg = ((template: MsgTemplate, options?: Parameters<Msg>[1]) => {
      const id = options?.id;
      if (overrides && id !== undefined && Object.hasOwn(overrides, id) && typeof overrides[id] === 'string') {
        return fillOverride(overrides[id], template);
      }
      return resolve(templates, template, id);
    }) as Msg;
    this.plurals = new Intl.PluralRules(locale);
    this.numbers = new Intl.NumberFormat(locale);
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.fullDates = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' });
    this.relatives = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  }

  /** The same locale with some messages replaced; one instance per overrides object. */
  withOverrides(overrides: Overrides | null | undefined): Localization {
    if (!overrides || Object.keys(overrides).length === 0) return this;
    let perLocale = overridden.get(overrides);
    if (!perLocale) overridden.set(overrides, (perLocale = new Map()));
    let localization = perLocale.get(this.locale);
    if (!localization) perLocale.set(this.locale, (localization = new Localization(this.locale, this.templates, overrides)));
    return localization;
  }

  /**
   * "5 minutes ago", "yesterday" for a date within the last 30 days (or a minute into the future,
   * for clocks that disagree a little); `''` otherwise, so the caller shows the date instead.
   */
  relative(value: Date, now: number): string {
    if (!isValidDate(value)) return '';
    const elapsed = now - value.getTime();
    if (elapsed < -60_000 || elapsed >= relativeLimitMs) return '';
    let amount = Math.max(0, elapsed) / 1000;
    for (const [unit, size] of relativeSteps) {
      if (amount < size || unit === 'day') {
        // Under a minute reads as "now"; otherwise whole units, rounded down ("1 hour ago" until 2).
        return unit === 'second' ? this.relatives.format(0, 'second') : this.relatives.format(-Math.floor(amount), unit);
      }
      amount /= size;
    }
    return '';
  }

  /** "in 30 seconds", for a wait the reader is told about. */
  inSeconds(seconds: number): string {
    return this.relatives.format(Math.max(1, Math.ceil(seconds)), 'second');
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
const overridden = new WeakMap<Overrides, Map<string, Localization>>();

/** One shared Localization per locale (Intl formatters are costly to create). */
export function localizationFor(locale: string, templates: TemplateMap | undefined): Localization {
  let localization = cache.get(locale);
  if (!localization) {
    localization = new Localization(locale, templates);
    cache.set(locale, localization);
  }
  return localization;
}
