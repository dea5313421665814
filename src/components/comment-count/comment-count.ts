import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { str } from '@lit/localize';
import type { CommentAdapter } from '../../adapters/adapter.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { widgetLocalizations } from '../../i18n/widget-localizations.js';
import type { Overrides } from '../../i18n/localization.js';

/**
 * @summary A thread's comment count anywhere on a page, e.g. beside each post in a list.
 * @tag comment-count
 *
 * Every `<comment-count>` on the page that renders in the same animation frame shares one
 * `adapter.count(threadIds)` call (adapters without `count` are asked for their first page's
 * `total`). The language follows `lang` like `<comment-thread>`.
 *
 * @csspart count - The text, e.g. "3 comments".
 */
export class CommentCount extends LitElement {
  static override styles = css`
    :host {
      display: inline;
    }
  `;

  /** The adapter every `<comment-count>` without its own `adapter` uses. */
  static defaultAdapter?: CommentAdapter;

  private readonly localeController = new LocaleController(this, widgetLocalizations);

  @state() private count: number | null = null;
  @state() private failed = false;

  /** The thread whose comments are counted. */
  @property({ reflect: true }) thread = '';

  /** The backend; defaults to `CommentCount.defaultAdapter`. */
  @property({ attribute: false }) adapter?: CommentAdapter;

  /** Replacement texts by message id (`count.label.one`, `count.label.other`, …). */
  @property({ attribute: false }) strings?: Overrides;

  /** Longest wait for the count, in ms (default 20000; `0`: none); past it, the count shows as failed. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = 20000;

  private asked?: { adapter: CommentAdapter; thread: string };

  override willUpdate(): void {
    const adapter = this.adapter ?? CommentCount.defaultAdapter;
    if (!adapter || !this.thread || (this.asked?.adapter === adapter && this.asked.thread === this.thread)) return;
    const asked = (this.asked = { adapter, thread: this.thread });
    // The batching code is a small lazy chunk: pages without a count never load it.
    import('./count-batcher.js').then(({ requestCount }) => requestCount(adapter, asked.thread, this.requestTimeout)).then(
      (count) => {
        if (this.asked !== asked) return;
        this.count = count;
        this.failed = false;
      },
      () => {
        if (this.asked === asked) this.failed = true;
      }
    );
  }

  override render() {
    const loaded = this.localeController.localization;
    if (!loaded || this.count === null) return this.failed ? html`<span part="count">–</span>` : nothing;
    const l = loaded.withOverrides(this.strings);
    const { msg } = l;
    const n = l.number(this.count);
    return html`<span part="count">${l.plural(this.count, {
      zero: () => msg(str`${n} comments`, { id: 'count.label.zero' }),
      one: () => msg(str`${n} comment`, { id: 'count.label.one' }),
      two: () => msg(str`${n} comments`, { id: 'count.label.two' }),
      few: () => msg(str`${n} comments`, { id: 'count.label.few' }),
      many: () => msg(str`${n} comments`, { id: 'count.label.many' }),
      other: () => msg(str`${n} comments`, { id: 'count.label.other' }),
    })}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-count': CommentCount;
  }
}
