/**
 * RestAdapter against the real reference server (mounted under /api by web-test-runner.config.mjs,
 * in-memory SQLite, no rate limit), through the same conformance kit as every other adapter.
 */
import { runAdapterConformance } from '../../src/testing/index.js';
import { RestAdapter } from '../../src/adapters/rest.js';

// Instances share the page's client key (no storage), like two tabs of one browser.
runAdapterConformance('RestAdapter + reference server', () => new RestAdapter({ baseUrl: '/api', clientKeyStorage: null }), {
  sharedBackend: true,
  // Server-Sent Events need a moment to connect before changes are made.
  subscribeSettleMs: 300,
  timeoutMs: 8000,
});
