/**
 * The contract between maoni's elements and a backend. Plain TypeScript with no Lit import, so an
 * adapter can be written and tested without a DOM.
 *
 * Only `list` and `post` are required. Every other member is a capability: the elements show the
 * matching UI only when the adapter has it.
 */

/** Who wrote a comment. Every field is hostile text from the backend; the elements treat it so. */
export interface CommentAuthor {
  name: string;
  /** Profile or website. Rendered as a link only when it passes the URL allowlist. */
  url?: string;
  /** Avatar image. Shown only when it passes the URL allowlist; otherwise initials. */
  avatarUrl?: string;
  id?: string;
}

export type CommentStatus = 'published' | 'pending' | 'deleted';

/** One comment, as adapters return it. */
export interface Comment {
  id: string;
  /** `null` for a top-level comment. */
  parentId: string | null;
  author: CommentAuthor;
  /** Plain text with a small markdown subset. Never HTML. */
  body: string;
  /** ISO 8601. */
  createdAt: string;
  editedAt?: string;
  status?: CommentStatus;
  /** Number of replies, when replies are paged separately. */
  replyCount?: number;
  score?: number;
  reactions?: Record<string, number>;
}

export type CommentSort = 'oldest' | 'newest' | 'top';

export interface ListOptions {
  /** Only the replies of this comment; `null` or absent for the whole thread. */
  parentId?: string | null;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
  limit?: number;
  sort?: CommentSort | string;
  signal?: AbortSignal;
}

export interface ListResult {
  comments: Comment[];
  /** Present and non-null when there is another page. */
  nextCursor?: string | null;
  /** Number of comments in the thread, when the backend knows it. */
  total?: number;
}

export interface NewComment {
  parentId: string | null;
  body: string;
  /** Absent when the adapter has a signed-in viewer. */
  author?: { name: string; email?: string; url?: string };
}

export interface PostOptions {
  /** The same key on a retried post must never create a second comment. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

/** The signed-in identity, when the backend has one. */
export interface Viewer {
  id: string;
  name: string;
  avatarUrl?: string;
  url?: string;
}

export interface CommentAdapter {
  list(threadId: string, options: ListOptions): Promise<ListResult>;
  post(threadId: string, input: NewComment, options: PostOptions): Promise<Comment>;
  /** Signed-in identity. Without it (or when it resolves to `null`) the form asks for a name. */
  viewer?(): Promise<Viewer | null>;
  /** Comment counts for many threads in one call. */
  count?(threadIds: string[]): Promise<Record<string, number>>;
}

export type AdapterErrorCode =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'validation'
  | 'unknown';

const errorCodes: ReadonlySet<string> = new Set<AdapterErrorCode>([
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'validation',
  'unknown',
]);

/** The one error type adapters throw. The elements map each `code` to a localized message. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  /** Seconds to wait before trying again (rate limits). */
  readonly retryAfter?: number;

  constructor(
    code: AdapterErrorCode,
    message?: string,
    options: { retryAfter?: number; cause?: unknown } = {}
  ) {
    super(message ?? code);
    this.code = code;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  /**
   * Any thrown value as an AdapterError, so custom adapters that throw plain errors (or strings)
   * still produce a known code. An `AbortError` stays recognisable through `isAbort`.
   */
  static from(error: unknown): AdapterError {
    if (error instanceof AdapterError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && errorCodes.has(code)) {
      return new AdapterError(code as AdapterErrorCode, String((error as Error).message ?? code), {
        cause: error,
      });
    }
    if (error instanceof TypeError) {
      // fetch() rejects with a TypeError when the network is unreachable.
      return new AdapterError('network', error.message, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new AdapterError('unknown', message, { cause: error });
  }
}

/** True for the rejection of an aborted operation: it is expected and never shown. */
export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** The reason an aborted signal carries, as a DOMException named AbortError. */
export function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
