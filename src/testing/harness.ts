/**
 * The glue between the conformance kit and whatever test runner the page has: mocha, jasmine or
 * anything else with global `describe` and `it`. Declared here, minimally, so the kit type-checks
 * without any runner's type package.
 */

/** What a runner's `this` may offer inside a test (mocha has `skip` and `timeout`). */
interface RunnerContext {
  skip?: () => void;
}

type TestFunction = (this: RunnerContext | undefined) => Promise<void>;

interface Runner {
  describe(title: string, body: () => void): unknown;
  it(title: string, body: TestFunction, timeout?: number): unknown;
}

/** Thrown by {@link skip}; the harness turns it into the runner's own "skipped". */
class Skipped extends Error {
  override readonly name = 'Skipped';
}

/** Ends the current test as skipped (the adapter lacks what it checks), with the reason. */
export function skip(reason: string): never {
  throw new Skipped(reason);
}

function runner(): Runner {
  const scope = globalThis as unknown as Partial<Runner>;
  if (typeof scope.describe !== 'function' || typeof scope.it !== 'function') {
    throw new Error('runAdapterConformance needs a test runner with global describe() and it() (mocha, jasmine, …)');
  }
  return scope as Runner;
}

export function suite(title: string, body: () => void): void {
  runner().describe(title, body);
}

/**
 * Registers one test with a time limit. `skip(reason)` inside the body marks it skipped: mocha's
 * `this.skip()`, jasmine's `pending()`, and elsewhere it simply ends (passes) early.
 */
export function test(title: string, timeoutMs: number, body: () => Promise<void>): void {
  const run: TestFunction = async function (this: RunnerContext | undefined) {
    try {
      await body();
    } catch (error) {
      if (!(error instanceof Skipped)) throw error;
      if (typeof this?.skip === 'function') this.skip();
      const pending = (globalThis as { pending?: (reason: string) => void }).pending;
      if (typeof pending === 'function') pending(error.message);
    }
  };
  // Jasmine and jest take the limit as a third argument; mocha returns a test with timeout().
  const registered = runner().it(title, run, timeoutMs) as { timeout?: (ms: number) => unknown } | undefined;
  if (typeof registered?.timeout === 'function') registered.timeout(timeoutMs);
}
