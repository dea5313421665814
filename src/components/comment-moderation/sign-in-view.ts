/**
 * The sign-in form of the moderation page. The element owns the state; this draws it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from '../../core/errors.js';
import type { Localization } from '../../i18n/localization.js';
import { moderationErrorMessage } from './moderation-labels.js';

export interface SignInHost {
  readonly l: Localization;
  readonly signingIn: boolean;
  readonly signInError: AdapterError | null;
  /** Why the moderator is asked to sign in again (the session ended), shown above the form. */
  readonly notice: AdapterError | null;
  signIn(email: string, password: string): void;
}

export function renderSignIn(host: SignInHost): TemplateResult {
  const { l } = host;
  const { msg } = l;
  const error = host.signInError;
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    host.signIn(field('email').trim(), field('password'));
  };
  return html`<section part="sign-in" aria-labelledby="sign-in-heading">
    <h1 id="sign-in-heading" part="heading">${msg('Sign in to moderate comments', { id: 'admin.sign-in.heading' })}</h1>
    ${host.notice ? html`<p part="notice" role="status">${moderationErrorMessage(l, host.notice)}</p>` : nothing}
    <form part="sign-in-form" @submit=${submit}>
      <label part="label" for="email">${msg('Email', { id: 'admin.sign-in.email' })}</label>
      <input part="input" id="email" name="email" type="email" autocomplete="username" required aria-invalid=${error?.code === 'unauthorized' ? 'true' : 'false'} aria-describedby=${error ? 'sign-in-error' : nothing} />
      <label part="label" for="password">${msg('Password', { id: 'admin.sign-in.password' })}</label>
      <input part="input" id="password" name="password" type="password" autocomplete="current-password" required aria-invalid=${error?.code === 'unauthorized' ? 'true' : 'false'} aria-describedby=${error ? 'sign-in-error' : nothing} />
      ${error ? html`<p part="sign-in-error" id="sign-in-error" role="alert">${moderationErrorMessage(l, error, true)}</p>` : nothing}
      <button part="sign-in-button" class="primary" type="submit" ?disabled=${host.signingIn}>
        ${host.signingIn ? msg('Signing in…', { id: 'admin.sign-in.busy' }) : msg('Sign in', { id: 'admin.sign-in.submit' })}
      </button>
    </form>
  </section>`;
}
