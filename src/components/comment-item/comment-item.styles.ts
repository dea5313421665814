import { css } from 'lit';

export const commentItemStyles = css`
  /* Off screen in a long thread (the thread sets --maoni-offscreen: auto), a comment costs no
     style, layout or paint; it stays in the accessibility tree, find-in-page and focus order.
     \`auto\` keeps its real height once laid out, so the scrollbar settles. */
  :host {
    display: block;
    content-visibility: var(--maoni-offscreen, visible);
    contain-intrinsic-size: auto 8rem;
  }
  /* The containment clips what overflows the element: the focus ring goes inside. */
  [part='comment']:focus-visible {
    outline-offset: -2px;
  }
  [part='comment'] {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--comment-avatar-gap, 0.75rem);
    padding-block: var(--comment-padding, 0.75rem);
    border-block-end: var(--comment-border, 1px solid color-mix(in srgb, currentColor 15%, transparent));
  }
  /* Everything but the avatar lines up in the second column, however many rows a comment has. */
  [part='comment'] > :not([part='avatar']) {
    grid-column: 2;
  }
  [part='avatar'] {
    grid-row: span 3;
    inline-size: var(--comment-avatar-size, 2.5rem);
    block-size: var(--comment-avatar-size, 2.5rem);
    border-radius: var(--comment-avatar-radius, 50%);
    object-fit: cover;
    background: var(--comment-avatar-background, color-mix(in srgb, currentColor 12%, transparent));
    color: inherit;
    display: grid;
    place-items: center;
    font-size: calc(var(--comment-avatar-size, 2.5rem) * 0.4);
    font-weight: 600;
    overflow: hidden;
    user-select: none;
  }
  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.6rem;
    min-inline-size: 0;
  }
  [part='number'] {
    font-variant-numeric: tabular-nums;
    color: var(--comment-muted-color, color-mix(in srgb, currentColor 65%, transparent));
  }
  [part='author'] {
    font-weight: var(--comment-author-weight, 600);
    overflow-wrap: anywhere;
  }
  a[part='author'] {
    color: var(--comment-link-color, inherit);
  }
  [part='verified'] {
    margin-inline-start: -0.45rem;
    font-size: 0.8em;
    color: var(--comment-verified-color, var(--comment-link-color, currentColor));
  }
  [part='orphan-note'],
  [part='delivery'] {
    margin: 0.25rem 0;
    font-size: 0.875em;
    font-style: italic;
  }
  [part='date'],
  [part='edited'],
  [part='status'] {
    font-size: 0.875em;
    color: var(--comment-muted-color, color-mix(in srgb, currentColor 65%, transparent));
  }
  [part='body'] {
    min-inline-size: 0;
    overflow-wrap: anywhere;
    line-height: var(--comment-line-height, 1.5);
  }
  /* A body shown before (or without) the list chunk: plain text, line breaks kept. */
  .plain {
    white-space: pre-line;
  }
  [part='deleted'] {
    font-style: italic;
    color: var(--comment-muted-color, color-mix(in srgb, currentColor 65%, transparent));
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  [part='reply-button'],
  [part='expand-button'],
  [part='delivery-button'],
  [part='edit-button'],
  [part='delete-button'] {
    font: inherit;
    font-size: 0.875em;
    color: var(--comment-link-color, inherit);
    background: none;
    border: none;
    padding: 0.25rem 0.125rem;
    min-block-size: 24px;
    min-inline-size: 24px;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
`;
