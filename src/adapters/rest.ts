import {
  AdapterError,
  abortError,
  type AdapterErrorCode,
  type AuthorFields,
  type CallOptions,
  type Comment,
  type CommentAdapter,
  type CommentSort,
  type EditInput,
  type ListOptions,
  type ListResult,
  type ModerationAction,
  type NewComment,
  type PostOptions,
  type ReactOptions,
  type ThreadEvent,
  type Viewer,
} from './adapter.js';
import { sleep, throwIfAborted } from '../core/abort.js';
import { checkIdempotencyKey, newIdempotencyKey } from '../core/idempotency.js';
import { isRecord } from '../core/is-record.js';

/** Request headers, or a function that makes them for each request (e.g. a fresh token). */
export type RestHeaders =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

/** Options of {@link RestAdapter}. */
export interface RestAdapterOptions {
  /**
   * Where the API lives, relative (`/api`) or absolute (`https://comments.example/api`). Paths are
   * appended with exactly one slash between, whether or not this ends with one.
   */
  baseUrl: string;
  /**
   * Extra headers for every request, or a (possibly async) function called before every attempt.
   * The adapter's own headers (`X-Maoni-Client`, `Idempotency-Key`, `Content-Type`) win over these.
   */
  headers?: RestHeaders;
  /** The fetch to use. Default: the global `fetch`, looked up on every request. */
  fetch?: typeof fetch;
  /**
   * The EventSource class `subscribe` uses. Default: the global one. `null` turns live updates off
   * (`subscribe` then returns a function that does nothing).
   */
  EventSource?: typeof EventSource | null;
  /**
   * Where the anonymous client key is kept (under `maoni:client-key`). Default: `window.localStorage`
   * when the page may use it. `null`: nowhere, the key lasts as long as the page. Storage that
   * throws is treated like `null`.
   */
  clientKeyStorage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** How many times an idempotent call is tried again after a transient failure. Default 3. */
  retries?: number;
  /** First backoff wait in milliseconds; it doubles on each retry (with jitter). Default 300. */
  retryBaseMs?: number;
  /**
   * The longest `Retry-After` the adapter waits for by itself, in seconds. When the server asks for
   * longer, the call rejects at once with `rate_limited` and `retryAfter`, so the UI can say so.
   * Default 60.
   */
  maxRetryAfterSeconds?: number;
  /** Time limit of each attempt in milliseconds; exceeding it is a `network` error. Default: none. */
  timeoutMs?: number;
  /**
   * The signed-in identity, when the page knows it. Default: what the server says in its
   * configuration (`viewer`: a moderator signed in at `/admin/`, or the reader of an SSO token),
   * else none and the form asks for a name.
   */
  viewer?: () => Viewer | null | Promise<Viewer | null>;
  /**
   * Whether requests carry cookies (the moderator's session). Default `include`: a server on another
   * origin must then answer with `Access-Control-Allow-Credentials: true` and the page's origin (the
   * reference server does for the origins in `MAONI_CORS_ORIGINS`). `same-origin` or `omit` for a
   * backend that allows any origin (`*`).
   */
  credentials?: RequestCredentials;
}

/** What `GET /config` says the server supports; see {@link RestAdapter.ready}. */
export interface RestCapabilities {
  sorts: readonly CommentSort[];
  reactions: readonly string[];
  authorFields: AuthorFields;
  /** How long after posting a comment its author may edit it, in seconds. */
  editWindowSeconds?: number;
  /** The longest body the server accepts, in characters. */
  maxBodyLength?: number;
  /** True when first-time commenters' comments wait for approval. */
  moderation?: boolean;
  /** Who the server takes this browser for (session cookie or SSO token); `null` when nobody. */
  viewer?: Viewer | null;
  /** The server's signed note of when the form was shown, sent back with a new comment (spam timing). */
  formToken?: string;
}

/** The storage key of the anonymous client key. */
export const CLIENT_KEY_STORAGE_KEY = 'maoni:client-key';

