/**
 * `maoni/testing`: the adapter conformance kit, and `withFaults` for injecting failures into any
 * adapter. Import it from a test file that runs in a runner with global `describe`/`it` (mocha,
 * jasmine, web-test-runner, …); it is not part of the widget.
 */
export { runAdapterConformance, ConformanceError } from './conformance.js';
export type { ConformanceOptions, ModerationOptions } from './conformance.js';
export { withFaults, isInjectedFault } from './faults.js';
export type { FaultOptions, FaultStats, FaultMethodStats, FaultyAdapter } from './faults.js';
