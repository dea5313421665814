/**
 * What `<comment-moderation>` asks of a backend (`ModerationClient`), and the client of the
 * reference server's moderation API (`RestModerationClient`). Plain TypeScript, no Lit, no DOM at
 * import or construction. Every value the server sends is checked before it is used: the comments
 * are hostile text, and a broken proxy may answer anything.
 */
import { AdapterError, type AdapterErrorCode } from '../../core/errors.js';
import type { Comment, CommentStatus } from '../../core/comment.js';
import { normalizeComment } from '../../core/normalize.js';
import { isRecord } from '../../core/is-record.js';
import type { ModerationAction } from '../../adapters/adapter.js';

/**
 * Why a comment was held: `moderation` (first comment of an unknown author), `links` (too many
 * links), `honeypot`, `too-fast` (sent faster than a person could), `akismet` (the spam service said
 * spam), `akismet-unavailable` (the spam service was down; held to be safe), `checker` (the site's
 * own check), `manual` (a moderator marked it). Another string is a reason this version does not
 * know; it is shown as it is.
 */
export type HeldReason = 'moderation' | 'links' | 'honeypot' | 'too-fast' | 'akismet' | 'akismet-unavailable' | 'checker' | 'manual';

/** A comment as moderators see it: the widget's comment, its thread and why it was held. */
export interface ModeratedComment extends Comment {
  threadId: string;
  heldFor: HeldReason | (string & {}) | null;
}

/** The four lists of the queue. */
export type ModerationStatus = CommentStatus;
export const moderationStatuses: readonly ModerationStatus[] = ['pending', 'spam', 'published', 'deleted'];

export type ModerationCounts = Record<ModerationStatus, number>;

export interface ModerationListOptions {
  status: ModerationStatus;
  /** Only this thread's comments. */
  thread?: string;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
  signal?: AbortSignal;
}

export interface ModerationPage {
  /** Newest first. */
  comments: ModeratedComment[];
  nextCursor: string | null;
  /** For the whole site, or for the thread filter. */
  counts: ModerationCounts;
}

/** Who is signed in. */
export interface ModerationSession {
  email: string;
  role: 'owner' | 'moderator';
}

/** What a log entry records: a moderation action, or a ban. */
export type LoggedAction = ModerationAction | 'ban';

export interface ModerationLogEntry {
  id: string;
  /** ISO 8601. */
  at: string;
  actor: { email: string };
  action: LoggedAction;
  commentId: string;
  threadId: string;
}

export interface ModerationLogPage {
  entries: ModerationLogEntry[];
  nextCursor: string | null;
}

export interface ModerationBan {
  id: string;
  createdAt: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * The backend of the moderation page. Methods reject with an `AdapterError` (`unauthorized` when no
 * one is signed in or the session ended, `forbidden` for a reader's session, `rate_limited` with
 * `retryAfter`, …).
 */
export interface ModerationClient {
  /** Signs in; rejects with `unauthorized` for a wrong email or password. */
  signIn(email: string, password: string, options?: CallOptions): Promise<void>;
  /** The signed-in moderator, or `null` when nobody is signed in. */
  session(options?: CallOptions): Promise<ModerationSession | null>;
  signOut(options?: CallOptions): Promise<void>;
  list(options: ModerationListOptions): Promise<ModerationPage>;
  /** Applies an action; resolves the updated comment. */
  moderate(commentId: string, action: ModerationAction, options?: CallOptions): Promise<ModeratedComment>;
  /** Bans the author of a comment. */
  ban(commentId: string, options?: CallOptions): Promise<ModerationBan>;
  log(options?: { cursor?: string; signal?: AbortSignal }): Promise<ModerationLogPage>;
}

export interface RestModerationClientOptions {
  /** Where the API lives (`/api`, `https://comments.example/api`); exactly one slash is put before each path. */
  baseUrl: string;
  /** The fetch to use. Default: the global `fetch`, looked up on every request. */
  fetch?: typeof fetch;
}

const errorCodes: ReadonlySet<string> = new Set<AdapterErrorCode>(['network', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'validation', 'unknown']);
const statusCodes: Readonly<Record<number, AdapterErrorCode>> = { 400: 'validation', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'validation', 429: 'rate_limited' };
const loggedActions: ReadonlySet<string> = new Set<LoggedAction>(['approve', 'spam', 'delete', 'restore', 'ban']);

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function malformed(what: string): AdapterError {
  return new AdapterError('unknown', `The server sent ${what} the moderation page cannot read.`);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0);

/** A moderated comment from untrusted JSON; `null` when it has no usable id. */
export function toModeratedComment(raw: unknown): ModeratedComment | null {
  const comment = normalizeComment(raw);
  if (!comment || !isRecord(raw)) return null;
  return { ...comment, threadId: text(raw.threadId) ?? '', heldFor: text(raw.heldFor) ?? null };
}

function toCounts(raw: unknown): ModerationCounts {
  const source = isRecord(raw) ? raw : {};
  return { pending: count(source.pending), spam: count(source.spam), published: count(source.published), deleted: count(source.deleted) };
}

function toLogEntry(raw: unknown): ModerationLogEntry | null {
  if (!isRecord(raw)) return null;
  const id = text(raw.id);
  const action = text(raw.action);
  if (!id || !action || !loggedActions.has(action)) return null;
  const actor = isRecord(raw.actor) ? text(raw.actor.email) : undefined;
  return { id, at: text(raw.at) ?? '', actor: { email: actor ?? '' }, action: action as LoggedAction, commentId: text(raw.commentId) ?? '', threadId: text(raw.threadId) ?? '' };
}

const cursorOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * The reference server's moderation API (`{base}/session`, `{base}/moderation/…`). The session is a
 * cookie, so every request carries `credentials: 'include'`. Nothing is retried: a moderator's
 * click is answered at once, and the page shows what failed.
 */
export class RestModerationClient implements ModerationClient {
  readonly baseUrl: string;
  private readonly fetchImpl?: typeof fetch;

