import { css } from 'lit';

/**
 * The list's own styles: nesting, paging buttons, the inline reply form, and what long threads
 * leave unrendered off screen. They come with the list chunk, which the list waits for, so
 * the core bundle does not carry them (the thread adopts them when it first shows a list).
 */
export const listStyles = css`
  [part='more-replies'] {
    margin-block: 0.25rem 0.5rem;
    margin-inline-start: calc(var(--comment-avatar-size, 2.5rem) + var(--comment-avatar-gap, 0.75rem));
    font-size: 0.875em;
  }
  [part='load-more'] {
    justify-self: start;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* In a long thread (list-view.ts), a top-level comment with its replies costs no style or layout
     while far off screen, nor does each comment (comment-item reads the property); \`auto\`
     remembers a height once laid out. Still in the accessibility tree, find-in-page and focus
     order. Short threads skip this: nothing to win, and full-page captures show everything. */
  .long {
    --maoni-offscreen: auto;
  }
  .long > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 10rem;
    /* The containment clips at the box: focus rings of fields at its edge stay whole. */
    overflow-clip-margin: 0.5rem;
  }
  [part~='replies'] {
    padding-inline-start: var(--comment-indent, 2rem);
    border-inline-start: var(--comment-thread-line, 2px solid color-mix(in srgb, currentColor 12%, transparent));
  }
  /* Narrow by the widget's own width (a phone, or a sidebar on a wide screen), not the window's. */
  @container (max-width: 480px) {
    [part~='replies'] {
      padding-inline-start: var(--comment-indent-narrow, 0.875rem);
    }
  }
  [part='reply-form'] {
    padding-block: 0.5rem 1rem;
    padding-inline-start: calc(var(--comment-avatar-size, 2.5rem) + var(--comment-avatar-gap, 0.75rem));
  }
`;
