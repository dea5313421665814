/**
 * withFaults (src/testing/faults.ts): seeded, reproducible failures and latency in front of any
 * adapter, for adapter tests and the soak test.
 */
import { expect } from '@open-wc/testing';
import { adapterErrorOf, rejectionOf } from '../support/promises.js';
import { sleep } from '../support/adapters.js';
import {
  AdapterError,
  type Comment,
  type CommentAdapter,
  type CommentSort,
  type ListOptions,
  type NewComment,
  type PostOptions,
} from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { isInjectedFault, runAdapterConformance, withFaults } from '../../src/testing/index.js';


const input = (body: string): NewComment => ({ parentId: null, body, author: { name: 'Amina' } });

/** What happened to one call: 'ok', or the error's code (and whether it was injected). */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return `${(error as AdapterError).code}${isInjectedFault(error) ? '*' : ''}`;
  }
}

/** A `{ list, post }`-only adapter in front of a MemoryAdapter that records what reaches it. */
function minimal(inner = new MemoryAdapter()) {
  const calls = { list: [] as ListOptions[], post: [] as PostOptions[] };
  const adapter: CommentAdapter = {
    list(threadId, options) {
      calls.list.push(options);
      return inner.list(threadId, options);
    },
    post(threadId, comment, options) {
      calls.post.push(options);
      return inner.post(threadId, comment, options);
    },
  };
  return { adapter, calls, inner };
}

/** Every comment of a thread's top level on the (unwrapped) server. */
async function stored(server: MemoryAdapter, thread: string): Promise<Comment[]> {
  return (await server.list(thread, { limit: 1000 })).comments;
}

