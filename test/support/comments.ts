/** Small builders shared by the adapter and store tests. */
import type { Comment } from '../../src/adapters/adapter.js';

/** A top-level comment with predictable author and body; `extra` overrides any field. */
export function comment(id: string, createdAt: string, extra: Partial<Comment> = {}): Comment {
  return { id, parentId: null, author: { name: `author ${id}` }, body: `body ${id}`, createdAt, ...extra };
}

/** What `fn` throws; fails the test when it returns instead. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
