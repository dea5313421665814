/**
 * What every conformance test does: make a fresh adapter and thread, post through the adapter,
 * page through a level, record subscribed events.
 */
import type { Comment, CommentAdapter, ListResult, ThreadEvent } from '../adapters/adapter.js';
import { check, ConformanceError, sameIds, show, wellFormedPage } from './assert.js';

export interface ConformanceOptions {
  /** A new thread id for each test. Default: a random `maoni-conformance-…` id. */
  threadId?: () => string;
  /** Time limit of each test, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /**
   * `true` when every adapter `createAdapter` returns shares one backend (like two browsers on
   * one server): `subscribe` is then checked with changes made through a second instance.
   * Otherwise through the subscribed instance itself.
   */
  sharedBackend?: boolean;
  /**
   * How long to wait after `subscribe` before making changes, for transports that connect
   * asynchronously (Server-Sent Events, WebSockets). Default 0.
   */
  subscribeSettleMs?: number;
  /** How to check `moderate`: the `moderation` tests run only with it. */
  moderation?: ModerationOptions;
}

/** The other people of a backend the `moderation` tests need. */
export interface ModerationOptions {
  /** An adapter of the same backend whose viewer is a moderator or owner. */
  moderator: AdapterFactory;
  /**
   * A reader of the same backend other than the one `createAdapter` signs in as (another
   * browser), to check what the author's fellow readers see. Default: `createAdapter`.
   */
  stranger?: AdapterFactory;
  /**
   * Text that makes the backend hold a reader's comment for moderation (e.g. more links than it
   * allows). A unique word is added to it. Without it the tests of held comments are skipped.
   */
  heldBody?: string;
}

export type AdapterFactory = () => CommentAdapter | Promise<CommentAdapter>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function randomPart(): string {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
}

/** An idempotency key of a safe length and alphabet for any backend. */
export const newKey = () => `conformance-${randomPart()}`;

/** A body nobody else would post, so a test can tell its content apart. */
export const uniqueBody = (label: string) => `${label} ${randomPart()}`;

/** Per-test access to the adapter under test. */
export class Kit {
  readonly #create: AdapterFactory;
  readonly #options: ConformanceOptions;

  constructor(create: AdapterFactory, options: ConformanceOptions) {
    this.#create = create;
    this.#options = options;
  }

  get timeoutMs(): number {
    return this.#options.timeoutMs ?? 5000;
  }

  /** How long to wait for an event that should come. */
  get eventWaitMs(): number {
    return Math.max(200, Math.min(3000, this.timeoutMs * 0.6));
  }

  get settleMs(): number {
    return this.#options.subscribeSettleMs ?? 0;
  }

  async adapter(): Promise<CommentAdapter> {
    return this.other(this.#create);
  }

  /** Who makes the changes a subscriber of `adapter` should hear about. */
  async producer(adapter: CommentAdapter): Promise<CommentAdapter> {
    return this.#options.sharedBackend ? this.adapter() : adapter;
  }

  get moderation(): ModerationOptions | undefined {
    return this.#options.moderation;
  }

  /** An adapter made by `create`, ready, like {@link Kit.adapter}. */
  async other(create: AdapterFactory): Promise<CommentAdapter> {
    const adapter = await create();
    check(adapter && typeof adapter.list === 'function' && typeof adapter.post === 'function', 'createAdapter (and each moderation factory) must return an object with list() and post()');
    // Adapters that learn their capabilities from the backend declare them after ready().
    await adapter.ready?.();
    return adapter;
  }

  thread(): string {
    return this.#options.threadId?.() ?? `maoni-conformance-${randomPart()}`;
  }
}

/** Posts a comment with a name (adapters with a signed-in viewer may ignore it). */
export function post(adapter: CommentAdapter, threadId: string, body: string, parentId: string | null = null, key = newKey()): Promise<Comment> {
  return adapter.post(threadId, { parentId, body, author: { name: 'Conformance Tester' } }, { idempotencyKey: key });
}

/** Posts `count` comments one after another (so their creation order is defined). */
export async function postMany(adapter: CommentAdapter, threadId: string, count: number, parentId: string | null = null): Promise<Comment[]> {
  const posted: Comment[] = [];
  for (let i = 0; i < count; i++) posted.push(await post(adapter, threadId, `comment ${i + 1}`, parentId));
  return posted;
}

export interface Paged {
  /** Comments of the requested level, in the order the pages gave them. */
  level: Comment[];
  pages: ListResult[];
}

/**
 * Every page of one level, checking each page's shape and that no comment comes twice.
 * `between` runs after each page (e.g. to post while paging).
 */
export async function pageThrough(
  adapter: CommentAdapter,
  threadId: string,
  options: { parentId?: string | null; sort?: string; limit?: number },
  between?: (page: number) => Promise<void>
): Promise<Paged> {
  const parentId = options.parentId ?? null;
  const what = `list(${show({ ...options, parentId })})`;
  const level: Comment[] = [];
  const pages: ListResult[] = [];
  let cursor: string | null | undefined;
  for (let page = 1; ; page++) {
    if (page > 200) throw new ConformanceError(`${what}: still a nextCursor after 200 pages`);
    const result = await adapter.list(threadId, { ...options, parentId, cursor });
    pages.push(result);
    level.push(...wellFormedPage(result, parentId, options.limit, `${what} page ${page}`));
    const next = result.nextCursor;
    check(!next || next !== cursor, `${what} page ${page}: nextCursor did not change (${show(next)})`);
    if (!next) break;
    cursor = next;
    await between?.(page);
  }
  sameIds(level.map((c) => c.id), [...new Set(level.map((c) => c.id))], `${what}: across pages`);
  return { level, pages };
}

/** Every comment reachable through listing: the top level, inline replies, and replies paged per comment. */
export async function wholeThread(adapter: CommentAdapter, threadId: string): Promise<Map<string, Comment>> {
  const found = new Map<string, Comment>();
  const queue: (string | null)[] = [null];
  const visited = new Set<string | null>();
  while (queue.length > 0) {
    const parentId = queue.shift()!;
    if (visited.has(parentId)) continue;
    visited.add(parentId);
    const { pages } = await pageThrough(adapter, threadId, { parentId, limit: 50 });
    for (const comment of pages.flatMap((page) => page.comments)) {
      found.set(comment.id, comment);
      if (comment.replyCount !== 0) queue.push(comment.id);
    }
  }
  return found;
}

/** Records one subscription's events; `until` waits for a matching one. */
export class Recorder {
  readonly events: ThreadEvent[] = [];
  readonly #stop: () => void;
  #wake?: () => void;

  constructor(adapter: CommentAdapter, threadId: string) {
    const stop = adapter.subscribe!(threadId, (event) => {
      this.events.push(event);
      this.#wake?.();
    });
    check(typeof stop === 'function', 'subscribe() must return the function that stops it');
    this.#stop = stop;
  }

  stop(): void {
    this.#stop();
  }

  async until(match: (event: ThreadEvent) => boolean, waitMs: number, what: string): Promise<ThreadEvent> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const event = this.events.find(match);
      if (event) return event;
      const left = deadline - Date.now();
      if (left <= 0) throw new ConformanceError(`${what}: no such event within ${waitMs} ms (got ${show(this.events.map((e) => `${e.type} ${e.comment?.id}`))})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
