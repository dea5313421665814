/**
 * The shipped in-page adapters against the conformance kit (src/testing), in the ways a page uses
 * them: alone, signed in, slow, and as several clients of one backend.
 */
import { runAdapterConformance } from '../../src/testing/index.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { LocalStorageAdapter } from '../../src/adapters/local-storage.js';

runAdapterConformance('MemoryAdapter', () => new MemoryAdapter());

runAdapterConformance('MemoryAdapter (signed in)', () => new MemoryAdapter({ viewer: { id: 'u1', name: 'Zawadi' } }));

runAdapterConformance('MemoryAdapter (latency 5 ms)', () => new MemoryAdapter({ latency: 5 }));

// Every adapter a client of one backend: subscribe hears changes made through another client.
const backend = new MemoryAdapter();
runAdapterConformance('MemoryAdapter (shared backend)', () => backend.connect(), { sharedBackend: true });

// Readers and a moderator of one backend that holds comments saying "[hold]".
const moderated = new MemoryAdapter({ hold: (input) => input.body.includes('[hold]') });
runAdapterConformance('MemoryAdapter (moderated backend)', () => moderated.connect(), {
  sharedBackend: true,
  moderation: {
    moderator: () => moderated.connect({ viewer: { id: 'mod', name: 'Moderator', role: 'moderator' } }),
    heldBody: 'Please hold this [hold]',
  },
});

const prefixes: string[] = [];
const freshPrefix = () => {
  const prefix = `maoni-conformance-${crypto.randomUUID()}:`;
  prefixes.push(prefix);
  return prefix;
};

runAdapterConformance('LocalStorageAdapter', () => new LocalStorageAdapter({ prefix: freshPrefix() }));

// Two instances on one storage and prefix are two tabs: changes travel over BroadcastChannel.
const sharedPrefix = freshPrefix();
runAdapterConformance('LocalStorageAdapter (shared storage, two instances)', () => new LocalStorageAdapter({ prefix: sharedPrefix }), {
  sharedBackend: true,
});

after(() => {
  for (const key of Object.keys(localStorage)) {
    if (prefixes.some((prefix) => key.startsWith(prefix))) localStorage.removeItem(key);
  }
});
