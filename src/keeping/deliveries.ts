/**
 * Sends the reader's comments so that none is lost and none is doubled: each submission goes into
 * the persisted outbox (outbox.ts) first, shows at once in the thread as a local comment, and is
 * sent — and sent again after a failure, a rate limit, going offline or a reload — always with
 * its one idempotency key, until the server confirms it. Part of the list chunk.
 */
import type { Comment, NewComment } from '../core/comment.js';
import { AdapterError } from '../core/errors.js';
import { withDeadline } from '../core/deadline.js';
import { outbox, type OutboxEntry } from './outbox.js';

export type DeliveryState = 'sending' | 'queued' | 'waiting' | 'failed';

export interface Delivery {
  state: DeliveryState;
  /** Why the last attempt failed (`failed`, `waiting`). */
  error?: AdapterError;
  /** When the next attempt starts (`waiting`: the backend asked to slow down), in ms since the epoch. */
  retryAt?: number;
}

/** What deliveries need of an adapter (a `CommentAdapter` is one): posting, and signing in again. */
export interface DeliveryAdapter {
  post(threadId: string, input: NewComment, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<Comment>;
  reauthenticate?(): Promise<unknown>;
}

/** What the thread does for the deliveries. */
export interface DeliveryHost {
  readonly adapter: DeliveryAdapter | undefined;
  /** How long one post may take before it counts as a network failure, in ms. */
  readonly timeout: number;
  /** The server confirmed the submission: show `created` in its local comment's place. */
  confirmed(entry: OutboxEntry, created: unknown): boolean;
  /** A submission's delivery changed state (or it was confirmed): render its comment. */
  changed(entry: OutboxEntry): void;
  /** An attempt failed for good (until the reader retries). */
  failed(entry: OutboxEntry, error: AdapterError): void;
}

interface Item {
  entry: OutboxEntry;
  delivery: Delivery;
  reauthenticated?: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** The id of the local comment that stands for a submission until the server confirms it. */
const localPrefix = 'local:';
export const localId = (key: string) => localPrefix + key;

/** The local comment shown for a submission: the reader's own text, marked by its delivery. */
export function localComment(entry: OutboxEntry, name: string): Comment {
  return {
    id: localId(entry.key),
    parentId: entry.input.parentId,
    author: { name: entry.input.author?.name ?? name },
    body: entry.input.body,
    createdAt: new Date(entry.queuedAt).toISOString(),
  };
}

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export class Deliveries {
  private readonly items = new Map<string, Item>();
  private readonly queue = outbox();
  private readonly onOnline = () => this.resendQueued();

  constructor(private readonly host: DeliveryHost) {}

  /** Starts listening for the connection coming back. */
  connect(): void {
    addEventListener('online', this.onOnline);
  }

  disconnect(): void {
    removeEventListener('online', this.onOnline);
    for (const item of this.items.values()) clearTimeout(item.timer);
  }

  /** The submission behind a local comment's id. */
  entry(commentId: string): OutboxEntry | undefined {
    return this.itemOf(commentId)?.entry;
  }

  /** The delivery of the local comment with this id, if it is one (asked for every comment shown). */
  of(commentId: string): Delivery | undefined {
    return this.itemOf(commentId)?.delivery;
  }

  /** Submissions of this thread that the server has not confirmed (also those from before a reload). */
  pending(threadId: string): OutboxEntry[] {
    return this.queue.list(threadId);
  }

  /** The submissions of this thread being delivered on this page, from memory (no storage read). */
  inFlight(threadId: string): OutboxEntry[] {
    return [...this.items.values()].filter((item) => item.entry.threadId === threadId).map((item) => item.entry);
  }

  private itemOf(commentId: string): Item | undefined {
    return commentId.startsWith(localPrefix) ? this.items.get(commentId.slice(localPrefix.length)) : undefined;
  }

  /** Puts a new submission in the outbox (send it next). The same key twice is one submission. */
  add(threadId: string, input: NewComment, key: string): OutboxEntry {
    return this.queue.add(threadId, input, key);
  }

  /** Sends a submission that is not on its way (a Retry, a reload, the connection back). */
  send(entry: OutboxEntry): void {
    let item = this.items.get(entry.key);
    if (item?.delivery.state === 'sending') return;
    if (!item) this.items.set(entry.key, (item = { entry, delivery: { state: 'sending' } }));
    clearTimeout(item.timer);
    void this.attempt(item);
  }

  /** Gives a submission up (the reader took its text back to edit it); returns it. */
  withdraw(key: string): OutboxEntry | undefined {
    const item = this.items.get(key);
    if (item) clearTimeout(item.timer);
    this.items.delete(key);
    this.queue.remove(key);
    return item?.entry;
  }

  private set(item: Item, delivery: Delivery): void {
    item.delivery = delivery;
    this.host.changed(item.entry);
  }

  private async attempt(item: Item): Promise<void> {
    const adapter = this.host.adapter;
    const { entry } = item;
    if (!adapter || offline()) return this.set(item, { state: 'queued' });
    this.set(item, { state: 'sending' });
    this.queue.attempt(entry.key);
    const controller = new AbortController();
    try {
      const created = await withDeadline(
        Promise.resolve().then(() => adapter.post(entry.threadId, entry.input, { idempotencyKey: entry.key, signal: controller.signal })),
        this.host.timeout,
        controller
      );
      if (!this.items.has(entry.key)) return; // withdrawn meanwhile
      if (!this.host.confirmed(entry, created)) throw new AdapterError('unknown', 'post() did not return a comment');
      this.items.delete(entry.key);
      this.queue.remove(entry.key);
      this.host.changed(entry);
    } catch (caught) {
      if (!this.items.has(entry.key)) return;
      const error = AdapterError.from(caught);
      if (error.code === 'network' && offline()) return this.set(item, { state: 'queued', error });
      if (error.code === 'rate_limited' && error.retryAfter && error.retryAfter <= 600) {
        const wait = error.retryAfter * 1000;
        item.timer = setTimeout(() => void this.attempt(item), wait);
        return this.set(item, { state: 'waiting', error, retryAt: Date.now() + wait });
      }
      if (error.code === 'unauthorized' && adapter.reauthenticate && !item.reauthenticated) {
        item.reauthenticated = true;
        try {
          await adapter.reauthenticate();
          return this.attempt(item);
        } catch {
          // Could not sign in again: the error below says so.
        }
      }
      this.set(item, { state: 'failed', error });
      this.host.failed(entry, error);
    }
  }

  private resendQueued(): void {
    for (const item of this.items.values()) {
      if (item.delivery.state === 'queued' || item.delivery.state === 'failed') this.send(item.entry);
    }
  }
}
