/**
 * An empty thread on the real reference server (mounted under /api by the test runner): another
 * reader's first comment reaches it through the server's event stream, behind the same "N new
 * comments — show" banner a thread with comments has, and then shows in place of the empty state.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { RestAdapter } from '../../src/adapters/rest.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { $, get, headingText, items, settled, text, threadReady } from '../support/shadow.js';

/** A comment posted as another reader would (no cookies, another client). */
async function postAsOther(thread: string, body: string): Promise<{ id: string; status: string }> {
  const response = await fetch(`/api/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${crypto.randomUUID()}`, 'x-maoni-client': 'e2e-other-client-key-0002' },
    body: JSON.stringify({ parentId: null, body, author: { name: 'Zawadi' } }),
  });
  return response.json();
}

describe('an empty thread, live, end to end', function () {
  // A live stream on a busy machine: more than a unit test's 5 s.
  this.timeout(20_000);

  it("another reader's first comment: the banner and its announcement, then the comment, the count and no empty state", async () => {
    const thread = `e2e/empty-${Date.now()}`;
    const el = await fixture<CommentThread>(html`<comment-thread thread=${thread} lang="en" .adapter=${new RestAdapter({ baseUrl: '/api', credentials: 'omit' })}></comment-thread>`);
    await threadReady(el);
    expect(text($(el, '[part="empty"]'))).to.equal('No comments yet. Be the first to write one.');

    const posted = await postAsOther(thread, 'Karibu, the first comment');
    expect(posted.status).to.equal('published');
    await waitUntil(() => $(el, '[part="new-comments"]'), 'the empty thread shows no banner for the live comment', { timeout: 5000 });
    expect(text(get(el, '[part="new-comments"]'))).to.equal('1 new comment — show');
    expect(get(el, '[role="status"].visually-hidden').textContent).to.equal('1 new comment — show');
    expect($(el, '[part="empty"]')).to.equal(null);

    get<HTMLButtonElement>(el, '[part="new-comments"]').click();
    await settled(el);
    expect(items(el).map((each) => each.comment?.id)).to.deep.equal([posted.id]);
    expect($(el, '[part="empty"]')).to.equal(null);
    expect(headingText(el)).to.equal('1 Comment');
  });
});
