/**
 * Thread changes between browser tabs (and adapter instances) that share one localStorage prefix:
 * a BroadcastChannel where the browser has one, else the `storage` event that other tabs get when
 * this one writes (the caller then works out the changes from the old and new values).
 */
import type { Comment, ThreadEvent } from '../adapter.js';
import { isRecord } from '../../core/is-record.js';
import { isComment } from './comment-store.js';

/** One change as it travels between tabs. */
export interface TabMessage {
  version: 1;
  type: ThreadEvent['type'];
  threadId: string;
  comment: Comment;
}

const types: ReadonlySet<unknown> = new Set(['created', 'edited', 'deleted']);

/** The message, when `data` is one (anything may arrive on a channel: other versions, other code). */
function parseMessage(data: unknown): TabMessage | null {
  if (!isRecord(data) || data.version !== 1 || !types.has(data.type)) return null;
  if (typeof data.threadId !== 'string' || !isComment(data.comment)) return null;
  return data as unknown as TabMessage;
}

const hasBroadcastChannel = () => typeof BroadcastChannel === 'function';

export interface TabLinkHandlers {
  message(message: TabMessage): void;
  /** Only without BroadcastChannel: another tab wrote to localStorage. */
  storage(event: StorageEvent): void;
}

export class TabLink {
  readonly #name: string;
  #channel?: BroadcastChannel;
  #onStorage?: (event: StorageEvent) => void;

  constructor(name: string) {
    this.#name = name;
  }

  get listening(): boolean {
    return this.#channel !== undefined || this.#onStorage !== undefined;
  }

  /** Starts receiving. Does nothing when already listening. */
  listen(handlers: TabLinkHandlers): void {
    if (this.listening) return;
    if (hasBroadcastChannel()) {
      const channel = new BroadcastChannel(this.#name);
      channel.onmessage = (event) => {
        const message = parseMessage(event.data);
        if (message) handlers.message(message);
      };
      this.#channel = channel;
    } else if (typeof window !== 'undefined') {
      this.#onStorage = (event) => handlers.storage(event);
      window.addEventListener('storage', this.#onStorage);
    }
  }

  /** Stops receiving: closes the channel or removes the listener. */
  close(): void {
    this.#channel?.close();
    this.#channel = undefined;
    if (this.#onStorage) window.removeEventListener('storage', this.#onStorage);
    this.#onStorage = undefined;
  }

  /**
   * Tells every other tab and instance (a channel never receives its own messages). Without
   * BroadcastChannel there is nothing to do: the write itself fires `storage` in other tabs.
   */
  send(message: TabMessage): void {
    if (!hasBroadcastChannel()) return;
    try {
      if (this.#channel) {
        this.#channel.postMessage(message);
      } else {
        // Not listening: a short-lived channel. Closing right after posting still delivers.
        const channel = new BroadcastChannel(this.#name);
        channel.postMessage(message);
        channel.close();
      }
    } catch {
      // The change is saved; other tabs see it on their next load.
    }
  }
}
