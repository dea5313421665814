/**
 * Adapters for component tests: a wrapper that records every call, and small hand-written ones
 * whose timing and answers a test controls.
 */
import type { CommentAdapter, ListOptions, NewComment, PostOptions } from '../../src/adapters/adapter.js';

export interface RecordedCalls {
  list: Array<{ threadId: string; options: ListOptions }>;
  post: Array<{ threadId: string; input: NewComment; options: PostOptions }>;
}

/** `inner`, with every `list` and `post` call recorded in `calls` (viewer passes through). */
export function recording<A extends CommentAdapter>(inner: A): CommentAdapter & { calls: RecordedCalls; inner: A } {
  const calls: RecordedCalls = { list: [], post: [] };
  const adapter: CommentAdapter & { calls: RecordedCalls; inner: A } = {
    calls,
    inner,
    list(threadId, options) {
      calls.list.push({ threadId, options });
      return inner.list(threadId, options);
    },
    post(threadId, input, options) {
      calls.post.push({ threadId, input, options });
      return inner.post(threadId, input, options);
    },
  };
  if (inner.viewer) adapter.viewer = () => inner.viewer!();
  return adapter;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
