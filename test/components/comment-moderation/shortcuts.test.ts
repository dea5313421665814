import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/admin.js';
import type { CommentModeration } from '../../../src/components/comment-moderation/comment-moderation.js';
import { $, $$, FakeModerationClient, comment, find, row, rowIds, tabCount, text } from './fake-client.js';

async function queue(client: FakeModerationClient) {
  const el = await fixture<CommentModeration>(html`<comment-moderation lang="en" .client=${client}></comment-moderation>`);
  await find(el, '[part="list"]');
  return el;
}

/** The id of the row the keyboard is on. */
const currentId = (el: CommentModeration) => $(el, '[part~="row-current"]')?.dataset.id;
/** The id of the row that has focus. */
const focusedId = (el: CommentModeration) => (el.shadowRoot!.activeElement?.closest('[part~="row"]') as HTMLElement | null)?.dataset.id;

const three = () => [comment({ id: 'a', minutesAgo: 1 }), comment({ id: 'b', minutesAgo: 2 }), comment({ id: 'c', minutesAgo: 3 })];

describe('comment-moderation: keyboard shortcuts', () => {
  it('lists every shortcut in a help section on the page', async () => {
    const el = await queue(new FakeModerationClient(three()));
    const help = $(el, '[part="shortcuts"]')!;
    expect(text(help.querySelector('h2'))).to.equal('Keyboard shortcuts');
    const pairs = [...help.querySelectorAll('dl > div')].map((entry) => `${text(entry.querySelector('kbd'))} ${text(entry.querySelector('dd'))}`);
    expect(pairs).to.deep.equal(['j Next comment', 'k Previous comment', 'x Select or unselect', 'a Approve', 's Mark as spam', 'd Delete', 'r Restore', 'b Ban author']);
  });

  it('j and k move between comments, with focus', async () => {
    const el = await queue(new FakeModerationClient(three()));
    expect(currentId(el)).to.equal('a');
    $(el, '[part="comment"]')!.focus();
    await sendKeys({ press: 'j' });
    await waitUntil(() => focusedId(el) === 'b', 'j did not move to b');
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' }); // stays on the last one
    await waitUntil(() => focusedId(el) === 'c', 'not on c');
    expect(currentId(el)).to.equal('c');
    await sendKeys({ press: 'k' });
    await waitUntil(() => focusedId(el) === 'b', 'k did not move back to b');
    // Only the current row is in the tab order.
    expect($$(el, '[part="comment"]').map((article) => article.tabIndex)).to.deep.equal([-1, 0, -1]);
  });

  it('works from the page before anything has focus', async () => {
    const el = await queue(new FakeModerationClient(three()));
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'j' });
    await waitUntil(() => focusedId(el) === 'b', 'j from the body did nothing');
  });

  it('a approves the current comment; focus goes on to the next, and the count drops', async () => {
    const client = new FakeModerationClient(three());
    const el = await queue(client);
    $(el, '[part="comment"]')!.focus();
    await sendKeys({ press: 'a' });
    await waitUntil(() => rowIds(el).join() === 'b,c', 'a was not approved');
    expect(tabCount(el, 'pending')).to.equal('2');
    await waitUntil(() => focusedId(el) === 'b', 'focus did not move on to b');
    await sendKeys({ press: 'd' });
    await waitUntil(() => rowIds(el).join() === 'c', 'b was not deleted');
    await sendKeys({ press: 's' });
    await waitUntil(() => rowIds(el).length === 0, 'c was not marked as spam');
    expect(client.calls.filter((call) => call.startsWith('moderate'))).to.deep.equal(['moderate a approve', 'moderate b delete', 'moderate c spam']);
  });

  it('x selects, and an action key then applies to the selection', async () => {
    const client = new FakeModerationClient(three());
    const el = await queue(client);
    $(el, '[part="comment"]')!.focus();
    await sendKeys({ press: 'x' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'x' });
    await waitUntil(() => text($(el, '[part="selection-count"]')) === '2 selected', 'not two selected');
    expect(row(el, 'a')!.querySelector<HTMLInputElement>('[part="row-checkbox"]')!.checked).to.equal(true);
    expect(row(el, 'b')!.querySelector<HTMLInputElement>('[part="row-checkbox"]')!.checked).to.equal(false);
    await sendKeys({ press: 'a' });
    await waitUntil(() => rowIds(el).join() === 'b', 'the selection was not approved');
    expect(client.calls.filter((call) => call.startsWith('moderate')).sort()).to.deep.equal(['moderate a approve', 'moderate c approve']);
  });

  it('b asks before banning; Enter bans, Escape keeps the author', async () => {
    const client = new FakeModerationClient(three());
    const el = await queue(client);
    $(el, '[part="comment"]')!.focus();
    await sendKeys({ press: 'b' });
    await find(el, '[part="confirm"]');
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'confirm-button', 'focus is not on the confirm button');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, '[part="confirm"]'), 'Escape did not cancel');
    expect(client.bans).to.deep.equal([]);
    await waitUntil(() => focusedId(el) === 'a', 'focus did not come back to the row');
    await sendKeys({ press: 'b' });
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'confirm-button', 'no confirm button focused');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.bans.length === 1, 'Enter did not ban');
    expect(client.bans).to.deep.equal(['a']);
  });

  it('ignores keys typed into a field, and keys with a modifier', async () => {
    const client = new FakeModerationClient(three());
    const el = await queue(client);
    const input = $<HTMLInputElement>(el, '#thread-filter')!;
    input.focus();
    await sendKeys({ type: 'jaxsdb' });
    expect(input.value).to.equal('jaxsdb');
    $(el, '[part="comment"]')!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.calls.filter((call) => !call.startsWith('list') && call !== 'session')).to.deep.equal([]);
    expect(rowIds(el)).to.deep.equal(['a', 'b', 'c']);
    expect($(el, '[part="selection-count"]')).to.equal(null);
  });

  it('leaves keys typed in the page outside the element alone', async () => {
    const client = new FakeModerationClient(three());
    const wrapper = await fixture<HTMLElement>(html`<div><input id="outside" aria-label="outside" /><button id="page-button">page</button><comment-moderation lang="en" .client=${client}></comment-moderation></div>`);
    const el = wrapper.querySelector('comment-moderation')!;
    await find(el, '[part="list"]');
    wrapper.querySelector<HTMLButtonElement>('#page-button')!.focus();
    await sendKeys({ press: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.calls.some((call) => call.startsWith('moderate'))).to.equal(false);
  });
});