const CLIENT_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const KNOWN_SORTS: readonly CommentSort[] = ['oldest', 'newest', 'top'];
const EVENT_TYPES: readonly ThreadEvent['type'][] = ['created', 'edited', 'deleted'];
/** The server answers at most this many threads per `GET /counts`. */
const COUNT_CHUNK = 100;
/** The server's page size limit (`limit` 1–100). */
const MAX_LIMIT = 100;
/** No single backoff wait grows beyond this, whatever the number of retries. */
const MAX_BACKOFF_MS = 30_000;
/** Server messages are untrusted text; a page of HTML is not a useful error message. */
const MAX_MESSAGE_LENGTH = 300;

const DEFAULT_CAPABILITIES: RestCapabilities = Object.freeze({
  sorts: Object.freeze(['oldest'] as CommentSort[]),
  reactions: Object.freeze([] as string[]),
  authorFields: Object.freeze({}),
});

/**
 * The key of this page when storage has none to give: every RestAdapter in the page shares it, so
 * a comment posted through one is still "mine" for another even where storage is blocked.
 */
let pageClientKey: string | undefined;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Call {
  method: Method;
  /** Starts with `/`; path segments already encoded. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  idempotencyKey?: string;
  /** Only idempotent calls (reads, and posts that carry an Idempotency-Key) are ever retried. */
  retry: boolean;
  signal?: AbortSignal;
}

/** One failed attempt: the error to reject with, and whether trying again may help. */
class AttemptFailure {
  constructor(
    readonly error: AdapterError,
    readonly transient: boolean,
    /** Seconds the server asked us to wait (Retry-After). */
    readonly retryAfter?: number
  ) {}
}

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts — for work that may not
 * honour the signal itself (an injected fetch, a body stream, the caller's headers function).
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // Whatever `promise` does after we stopped waiting for it must not surface as unhandled.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      }
    );
  });
}

/**
 * Seconds from a `Retry-After` header: delta-seconds or an HTTP date (in the past → 0).
 * `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
  // An HTTP date names its day and month; Date.parse would also take "-5" or "2" as dates.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function codeForStatus(status: number, serverCode: unknown): AdapterErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 422:
      return 'validation';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate_limited';
  }
  if (status >= 500) return 'unknown';
  // A status the API does not use: trust the body's code only when it names one we know.
  const known: readonly string[] = ['unauthorized', 'forbidden', 'not_found', 'conflict', 'validation'];
  return typeof serverCode === 'string' && known.includes(serverCode)
    ? (serverCode as AdapterErrorCode)
    : 'unknown';
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/** A value that may be handed to the elements as a comment (they repair the rest, see normalize). */
function isCommentLike(value: unknown): value is Comment {
  return isRecord(value) && typeof value.id === 'string' && value.id !== '';
}

function malformed(what: string): AdapterError {
  return new AdapterError('unknown', `Unexpected response from the comments server: ${what}`);
}

function asComment(data: unknown): Comment {
  if (!isCommentLike(data)) throw malformed('expected a comment with an id');
  return data;
}

function asCapabilities(data: unknown): RestCapabilities {
  if (!isRecord(data)) throw malformed('expected the configuration object');
  const sorts = Array.isArray(data.sorts)
    ? KNOWN_SORTS.filter((sort) => (data.sorts as unknown[]).includes(sort))
    : [];
  const reactions = Array.isArray(data.reactions)
    ? [...new Set(data.reactions.filter((r): r is string => typeof r === 'string' && r !== ''))]
    : [];
  const authorFields: AuthorFields = {};
  if (isRecord(data.authorFields)) {
    for (const field of ['email', 'url'] as const) {
      const value = data.authorFields[field];
      if (value === 'optional' || value === 'required') authorFields[field] = value;
    }
  }
  const capabilities: RestCapabilities = {
    sorts: Object.freeze(sorts.length ? sorts : ['oldest']),
    reactions: Object.freeze(reactions),
    authorFields: Object.freeze(authorFields),
  };
  const { editWindowSeconds, maxBodyLength, moderation } = data;
  if (typeof editWindowSeconds === 'number' && editWindowSeconds >= 0) {
    capabilities.editWindowSeconds = editWindowSeconds;
  }
  if (typeof maxBodyLength === 'number' && maxBodyLength > 0) capabilities.maxBodyLength = maxBodyLength;
  if (typeof moderation === 'boolean') capabilities.moderation = moderation;
  if ('viewer' in data) capabilities.viewer = asViewer(data.viewer);
  if (typeof data.formToken === 'string' && data.formToken.length <= 200) capabilities.formToken = data.formToken;
  return Object.freeze(capabilities);
}

