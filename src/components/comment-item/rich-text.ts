/**
 * Turns the tokens of markdown.ts into Lit templates. Every piece of a commenter's text is a Lit
 * text binding (a Text node) and every URL an attribute binding that passed the URL policy: no
 * HTML string is built, so no HTML parser ever sees the text.
 * Part of the "list" lazy chunk (components/shared/list.ts).
 */
import { html, type ReactiveElement, type TemplateResult } from 'lit';
import { richTextStyles } from './rich-text.styles.js';
import { addStyles } from '../shared/add-styles.js';
import type { Block, Inline } from '../../core/markdown.js';
import { linkRel, linkTarget, type LinkOptions } from '../../core/links.js';
import { safeUrl } from '../../core/url.js';


/** Gives an element's shadow root the look of comment bodies (once). */
export function adoptRichTextStyles(host: ReactiveElement): void {
  addStyles(host, richTextStyles);
}

function mentionHref(name: string, options: LinkOptions): string | null {
  try {
    return safeUrl(options.mentionUrl?.(name), { allowRelative: options.allowRelative });
  } catch {
    return null; // The adapter's resolver failed: the mention is shown, just not linked.
  }
}

function renderInline(inline: Inline, options: LinkOptions): TemplateResult | string {
  if (typeof inline === 'string') return inline;
  switch (inline.kind) {
    case 'strong':
      return html`<strong part="strong">${renderInlines(inline.children, options)}</strong>`;
    case 'emphasis':
      return html`<em part="emphasis">${renderInlines(inline.children, options)}</em>`;
    case 'code':
      return html`<code part="code">${inline.text}</code>`;
    case 'break':
      return html`<br />`;
    case 'mention': {
      const href = mentionHref(inline.name, options);
      return href
        ? html`<a part="mention" href=${href} rel=${linkRel} target=${linkTarget(options)}>@${inline.name}</a>`
        : html`<span part="mention">@${inline.name}</span>`;
    }
    case 'link': {
      // A link whose URL the policy rejects shows what was written, as text.
      const href = safeUrl(inline.href, { allowRelative: options.allowRelative });
      return href
        ? html`<a part="link" href=${href} rel=${linkRel} target=${linkTarget(options)}>${renderInlines(inline.children, options)}</a>`
        : inline.source;
    }
  }
}

// Plain text, the common case, renders as one text node, and one block as itself: Lit keeps a part
// (and two marker comments) per item of an array, which a thousand comments pay a thousand times.
function renderInlines(inlines: Inline[], options: LinkOptions): string | (TemplateResult | string)[] {
  return inlines.every((inline) => typeof inline === 'string') ? inlines.join('') : inlines.map((inline) => renderInline(inline, options));
}

// Paragraphs, list items and quotes get dir="auto": a commenter's language is not the page's, and
// an Arabic comment under an English UI (or the reverse) must still read in its own direction.
// Code is always left to right.
function renderBlock(block: Block, options: LinkOptions): TemplateResult {
  switch (block.kind) {
    case 'paragraph':
      return html`<p part="paragraph" dir="auto">${renderInlines(block.inlines, options)}</p>`;
    case 'code-block':
      return html`<pre part="code-block" dir="ltr" tabindex="0"><code>${block.text}</code></pre>`;
    case 'quote':
      return html`<blockquote part="quote" dir="auto">${renderBlocks(block.blocks, options)}</blockquote>`;
    case 'list': {
      const items = block.items.map((item) => html`<li part="body-list-item" dir="auto">${renderInlines(item, options)}</li>`);
      return block.ordered
        ? html`<ol part="body-list" start=${block.start}>${items}</ol>`
        : html`<ul part="body-list">${items}</ul>`;
    }
  }
}

/** The templates of a parsed body. */
export function renderBlocks(blocks: Block[], options: LinkOptions): TemplateResult | TemplateResult[] {
  return blocks.length === 1 ? renderBlock(blocks[0], options) : blocks.map((block) => renderBlock(block, options));
}
