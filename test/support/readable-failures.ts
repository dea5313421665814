/**
 * Import for its side effect in every browser test file. When an assertion about a DOM node fails,
 * mocha's reporter and the test runner serialize the error's `actual` and `expected` as they are,
 * and walking a node from inside a Lit shadow root (with its whole reachable object graph) hangs the
 * browser until the run times out. This wraps chai's assertions so that a failing one carries the
 * nodes' markup instead: the failure is reported in a second, readably, not as a two-minute timeout.
 */
import { chai } from '@open-wc/testing';

const maxLength = 2000;

function readable(value: unknown): unknown {
  if (value instanceof Node) {
    const markup = value instanceof Element ? value.outerHTML : `${value.nodeName} ${value.textContent ?? ''}`;
    return markup.length > maxLength ? `${markup.slice(0, maxLength)}…` : markup;
  }
  if (Array.isArray(value) && value.some((entry) => entry instanceof Node)) return value.map(readable);
  return value;
}

type Assert = (this: unknown, ...args: unknown[]) => void;
const prototype = chai.Assertion.prototype as unknown as { assert: Assert; __readableFailures?: true };

if (!prototype.__readableFailures) {
  const assert = prototype.assert;
  prototype.assert = function (...args) {
    try {
      assert.apply(this, args);
    } catch (error) {
      if (error && typeof error === 'object') {
        const failure = error as { actual?: unknown; expected?: unknown };
        failure.actual = readable(failure.actual);
        failure.expected = readable(failure.expected);
      }
      throw error;
    }
  };
  prototype.__readableFailures = true;
}
