/**
 * The contract between maoni's elements and a backend. Plain TypeScript with no Lit import, so an
 * adapter can be written and tested without a DOM.
 *
 * Only `list` and `post` are required. Every other member is a capability: the elements show the
 * matching UI only when the adapter has it.
 */
import type { Comment, CommentSort, NewComment, ThreadEvent } from '../core/comment.js';

export type { Comment, CommentAuthor, CommentSort, CommentStatus, NewComment, ThreadEvent } from '../core/comment.js';
export { AdapterError, abortError, isAbort, type AdapterErrorCode } from '../core/errors.js';

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
  /** `moderator` and `owner` get the moderation tools in the thread (with `moderate`). Default `reader`. */
  role?: ViewerRole;
  /** The backend vouches for this reader (signed in by the host site). */
  verified?: boolean;
}

export type ViewerRole = 'reader' | 'moderator' | 'owner';

/** What a moderator does with a comment: publish it, mark it as spam, take it down, or undo that. */
export type ModerationAction = 'approve' | 'spam' | 'delete' | 'restore';

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
  /**
   * Moderation, for a viewer whose `role` is `moderator` or `owner`: resolves the comment as it is
   * now (its new `status`). The thread shows Approve, Spam and Delete only with it and that role.
   */
  moderate?(threadId: string, commentId: string, action: ModerationAction, options?: CallOptions): Promise<Comment>;
  /**
   * The host site's token for its signed-in reader (an HS256 JWT, see the server's SSO), or `null`
   * to sign out. `<comment-thread sso-token>` calls it; the adapter sends the token with every call.
   */
  setIdentity?(token: string | null): void;
}

