import { expect } from '@open-wc/testing';
import { lazyAdapter } from '../../src/cdn/lazy-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { LocalStorageAdapter, MemoryAdapter as CdnMemoryAdapter, RestAdapter } from '../../src/cdn/lazy-adapters.js';

describe('lazy adapters of the CDN bundle', () => {
  it('load on first use, with the constructor arguments, and forward every call', async () => {
    let loads = 0;
    const Lazy = lazyAdapter(async () => {
      loads++;
      return MemoryAdapter;
    });
    const adapter = new Lazy({ comments: { t: [{ id: 'a', parentId: null, author: { name: 'A' }, body: 'x', createdAt: '2024-01-01T00:00:00Z' }] } });
    expect(loads).to.equal(0);
    const page = await adapter.list('t', {});
    expect(loads).to.equal(1);
    expect(page.comments.map((comment) => comment.id)).to.deep.equal(['a']);
    await adapter.post('t', { parentId: null, body: 'y', author: { name: 'B' } }, { idempotencyKey: 'k1' });
    expect((await adapter.list('t', {})).comments).to.have.length(2);
    expect(loads).to.equal(1);
    expect(adapter.sorts).to.deep.equal(['oldest', 'newest', 'top']);
  });

  it('subscribes before loading, and unsubscribes even before the subscription started', async () => {
    const Lazy = lazyAdapter(async () => MemoryAdapter);
    const adapter = new Lazy();
    const events: string[] = [];
    const stop = adapter.subscribe!('t', (event) => events.push(event.type));
    await (adapter as { ready?: () => Promise<unknown> }).ready?.();
    await adapter.post('t', { parentId: null, body: 'y', author: { name: 'B' } }, { idempotencyKey: 'k2' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).to.deep.equal(['created']);
    stop();

    const early = new Lazy();
    const missed: string[] = [];
    early.subscribe!('t', (event) => missed.push(event.type))();
    await early.post('t', { parentId: null, body: 'z', author: { name: 'C' } }, { idempotencyKey: 'k3' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(missed).to.deep.equal([]);
  });

  it('applies property writes made before loading', async () => {
    const Lazy = lazyAdapter(async () => MemoryAdapter);
    const adapter = new Lazy() as MemoryAdapter;
    adapter.failList = true;
    let failed = false;
    await adapter.list('t', {}).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('exports the shipped adapters as lazy classes that work', async () => {
    const local = new LocalStorageAdapter({ prefix: `maoni-lazy-${Date.now()}:` });
    expect((await local.list('t', {})).comments).to.deep.equal([]);
    const memory = new CdnMemoryAdapter();
    expect((await memory.list('t', {})).comments).to.deep.equal([]);
    const rest = new RestAdapter({ baseUrl: '/api', clientKeyStorage: null });
    await rest.ready();
    expect(rest.sorts).to.include('top');
    expect(new Set(rest.reactions)).to.deep.equal(new Set(['up', 'down']));
  });
});
