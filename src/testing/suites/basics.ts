/** Declared capabilities, posting, idempotency, abort and errors. */
import type { CommentAdapter } from '../../adapters/adapter.js';
import { abortError, adapterError, check, equal, rejection, show, wellFormed } from '../assert.js';
import { skip, suite, test } from '../harness.js';
import { newKey, pageThrough, post, type Kit } from '../kit.js';

const knownSorts = ['oldest', 'newest', 'top'];

export function capabilitySuite(kit: Kit): void {
  suite('capabilities', () => {
    test('declares only known sorts, each once', kit.timeoutMs, async () => {
      const { sorts } = await kit.adapter();
      if (sorts === undefined) return;
      check(Array.isArray(sorts), `sorts must be an array, got ${show(sorts)}`);
      for (const sort of sorts) check(knownSorts.includes(sort), `sorts: unknown sort ${show(sort)}`);
      equal(new Set(sorts).size, sorts.length, 'sorts: number of distinct sorts');
    });

    test('declares reactions exactly when it has react()', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const { reactions } = adapter;
      equal(reactions !== undefined, typeof adapter.react === 'function', 'reactions declared ⇔ react() present');
      if (reactions === undefined) return;
      check(Array.isArray(reactions) && reactions.length > 0, `reactions must be a non-empty array, got ${show(reactions)}`);
      for (const id of reactions) check(typeof id === 'string' && id !== '', `reactions: ${show(id)} is not a reaction id`);
      equal(new Set(reactions).size, reactions.length, 'reactions: number of distinct ids');
    });

    test('declares valid authorFields', kit.timeoutMs, async () => {
      const { authorFields } = await kit.adapter();
      if (authorFields === undefined) return;
      for (const [field, value] of Object.entries(authorFields)) {
        check(['email', 'url'].includes(field), `authorFields: unknown field ${show(field)}`);
        check(value === undefined || value === 'optional' || value === 'required', `authorFields.${field}: ${show(value)}`);
      }
    });

    test('resolves viewer() to null or a viewer', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      if (!adapter.viewer) skip('no viewer()');
      const viewer = await adapter.viewer();
      if (viewer === null) return;
      check(typeof viewer.id === 'string' && typeof viewer.name === 'string', `viewer() must resolve null or { id, name }, got ${show(viewer)}`);
    });

    test('offers can.edit and can.delete only with edit() and delete()', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const created = await post(adapter, thread, 'mine');
      const { level } = await pageThrough(adapter, thread, {});
      for (const comment of [created, ...level]) {
        if (comment.can?.edit) check(typeof adapter.edit === 'function', 'a comment has can.edit but the adapter has no edit()');
        if (comment.can?.delete) check(typeof adapter.delete === 'function', 'a comment has can.delete but the adapter has no delete()');
      }
    });
  });
}

function abortedSignal(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

async function topLevelIds(adapter: CommentAdapter, thread: string): Promise<string[]> {
  return (await pageThrough(adapter, thread, {})).level.map((c) => c.id);
}

export function postSuite(kit: Kit): void {
  suite('post', () => {
    test('returns a well-formed comment, top level and reply', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const top = await post(adapter, thread, 'Habari za leo?');
      wellFormed(top, 'post() result');
      equal(top.parentId, null, 'top-level comment parentId');
      equal(top.body, 'Habari za leo?', 'body');
      check(top.author.name.trim() !== '', 'author.name must not be empty');
      check(top.status === undefined || top.status === 'published' || top.status === 'pending', `status of a new comment: ${show(top.status)}`);
      const reply = await post(adapter, thread, 'Nzuri sana', top.id);
      wellFormed(reply, 'post() reply result');
      equal(reply.parentId, top.id, 'reply parentId');
      check(reply.id !== top.id, 'a reply must get its own id');
    });

    test('rejects an empty or blank body with validation, storing nothing', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      for (const body of ['', '  \n\t ']) {
        adapterError(await rejection(post(adapter, thread, body), `post(${show(body)})`), ['validation'], `post(${show(body)})`);
      }
      equal((await topLevelIds(adapter, thread)).length, 0, 'comments listed after rejected posts');
    });

    test('rejects a reply to a missing parent with not_found or validation', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      await post(adapter, thread, 'a parent that exists');
      const error = await rejection(post(adapter, thread, 'orphan', 'conformance-no-such-comment'), 'reply to a missing parent');
      adapterError(error, ['not_found', 'validation'], 'reply to a missing parent');
    });

    test('returns the same comment for a repeated idempotency key', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const key = newKey();
      const first = await post(adapter, thread, 'once', null, key);
      const again = await post(adapter, thread, 'once', null, key);
      equal(again.id, first.id, 'id of the repeated post');
      equal((await topLevelIds(adapter, thread)).length, 1, 'comments listed after posting one key twice');
    });

    test('creates one comment for concurrent posts with one key', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      const key = newKey();
      const results = await Promise.all([1, 2, 3].map(() => post(adapter, thread, 'once', null, key)));
      equal(new Set(results.map((c) => c.id)).size, 1, 'distinct ids from three concurrent posts with one key');
      equal((await topLevelIds(adapter, thread)).length, 1, 'comments listed after concurrent posts with one key');
    });

    test('rejects list and post with AbortError for an aborted signal, creating nothing', kit.timeoutMs, async () => {
      const adapter = await kit.adapter();
      const thread = kit.thread();
      abortError(await rejection(Promise.resolve().then(() => adapter.list(thread, { signal: abortedSignal() })), 'aborted list'), 'aborted list');
      const aborted = Promise.resolve().then(() =>
        adapter.post(thread, { parentId: null, body: 'never', author: { name: 'Conformance Tester' } }, { idempotencyKey: newKey(), signal: abortedSignal() })
      );
      abortError(await rejection(aborted, 'aborted post'), 'aborted post');
      equal((await topLevelIds(adapter, thread)).length, 0, 'comments listed after an aborted post');
    });
  });
}
