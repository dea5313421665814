import { css } from 'lit';

export const commentFormStyles = css`
  :host {
    display: block;
  }
  /* The honeypot: off screen and out of the tab order and accessibility tree; bots fill it in. */
  .trap {
    position: absolute;
    inset-inline-start: -10000px;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }
  [part='form'] {
    display: grid;
    gap: 0.5rem;
  }
  [part='label'] {
    font-weight: 600;
    font-size: 0.9375em;
  }
  [part='field'] {
    display: grid;
    gap: 0.25rem;
  }
  [part='textarea'],
  [part='name-input'],
  [part='email-input'],
  [part='url-input'] {
    font: inherit;
    color: inherit;
    background: var(--comment-input-background, transparent);
    border: var(--comment-input-border, 1px solid color-mix(in srgb, currentColor 40%, transparent));
    border-radius: var(--comment-radius, 0.375rem);
    padding: 0.5rem 0.625rem;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.5rem;
  }
  [part='textarea'] {
    min-block-size: var(--comment-textarea-height, 6rem);
    resize: vertical;
    line-height: var(--comment-line-height, 1.5);
  }
  [part='name-input'],
  [part='email-input'],
  [part='url-input'] {
    max-inline-size: 24rem;
  }
  [part='error'] {
    color: var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
    margin: 0;
    font-size: 0.9375em;
  }
  [part='buttons'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  button {
    font: inherit;
    min-block-size: 2.25rem;
    min-inline-size: 24px;
    padding: 0.375rem 1rem;
    border-radius: var(--comment-radius, 0.375rem);
    cursor: pointer;
  }
  [part='submit'] {
    color: var(--comment-button-color, Canvas);
    background: var(--comment-button-background, CanvasText);
    border: 1px solid var(--comment-button-background, CanvasText);
    font-weight: 600;
  }
  [part='cancel'],
  [part='preview-button'] {
    color: inherit;
    background: transparent;
    border: 1px solid color-mix(in srgb, currentColor 40%, transparent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  [part='hint'] {
    font-size: 0.8125em;
    color: var(--comment-muted-color, color-mix(in srgb, currentColor 65%, transparent));
  }
`;
