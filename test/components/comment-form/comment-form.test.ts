import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../support/readable-failures.js';
import '../../../src/define.js';
import { AdapterError } from '../../../src/adapters/adapter.js';
import {
  CommentFormCancelEvent,
  CommentFormSubmitEvent,
  type CommentForm,
} from '../../../src/components/comment-form/comment-form.js';
import { localizationFor, type Localization } from '../../../src/i18n/localization.js';
import { loadLocale, loadedTemplates } from '../../../src/i18n/locales.js';
import type { SeedLocale } from '../../support/seed.js';
import { $, markup, deepActiveElement, errorOf, get, isShown, nameInputOf, submitOf, text, textareaOf, typeInto } from '../../support/shadow.js';

async function localization(locale: SeedLocale): Promise<Localization> {
  await loadLocale(locale);
  return localizationFor(locale, loadedTemplates(locale));
}

/** Collects every comment-form-submit the form fires. */
function submissions(form: CommentForm): CommentFormSubmitEvent[] {
  const seen: CommentFormSubmitEvent[] = [];
  form.addEventListener(CommentFormSubmitEvent.type, (event) => seen.push(event as CommentFormSubmitEvent));
  return seen;
}

async function pressCtrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

describe('comment-form', () => {
  describe('accessibility', () => {
    it('passes axe', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
      await expect(el).to.be.accessible();
    });

    it('passes axe with a validation error shown, in Hindi, inline', async () => {
      const el = await fixture<CommentForm>(
        html`<comment-form needs-name inline reply-to="Nick" .localization=${await localization('hi')}></comment-form>`
      );
      submitOf(el).click();
      await el.updateComplete;
      expect(errorOf(el).hidden).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('labels the textarea and the name field with visible labels', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
      expect(text(textareaOf(el).closest('label'))).to.equal('Your comment');
      expect(text(nameInputOf(el)!.closest('label'))).to.equal('Name');
      expect(nameInputOf(el)!.getAttribute('autocomplete')).to.equal('name');
      // The keyboard hint describes the textarea.
      const hint = get(el, '[part="hint"]');
      expect(textareaOf(el).getAttribute('aria-describedby')!.split(' ')).to.include(hint.id);
      expect(text(hint)).to.equal('Ctrl+Enter to post');
    });

    it('labels a reply form after the author it answers, localized', async () => {
      const el = await fixture<CommentForm>(html`<comment-form inline reply-to="nickstamoulis" .localization=${await localization('sw')}></comment-form>`);
      expect(text(get(el, '[part="label"]'))).to.equal('Mjibu nickstamoulis');
      expect(text(get(el, '[part="cancel"]'))).to.equal('Ghairi');
      expect(text(submitOf(el))).to.equal('Tuma maoni');
    });
  });

  describe('attributes and properties', () => {
    it('shows the name field only with needs-name', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      expect(markup(nameInputOf(el))).to.equal(null);
      el.needsName = true;
      await el.updateComplete;
      expect(nameInputOf(el)).to.exist;
    });

    it('shows Cancel only when inline', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      expect(markup($(el, '[part="cancel"]'))).to.equal(null);
      el.inline = true;
      await el.updateComplete;
      expect($(el, '[part="cancel"]')).to.exist;
    });

    it('busy disables the Post button, says "Posting…" and reflects the attribute', async () => {
      const el = await fixture<CommentForm>(html`<comment-form busy></comment-form>`);
      expect(submitOf(el).disabled).to.equal(true);
      expect(text(submitOf(el))).to.equal('Posting…');
      el.busy = false;
      await el.updateComplete;
      expect(el.hasAttribute('busy')).to.equal(false);
      expect(submitOf(el).disabled).to.equal(false);
      expect(text(submitOf(el))).to.equal('Post comment');
      // The text stays editable while busy.
      el.busy = true;
      await el.updateComplete;
      expect(textareaOf(el).disabled).to.equal(false);
    });

    it('shows an adapter error, localized, until the next submission', async () => {
      const el = await fixture<CommentForm>(html`<comment-form .localization=${await localization('sw')}></comment-form>`);
      el.error = new AdapterError('unauthorized');
      await el.updateComplete;
      expect(isShown(errorOf(el))).to.equal(true);
      expect(errorOf(el).getAttribute('role')).to.equal('alert');
      expect(text(errorOf(el))).to.equal('Tafadhali ingia ili kutoa maoni.');
      expect(textareaOf(el).getAttribute('aria-describedby')!.split(' ')).to.include(errorOf(el).id);

      await typeInto(textareaOf(el), 'Again');
      submitOf(el).click();
      await el.updateComplete;
      expect(errorOf(el).hidden).to.equal(true);
    });

    it('shows a rate limit with the seconds to wait', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      el.error = new AdapterError('rate_limited', 'x', { retryAfter: 1 });
      await el.updateComplete;
      expect(text(errorOf(el))).to.equal('Too many comments at once. Please wait 1 second and try again.');
    });

    it('focus() moves focus into the textarea', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      el.focus();
      await waitUntil(() => deepActiveElement() === textareaOf(el));
    });
  });

  describe('events', () => {
    it('fires comment-form-submit with the trimmed body, name and an idempotency key', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
      const submitted = oneEvent(el, CommentFormSubmitEvent.type) as Promise<CommentFormSubmitEvent>;
      await typeInto(textareaOf(el), '  Hello there  \n');
      await typeInto(nameInputOf(el)!, '  Amina ');
      submitOf(el).click();
      const event = await submitted;
      expect(event.value.body).to.equal('Hello there');
      expect(event.value.name).to.equal('Amina');
      expect(event.value.idempotencyKey).to.be.a('string').with.length.greaterThan(8);
      // The thread posts it; the text stays until then.
      expect(textareaOf(el).value).to.equal('  Hello there  \n');
    });

    it('leaves the name out when no name is needed', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'Signed-in words');
      submitOf(el).click();
      expect(seen).to.have.length(1);
      expect(seen[0].value).to.not.have.property('name');
    });

    it('reuses the idempotency key for a retry of the same text, and makes a new one after an edit', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'Same text');
      await typeInto(nameInputOf(el)!, 'Amina');
      submitOf(el).click();
      el.error = new AdapterError('network');
      await el.updateComplete;
      submitOf(el).click();
      await typeInto(textareaOf(el), 'Edited text');
      submitOf(el).click();
      await typeInto(nameInputOf(el)!, 'Amina K.');
      submitOf(el).click();
      const keys = seen.map((event) => event.value.idempotencyKey);
      expect(keys).to.have.length(4);
      expect(keys[1]).to.equal(keys[0]);
      expect(keys[2]).to.not.equal(keys[1]);
      expect(keys[3]).to.not.equal(keys[2]);
    });

    it('reset() empties the text, clears errors and starts a new key; the name stays', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'First');
      await typeInto(nameInputOf(el)!, 'Amina');
      submitOf(el).click();
      el.error = new AdapterError('network');
      el.reset();
      await el.updateComplete;
      expect(textareaOf(el).value).to.equal('');
      expect(errorOf(el).hidden).to.equal(true);
      expect(nameInputOf(el)!.value).to.equal('Amina');
      await typeInto(textareaOf(el), 'First');
      submitOf(el).click();
      expect(seen[1].value.idempotencyKey).to.not.equal(seen[0].value.idempotencyKey);
    });

    it('Ctrl+Enter in the textarea submits', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'By keyboard');
      textareaOf(el).focus();
      await pressCtrlEnter();
      expect(seen.map((event) => event.value.body)).to.deep.equal(['By keyboard']);
      // The shortcut does not add a line break.
      expect(textareaOf(el).value).to.equal('By keyboard');
    });

    it('Ctrl+Enter in the name field submits', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'By keyboard');
      await typeInto(nameInputOf(el)!, 'Amina');
      nameInputOf(el)!.focus();
      await pressCtrlEnter();
      expect(seen).to.have.length(1);
    });

    it('plain Enter adds a line instead of submitting', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'line one');
      textareaOf(el).setSelectionRange(8, 8);
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'line two' });
      await el.updateComplete;
      expect(seen).to.have.length(0);
      expect(textareaOf(el).value).to.equal('line one\nline two');
    });

    it('does not submit while busy', async () => {
      const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'Twice?');
      el.busy = true;
      await el.updateComplete;
      textareaOf(el).focus();
      await pressCtrlEnter();
      get<HTMLFormElement>(el, 'form').requestSubmit();
      expect(seen).to.have.length(0);
    });

    it('Cancel fires comment-form-cancel', async () => {
      const el = await fixture<CommentForm>(html`<comment-form inline></comment-form>`);
      const cancelled = oneEvent(el, CommentFormCancelEvent.type);
      get(el, '[part="cancel"]').click();
      expect(await cancelled).to.be.instanceOf(CommentFormCancelEvent);
    });

    it('internal events do not leave the shadow root of the thread (not composed)', async () => {
      const el = await fixture<CommentForm>(html`<comment-form inline></comment-form>`);
      const submitted = oneEvent(el, CommentFormSubmitEvent.type) as Promise<CommentFormSubmitEvent>;
      await typeInto(textareaOf(el), 'x');
      submitOf(el).click();
      expect((await submitted).composed).to.equal(false);
    });
  });

  describe('validation', () => {
    for (const [label, body] of [['empty', ''], ['whitespace-only', ' \n\t \u00a0 ']] as const) {
      it(`a ${label} body shows a message, marks the textarea invalid, focuses it and fires nothing`, async () => {
        const el = await fixture<CommentForm>(html`<comment-form></comment-form>`);
        const seen = submissions(el);
        await typeInto(textareaOf(el), body);
        submitOf(el).click();
        await el.updateComplete;
        const error = errorOf(el);
        expect(isShown(error)).to.equal(true);
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.equal('Please write a comment before posting.');
        expect(textareaOf(el).getAttribute('aria-invalid')).to.equal('true');
        await waitUntil(() => deepActiveElement() === textareaOf(el), 'the textarea was not focused');
        await aTimeout(10);
        expect(seen).to.have.length(0);
      });
    }

    it('the message is localized', async () => {
      for (const [locale, message] of [
        ['sw', 'Tafadhali andika maoni kabla ya kutuma.'],
        ['hi', 'पोस्ट करने से पहले कृपया टिप्पणी लिखें।'],
      ] as const) {
        const el = await fixture<CommentForm>(html`<comment-form .localization=${await localization(locale)}></comment-form>`);
        submitOf(el).click();
        await el.updateComplete;
        expect(text(errorOf(el))).to.equal(message);
      }
    });

    it('a missing name, when required, shows a message and focuses the name field', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name .localization=${await localization('sw')}></comment-form>`);
      const seen = submissions(el);
      await typeInto(textareaOf(el), 'Words without a name');
      submitOf(el).click();
      await el.updateComplete;
      expect(text(errorOf(el))).to.equal('Tafadhali andika jina lako.');
      const input = nameInputOf(el)!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal(errorOf(el).id);
      expect(textareaOf(el).getAttribute('aria-invalid')).to.equal('false');
      await waitUntil(() => deepActiveElement() === input, 'the name field was not focused');
      expect(seen).to.have.length(0);
    });

    it('the message goes away once the field is filled', async () => {
      const el = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
      submitOf(el).click();
      await el.updateComplete;
      expect(errorOf(el).hidden).to.equal(false);
      await typeInto(textareaOf(el), 'Now there is text');
      expect(errorOf(el).hidden).to.equal(true);
      expect(textareaOf(el).getAttribute('aria-invalid')).to.equal('false');

      submitOf(el).click();
      await el.updateComplete;
      expect(text(errorOf(el))).to.equal('Please enter your name.');
      await typeInto(nameInputOf(el)!, 'Amina');
      expect(errorOf(el).hidden).to.equal(true);
    });
  });
});
