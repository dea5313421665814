import { css } from 'lit';

/**
 * The look of a comment body (markdown.ts → rich-text.ts), shared by comments and the form's
 * preview. Part of the list chunk: elements adopt it when they first render rich text.
 */
export const richTextStyles = css`
  [part='preview'] {
    border: 1px dashed color-mix(in srgb, currentColor 40%, transparent);
    border-radius: var(--comment-radius, 0.375rem);
    padding: 0.25rem 0.625rem;
    overflow-wrap: anywhere;
    line-height: var(--comment-line-height, 1.5);
    max-block-size: var(--comment-preview-max-height, 24rem);
    overflow: auto;
  }
  [part='paragraph'] {
    margin-block: 0.4em;
  }
  [part='mention'] {
    font-weight: 600;
    color: var(--comment-mention-color, var(--comment-link-color, inherit));
  }
  [part='link'] {
    color: var(--comment-link-color, inherit);
  }
  [part='code'],
  [part='code-block'] {
    font-family: var(--comment-code-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.875em;
    background: var(--comment-code-background, color-mix(in srgb, currentColor 8%, transparent));
    border-radius: 0.25rem;
  }
  [part='code'] {
    padding: 0.1em 0.3em;
  }
  /* Code keeps its lines; a long one scrolls inside its box instead of widening the page. */
  [part='code-block'] {
    margin-block: 0.5em;
    padding: 0.5em 0.75em;
    overflow: auto;
    max-block-size: var(--comment-code-max-height, 24rem);
    overflow-wrap: normal;
  }
  [part='code-block'] code {
    font: inherit;
  }
  [part='quote'] {
    margin: 0.5em 0;
    padding-inline-start: 0.75em;
    border-inline-start: var(--comment-quote-border, 3px solid color-mix(in srgb, currentColor 25%, transparent));
  }
  [part='body-list'] {
    margin-block: 0.4em;
    padding-inline-start: 1.5em;
  }
`;
