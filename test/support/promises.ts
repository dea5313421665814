import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/adapters/adapter.js';

/** The rejection of `promise`; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** The AdapterError `promise` rejects with; fails the test on anything else. */
export async function adapterErrorOf(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(AdapterError);
  return error as AdapterError;
}
