import { css } from 'lit';

/**
 * The moderation page's look. Colors come in light and dark pairs (`light-dark()`, following the
 * system's preference through `color-scheme`); every one can be replaced with a custom property.
 */
export const commentModerationStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    min-block-size: 100%;
    font-family: var(--comment-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    font-size: 0.9375rem;
    line-height: 1.5;
    color: light-dark(#1b1f24, #e6e8eb);
    background: var(--comment-moderation-background, light-dark(#f6f7f9, #0f1115));
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  h1,
  h2 {
    margin: 0;
    line-height: 1.25;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid light-dark(#d0d5dd, #363c48);
    background: var(--comment-moderation-surface, light-dark(#ffffff, #1d212a));
    border-radius: var(--comment-radius, 0.375rem);
    padding: 0.3125rem 0.75rem;
    min-block-size: 2rem;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: light-dark(#eef1f5, #262b36);
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button.primary {
    background: var(--comment-moderation-approve, light-dark(#1a7f37, #3fb950));
    border-color: transparent;
    color: light-dark(#ffffff, #0d1117);
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: var(--comment-moderation-approve, light-dark(#166c2f, #56c865));
  }
  button.danger {
    background: var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
    border-color: transparent;
    color: light-dark(#ffffff, #1b0705);
    font-weight: 600;
  }
  button.danger:hover:not(:disabled) {
    background: var(--comment-error-color, light-dark(#98201a, #ffc8c1));
  }
  button.danger-text {
    color: var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
  }
  input[type='email'],
  input[type='password'],
  input[type='search'] {
    font: inherit;
    color: inherit;
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
    border: 1px solid light-dark(#aeb5c0, #4a5262);
    border-radius: var(--comment-radius, 0.375rem);
    padding: 0.375rem 0.625rem;
    min-block-size: 2rem;
    box-sizing: border-box;
  }
  input[type='checkbox'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--comment-moderation-accent, light-dark(#2f5bea, #8fa8ff));
  }
  kbd {
    font-family: var(--comment-code-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.8125rem;
    display: inline-block;
    min-inline-size: 1.5em;
    text-align: center;
    padding: 0.0625rem 0.375rem;
    border: 1px solid light-dark(#c5cbd4, #3d4452);
    border-block-end-width: 2px;
    border-radius: 0.25rem;
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
  }

  /* The frame: header bar, then the content in a centered column. */
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.5rem;
    padding: 0.625rem clamp(1rem, 4vw, 2rem);
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
    border-block-end: 1px solid light-dark(#e3e6eb, #2a2f3a);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-inline-end: auto;
  }
  .logo {
    color: var(--comment-moderation-accent, light-dark(#2f5bea, #8fa8ff));
  }
  [part='product'] {
    font-weight: 700;
    font-size: 1.0625rem;
    letter-spacing: -0.01em;
  }
  .section-name {
    color: light-dark(#5b6472, #9aa3af);
    padding-inline-start: 0.5rem;
    border-inline-start: 1px solid light-dark(#d0d5dd, #363c48);
  }
  [part='nav'] {
    display: flex;
    gap: 0.25rem;
  }
  [part='nav-button'] {
    border-color: transparent;
    background: transparent;
    color: light-dark(#5b6472, #9aa3af);
  }
  [part='nav-button'][aria-current='page'] {
    color: inherit;
    font-weight: 600;
    background: light-dark(#eef1f5, #262b36);
  }
  [part='account'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-inline-size: 0;
  }
  [part='email'] {
    color: light-dark(#5b6472, #9aa3af);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-inline-size: 16rem;
  }
  [part='main'] {
    max-inline-size: 72rem;
    margin-inline: auto;
    padding: 1.5rem clamp(0.75rem, 4vw, 2rem) 3rem;
  }
  [part='heading'] {
    font-size: 1.5rem;
    font-weight: 650;
    margin-block-end: 1rem;
  }
  [part='loading'] {
    color: light-dark(#5b6472, #9aa3af);
    padding: 2rem 0;
    text-align: center;
  }
  [part='error'] {
    border: 1px solid var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
    color: var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
    border-radius: var(--comment-radius, 0.375rem);
    padding: 0.75rem 1rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
  }
  [part='error'] p {
    margin: 0;
    flex: 1 1 16rem;
  }

  /* Sign in: one card in the middle. */
  [part='sign-in'] {
    max-inline-size: 24rem;
    margin: clamp(1rem, 8vh, 5rem) auto 0;
    padding: 1.75rem;
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
    border: 1px solid light-dark(#e3e6eb, #2a2f3a);
    border-radius: calc(var(--comment-radius, 0.375rem) * 2);
    box-shadow: 0 1px 3px light-dark(rgb(16 24 40 / 0.08), rgb(0 0 0 / 0.4));
  }
  [part='sign-in'] [part='heading'] {
    font-size: 1.25rem;
  }
  [part='sign-in-form'] {
    display: grid;
    gap: 0.375rem;
  }
  [part='sign-in-form'] [part='label'] {
    font-weight: 600;
    font-size: 0.875rem;
    margin-block-start: 0.5rem;
  }
  [part='sign-in-button'] {
    margin-block-start: 1rem;
    min-block-size: 2.5rem;
  }
  [part='sign-in-error'],
  [part='row-error'] {
    color: var(--comment-error-color, light-dark(#b3261e, #ffb4ab));
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
  }
  [part='notice'] {
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--comment-radius, 0.375rem);
    background: light-dark(#fff4e5, #2d2210);
    color: light-dark(#7a4b00, #f5c77e);
  }

  /* The queue: the list beside the shortcuts on wide screens, above them on narrow ones. */
  .queue {
    display: grid;
    gap: 1.5rem;
    grid-template-columns: minmax(0, 1fr) 15rem;
    align-items: start;
  }
  @media (max-width: 56rem) {
    .queue {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part='tabs'] {
    display: flex;
    gap: 0.25rem;
    border-block-end: 1px solid light-dark(#d0d5dd, #363c48);
    overflow-x: auto;
    scrollbar-width: thin;
  }
  [part~='tab'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    border: none;
    border-radius: 0;
    background: transparent;
    color: light-dark(#5b6472, #9aa3af);
    padding: 0.5rem 0.875rem;
    border-block-end: 2px solid transparent;
    margin-block-end: -1px;
  }
  [part~='tab']:hover:not(:disabled) {
    background: transparent;
    color: inherit;
  }
  [part~='tab-selected'] {
    color: inherit;
    font-weight: 600;
    border-block-end-color: var(--comment-moderation-accent, light-dark(#2f5bea, #8fa8ff));
  }
  [part='tab-count'] {
    font-size: 0.75rem;
    font-weight: 600;
    min-inline-size: 1.25rem;
    padding: 0 0.4375rem;
    border-radius: 999px;
    line-height: 1.25rem;
    text-align: center;
    background: light-dark(#eef1f5, #262b36);
    color: light-dark(#3b4350, #c3c9d2);
    font-variant-numeric: tabular-nums;
  }
  [part='tab-count'].attention {
    background: var(--comment-moderation-accent, light-dark(#2f5bea, #8fa8ff));
    color: light-dark(#ffffff, #0d1117);
  }
  [part='panel'] {
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
    border: 1px solid light-dark(#e3e6eb, #2a2f3a);
    border-block-start: none;
    border-end-start-radius: calc(var(--comment-radius, 0.375rem) * 2);
    border-end-end-radius: calc(var(--comment-radius, 0.375rem) * 2);
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.625rem 1rem;
    padding: 0.625rem 1rem;
    border-block-end: 1px solid light-dark(#e3e6eb, #2a2f3a);
    background: light-dark(#fafbfc, #1a1e26);
  }
  [part='select-all'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
  }
  [part='bulk-actions'],
  [part='confirm'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  [part='selection-count'] {
    font-weight: 600;
    font-size: 0.875rem;
    margin-inline-end: 0.25rem;
  }
  [part='thread-filter'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-inline-start: auto;
    font-size: 0.875rem;
  }
  [part='thread-input'] {
    inline-size: 12rem;
    max-inline-size: 40vw;
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='row'] + [part~='row'] {
    border-block-start: 1px solid light-dark(#eceef2, #242933);
  }
  [part~='row-selected'] {
    background: light-dark(#f1f5ff, #1b2235);
  }
  [part='comment'] {
    display: grid;
    grid-template-columns: auto auto minmax(0, 1fr);
    gap: 0 0.875rem;
    padding: 0.875rem 1rem;
    border-inline-start: 3px solid transparent;
  }
  [part~='row-current'] [part='comment'] {
    border-inline-start-color: var(--comment-moderation-accent, light-dark(#2f5bea, #8fa8ff));
  }
  [part='comment']:focus-visible {
    outline: 2px solid var(--comment-focus-color, var(--comment-moderation-accent, light-dark(#2f5bea, #8fa8ff)));
    outline-offset: -2px;
  }
  [part='row-checkbox'] {
    margin-block-start: 0.5rem;
  }
  [part='avatar'] {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    object-fit: cover;
    display: grid;
    place-items: center;
    font-size: 0.8125rem;
    font-weight: 600;
    background: light-dark(#e4e9f2, #2a3142);
    color: light-dark(#3b4350, #c3c9d2);
  }
  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.625rem;
    font-size: 0.875rem;
    color: light-dark(#5b6472, #9aa3af);
  }
  [part='author'] {
    font-weight: 600;
    font-size: 0.9375rem;
    color: light-dark(#1b1f24, #e6e8eb);
  }
  a[part='author'] {
    text-decoration-color: light-dark(#aeb5c0, #4a5262);
  }
  [part='verified'],
  [part='reason'],
  [part='banned'] {
    font-size: 0.75rem;
    font-weight: 600;
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    white-space: nowrap;
  }
  [part='verified'] {
    background: light-dark(#e6f4ea, #163322);
    color: light-dark(#146c2e, #7ee2a0);
  }
  [part='reason'] {
    background: light-dark(#fff4e5, #2d2210);
    color: light-dark(#7a4b00, #f5c77e);
  }
  [part='reason'][data-reason='akismet'],
  [part='reason'][data-reason='honeypot'],
  [part='reason'][data-reason='too-fast'] {
    background: light-dark(#fdecea, #3a1714);
    color: light-dark(#98201a, #ffb4ab);
  }
  [part='banned'] {
    background: light-dark(#fdecea, #3a1714);
    color: light-dark(#98201a, #ffb4ab);
    align-self: center;
  }
  [part='thread-button'] {
    border: none;
    background: transparent;
    padding: 0;
    min-block-size: 0;
    color: var(--comment-moderation-accent, light-dark(#2f5bea, #8fa8ff));
    text-decoration: underline;
    text-decoration-color: color-mix(in srgb, currentColor 40%, transparent);
    text-underline-offset: 0.15em;
    white-space: normal;
    overflow-wrap: anywhere;
    text-align: start;
  }
  [part='thread-button']:hover:not(:disabled) {
    background: transparent;
    text-decoration-color: currentColor;
  }
  [part='body'] {
    overflow-wrap: anywhere;
    margin-block: 0.25rem 0.5rem;
  }
  [part='body'] [part='paragraph']:first-child {
    margin-block-start: 0.125rem;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  [part='working'] {
    font-size: 0.8125rem;
    color: light-dark(#5b6472, #9aa3af);
  }
  [part='confirm'] {
    padding: 0.5rem 0.75rem;
    border-radius: var(--comment-radius, 0.375rem);
    background: light-dark(#fdecea, #3a1714);
  }
  [part='load-more'] {
    display: block;
    margin: 1rem auto;
  }
  [part='empty'] {
    text-align: center;
    padding: 3.5rem 1rem;
    color: light-dark(#5b6472, #9aa3af);
  }
  [part='empty'] p {
    margin: 0.375rem auto 0;
    max-inline-size: 28rem;
  }
  [part='empty-icon'] {
    color: var(--comment-moderation-approve, light-dark(#1a7f37, #3fb950));
    margin-block-end: 0.5rem;
  }
  [part='empty-heading'] {
    font-size: 1.125rem;
    color: light-dark(#1b1f24, #e6e8eb);
  }

  /* The shortcuts, a quiet card beside the list. */
  [part='shortcuts'] {
    font-size: 0.875rem;
    padding: 1rem;
    border: 1px solid light-dark(#e3e6eb, #2a2f3a);
    border-radius: calc(var(--comment-radius, 0.375rem) * 2);
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
    margin-block-start: 3.75rem;
  }
  @media (max-width: 56rem) {
    [part='shortcuts'] {
      margin-block-start: 0;
    }
  }
  [part='shortcuts'] h2 {
    font-size: 0.9375rem;
    margin-block-end: 0.625rem;
  }
  [part='shortcuts'] dl {
    margin: 0;
    display: grid;
    gap: 0.375rem;
  }
  [part='shortcuts'] dl div {
    display: flex;
    align-items: center;
    gap: 0.625rem;
  }
  [part='shortcuts'] dd {
    margin: 0;
  }
  [part='shortcuts'] p {
    margin: 0.75rem 0 0;
    color: light-dark(#5b6472, #9aa3af);
    font-size: 0.8125rem;
  }

  /* The log. */
  [part='log-scroll'] {
    overflow-x: auto;
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
    border: 1px solid light-dark(#e3e6eb, #2a2f3a);
    border-radius: calc(var(--comment-radius, 0.375rem) * 2);
  }
  [part='log'] {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
  }
  [part='log'] th,
  [part='log'] td {
    text-align: start;
    padding: 0.625rem 1rem;
    border-block-end: 1px solid light-dark(#eceef2, #242933);
    vertical-align: top;
  }
  [part='log'] th {
    font-weight: 600;
    color: light-dark(#5b6472, #9aa3af);
    background: light-dark(#fafbfc, #1a1e26);
  }
  [part='log'] tr:last-child td {
    border-block-end: none;
  }
  [part='log'] code {
    font-size: 0.8125rem;
  }
  .log-view [part='empty'] {
    background: var(--comment-moderation-surface, light-dark(#ffffff, #171a21));
    border: 1px solid light-dark(#e3e6eb, #2a2f3a);
    border-radius: calc(var(--comment-radius, 0.375rem) * 2);
  }

  @media (max-width: 36rem) {
    /* The brand and the account on one line, the sections under them. */
    [part='header'] {
      gap: 0.5rem 0.75rem;
    }
    [part='nav'] {
      order: 3;
      inline-size: 100%;
    }
    .section-name {
      display: none;
    }
    [part='account'] {
      flex: 1 1 0;
      justify-content: flex-end;
    }
    [part~='tab'] {
      padding-inline: 0.5rem;
      gap: 0.375rem;
    }
    [part='comment'] {
      grid-template-columns: auto minmax(0, 1fr);
      padding-inline: 0.75rem;
    }
    [part='comment'] [part='avatar'] {
      display: none;
    }
    [part='thread-filter'] {
      margin-inline-start: 0;
      inline-size: 100%;
    }
    [part='thread-input'] {
      flex: 1;
      max-inline-size: none;
    }
    [part='email'] {
      max-inline-size: 10rem;
    }
  }
  @media (forced-colors: active) {
    [part~='tab-selected'] {
      border-block-end-color: Highlight;
    }
    [part~='row-current'] [part='comment'] {
      border-inline-start-color: Highlight;
    }
  }
`;