const ROLES: readonly string[] = ['reader', 'moderator', 'owner'];

/** The server's viewer, checked: untrusted like every answer (`null` when it is not one). */
function asViewer(data: unknown): Viewer | null {
  if (!isRecord(data) || typeof data.id !== 'string' || data.id === '' || typeof data.name !== 'string') return null;
  const viewer: Viewer = { id: data.id, name: data.name };
  if (typeof data.avatarUrl === 'string') viewer.avatarUrl = data.avatarUrl;
  if (typeof data.url === 'string') viewer.url = data.url;
  if (typeof data.role === 'string' && ROLES.includes(data.role)) viewer.role = data.role as Viewer['role'];
  if (data.verified === true) viewer.verified = true;
  return viewer;
}

function defaultStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    // Reading `localStorage` itself throws where storage is blocked (sandboxed iframes, settings).
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/**
 * A backend reached over HTTP: the documented maoni REST API (see the reference server in
 * `server/`). Nothing happens at construction; the first call does the first request.
 *
 * **Capabilities.** `sorts`, `reactions` and `authorFields` come from `GET {baseUrl}/config`,
 * loaded once and shared by every caller. They are synchronous properties in the adapter
 * contract, so until the configuration has arrived they return safe defaults (`['oldest']`, no
 * reactions, a name-only form); reading one of them starts the load in the background. A UI that
 * wants the real values on its first render awaits {@link RestAdapter.ready} (or its alias
 * {@link RestAdapter.capabilities}) first. A failed background load is not retried by itself;
 * the next `ready()` tries again.
 *
 * **Client key.** An anonymous key identifies this browser to the server (ownership of comments,
 * own reactions, own pending comments, rate limits). It is sent as `X-Maoni-Client` on every
 * request and kept in `clientKeyStorage` under `maoni:client-key`.
 *
 * **Failures** reject with an `AdapterError` whose code follows the HTTP status. Idempotent calls —
 * `list`, `count`, the configuration, and `post` (safe because it carries an `Idempotency-Key`,
 * the same on every attempt) — are retried with exponential backoff and jitter after network
 * errors, timeouts, 502/503/504 and 429 (waiting `Retry-After`). `edit`, `delete` and `react`
 * are never retried. Every call honours its `AbortSignal`: an abort rejects with the signal's
 * reason and cancels the request and any pending wait.
 */
export class RestAdapter implements CommentAdapter {
  readonly #base: string;
  readonly #headers?: RestHeaders;
  readonly #fetch?: typeof fetch;
  readonly #EventSource?: typeof EventSource | null;
  readonly #storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly #retries: number;
  readonly #retryBaseMs: number;
  readonly #maxRetryAfter: number;
  readonly #timeoutMs: number;
  readonly #viewer?: () => Viewer | null | Promise<Viewer | null>;
  readonly #credentials: RequestCredentials;

  #clientKey?: string;
  /** The host site's token for its signed-in reader (setIdentity), sent as a Bearer token. */
  #identity: string | null = null;
  #capabilities: RestCapabilities = DEFAULT_CAPABILITIES;
  #config?: Promise<RestCapabilities>;
  #configFailed = false;

