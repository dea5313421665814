/**
 * The adapter conformance kit: one shared suite that checks any CommentAdapter against the
 * contract in adapters/adapter.ts. It registers tests with the page's global `describe`/`it`
 * (mocha, jasmine, …) and needs no assertion library.
 *
 * ```ts
 * import { runAdapterConformance } from 'maoni/testing';
 * runAdapterConformance('MyAdapter', () => new MyAdapter({ baseUrl: '/api' }), { sharedBackend: true });
 * ```
 *
 * Every test makes a fresh adapter and a new thread id and builds its data through `post` (and
 * `react` where a test needs scores) only. Tests of capabilities the adapter does not have are
 * reported as skipped.
 */
import type { CommentAdapter } from '../adapters/adapter.js';
import { suite } from './harness.js';
import { Kit, type ConformanceOptions } from './kit.js';
import { capabilitySuite, postSuite } from './suites/basics.js';
import { countSuite, deleteSuite, editSuite, reactSuite } from './suites/changes.js';
import { listingSuite } from './suites/listing.js';
import { subscribeSuite } from './suites/subscribe.js';
import { moderationSuite } from './suites/moderation.js';

export type { ConformanceOptions, ModerationOptions } from './kit.js';
export { ConformanceError } from './assert.js';

/**
 * Registers the conformance suite for the adapters `createAdapter` makes. Call it at the top
 * level of a test file (where `describe` may be called).
 */
export function runAdapterConformance(
  name: string,
  createAdapter: () => CommentAdapter | Promise<CommentAdapter>,
  options: ConformanceOptions = {}
): void {
  const kit = new Kit(createAdapter, options);
  suite(`${name} — adapter conformance`, () => {
    capabilitySuite(kit);
    postSuite(kit);
    listingSuite(kit);
    editSuite(kit);
    deleteSuite(kit);
    reactSuite(kit);
    countSuite(kit);
    subscribeSuite(kit);
    // Only a backend with moderators can be checked: the suite needs one of its moderators.
    if (options.moderation) moderationSuite(kit);
  });
}
