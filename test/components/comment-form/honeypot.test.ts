/** The hidden anti-bot field: people never see or reach it; what fills it travels as `honeypot`. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentForm, CommentFormSubmitEvent } from '../../../src/components/comment-form/comment-form.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { NewComment } from '../../../src/adapters/adapter.js';
import { RestAdapter } from '../../../src/adapters/rest.js';
import { get, threadReady } from '../../support/shadow.js';
import { manyComments, pagedAdapter } from '../../support/paged-adapter.js';

async function type(form: CommentForm, name: string, value: string): Promise<void> {
  const input = get<HTMLInputElement | HTMLTextAreaElement>(form, `[name="${name}"]`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
  await form.updateComplete;
}

describe('comment-form: honeypot', () => {
  it('is off screen, out of the tab order and hidden from assistive technology', async () => {
    const form = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
    const trap = get<HTMLInputElement>(form, 'input[name="homepage"]');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]')).not.to.equal(null);
    expect(trap.getBoundingClientRect().right).to.be.below(0);
    await expect(form).to.be.accessible();
  });

  it('stays out of a real reader’s post and travels as honeypot when a bot fills it', async () => {
    const form = await fixture<CommentForm>(html`<comment-form needs-name></comment-form>`);
    await type(form, 'body', 'Buy now');
    await type(form, 'name', 'Bot');
    setTimeout(() => get<HTMLButtonElement>(form, '[part="submit"]').click());
    const human = (await oneEvent(form, 'comment-form-submit')) as CommentFormSubmitEvent;
    expect(human.value).not.to.have.property('honeypot');

    get<HTMLInputElement>(form, 'input[name="homepage"]').value = 'http://spam.example';
    setTimeout(() => get<HTMLButtonElement>(form, '[part="submit"]').click());
    const bot = (await oneEvent(form, 'comment-form-submit')) as CommentFormSubmitEvent;
    expect(bot.value.honeypot).to.equal('http://spam.example');
  });

  it('reaches adapter.post through the thread', async () => {
    const adapter = pagedAdapter(manyComments(1));
    let posted: NewComment | undefined;
    const post = adapter.post.bind(adapter);
    adapter.post = (thread, input, options) => ((posted = input), post(thread, input, options));
    const el = await fixture<CommentThread>(html`<comment-thread thread="t" lang="en" .adapter=${adapter}></comment-thread>`);
    await threadReady(el);
    const form = get<CommentForm>(el, '[part="form-section"] comment-form');
    await type(form, 'body', 'spam');
    await type(form, 'name', 'Bot');
    get<HTMLInputElement>(form, 'input[name="homepage"]').value = 'x';
    get<HTMLButtonElement>(form, '[part="submit"]').click();
    await el.updateComplete;
    expect(posted?.honeypot).to.equal('x');
  });

  it('makes the reference server accept nothing, while the bot sees success', async () => {
    const adapter = new RestAdapter({ baseUrl: '/api', clientKeyStorage: null });
    const thread = `honeypot-${Date.now()}`;
    const answer = await adapter.post(thread, { parentId: null, body: 'spam', author: { name: 'Bot' }, honeypot: 'x' }, { idempotencyKey: `hp-${Date.now()}` });
    expect(answer.id).to.be.a('string');
    expect((await adapter.list(thread, {})).comments).to.deep.equal([]);
  });
});
