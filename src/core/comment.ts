/**
 * The shape of a comment and of what changes it: the data every layer shares (the contract in
 * adapters/adapter.ts re-exports these). Plain types, no DOM.
 */

/** Who wrote a comment. Every field is hostile text from the backend; the elements treat it so. */
export interface CommentAuthor {
  name: string;
  /** Profile or website. Rendered as a link only when it passes the URL allowlist. */
  url?: string;
  /** Avatar image. Shown only when it passes the URL allowlist; otherwise initials. */
  avatarUrl?: string;
  /** The backend's id for the author (a signed-in reader's account, a host site's user id). */
  id?: string;
  /** The backend vouches for this author (a reader the host site signed in): shown with a badge. */
  verified?: boolean;
}

/**
 * Readers see `published` comments (and their own `pending` ones); moderators see every status:
 * `pending` waits for approval, `spam` was held or marked as spam, `deleted` was taken down.
 */
export type CommentStatus = 'published' | 'pending' | 'spam' | 'deleted';

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

/** A change to a thread, pushed by `subscribe`. */
export type ThreadEvent =
  | { type: 'created'; comment: Comment }
  | { type: 'edited'; comment: Comment }
  | { type: 'deleted'; comment: Comment };