describe('withFaults', () => {
  describe('determinism', () => {
    async function run(seed: number): Promise<string[]> {
      const faulty = withFaults(new MemoryAdapter(), { seed, failureRate: 0.3, codes: ['network', 'rate_limited', 'unknown'] });
      const results: string[] = [];
      for (let i = 0; i < 150; i++) {
        const call = i % 3 === 0 ? faulty.list('t', {}) : faulty.post('t', input(`c${i}`), { idempotencyKey: `k${i}` });
        results.push(await outcome(call));
      }
      return results;
    }

    it('gives the same faults for the same seed and sequence of calls', async () => {
      const first = await run(42);
      expect(await run(42)).to.deep.equal(first);
      expect(first.filter((r) => r !== 'ok').length).to.be.greaterThan(0);
    });

    it('gives other faults for another seed', async () => {
      expect(await run(43)).to.not.deep.equal(await run(42));
    });

    it('draws at call time, so concurrent calls fail as the same calls made one after another', async () => {
      const sequential = withFaults(new MemoryAdapter(), { seed: 5, latency: [0, 10] });
      const concurrent = withFaults(new MemoryAdapter(), { seed: 5, latency: [0, 10] });
      const one: string[] = [];
      for (let i = 0; i < 40; i++) one.push(await outcome(sequential.list('t', {})));
      const all = await Promise.all(Array.from({ length: 40 }, () => outcome(concurrent.list('t', {}))));
      expect(all).to.deep.equal(one);
    });
  });

  describe('failure rate', () => {
    it('fails about failureRate of 2,000 calls, and counts them per method', async () => {
      const faulty = withFaults(new MemoryAdapter(), { seed: 2024 });
      let failed = 0;
      for (let i = 0; i < 2000; i++) {
        if ((await outcome(faulty.list('t', {}))) !== 'ok') failed++;
      }
      expect(failed / 2000).to.be.within(0.17, 0.23);
      const { faults } = faulty;
      expect(faults.calls).to.equal(2000);
      expect(faults.failed).to.equal(failed);
      expect(faults.failedBefore).to.equal(failed); // list changes nothing: it always fails before
      expect(faults.failedAfter).to.equal(0);
      expect(faults.byMethod.list).to.include({ calls: 2000, failed });
      expect(faults.byMethod.post).to.include({ calls: 0, failed: 0 });
    });

    it('injects AdapterErrors with the chosen codes, marked as injected; rate_limited with retryAfter 1', async () => {
      const faulty = withFaults(new MemoryAdapter(), { failureRate: 1, codes: ['rate_limited', 'conflict'], seed: 9 });
      const codes = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const error = await adapterErrorOf(faulty.list('t', {}));
        expect(isInjectedFault(error)).to.equal(true);
        expect(error.message).to.equal(`injected fault (${error.code})`);
        if (error.code === 'rate_limited') expect(error.retryAfter).to.equal(1);
        else expect(error.retryAfter).to.equal(undefined);
        codes.add(error.code);
      }
      expect([...codes].sort()).to.deep.equal(['conflict', 'rate_limited']);
    });

    it('takes a new failureRate at runtime and refuses one outside 0..1', async () => {
      const faulty = withFaults(new MemoryAdapter(), { failureRate: 1 });
      expect(faulty.failureRate).to.equal(1);
      for (let i = 0; i < 20; i++) expect(await outcome(faulty.list('t', {}))).to.equal('network*');
      faulty.failureRate = 0;
      expect(faulty.failureRate).to.equal(0);
      for (let i = 0; i < 20; i++) expect(await outcome(faulty.list('t', {}))).to.equal('ok');
      expect(faulty.faults.failed).to.equal(20);
      expect(() => (faulty.failureRate = 1.5)).to.throw(RangeError);
      expect(() => withFaults(new MemoryAdapter(), { failureRate: -0.1 })).to.throw(RangeError);
    });

    it('passes errors of the inner adapter through unchanged, not counted as faults', async () => {
      const server = new MemoryAdapter();
      const faulty = withFaults(server, { failureRate: 0 });
      const own = new AdapterError('forbidden', 'nope');
      server.failNext('post', own);
      expect(await rejectionOf(faulty.post('t', input('x'), { idempotencyKey: 'k' }))).to.equal(own);
      expect(isInjectedFault(own)).to.equal(false);
      const invalid = await adapterErrorOf(faulty.post('t', input(''), { idempotencyKey: 'k2' }));
      expect(invalid.code).to.equal('validation');
      expect(faulty.faults).to.include({ calls: 2, failed: 0 });
    });

    it('passes an inner error through when a lost response was planned', async () => {
      const server = new MemoryAdapter();
      const faulty = withFaults(server, { failureRate: 1, lostResponseShare: 1 });
      const own = new AdapterError('validation', 'bad');
      server.failNext('post', own);
      expect(await rejectionOf(faulty.post('t', input('x'), { idempotencyKey: 'k' }))).to.equal(own);
      expect(faulty.faults.failed).to.equal(0);
    });
  });

  describe('failures of changes', () => {
    it('after the change: the comment exists, and a retry with the same key returns it (one copy)', async () => {
      const server = new MemoryAdapter();
      const faulty = withFaults(server, { failureRate: 1, lostResponseShare: 1 });
      const error = await adapterErrorOf(faulty.post('t', input('lost response'), { idempotencyKey: 'key-1' }));
      expect(isInjectedFault(error)).to.equal(true);
      const [saved, ...others] = await stored(server, 't');
      expect(others).to.have.length(0);
      expect(saved!.body).to.equal('lost response');
      expect(faulty.faults).to.include({ failed: 1, failedAfter: 1, failedBefore: 0 });
      expect(faulty.faults.byMethod.post).to.include({ calls: 1, failed: 1, failedAfter: 1 });

      faulty.failureRate = 0;
      const retried = await faulty.post('t', input('lost response'), { idempotencyKey: 'key-1' });
      expect(retried.id).to.equal(saved!.id);
      expect((await stored(server, 't')).map((c) => c.id)).to.deep.equal([saved!.id]);
    });

    it('after the change also for edit, delete and react', async () => {
      const server = new MemoryAdapter();
      const faulty = withFaults(server, { failureRate: 0, lostResponseShare: 1 });
      const { id } = await faulty.post('t', input('before'), { idempotencyKey: 'k' });
      faulty.failureRate = 1;
      await adapterErrorOf(faulty.edit('t', id, { body: 'after' }));
      expect((await stored(server, 't'))[0]!.body).to.equal('after');
      await adapterErrorOf(faulty.react('t', id, 'up', { active: true }));
      expect((await stored(server, 't'))[0]!.reactions?.up).to.equal(1);
      await adapterErrorOf(faulty.delete('t', id));
      // A deleted comment without replies is no longer listed, nor counted.
      expect(await stored(server, 't')).to.have.length(0);
      expect(await server.count(['t'])).to.deep.equal({ t: 0 });
      expect(faulty.faults).to.include({ failed: 3, failedAfter: 3 });
    });

    it('before the change: the call never reaches the inner adapter', async () => {
      const { adapter, calls, inner } = minimal();
      const faulty = withFaults(adapter, { failureRate: 1, lostResponseShare: 0 });
      for (let i = 0; i < 10; i++) await adapterErrorOf(faulty.post('t', input(`c${i}`), { idempotencyKey: `k${i}` }));
      await adapterErrorOf(faulty.list('t', {}));
      expect(calls.post).to.have.length(0);
      expect(calls.list).to.have.length(0);
      expect(await stored(inner, 't')).to.have.length(0);
      expect(faulty.faults).to.include({ calls: 11, failed: 11, failedBefore: 11, failedAfter: 0 });
    });

    it('splits failures of changes by lostResponseShare', async () => {
      const server = new MemoryAdapter();
      const faulty = withFaults(server, { failureRate: 1, lostResponseShare: 0.5, seed: 77 });
      for (let i = 0; i < 400; i++) await adapterErrorOf(faulty.post('t', input(`c${i}`), { idempotencyKey: `k${i}` }));
      const { failedAfter, failedBefore } = faulty.faults;
      expect(failedAfter + failedBefore).to.equal(400);
      expect(failedAfter / 400).to.be.within(0.4, 0.6);
      expect(await stored(server, 't')).to.have.length(failedAfter);
    });
  });

  describe('offline', () => {
    it('fails every call at once with network, counted as offline, not as failed', async () => {
      const { adapter, calls } = minimal();
      const faulty = withFaults(adapter, { failureRate: 0, latency: 1000 });
      faulty.offline = true;
      expect(faulty.offline).to.equal(true);
      const started = performance.now();
      const error = await adapterErrorOf(faulty.post('t', input('x'), { idempotencyKey: 'k' }));
      expect(error.code).to.equal('network');
      expect(isInjectedFault(error)).to.equal(true);
      expect((await adapterErrorOf(faulty.list('t', {}))).code).to.equal('network');
      expect(performance.now() - started).to.be.below(500);
      expect(calls.post).to.have.length(0);
      expect(calls.list).to.have.length(0);
      expect(faulty.faults).to.include({ calls: 2, offline: 2, failed: 0 });
      expect(faulty.faults.byMethod.post).to.include({ calls: 1, offline: 1, failed: 0 });
    });

    it('fails viewer too but never subscribe; back online, calls succeed', async () => {
      const server = new MemoryAdapter({ viewer: { id: 'u1', name: 'Zawadi' } });
      const faulty = withFaults(server, { failureRate: 0 });
      faulty.offline = true;
      expect((await adapterErrorOf(faulty.viewer())).code).to.equal('network');
      const events: string[] = [];
      const stop = faulty.subscribe('t', (event) => events.push(`${event.type} ${event.comment.body}`));
      faulty.offline = false;
      await faulty.post('t', input('online again'), { idempotencyKey: 'k' });
      await sleep(20);
      stop();
      expect(events).to.deep.equal(['created online again']);
      expect((await faulty.viewer())?.id).to.equal('u1');
    });
  });

  describe('latency and abort', () => {
    it('delays each call by latency', async () => {
      const faulty = withFaults(new MemoryAdapter(), { failureRate: 0, latency: 40 });
      const started = performance.now();
      await faulty.list('t', {});
      expect(performance.now() - started).to.be.at.least(35);
    });

    it('draws latency from [min, max]', async () => {
      const faulty = withFaults(new MemoryAdapter(), { failureRate: 0, latency: [20, 60] });
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await faulty.list('t', {});
        expect(performance.now() - started).to.be.at.least(18);
      }
    });

    it('rejects with an AbortError when the signal aborts during the delay, without calling the inner adapter', async () => {
      const { adapter, calls, inner } = minimal();
      const faulty = withFaults(adapter, { failureRate: 0, latency: 200 });
      const controller = new AbortController();
      const posting = faulty.post('t', input('never'), { idempotencyKey: 'k', signal: controller.signal });
      await sleep(10);
      controller.abort();
      const started = performance.now();
      const error = await rejectionOf(posting);
      expect(performance.now() - started).to.be.below(100);
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');
      await sleep(250);
      expect(calls.post).to.have.length(0);
      expect(await stored(inner, 't')).to.have.length(0);
      expect(faulty.faults).to.include({ calls: 1, failed: 0 });
    });

    it('rejects an already aborted call with an AbortError, even when a fault was due', async () => {
      const { adapter, calls } = minimal();
      const faulty = withFaults(adapter, { failureRate: 1 });
      const error = await rejectionOf(faulty.list('t', { signal: AbortSignal.abort() }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(calls.list).to.have.length(0);
    });

    it('passes the signal through to the inner adapter', async () => {
      const { adapter, calls } = minimal();
      const faulty = withFaults(adapter, { failureRate: 0, latency: 5 });
      const controller = new AbortController();
      await faulty.list('t', { signal: controller.signal });
      await faulty.post('t', input('x'), { idempotencyKey: 'k', signal: controller.signal });
      expect(calls.list[0]!.signal).to.equal(controller.signal);
      expect(calls.post[0]!.signal).to.equal(controller.signal);
    });
  });

  describe('capabilities', () => {
    it('has exactly the methods of a { list, post } adapter', () => {
      const faulty = withFaults(minimal().adapter);
      expect(typeof faulty.list).to.equal('function');
      expect(typeof faulty.post).to.equal('function');
      for (const name of ['edit', 'delete', 'react', 'count', 'viewer', 'ready', 'subscribe', 'mentionUrl', 'sorts', 'reactions', 'authorFields']) {
        expect(name in faulty, name).to.equal(false);
        expect((faulty as unknown as Record<string, unknown>)[name], name).to.equal(undefined);
      }
    });

    it('mirrors a MemoryAdapter: its capabilities and its own members', () => {
      const server = new MemoryAdapter();
      const faulty = withFaults(server);
      for (const name of ['edit', 'delete', 'react', 'count', 'viewer', 'subscribe']) {
        expect(typeof (faulty as unknown as Record<string, unknown>)[name], name).to.equal('function');
      }
      expect('ready' in faulty).to.equal(false);
      expect('mentionUrl' in faulty).to.equal(false);
      expect(faulty.sorts).to.equal(server.sorts);
      expect(faulty.reactions).to.equal(server.reactions);
      expect(faulty).to.be.instanceOf(MemoryAdapter);
      expect(faulty.post).to.equal(faulty.post);
      faulty.latency = 7;
      expect(server.latency).to.equal(7);
      expect('faults' in faulty && 'offline' in faulty && 'failureRate' in faulty).to.equal(true);
    });

    it('reads sorts, reactions and authorFields live', () => {
      const inner: CommentAdapter & { sorts: CommentSort[] } = {
        ...minimal().adapter,
        sorts: ['oldest'],
      };
      const faulty = withFaults(inner);
      expect(faulty.sorts).to.deep.equal(['oldest']);
      inner.sorts = ['oldest', 'newest'];
      (inner as { authorFields?: object }).authorFields = { email: 'optional' };
      expect(faulty.sorts).to.deep.equal(['oldest', 'newest']);
      expect(faulty.authorFields).to.deep.equal({ email: 'optional' });
    });

    it('never fails ready, mentionUrl or subscribe', async () => {
      let readied = 0;
      const { adapter } = minimal();
      const inner: CommentAdapter = {
        ...adapter,
        ready: async () => ++readied,
        mentionUrl: (name) => `https://example.com/@${name}`,
        subscribe: () => () => {},
      };
      const faulty = withFaults(inner, { failureRate: 1 });
      for (let i = 0; i < 20; i++) {
        await faulty.ready!();
        expect(faulty.mentionUrl!('amina')).to.equal('https://example.com/@amina');
        expect(typeof faulty.subscribe!('t', () => {})).to.equal('function');
      }
      expect(readied).to.equal(20);
      expect(faulty.faults.calls).to.equal(0);
    });

    it('may fail viewer and count', async () => {
      const faulty = withFaults(new MemoryAdapter(), { failureRate: 1 });
      expect(isInjectedFault(await rejectionOf(faulty.viewer()))).to.equal(true);
      expect(isInjectedFault(await rejectionOf(faulty.count(['t'])))).to.equal(true);
      expect(faulty.faults.byMethod.viewer).to.include({ calls: 1, failed: 1 });
      expect(faulty.faults.byMethod.count).to.include({ calls: 1, failed: 1 });
    });
  });
});

// At failure rate 0 the wrapper must be a faithful adapter: the whole conformance suite passes.
runAdapterConformance('withFaults(MemoryAdapter) at failure rate 0', () => withFaults(new MemoryAdapter(), { failureRate: 0 }));

const backend = new MemoryAdapter();
runAdapterConformance(
  'withFaults(MemoryAdapter, shared backend, latency 0–3 ms) at failure rate 0',
  () => withFaults(backend.connect(), { failureRate: 0, latency: [0, 3] }),
  { sharedBackend: true }
);
