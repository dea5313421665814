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
  /** Drives `sort=top` (e.g. up-votes minus down-votes). */
  score?: number;
  /** Count per reaction id, for the reactions in `CommentAdapter.reactions`. */
  reactions?: Record<string, number>;
  /** The reactions the current viewer has given to this comment. */
  viewerReactions?: string[];
  /**
   * What the current viewer may do with this comment; the backend decides (ownership, an edit
   * window). Absent means no. The UI shows Edit/Delete only where these are true.
   */
  can?: { edit?: boolean; delete?: boolean };
}

export type CommentSort = 'oldest' | 'newest' | 'top';

/**
 * What to list. Paging works per level: the top level (`parentId` null or absent) and each
 * comment's direct replies (`parentId` set) have their own cursors.
 */
export interface ListOptions {
  /** `null` or absent: top-level comments. A comment id: that comment's direct replies. */
  parentId?: string | null;
  /** Opaque cursor from the previous page's `nextCursor` at the same level; absent for the first page. */
  cursor?: string | null;
  /** At most this many comments of the requested level per page. */
  limit?: number;
  /** Order of the requested level (a `CommentSort`; unknown values mean `oldest`). Default `oldest`. */
  sort?: CommentSort | string;
  signal?: AbortSignal;
}

export interface ListResult {
  /**
   * The page: comments of the requested level, in order. An adapter MAY append descendants of
   * those comments (inline replies, in any order); the UI places every comment under its parent
   * and fetches missing replies per comment when `replyCount` says there are more.
   */
  comments: Comment[];
  /** Non-null when the requested level has another page. */
  nextCursor?: string | null;
  /** Number of visible comments in the whole thread (all levels), when the backend knows it. */
  total?: number;
}

export interface NewComment {
  parentId: string | null;
  body: string;
  /** Absent when the adapter has a signed-in viewer. */
  author?: { name: string; email?: string; url?: string };
  /**
   * What a hidden form field that people never see held; only bots fill it. Present only when
   * non-empty: a backend should then accept nothing (the reference server answers as if it had).
   */
  honeypot?: string;
}

export interface EditInput {
  body: string;
}

/** Options of every call that changes nothing but one comment. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface ReactOptions extends CallOptions {
  /** `true` adds the viewer's reaction, `false` takes it back. */
  active: boolean;
}

/** A change to a thread, pushed by `subscribe`. */
export type ThreadEvent =
  | { type: 'created'; comment: Comment }
  | { type: 'edited'; comment: Comment }
  | { type: 'deleted'; comment: Comment };

/** Which author fields the form asks for when there is no signed-in viewer (name always). */
export interface AuthorFields {
  email?: 'optional' | 'required';
  url?: 'optional' | 'required';
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
  /** Creates a comment. The same `idempotencyKey` again returns the same comment, never a second one. */
  post(threadId: string, input: NewComment, options: PostOptions): Promise<Comment>;

  // ---- Capabilities: each is optional, and the UI offers it only when present. ----

  /** Sorts this backend supports; a sort menu appears when there are two or more. Default `['oldest']`. */
  readonly sorts?: readonly CommentSort[];
  /** Reaction ids this backend supports, e.g. `['up', 'down']` or `['like']`; needs `react`. */
  readonly reactions?: readonly string[];
  /** Extra author fields for readers who are not signed in. */
  readonly authorFields?: AuthorFields;
  /**
   * Resolves when `sorts`, `reactions` and `authorFields` are final, for adapters that learn them
   * from their backend (the UI renders again then).
   */
  ready?(): Promise<unknown>;
  /** Signed-in identity. Without it (or when it resolves to `null`) the form asks for a name. */
  viewer?(): Promise<Viewer | null>;
  /** Comment counts for many threads in one call. */
  count?(threadIds: string[], options?: CallOptions): Promise<Record<string, number>>;
  /** Changes a comment's body (where `comment.can.edit`); resolves the updated comment. */
  edit?(threadId: string, commentId: string, input: EditInput, options?: CallOptions): Promise<Comment>;
  /** Deletes a comment (where `comment.can.delete`); resolves its tombstone (`status: 'deleted'`). */
  delete?(threadId: string, commentId: string, options?: CallOptions): Promise<Comment>;
  /** Adds or takes back the viewer's reaction; resolves the updated comment (counts, score). */
  react?(threadId: string, commentId: string, reaction: string, options: ReactOptions): Promise<Comment>;
  /**
   * Signs the reader in again after an `unauthorized` error, if the backend can (e.g. refreshes a
   * token). The post that failed is then tried once more.
   */
  reauthenticate?(): Promise<unknown>;
  /**
   * The profile URL of a mentioned `@name` (as written, without the `@`), or nothing to show the
   * mention unlinked. Synchronous: it runs while a comment renders. Its URL passes the same URL
   * policy as every other.
   */
  mentionUrl?(name: string): string | null | undefined;
  /** Pushes changes to the thread as they happen; returns the function that stops them. */
  subscribe?(threadId: string, onEvent: (event: ThreadEvent) => void): () => void;
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
