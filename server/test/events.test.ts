// Server-Sent Events: created/edited/deleted reach every open stream of the thread, pings keep
// streams alive, and streams are cleaned up when clients leave or the app closes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createEventHub } from '../src/events/hub.js';
import { eventually, newClientKey, openEventStream, startServer, type TestServer } from '../testing/helpers.js';

let s: TestServer;
before(async () => {
  s = await startServer({ pingIntervalMs: 100 });
});
after(() => s.close());

const eventsUrl = (thread: string) => `${s.base}/threads/${encodeURIComponent(thread)}/events`;

describe('events', { timeout: 30_000 }, () => {
  test('a stream receives created, edited and deleted, without per-viewer fields', async () => {
    const thread = 'events/blog';
    const stream = await openEventStream(eventsUrl(thread));
    const other = await openEventStream(eventsUrl('events/other'));
    try {
      assert.equal(stream.response.status, 200);
      assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      assert.equal(stream.response.headers.get('cache-control'), 'no-store');
      const hello = await stream.next((f) => f.retry !== null);
      assert.equal(hello.retry, '3000');

      const client = newClientKey();
      const { json: posted } = await s.post(thread, { client, body: 'live' });
      const created = await stream.nextEvent('created');
      assert.deepEqual(created, { ...posted, can: { edit: false, delete: false } });

      const path = `/threads/${encodeURIComponent(thread)}/comments/${posted.id}`;
      await s.api(`${path}/reactions`, { client, body: { reaction: 'up', active: true } });
      const { json: edited } = await s.api(path, { method: 'PATCH', client, body: { body: 'live, edited' } });
      const editedEvent = await stream.nextEvent('edited');
      assert.equal(editedEvent.body, 'live, edited');
      assert.equal(editedEvent.editedAt, edited.editedAt);
      assert.deepEqual(editedEvent.viewerReactions, []);
      assert.deepEqual(editedEvent.reactions, { up: 1, down: 0 });
      assert.deepEqual(editedEvent.can, { edit: false, delete: false });

      await s.api(path, { method: 'DELETE', client });
      const deleted = await stream.nextEvent('deleted');
      assert.equal(deleted.id, posted.id);
      assert.equal(deleted.status, 'deleted');
      assert.equal(deleted.body, '');

      // The other thread's stream heard nothing but pings.
      await assert.rejects(other.next((f) => f.event !== null, 300), /timed out/);
    } finally {
      stream.close();
      other.close();
    }
  });

  test('several streams of one thread all receive each event', async () => {
    const thread = 'events/fanout';
    const streams = await Promise.all([1, 2, 3].map(() => openEventStream(eventsUrl(thread))));
    try {
      await Promise.all(streams.map((stream) => stream.next((f) => f.retry !== null)));
      const { json } = await s.post(thread, { body: 'to all' });
      for (const stream of streams) assert.equal((await stream.nextEvent('created')).id, json.id);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  test('pings arrive as comments', async () => {
    const stream = await openEventStream(eventsUrl('events/ping'));
    try {
      const ping = await stream.next((f) => f.comment === 'ping', 3000);
      assert.equal(ping.event, null);
    } finally {
      stream.close();
    }
  });

  test('close() ends open streams', async () => {
    const own = await startServer();
    const stream = await openEventStream(`${own.base}/threads/x/events`);
    await stream.next((f) => f.retry !== null);
    await own.app.close();
    assert.equal(await stream.waitForEnd(3000), true);
    await own.close();
  });

  test('the hub forgets a stream when its client goes away, and stops pinging', async () => {
    const hub = createEventHub({ pingIntervalMs: 50 });
    const server = createServer((req, res) => hub.open('t', req, res));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    try {
      const { port } = server.address() as import('node:net').AddressInfo;
      const streams = await Promise.all([1, 2].map(() => openEventStream(`http://127.0.0.1:${port}/`)));
      await Promise.all(streams.map((stream) => stream.next((f) => f.comment === 'ping')));
      assert.equal(hub.streamCount(), 2);
      streams[0].close();
      await eventually(() => hub.streamCount() === 1);
      hub.broadcast('t', 'created', { id: 'x' });
      assert.deepEqual(await streams[1].nextEvent('created'), { id: 'x' });
      streams[1].close();
      await eventually(() => hub.streamCount() === 0);
    } finally {
      hub.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  });
});