  constructor(options: RestModerationClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch;
  }

  async signIn(email: string, password: string, options: CallOptions = {}): Promise<void> {
    await this.request('POST', '/session', { email, password }, options.signal);
  }

  async session(options: CallOptions = {}): Promise<ModerationSession | null> {
    // Who the server takes this browser for comes with the config, which always answers 200:
    // signed out (or a reader), the page asks no more, and the browser logs no failed request.
    const config = await this.request('GET', '/config', undefined, options.signal);
    if (isRecord(config) && 'viewer' in config) {
      const role = isRecord(config.viewer) ? config.viewer.role : undefined;
      if (role !== 'owner' && role !== 'moderator') return null;
    }
    let data: unknown;
    try {
      data = await this.request('GET', '/session', undefined, options.signal);
    } catch (error) {
      if (error instanceof AdapterError && error.code === 'unauthorized') return null;
      throw error;
    }
    if (!isRecord(data) || typeof data.email !== 'string') throw malformed('a session');
    return { email: data.email, role: data.role === 'owner' ? 'owner' : 'moderator' };
  }

  async signOut(options: CallOptions = {}): Promise<void> {
    await this.request('DELETE', '/session', undefined, options.signal);
  }

  async list(options: ModerationListOptions): Promise<ModerationPage> {
    const query = new URLSearchParams({ status: options.status });
    if (options.thread) query.set('thread', options.thread);
    if (options.cursor) query.set('cursor', options.cursor);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    const data = await this.request('GET', `/moderation/comments?${query}`, undefined, options.signal);
    if (!isRecord(data) || !Array.isArray(data.comments)) throw malformed('a comment list');
    return {
      comments: data.comments.map(toModeratedComment).filter((comment): comment is ModeratedComment => comment !== null),
      nextCursor: cursorOf(data.nextCursor),
      counts: toCounts(data.counts),
    };
  }

  async moderate(commentId: string, action: ModerationAction, options: CallOptions = {}): Promise<ModeratedComment> {
    const data = await this.request('POST', `/moderation/comments/${encodeURIComponent(commentId)}`, { action }, options.signal);
    const comment = toModeratedComment(data);
    if (!comment) throw malformed('a comment');
    return comment;
  }

  async ban(commentId: string, options: CallOptions = {}): Promise<ModerationBan> {
    const data = await this.request('POST', '/moderation/bans', { commentId }, options.signal);
    const ban = isRecord(data) && isRecord(data.ban) ? data.ban : undefined;
    if (!ban || typeof ban.id !== 'string') throw malformed('a ban');
    return { id: ban.id, createdAt: text(ban.createdAt) ?? '' };
  }

  async log(options: { cursor?: string; signal?: AbortSignal } = {}): Promise<ModerationLogPage> {
    const query = options.cursor ? `?${new URLSearchParams({ cursor: options.cursor })}` : '';
    const data = await this.request('GET', `/moderation/log${query}`, undefined, options.signal);
    if (!isRecord(data) || !Array.isArray(data.entries)) throw malformed('a log');
    return {
      entries: data.entries.map(toLogEntry).filter((entry): entry is ModerationLogEntry => entry !== null),
      nextCursor: cursorOf(data.nextCursor),
    };
  }

  /** One request; resolves the JSON body (`undefined` for 204), rejects with an `AdapterError`. */
  private async request(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await (this.fetchImpl ?? fetch)(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'include',
        signal,
      });
    } catch (error) {
      // An abort stays an abort (callers ignore it); everything else is the network.
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      throw new AdapterError('network', error instanceof Error ? error.message : String(error), { cause: error });
    }
    const data: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (response.ok) return data;
    const error = isRecord(data) && isRecord(data.error) ? data.error : {};
    const serverCode = text(error.code);
    const code: AdapterErrorCode = serverCode && errorCodes.has(serverCode) ? (serverCode as AdapterErrorCode) : (statusCodes[response.status] ?? (response.status >= 502 && response.status <= 504 ? 'network' : 'unknown'));
    const message = (text(error.message) ?? `HTTP ${response.status}`).slice(0, 300);
    throw new AdapterError(code, message, { retryAfter: code === 'rate_limited' ? retryAfterSeconds(response.headers.get('Retry-After')) : undefined });
  }
}
