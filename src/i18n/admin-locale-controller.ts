/**
 * The moderation page's locale: resolved like the widget's (`lang` on the element, the nearest
 * ancestor's, the browser's, English — see locale-controller.ts), kept current as `lang` and `dir`
 * change, with the moderation messages (admin-locales.ts) instead of the widget's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveDirection, resolveLocale } from './locale-controller.js';
import { loadAdminLocalization, loadedAdminLocalization } from './admin-locales.js';
import { sourceLocale } from './locales.js';
import type { Localization } from './localization.js';
import { watchLang } from './lang-observer.js';

type Host = ReactiveControllerHost & HTMLElement;

export class AdminLocaleController implements ReactiveController {
  private readonly host: Host;
  private stopWatching?: () => void;
  private wanted?: string;
  private current?: Localization;
  private renderedDirection?: 'ltr' | 'rtl';

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  /** The active localization, or `undefined` until the first locale has loaded. */
  get localization(): Localization | undefined {
    return this.current;
  }

  /** The writing direction to render with. */
  get direction(): 'ltr' | 'rtl' {
    this.renderedDirection = resolveDirection(this.host, this.current?.locale ?? sourceLocale);
    return this.renderedDirection;
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
      if (resolveDirection(this.host, locale) !== this.renderedDirection) this.host.requestUpdate();
      return;
    }
    this.wanted = locale;
    const ready = loadedAdminLocalization(locale);
    if (ready) {
      this.current = ready;
      this.host.requestUpdate();
      return;
    }
    loadAdminLocalization(locale).then(
      (localization) => {
        if (this.wanted !== locale) return;
        this.current = localization;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        console.warn(`maoni: could not load the "${locale}" moderation translations; showing English.`, error);
        if (this.wanted !== locale) return;
        this.current = loadedAdminLocalization(sourceLocale);
        this.host.requestUpdate();
      }
    );
  }
}
