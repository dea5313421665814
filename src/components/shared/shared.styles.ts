import { css } from 'lit';

/** The focus ring of every control in maoni's shadow roots, and forced-colors edges (one style sheet, shared by all). */
export const focusRingStyles = css`
  a:focus-visible,
  [tabindex]:focus-visible,
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--comment-focus-color, currentColor);
    outline-offset: 2px;
  }
  /* Windows High Contrast and other forced colors: buttons styled as text keep a visible edge. */
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }
`;
