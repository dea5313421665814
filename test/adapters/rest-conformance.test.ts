/**
 * RestAdapter against the real reference server (mounted under /api by web-test-runner.config.mjs,
 * in-memory SQLite, no rate limit), through the same conformance kit as every other adapter.
 *
 * Readers send no cookies, so the owner's session (the moderation tests sign in once for the
 * file and out at the end) makes only the moderator's adapter a moderator.
 */
import { runAdapterConformance } from '../../src/testing/index.js';
import { RestAdapter } from '../../src/adapters/rest.js';

const owner = { email: 'owner@maoni.test', password: 'test owner password' };

/** Another browser: its own client key, so it is not the author of the kit's comments. */
const strangerKey = { getItem: () => 'conformance-stranger-key-0001', setItem() {} };

before(async () => {
  const response = await fetch('/api/session', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  if (response.status !== 204) throw new Error(`the owner could not sign in: ${response.status}`);
});

after(async () => {
  // The session cookie is the browser's: no later test file may run as the owner.
  await fetch('/api/session', { method: 'DELETE', credentials: 'include' });
});

// Instances share the page's client key (no storage), like two tabs of one browser.
runAdapterConformance('RestAdapter + reference server', () => new RestAdapter({ baseUrl: '/api', clientKeyStorage: null, credentials: 'omit' }), {
  sharedBackend: true,
  // Server-Sent Events need a moment to connect before changes are made.
  subscribeSettleMs: 300,
  timeoutMs: 8000,
  moderation: {
    moderator: () => new RestAdapter({ baseUrl: '/api', clientKeyStorage: null, credentials: 'include' }),
    stranger: () => new RestAdapter({ baseUrl: '/api', clientKeyStorage: strangerKey, credentials: 'omit' }),
    // The server's spam screen holds a comment with more links than MAONI_MAX_LINKS (default 2).
    heldBody: 'see https://a.example/ https://b.example/ https://c.example/',
  },
});
