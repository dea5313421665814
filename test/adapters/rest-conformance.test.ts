/**
 * RestAdapter against the real reference server (mounted under /api by web-test-runner.config.mjs,
 * in-memory SQLite, no rate limit), through the same conformance kit as every other adapter.
 *
 * Readers send no cookies, so the owner's session (the moderation tests sign in once for the
 * file and out at the end) makes only the moderator's adapter a moderator.
 */
import { runAdapterConformance } from '../../src/testing/index.js';
import { RestAdapter } from '../../src/adapters/rest.js';
import { signInAsOwner, signOut } from '../support/owner-session.js';

/** Another browser: its own client key, so it is not the author of the kit's comments. */
const strangerKey = { getItem: () => 'conformance-stranger-key-0001', setItem() {} };

before(signInAsOwner);
after(signOut);

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
