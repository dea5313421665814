/** The `subscribe` listeners of one adapter instance, by thread. */
import type { ThreadEvent } from '../adapter.js';
import { copyComment } from './comment-store.js';

type Listener = (event: ThreadEvent) => void;

export class Subscribers {
  /** One entry per `subscribe` call, so the same function subscribed twice is two subscriptions. */
  readonly #byThread = new Map<string, Set<{ listener: Listener }>>();
  #size = 0;

  /** Number of subscriptions, all threads. */
  get size(): number {
    return this.#size;
  }

  has(threadId: string): boolean {
    return this.#byThread.has(threadId);
  }

  /** Adds a subscription; the returned function removes it (once) and then calls `onRemoved`. */
  add(threadId: string, listener: Listener, onRemoved: () => void): () => void {
    const entry = { listener };
    const entries = this.#byThread.get(threadId) ?? new Set();
    entries.add(entry);
    this.#byThread.set(threadId, entries);
    this.#size++;
    return () => {
      if (!entries.delete(entry)) return;
      this.#size--;
      if (entries.size === 0 && this.#byThread.get(threadId) === entries) this.#byThread.delete(threadId);
      onRemoved();
    };
  }

  /** Calls the thread's listeners now. */
  deliver(threadId: string, events: readonly ThreadEvent[]): void {
    const entries = this.#byThread.get(threadId);
    if (entries) this.#send([...entries], entries, events);
  }

  /**
   * Calls the thread's current listeners in a task of its own, so after the call that made the
   * change has resolved; a listener that unsubscribed in between gets nothing.
   */
  deliverLater(threadId: string, events: readonly ThreadEvent[]): void {
    const entries = this.#byThread.get(threadId);
    if (!entries || events.length === 0) return;
    const now = [...entries];
    setTimeout(() => this.#send(now, entries, events));
  }

  #send(targets: readonly { listener: Listener }[], current: Set<{ listener: Listener }>, events: readonly ThreadEvent[]): void {
    for (const event of events) {
      for (const entry of targets) {
        // A copy each: one listener changing its event cannot change another's.
        if (current.has(entry)) entry.listener({ type: event.type, comment: copyComment(event.comment) });
      }
    }
  }
}
