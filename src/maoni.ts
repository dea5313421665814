/**
 * The self-contained CDN build (`dist/maoni.js`): registers the elements and exports the whole
 * public API, so a page without a bundler can `import { LocalStorageAdapter } from '…/maoni.js'`.
 */
import './define.js';
export * from './index.js';
