/** The e-mail and website fields a backend can ask for (adapter.authorFields). */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentForm, CommentFormSubmitEvent } from '../../../src/components/comment-form/comment-form.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { $, capabilityUiLoaded, get, text, threadReady } from '../../support/shadow.js';
import { manyComments, pagedAdapter } from '../../support/paged-adapter.js';

async function formWith(fields: CommentForm['authorFields']): Promise<CommentForm> {
  const form = await fixture<CommentForm>(html`<comment-form needs-name .authorFields=${fields}></comment-form>`);
  await capabilityUiLoaded(form);
  return form;
}

async function type(form: CommentForm, name: string, value: string): Promise<void> {
  const input = get<HTMLInputElement | HTMLTextAreaElement>(form, `[name="${name}"]`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
  await form.updateComplete;
}

async function submit(form: CommentForm): Promise<void> {
  get<HTMLButtonElement>(form, '[part="submit"]').click();
  await form.updateComplete;
}

describe('comment-form: author fields', () => {
  it('shows no e-mail or website field unless the backend asks', async () => {
    const form = await formWith({});
    expect($(form, '[part="email-input"]')).to.equal(null);
    expect($(form, '[part="url-input"]')).to.equal(null);
  });

  it('labels optional fields as optional and says the e-mail is never shown', async () => {
    const form = await formWith({ email: 'optional', url: 'optional' });
    expect(text(get(form, '[part="email-input"]').closest('label'))).to.equal('E-mail (optional, never shown)');
    expect(text(get(form, '[part="url-input"]').closest('label'))).to.equal('Website (optional)');
    expect(get(form, '[part="email-input"]').hasAttribute('required')).to.equal(false);
    await expect(form).to.be.accessible();
  });

  it('refuses a missing required e-mail and an invalid one, tied to the field', async () => {
    const form = await formWith({ email: 'required' });
    await type(form, 'body', 'Hello');
    await type(form, 'name', 'Amina');
    await submit(form);
    expect(text(get(form, '[part="error"]'))).to.equal('Please enter your e-mail address.');
    const email = get(form, '[part="email-input"]');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('message');
    await type(form, 'email', 'not-an-address');
    await submit(form);
    expect(text(get(form, '[part="error"]'))).to.contain('valid e-mail');
  });

  it('normalizes the website to https and refuses other schemes', async () => {
    const form = await formWith({ email: 'optional', url: 'optional' });
    await type(form, 'body', 'Hello');
    await type(form, 'name', 'Amina');
    await type(form, 'url', 'javascript:alert(1)');
    await submit(form);
    expect(text(get(form, '[part="error"]'))).to.contain('website address');
    await type(form, 'url', 'example.com/me');
    await type(form, 'email', 'amina@example.com');
    setTimeout(() => submit(form));
    const event = (await oneEvent(form, 'comment-form-submit')) as CommentFormSubmitEvent;
    expect(event.value).to.include({ name: 'Amina', email: 'amina@example.com', url: 'https://example.com/me' });
  });

  it('sends them through the thread to adapter.post', async () => {
    const adapter = Object.assign(pagedAdapter(manyComments(1)), { authorFields: { email: 'optional', url: 'optional' } as const });
    let posted: unknown;
    const post = adapter.post.bind(adapter);
    adapter.post = (thread, input, options) => ((posted = input), post(thread, input, options));
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    const form = get<CommentForm>(el, '[part="form-section"] comment-form');
    await capabilityUiLoaded(form);
    await type(form, 'body', 'Hi');
    await type(form, 'name', 'Baraka');
    await type(form, 'email', 'b@example.com');
    await submit(form);
    await el.updateComplete;
    expect(posted).to.deep.include({ author: { name: 'Baraka', email: 'b@example.com' } });
  });
});
