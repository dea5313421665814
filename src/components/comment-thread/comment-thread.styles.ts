import { css } from 'lit';

export const commentThreadStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  /* Without theme the widget wears the page's colors and color-scheme. With theme it has its own:
     light, dark, or (any other value, e.g. auto) whichever the reader's system prefers. */
  :host([theme]) {
    color-scheme: light dark;
    color: light-dark(#1d1b20, #e6e0e9);
    background: light-dark(#fff, #141218);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  [part='thread'] {
    container-type: inline-size;
    display: grid;
    gap: var(--comment-gap, 1rem);
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  /* Also the list's buttons (list.styles.ts). */
  [part='load-more'],
  [part='more-replies'],
  [part='new-comments'] {
    font: inherit;
    color: var(--comment-link-color, inherit);
    background: transparent;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: var(--comment-radius, 0.375rem);
    padding: 0.375rem 0.875rem;
    min-block-size: 2rem;
    cursor: pointer;
  }
  [part='heading'],
  [part='form-heading'] {
    font-size: var(--comment-heading-size, 1.25em);
    font-weight: 700;
    margin: 0;
  }
  [part='form-heading'] {
    font-size: var(--comment-form-heading-size, 1.125em);
  }
  [part='form-section'] {
    display: grid;
    gap: 0.75rem;
  }
  [part='error'],
  [part='config-error'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin: 0;
    padding: 0.75rem 1rem;
    border-radius: var(--comment-radius, 0.375rem);
    border: 1px solid var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
    color: var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
  }
  [part='retry-button'] {
    font: inherit;
    padding: 0.25rem 0.875rem;
    min-block-size: 2rem;
    border-radius: var(--comment-radius, 0.375rem);
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  [part='empty'] {
    margin: 0;
    color: var(--comment-muted-color, color-mix(in srgb, currentColor 65%, transparent));
  }
  [part='skeleton'] {
    display: grid;
    gap: 1rem;
  }
  .bone {
    display: grid;
    grid-template-columns: var(--comment-avatar-size, 2.5rem) 1fr;
    gap: 0.75rem;
  }
  .bone::before,
  .bone span {
    content: '';
    display: block;
    border-radius: 0.375rem;
    background: var(--comment-skeleton-color, color-mix(in srgb, currentColor 10%, transparent));
    animation: pulse 1.4s ease-in-out infinite;
  }
  .bone::before {
    block-size: var(--comment-avatar-size, 2.5rem);
    border-radius: var(--comment-avatar-radius, 50%);
  }
  .bone span {
    block-size: 3.5rem;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone::before,
    .bone span {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
