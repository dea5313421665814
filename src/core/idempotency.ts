import { AdapterError } from './errors.js';

/** A fresh idempotency key for one submission; every retry of that submission reuses it. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The idempotency key must be usable as a key; an empty one would merge unrelated posts. */
export function checkIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new AdapterError('validation', 'An idempotency key is required');
  }
}
