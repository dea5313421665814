/** subscribe(): created, edited and deleted events, and silence after unsubscribe. */
import type { CommentAdapter, ThreadEvent } from '../../adapters/adapter.js';
import { check, equal, show, wellFormed } from '../assert.js';
import { skip, suite, test } from '../harness.js';
import { post, Recorder, sleep, uniqueBody, type Kit } from '../kit.js';

/** How long "no event" is waited for. */
const quietMs = 300;

/** A subscribed adapter, and the one that makes the changes (itself, or a second instance). */
async function setUp(kit: Kit): Promise<{ adapter: CommentAdapter; producer: CommentAdapter; thread: string; recorder: Recorder }> {
  const adapter = await kit.adapter();
  if (typeof adapter.subscribe !== 'function') skip('no subscribe()');
  const producer = await kit.producer(adapter);
  const thread = kit.thread();
  const recorder = new Recorder(adapter, thread);
  if (kit.settleMs > 0) await sleep(kit.settleMs);
  return { adapter, producer, thread, recorder };
}

const about = (type: ThreadEvent['type'], id: string) => (event: ThreadEvent) => event.type === type && event.comment?.id === id;

export function subscribeSuite(kit: Kit): void {
  suite('subscribe', () => {
    test('delivers a created event for a new comment', kit.timeoutMs, async () => {
      const { producer, thread, recorder } = await setUp(kit);
      try {
        const body = uniqueBody('news');
        const created = await post(producer, thread, body);
        const event = await recorder.until(about('created', created.id), kit.eventWaitMs, 'created event');
        wellFormed(event.comment, 'created event comment');
        equal(event.comment.body, body, 'body in the created event');
      } finally {
        recorder.stop();
      }
    });

    test('delivers an edited event', kit.timeoutMs, async () => {
      const { producer, thread, recorder } = await setUp(kit);
      try {
        if (!producer.edit) skip('no edit()');
        const created = await post(producer, thread, 'before');
        if (!created.can?.edit) skip('a fresh comment does not have can.edit');
        await producer.edit(thread, created.id, { body: 'after' });
        const event = await recorder.until(about('edited', created.id), kit.eventWaitMs, 'edited event');
        wellFormed(event.comment, 'edited event comment');
        equal(event.comment.body, 'after', 'body in the edited event');
      } finally {
        recorder.stop();
      }
    });

    test('delivers a deleted event', kit.timeoutMs, async () => {
      const { producer, thread, recorder } = await setUp(kit);
      try {
        if (!producer.delete) skip('no delete()');
        const body = uniqueBody('gone');
        const created = await post(producer, thread, body);
        if (!created.can?.delete) skip('a fresh comment does not have can.delete');
        await producer.delete(thread, created.id);
        const event = await recorder.until(about('deleted', created.id), kit.eventWaitMs, 'deleted event');
        wellFormed(event.comment, 'deleted event comment');
        check(!event.comment.body.includes(body), 'the deleted event still shows the body');
      } finally {
        recorder.stop();
      }
    });

    test("delivers only its thread's events, and none after unsubscribe", kit.timeoutMs, async () => {
      const { producer, thread, recorder } = await setUp(kit);
      let stopped = false;
      try {
        const elsewhere = await post(producer, kit.thread(), 'another thread');
        const here = await post(producer, thread, 'this thread');
        await recorder.until(about('created', here.id), kit.eventWaitMs, 'created event');
        check(!recorder.events.some((e) => e.comment?.id === elsewhere.id), 'an event of another thread was delivered');
        recorder.stop();
        stopped = true;
        recorder.stop(); // a second call is harmless
        const later = await post(producer, thread, 'after unsubscribe');
        await sleep(quietMs);
        const late = recorder.events.filter((e) => e.comment?.id === later.id);
        check(late.length === 0, `events after unsubscribe: ${show(late.map((e) => e.type))}`);
      } finally {
        if (!stopped) recorder.stop();
      }
    });
  });
}
