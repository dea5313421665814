/**
 * An in-memory ModerationClient for the moderation page's tests: one moderator account, comments
 * in four statuses, the log, and switches to make the next call of a kind fail.
 */
import { waitUntil } from '@open-wc/testing';
import { AdapterError } from '../../../src/core/errors.js';
import type { ModerationAction } from '../../../src/adapters/adapter.js';
import type {
  ModeratedComment,
  ModerationBan,
  ModerationClient,
  ModerationListOptions,
  ModerationLogEntry,
  ModerationLogPage,
  ModerationPage,
  ModerationSession,
  ModerationStatus,
} from '../../../src/components/comment-moderation/moderation-client.js';

let made = 0;

/** A moderated comment with defaults; `minutesAgo` orders them (newest first in the queue). */
export function comment(fields: Partial<ModeratedComment> & { minutesAgo?: number } = {}): ModeratedComment {
  made++;
  const { minutesAgo = made, ...rest } = fields;
  return {
    id: `c${made}`,
    parentId: null,
    author: { name: `Author ${made}` },
    body: `Comment number ${made}`,
    createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    status: 'pending',
    threadId: 'blog/post-1',
    heldFor: 'moderation',
    ...rest,
  };
}

const statusAfter: Record<ModerationAction, ModerationStatus> = { approve: 'published', spam: 'spam', delete: 'deleted', restore: 'published' };

export class FakeModerationClient implements ModerationClient {
  comments: ModeratedComment[];
  signedIn: ModerationSession | null;
  readonly account = { email: 'owner@example.com', password: 'correct horse', role: 'owner' as const };
  /** Every call, e.g. `list pending thread=blog/post-1`, `moderate c3 approve`. */
  readonly calls: string[] = [];
  readonly bans: string[] = [];
  logEntries: ModerationLogEntry[] = [];
  /** The next call of this kind (`signIn`, `list`, `moderate:<id>`, `ban:<id>`, `log`) rejects with it. */
  readonly failures = new Map<string, AdapterError>();
  /** Rejects every `list` with this (a reader's session: `forbidden`). */
  listError?: AdapterError;

  constructor(comments: ModeratedComment[] = [], options: { signedIn?: boolean } = {}) {
    this.comments = comments;
    this.signedIn = options.signedIn === false ? null : { email: this.account.email, role: this.account.role };
  }

  private failure(key: string): void {
    const error = this.failures.get(key);
    if (error) {
      this.failures.delete(key);
      throw error;
    }
  }

  private requireSession(): void {
    if (!this.signedIn) throw new AdapterError('unauthorized', 'Not signed in');
  }

  async signIn(email: string, password: string): Promise<void> {
    this.calls.push(`signIn ${email}`);
    this.failure('signIn');
    if (email !== this.account.email || password !== this.account.password) throw new AdapterError('unauthorized', 'Wrong email or password');
    this.signedIn = { email, role: this.account.role };
  }

  async session(): Promise<ModerationSession | null> {
    this.calls.push('session');
    return this.signedIn;
  }

  async signOut(): Promise<void> {
    this.calls.push('signOut');
    this.signedIn = null;
  }

  async list(options: ModerationListOptions): Promise<ModerationPage> {
    this.calls.push(`list ${options.status}${options.thread ? ` thread=${options.thread}` : ''}${options.cursor ? ` cursor=${options.cursor}` : ''}`);
    this.requireSession();
    if (this.listError) throw this.listError;
    this.failure('list');
    const inThread = this.comments.filter((c) => !options.thread || c.threadId === options.thread);
    const counts = { pending: 0, spam: 0, published: 0, deleted: 0 };
    for (const c of inThread) counts[c.status ?? 'published']++;
    const matching = inThread.filter((c) => c.status === options.status).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const start = options.cursor ? Number(options.cursor) : 0;
    const limit = options.limit ?? 50;
    const page = matching.slice(start, start + limit);
    return { comments: page.map((c) => ({ ...c, author: { ...c.author } })), nextCursor: start + limit < matching.length ? String(start + limit) : null, counts };
  }

  async moderate(commentId: string, action: ModerationAction): Promise<ModeratedComment> {
    this.calls.push(`moderate ${commentId} ${action}`);
    this.requireSession();
    this.failure(`moderate:${commentId}`);
    const found = this.comments.find((c) => c.id === commentId);
    if (!found) throw new AdapterError('not_found', 'No such comment');
    found.status = statusAfter[action];
    this.logEntries.unshift({ id: `l${this.logEntries.length + 1}`, at: new Date().toISOString(), actor: { email: this.signedIn!.email }, action, commentId, threadId: found.threadId });
    return { ...found };
  }

  async ban(commentId: string): Promise<ModerationBan> {
    this.calls.push(`ban ${commentId}`);
    this.requireSession();
    this.failure(`ban:${commentId}`);
    this.bans.push(commentId);
    return { id: `b${this.bans.length}`, createdAt: new Date().toISOString() };
  }

  async log(options: { cursor?: string } = {}): Promise<ModerationLogPage> {
    this.calls.push(`log${options.cursor ? ` cursor=${options.cursor}` : ''}`);
    this.requireSession();
    this.failure('log');
    return { entries: this.logEntries, nextCursor: null };
  }
}

/** The element's shadow root. */
export function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<E>(selector)];

/** The text a reader sees, whitespace collapsed. */
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits for a selector to match in the shadow root and returns the match. */
export async function find<E extends Element = HTMLElement>(el: Element, selector: string, message?: string): Promise<E> {
  await waitUntil(() => $(el, selector), message ?? `no ${selector}`);
  return $<E>(el, selector)!;
}

/** The ids of the rows shown, in order. */
export const rowIds = (el: Element) => $$(el, '[part~="row"]').map((row) => row.dataset.id);

/** The row of a comment. */
export const row = (el: Element, id: string) => $(el, `[part~="row"][data-id="${id}"]`);

/** A button of a comment's row by its part (`approve-button`, …). */
export function rowButton(el: Element, id: string, part: string): HTMLButtonElement {
  const button = row(el, id)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!button) throw new Error(`no ${part} in the row of ${id}`);
  return button;
}

/** A tab's count as shown. */
export const tabCount = (el: Element, status: ModerationStatus) => text($(el, `#tab-${status} [part="tab-count"]`));