  constructor(options: RestAdapterOptions) {
    // Only string work here: no storage, no fetch, no timers until the first call.
    this.#base = String(options.baseUrl ?? '').replace(/\/+$/, '');
    this.#headers = options.headers;
    this.#fetch = options.fetch;
    this.#EventSource = options.EventSource;
    this.#storage = options.clientKeyStorage;
    this.#retries = Math.max(0, Math.floor(options.retries ?? 3));
    this.#retryBaseMs = Math.max(0, options.retryBaseMs ?? 300);
    this.#maxRetryAfter = Math.max(0, options.maxRetryAfterSeconds ?? 60);
    this.#timeoutMs = options.timeoutMs ?? 0;
    this.#viewer = options.viewer;
    this.#credentials = options.credentials ?? 'include';
  }

  // ---- Capabilities ----

  /** Sorts the server supports; `['oldest']` until the configuration has loaded. */
  get sorts(): readonly CommentSort[] {
    return this.#known().sorts;
  }

  /** Reaction ids the server supports; none until the configuration has loaded. */
  get reactions(): readonly string[] {
    return this.#known().reactions;
  }

  /** Author fields the form asks for; name only until the configuration has loaded. */
  get authorFields(): AuthorFields {
    return this.#known().authorFields;
  }

  /**
   * Loads the server's configuration (once; concurrent and later callers share the request) and
   * resolves it. After it resolves, `sorts`, `reactions` and `authorFields` return the server's
   * values. A `signal` stops this caller's wait, not the shared request. Rejects with an
   * AdapterError when the configuration cannot be loaded; a later call tries again.
   */
  ready(options: CallOptions = {}): Promise<RestCapabilities> {
    const { signal } = options;
    throwIfAborted(signal);
    if (!this.#config || this.#configFailed) {
      this.#configFailed = false;
      const load = this.#request({ method: 'GET', path: '/config', retry: true }).then(asCapabilities);
      this.#config = load;
      load.then(
        (capabilities) => {
          this.#capabilities = capabilities;
        },
        () => {
          if (this.#config === load) this.#configFailed = true;
        }
      );
    }
    if (!signal) return this.#config;
    const controller = new AbortController();
    const onAbort = () => controller.abort(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    return untilAborted(this.#config, controller.signal).finally(() =>
      signal.removeEventListener('abort', onAbort)
    );
  }

  /** The same as {@link RestAdapter.ready}. */
  capabilities(options: CallOptions = {}): Promise<RestCapabilities> {
    return this.ready(options);
  }

  async viewer(): Promise<Viewer | null> {
    if (this.#viewer) return (await this.#viewer()) ?? null;
    return (await this.ready()).viewer ?? null;
  }

  /**
   * The host site's token for its signed-in reader (an HS256 JWT the site signed), or `null` to
   * sign out: sent as `Authorization: Bearer` with every call. The configuration (and with it
   * `viewer()`) is asked for again, since it says who the server takes the reader for.
   */
  setIdentity(token: string | null): void {
    const next = typeof token === 'string' && token !== '' ? token : null;
    if (next === this.#identity) return;
    this.#identity = next;
    this.#config = undefined;
  }

  /**
   * Approve, mark as spam, remove or restore a comment (`POST /moderation/comments/{id}`): for a
   * moderator's session. Never retried.
   */
  async moderate(_threadId: string, commentId: string, action: ModerationAction, options: CallOptions = {}): Promise<Comment> {
    const data = await this.#request({
      method: 'POST',
      path: `/moderation/comments/${encodeURIComponent(commentId)}`,
      body: { action },
      retry: false,
      signal: options.signal,
    });
    return asComment(data);
  }

  // ---- Comments ----

  async list(threadId: string, options: ListOptions = {}): Promise<ListResult> {
    const query = new URLSearchParams();
    const { parentId, cursor, limit, sort } = options;
    if (typeof parentId === 'string' && parentId !== '') query.set('parentId', parentId);
    if (typeof cursor === 'string' && cursor !== '') query.set('cursor', cursor);
    if (typeof limit === 'number' && Number.isFinite(limit)) {
      query.set('limit', String(Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)))));
    }
    // The contract says unknown sorts mean `oldest`, which is what the server does without one.
    if (typeof sort === 'string' && (KNOWN_SORTS as readonly string[]).includes(sort)) query.set('sort', sort);

