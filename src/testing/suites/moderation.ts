/**
 * moderate(): what a moderator's actions do to what readers see, who may act at all, and that
 * approving a held comment reaches subscribed readers live. Needs `options.moderation` (a
 * moderator of the same backend); without it, or without `moderate()`, the tests are skipped.
 */
import type { Comment, CommentAdapter, ModerationAction } from '../../adapters/adapter.js';
import { adapterError, check, equal, rejection, show, wellFormed } from '../assert.js';
import { skip, suite, test } from '../harness.js';
import { post, Recorder, sleep, uniqueBody, wholeThread, type Kit } from '../kit.js';

interface Cast {
  /** The reader who writes the comments. */
  author: CommentAdapter;
  /** Another reader of the same backend. */
  stranger: CommentAdapter;
  moderator: CommentAdapter & Required<Pick<CommentAdapter, 'moderate'>>;
  thread: string;
}

async function cast(kit: Kit): Promise<Cast> {
  const options = kit.moderation;
  if (!options) skip('no moderation options (a moderator of the same backend)');
  const author = await kit.adapter();
  const moderator = await kit.other(options.moderator);
  if (typeof moderator.moderate !== 'function') skip('no moderate()');
  const stranger = options.stranger ? await kit.other(options.stranger) : await kit.adapter();
  return { author, stranger, moderator: moderator as Cast['moderator'], thread: kit.thread() };
}

/** Posts a comment the backend holds, or skips when the options name no way to. */
async function postHeld(kit: Kit, { author, thread }: Cast): Promise<Comment> {
  const held = kit.moderation?.heldBody;
  if (!held) skip('no moderation.heldBody: no way to make the backend hold a comment');
  const comment = await post(author, thread, `${held} ${uniqueBody('held')}`);
  equal(comment.status, 'pending', 'status of a comment posted with moderation.heldBody');
  return comment;
}

async function act(moderator: Cast['moderator'], thread: string, id: string, action: ModerationAction): Promise<Comment> {
  const result = await moderator.moderate(thread, id, action);
  wellFormed(result, `moderate(${action}) result`);
  equal(result.id, id, `id of the moderate(${action}) result`);
  return result;
}

/** What `reader` lists of comment `id`: nothing, or a tombstone without `body`. */
async function hiddenFrom(reader: CommentAdapter, thread: string, id: string, body: string, who: string): Promise<void> {
  const listed = (await wholeThread(reader, thread)).get(id);
  if (!listed) return;
  check(listed.status === 'deleted', `${who}: a comment taken down may be listed only as a tombstone (status 'deleted'), got ${show(listed.status)}`);
  check(!listed.body.includes(body), `${who}: the tombstone still shows the text`);
}

async function shownTo(reader: CommentAdapter, thread: string, id: string, body: string, who: string): Promise<Comment> {
  const listed = (await wholeThread(reader, thread)).get(id);
  check(listed, `${who}: the comment is not listed`);
  equal(listed.status ?? 'published', 'published', `${who}: status`);
  equal(listed.body, body, `${who}: body`);
  return listed;
}

