/**
 * The "server" behind MemoryAdapter: threads, idempotency keys and change listeners. Several
 * MemoryAdapter instances may share one (`MemoryAdapter.connect`), like browsers sharing a server;
 * who is asking (viewer, ownership) stays with each adapter.
 */
import type { Comment } from '../adapter.js';
import { copyComment } from './comment-store.js';
import type { Change } from './comment-changes.js';
import { emptyThread, type ThreadData } from './thread-data.js';

type ChangeListener = (changes: readonly Change[], data: ThreadData) => void;

export class MemoryBackend {
  readonly #threads = new Map<string, ThreadData>();
  /** Idempotency key → where the comment it created lives. Shared by every thread. */
  readonly #keys = new Map<string, { threadId: string; id: string }>();
  readonly #listeners = new Map<string, Set<ChangeListener>>();

  constructor(seed: Record<string, Comment[]> = {}) {
    for (const [threadId, comments] of Object.entries(seed)) {
      this.#threads.set(threadId, { comments: comments.map(copyComment), reactions: new Map() });
    }
  }

  /** The thread's data; an unknown thread reads as empty (and is not created). */
  read(threadId: string): ThreadData {
    return this.#threads.get(threadId) ?? emptyThread();
  }

  /** The thread's data, created when needed, for a change. */
  write(threadId: string): ThreadData {
    let data = this.#threads.get(threadId);
    if (!data) {
      data = emptyThread();
      this.#threads.set(threadId, data);
    }
    return data;
  }

  /** The comment an idempotency key created, with its thread's data, if any. */
  byKey(key: string): { comment: Comment; data: ThreadData } | undefined {
    const entry = this.#keys.get(key);
    if (!entry) return undefined;
    const data = this.read(entry.threadId);
    const comment = data.comments.find((c) => c.id === entry.id);
    return comment && { comment, data };
  }

  remember(key: string, threadId: string, id: string): void {
    this.#keys.set(key, { threadId, id });
  }

  /** Calls `listener` synchronously with every change to the thread, until the returned function is called. */
  listen(threadId: string, listener: ChangeListener): () => void {
    const listeners = this.#listeners.get(threadId) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(threadId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(threadId) === listeners) this.#listeners.delete(threadId);
    };
  }

  emit(threadId: string, changes: readonly Change[]): void {
    if (changes.length === 0) return;
    const data = this.read(threadId);
    for (const listener of [...(this.#listeners.get(threadId) ?? [])]) listener(changes, data);
  }
}