    const data = await this.#request({
      method: 'GET',
      path: `${this.#thread(threadId)}/comments`,
      query,
      retry: true,
      signal: options.signal,
    });
    if (!isRecord(data) || !Array.isArray(data.comments)) {
      throw malformed('expected an object with a comments array');
    }
    const result: ListResult = {
      comments: data.comments.filter(isCommentLike),
      nextCursor: typeof data.nextCursor === 'string' && data.nextCursor !== '' ? data.nextCursor : null,
    };
    if (typeof data.total === 'number' && Number.isFinite(data.total) && data.total >= 0) {
      result.total = data.total;
    }
    return result;
  }

  async post(threadId: string, input: NewComment, options: PostOptions): Promise<Comment> {
    throwIfAborted(options?.signal);
    const key = options?.idempotencyKey;
    checkIdempotencyKey(key);
    const body: Record<string, unknown> = { parentId: input.parentId ?? null, body: input.body };
    if (input.author) body.author = input.author;
    if (input.honeypot) body.honeypot = input.honeypot;
    // When the configuration came (≈ when the form was shown): the server holds a post sooner
    // than a person could write one. Without it the post is simply not timed.
    const formToken = this.#capabilities.formToken;
    if (formToken) body.formToken = formToken;
    const data = await this.#request({
      method: 'POST',
      path: `${this.#thread(threadId)}/comments`,
      body,
      idempotencyKey: key,
      // Safe to repeat: the server answers a known Idempotency-Key with the comment it created.
      retry: true,
      signal: options.signal,
    });
    return asComment(data);
  }

  async edit(threadId: string, commentId: string, input: EditInput, options: CallOptions = {}): Promise<Comment> {
    const data = await this.#request({
      method: 'PATCH',
      path: this.#comment(threadId, commentId),
      body: { body: input.body },
      retry: false,
      signal: options.signal,
    });
    return asComment(data);
  }

  async delete(threadId: string, commentId: string, options: CallOptions = {}): Promise<Comment> {
    const data = await this.#request({
      method: 'DELETE',
      path: this.#comment(threadId, commentId),
      retry: false,
      signal: options.signal,
    });
    return asComment(data);
  }

  async react(threadId: string, commentId: string, reaction: string, options: ReactOptions): Promise<Comment> {
    const data = await this.#request({
      method: 'POST',
      path: `${this.#comment(threadId, commentId)}/reactions`,
      body: { reaction, active: Boolean(options?.active) },
      retry: false,
      signal: options?.signal,
    });
    return asComment(data);
  }

  /** Counts in requests of at most 100 threads each, sent in parallel. Unknown threads count 0. */
  async count(threadIds: string[], options: CallOptions = {}): Promise<Record<string, number>> {
    throwIfAborted(options.signal);
    const ids = [...new Set(threadIds)];
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += COUNT_CHUNK) chunks.push(ids.slice(i, i + COUNT_CHUNK));
    const answers = await Promise.all(
      chunks.map(async (chunk) => {
        const query = new URLSearchParams(chunk.map((id) => ['thread', id]));
        const data = await this.#request({ method: 'GET', path: '/counts', query, retry: true, signal: options.signal });
        if (!isRecord(data) || !isRecord(data.counts)) throw malformed('expected an object with counts');
        const counts = data.counts;
        return chunk.map((id): [string, number] => {
          const n = Object.hasOwn(counts, id) ? counts[id] : undefined;
          return [id, typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0];
        });
      })
    );
    // fromEntries defines own properties: a thread called "__proto__" is counted, not lost.
    return Object.fromEntries(answers.flat());
  }

  /**
   * Live changes from `GET /threads/{id}/events` (Server-Sent Events). Events whose data is not a
   * comment are ignored. The returned function closes the connection; without EventSource it
   * does nothing. Events carry no per-reader fields (`can`, `viewerReactions`): EventSource cannot
   * send the client key.
   */
  subscribe(threadId: string, onEvent: (event: ThreadEvent) => void): () => void {
    const Source = this.#EventSource === undefined ? globalThis.EventSource : this.#EventSource;
    if (typeof Source !== 'function') return () => undefined;
    let source: EventSource;
    try {
      source = new Source(this.#url(`${this.#thread(threadId)}/events`));
    } catch {
      return () => undefined;
    }
    let open = true;
    const listener = (event: Event) => {
      if (!open) return;
      const data = (event as MessageEvent).data;
      if (typeof data !== 'string') return;
      let comment: unknown;
      try {
        comment = JSON.parse(data);
      } catch {
        return;
      }
      if (!isCommentLike(comment)) return;
      onEvent({ type: event.type as ThreadEvent['type'], comment });
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, listener);
    return () => {
      if (!open) return;
      open = false;
      for (const type of EVENT_TYPES) source.removeEventListener(type, listener);
      source.close();
    };
  }

  // ---- HTTP ----

  /** The capabilities known so far; the first look starts loading them. */
  #known(): RestCapabilities {
    if (!this.#config) this.ready().catch(() => undefined);
    return this.#capabilities;
  }

  #thread(threadId: string): string {
    // One path segment, whatever the id holds ("blog/post" → "blog%2Fpost").
    return `/threads/${encodeURIComponent(threadId)}`;
  }

  #comment(threadId: string, commentId: string): string {
    return `${this.#thread(threadId)}/comments/${encodeURIComponent(commentId)}`;
  }

  #url(path: string, query?: URLSearchParams): string {
    const search = query?.toString();
    return `${this.#base}${path}${search ? `?${search}` : ''}`;
  }

  /** The anonymous client key: stored one, else this page's, created on first need. */
  #key(): string {
    if (this.#clientKey) return this.#clientKey;
    const storage = this.#storage === undefined ? defaultStorage() : this.#storage;
    let stored: string | null = null;
    try {
      stored = storage?.getItem(CLIENT_KEY_STORAGE_KEY) ?? null;
    } catch {
      // Blocked storage: the page's key will do.
    }
    if (stored !== null && CLIENT_KEY_PATTERN.test(stored)) {
      this.#clientKey = stored;
      return stored;
    }
    pageClientKey ??= newIdempotencyKey();
    this.#clientKey = pageClientKey;
    try {
      storage?.setItem(CLIENT_KEY_STORAGE_KEY, pageClientKey);
    } catch {
      // Full or blocked storage: the key lasts as long as the page.
    }
    return pageClientKey;
  }

  async #makeHeaders(call: Call): Promise<Headers> {
    const headers = new Headers({ Accept: 'application/json' });
    const custom = typeof this.#headers === 'function' ? await this.#headers() : this.#headers;
    if (custom) for (const [name, value] of Object.entries(custom)) headers.set(name, value);
    headers.set('X-Maoni-Client', this.#key());
    if (this.#identity) headers.set('Authorization', `Bearer ${this.#identity}`);
    if (call.body !== undefined) headers.set('Content-Type', 'application/json');
    if (call.idempotencyKey !== undefined) headers.set('Idempotency-Key', call.idempotencyKey);
    return headers;
  }

  /** The call, with retries where allowed; resolves the response's JSON. */
  async #request(call: Call): Promise<unknown> {
    const { signal } = call;
    const retries = call.retry ? this.#retries : 0;
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      let failure: AttemptFailure;
      try {
        return await this.#attempt(call);
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error;
        failure = error;
      }
      if (!failure.transient || attempt >= retries) throw failure.error;
      // Full backoff × a random factor in [0.5, 1): concurrent clients do not retry in lockstep.
      let wait = Math.min(MAX_BACKOFF_MS, this.#retryBaseMs * 2 ** attempt) * (0.5 + Math.random() / 2);
      if (failure.retryAfter !== undefined) {
        // Waiting longer than the reader would accept: let the UI tell them when to come back.
        if (failure.retryAfter > this.#maxRetryAfter) throw failure.error;
        wait = Math.max(wait, failure.retryAfter * 1000);
      }
      await sleep(wait, signal);
    }
  }

  /** One request and its response body. Throws AttemptFailure, or the abort reason. */
  async #attempt(call: Call): Promise<unknown> {
    const { signal } = call;
    const url = this.#url(call.path, call.query);
    // Our own controller: it cancels the request on the caller's abort and on the timeout alike.
    const controller = new AbortController();
    const onAbort = () => controller.abort(abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer =
      this.#timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
          }, this.#timeoutMs)
        : undefined;
    let stage: 'headers' | 'fetch' | 'body' = 'headers';
    try {
      const headers = await untilAborted(this.#makeHeaders(call), controller.signal);
      stage = 'fetch';
      const fetchFn = this.#fetch ?? globalThis.fetch;
      if (typeof fetchFn !== 'function') {
        throw new AttemptFailure(new AdapterError('unknown', 'fetch is not available in this browser'), false);
      }
      // Called on globalThis: a bare `window.fetch` passed as an option must not get another `this`.
      const response = await untilAborted(
        fetchFn.call(globalThis, url, {
          method: call.method,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          credentials: this.#credentials,
          signal: controller.signal,
        }),
        controller.signal
      );
      stage = 'body';
      const text = await untilAborted(response.text(), controller.signal);
      throwIfAborted(signal);
      return this.#interpret(call, response, text);
    } catch (error) {
      if (error instanceof AttemptFailure) throw error;
      if (signal?.aborted) throw abortError(signal);
      if (timedOut) {
        throw new AttemptFailure(
          new AdapterError('network', `No answer from ${call.method} ${url} within ${this.#timeoutMs} ms`),
          true
        );
      }
      if (stage === 'headers') {
        const failure =
          error instanceof AdapterError
            ? error
            : new AdapterError('unknown', 'The headers option of RestAdapter failed', { cause: error });
        throw new AttemptFailure(failure, false);
      }
      // fetch rejects (a TypeError in browsers) when the server cannot be reached; a body that
      // breaks off halfway is the same kind of failure.
      const message = error instanceof Error ? error.message : String(error);
      throw new AttemptFailure(
        new AdapterError('network', `${call.method} ${url} failed: ${message}`, { cause: error }),
        true
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The JSON of a successful response; an AttemptFailure for anything else. */
  #interpret(call: Call, response: Response, text: string): unknown {
    let data: unknown;
    let json = false;
    if (text.trim() !== '') {
      try {
        data = JSON.parse(text);
        json = true;
      } catch {
        // Not JSON: a proxy's HTML error page, a misconfigured baseUrl serving the site, …
      }
    }
    if (response.ok) {
      if (json) return data;
      const type = response.headers.get('Content-Type') || 'no content type';
      throw new AttemptFailure(
        malformed(`${call.method} ${this.#url(call.path, call.query)} answered HTTP ${response.status} with ${text.trim() ? `non-JSON content (${type})` : 'an empty body'}; is baseUrl right?`),
        false
      );
    }
    const { status } = response;
    const details = isRecord(data) && isRecord(data.error) ? data.error : {};
    const serverMessage = typeof details.message === 'string' ? details.message.trim() : '';
    const message = serverMessage
      ? clip(serverMessage)
      : `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const bodyRetryAfter =
      typeof details.retryAfter === 'number' && Number.isFinite(details.retryAfter) && details.retryAfter >= 0
        ? Math.ceil(details.retryAfter)
        : undefined;
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After')) ?? bodyRetryAfter;
    const code = codeForStatus(status, details.code);
    // A short word of the API's (banned, sign-in-expired, …); anything else is not one.
    const reason = typeof details.reason === 'string' && /^[a-z-]{1,40}$/.test(details.reason) ? details.reason : undefined;
    const error = new AdapterError(code, message, { ...(retryAfter === undefined ? {} : { retryAfter }), ...(reason ? { reason } : {}) });
    const transient = status === 429 || status === 502 || status === 503 || status === 504;
    throw new AttemptFailure(error, transient, transient ? retryAfter : undefined);
  }
}
