import { css } from 'lit';

/** Added to a `<comment-item>` once it shows votes, reactions, Edit or Delete. */
export const itemActionStyles = css`
  [part='reactions'],
  [part='moderation'],
  [part='confirm'] {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  [part='score'] {
    min-inline-size: 1.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    font-size: 0.875em;
  }
  [part='reaction'] {
    font: inherit;
    font-size: 0.8125em;
    color: var(--comment-muted-color, color-mix(in srgb, currentColor 65%, transparent));
    background: none;
    border: 1px solid transparent;
    border-radius: var(--comment-radius, 0.375rem);
    min-block-size: 24px;
    min-inline-size: 24px;
    cursor: pointer;
  }
  [part='reaction'][aria-pressed='true'] {
    color: var(--comment-link-color, inherit);
    border-color: currentColor;
  }
`;

/** Added to a `<comment-thread>` whose adapter has a capability. */
export const threadActionStyles = css`
  [part='sort'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875em;
  }
  [part='sort-select'] {
    font: inherit;
    color: inherit;
    background: var(--comment-input-background, transparent);
    border: var(--comment-input-border, 1px solid color-mix(in srgb, currentColor 40%, transparent));
    border-radius: var(--comment-radius, 0.375rem);
    padding: 0.25rem 0.5rem;
    min-block-size: 2rem;
  }
  [part='new-comments'] {
    position: sticky;
    inset-block-start: 0.5rem;
    z-index: 1;
    justify-self: center;
    background: var(--comment-banner-background, Canvas);
    box-shadow: 0 1px 4px color-mix(in srgb, CanvasText 20%, transparent);
  }
  [part='action-error'] {
    margin: 0.25rem 0 0.5rem;
    color: var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
    font-size: 0.875em;
  }
  [part='edit-form'] {
    padding-block: 0.75rem;
  }
`;