export function moderationSuite(kit: Kit): void {
  suite('moderation', () => {
    test("the moderator's viewer() has the role moderator or owner", kit.timeoutMs, async () => {
      const { moderator } = await cast(kit);
      if (!moderator.viewer) skip('no viewer()');
      const viewer = await moderator.viewer();
      check(viewer?.role === 'moderator' || viewer?.role === 'owner', `the moderator's viewer() must have role moderator or owner, got ${show(viewer)}`);
    });

    test('a reader may not moderate: unauthorized or forbidden, and nothing changes', kit.timeoutMs, async () => {
      const { author, stranger, thread } = await cast(kit);
      const body = uniqueBody('stays');
      const created = await post(author, thread, body);
      if (typeof stranger.moderate !== 'function') skip("the reader's adapter has no moderate()");
      for (const action of ['spam', 'delete'] as const) {
        adapterError(await rejection(stranger.moderate(thread, created.id, action), `a reader's moderate(${action})`), ['unauthorized', 'forbidden'], `a reader's moderate(${action})`);
      }
      await shownTo(author, thread, created.id, body, 'after the refused moderation, the author');
    });

    test('spam takes a comment away from readers; restore brings it back', kit.timeoutMs, async () => {
      const setup = await cast(kit);
      const { author, stranger, moderator, thread } = setup;
      const body = uniqueBody('suspicious');
      const created = await post(author, thread, body);
      equal((await act(moderator, thread, created.id, 'spam')).status, 'spam', 'status after spam');
      await hiddenFrom(author, thread, created.id, body, 'after spam, its author');
      await hiddenFrom(stranger, thread, created.id, body, 'after spam, another reader');
      const seen = (await wholeThread(moderator, thread)).get(created.id);
      if (seen) equal(seen.status, 'spam', 'status the moderator lists after spam');
      equal((await act(moderator, thread, created.id, 'restore')).status, 'published', 'status after restore');
      await shownTo(stranger, thread, created.id, body, 'after restore, another reader');
    });

    test("delete takes a comment down for everyone; restore brings back its text", kit.timeoutMs, async () => {
      const { author, stranger, moderator, thread } = await cast(kit);
      const body = uniqueBody('rude');
      const created = await post(author, thread, body);
      const deleted = await act(moderator, thread, created.id, 'delete');
      equal(deleted.status, 'deleted', 'status after delete');
      // The moderator may still be shown the text (to restore it); readers must not.
      await hiddenFrom(stranger, thread, created.id, body, 'after delete, another reader');
      await hiddenFrom(author, thread, created.id, body, 'after delete, its author');
      equal((await act(moderator, thread, created.id, 'restore')).status, 'published', 'status after restore');
      await shownTo(author, thread, created.id, body, 'after restore, its author');
    });

    test('a held comment: its author and the moderator see it pending, other readers not; approve publishes it for all', kit.timeoutMs, async () => {
      const setup = await cast(kit);
      const { author, stranger, moderator, thread } = setup;
      const held = await postHeld(kit, setup);
      equal((await wholeThread(author, thread)).get(held.id)?.status, 'pending', 'the author lists the held comment as');
      check(!(await wholeThread(stranger, thread)).has(held.id), 'another reader must not list a held comment');
      equal((await wholeThread(moderator, thread)).get(held.id)?.status, 'pending', 'the moderator lists the held comment as');
      equal((await act(moderator, thread, held.id, 'approve')).status, 'published', 'status after approve');
      await shownTo(stranger, thread, held.id, held.body, 'after approve, another reader');
    });

    test('approving is live: a subscribed reader hears of the comment only then, with its text', kit.timeoutMs, async () => {
      const setup = await cast(kit);
      const { stranger, moderator, thread } = setup;
      if (typeof stranger.subscribe !== 'function') skip('no subscribe()');
      const recorder = new Recorder(stranger, thread);
      try {
        if (kit.settleMs > 0) await sleep(kit.settleMs);
        const held = await postHeld(kit, setup);
        // Time for a wrongly sent event to arrive before the approval.
        await sleep(Math.min(300, kit.eventWaitMs / 3));
        check(!recorder.events.some((event) => event.comment?.id === held.id && event.comment.body.includes(held.body)), 'another reader heard of the held comment before it was approved');
        await act(moderator, thread, held.id, 'approve');
        const event = await recorder.until((each) => each.type === 'created' && each.comment?.id === held.id, kit.eventWaitMs, 'created event after approve');
        wellFormed(event.comment, 'created event after approve');
        equal(event.comment.body, held.body, 'body in the created event after approve');
        equal(event.comment.status ?? 'published', 'published', 'status in the created event after approve');
      } finally {
        recorder.stop();
      }
    });

    test('an unknown comment: not_found', kit.timeoutMs, async () => {
      const { moderator, thread } = await cast(kit);
      adapterError(await rejection(moderator.moderate(thread, `no-such-comment-${uniqueBody('x').replace(/\W/g, '')}`, 'approve'), 'moderate() of an unknown comment'), ['not_found'], 'moderate() of an unknown comment');
    });
  });
}
