/**
 * Resolves an element's locale the way the page declares it, keeps it current, and loads the
 * translations it needs. Resolution: `lang` on the element → the nearest ancestor with `lang`
 * (crossing shadow roots) → `navigator.languages` → English. The nearest declared `lang` decides;
 * an unshipped tag falls back along its own subtags (`sw-KE` → `sw`) and then to English.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, matchLocale, sourceLocale } from './locales.js';
import type { Localization } from './localization.js';
import { watchLang } from './lang-observer.js';

type Host = ReactiveControllerHost & HTMLElement;

/** `element`, its ancestors and the hosts of the shadow roots it sits in, nearest first. */
function* composedAncestors(element: Element): Generator<Element> {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) yield node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
}

function langOf(element: Element): string {
  // lang="" means "unknown language": keep looking is the useful reading for a widget.
  return element.getAttribute('lang')?.trim() ?? '';
}

/** The nearest `lang` attribute from `element` up through its ancestors and shadow hosts. */
export function declaredLang(element: Element): string | null {
  for (const node of composedAncestors(element)) {
    const lang = langOf(node);
    if (lang) return lang;
  }
  return null;
}

/**
 * The writing direction for `element` showing `locale`: an explicit `dir="ltr|rtl"` between the
 * element and the ancestor that declares its language (inclusive) wins — the page said how that
 * language is laid out; otherwise the locale's own direction (`ar`, `he`, `ur` are right-to-left).
 */
export function resolveDirection(element: Element, locale: string): 'ltr' | 'rtl' {
  for (const node of composedAncestors(element)) {
    const dir = node.getAttribute('dir')?.trim().toLowerCase();
    if (dir === 'ltr' || dir === 'rtl') return dir;
    if (langOf(node)) break;
  }
  return directionOf(locale);
}

/** The locale for an element: its declared language, else the browser's, else English. */
export function resolveLocale(element: Element): string {
  const declared = declaredLang(element);
  if (declared) return matchLocale(declared) ?? sourceLocale;
  for (const tag of navigator.languages ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return sourceLocale;
}

/**
 * Where a controller's translations come from: the widget's locale chunks (widget-localizations.ts)
 * or the moderation page's own (admin-locale-controller.ts). Passed in, so neither page's bundle
 * carries the other's loaders.
 */
export interface LocalizationSource {
  /** The localization when its messages are in, else `undefined`. */
  loaded(locale: string): Localization | undefined;
  load(locale: string): Promise<Localization>;
  /** What to show after `load` failed (it also says so on the console). */
  failed(locale: string, error: unknown): Localization | undefined;
}


export class LocaleController implements ReactiveController {
  private readonly host: Host;
  private stopWatching?: () => void;
  private wanted?: string;
  private current?: Localization;
  private renderedDirection?: 'ltr' | 'rtl';

  constructor(host: Host, private readonly source: LocalizationSource) {
    this.host = host;
    host.addController(this);
  }

  /** The writing direction to render with (see `resolveDirection`). */
  get direction(): 'ltr' | 'rtl' {
    this.renderedDirection = resolveDirection(this.host, this.current?.locale ?? sourceLocale);
    return this.renderedDirection;
  }

  /** The active localization, or `undefined` until the first locale has loaded. */
  get localization(): Localization | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.stopWatching = watchLang(this.host, () => this.update());
    this.update();
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** Re-resolves the locale; switches at once when loaded, else after loading (no blank state). */
  update(): void {
    const locale = resolveLocale(this.host);
    if (locale === this.wanted) {
      // Same language, but a `dir` may have changed.
      const direction = resolveDirection(this.host, locale);
      if (direction !== this.renderedDirection) this.host.requestUpdate();
      return;
    }
    this.wanted = locale;
    const ready = this.source.loaded(locale);
    if (ready) {
      this.show(ready);
      return;
    }
    this.source.load(locale).then(
      // A later change may have asked for another locale while this one loaded.
      (localization) => this.wanted === locale && this.show(localization),
      (error: unknown) => {
        const fallback = this.source.failed(locale, error);
        if (this.wanted === locale) this.show(fallback);
      }
    );
  }

  private show(localization: Localization | undefined): void {
    this.current = localization;
    this.host.requestUpdate();
  }
}
