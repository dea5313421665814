/**
 * The self-contained CDN build (`dist/maoni.js`): registers the elements and exports the whole
 * public API, so a page without a bundler can `import { RestAdapter } from '…/maoni.js'`.
 * The adapters here load their code on first use (src/cdn/lazy-adapters.ts): explicit exports
 * take precedence over the `export *`, so the eager classes are not bundled.
 */
import './define.js';
export * from './index.js';
export { LocalStorageAdapter, MemoryAdapter, RestAdapter } from './cdn/lazy-adapters.js';
