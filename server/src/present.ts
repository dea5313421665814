// Turns a stored row into the Comment JSON of the API (src/adapters/adapter.ts at the repository
// root). The only place that decides what leaves the server: never email, client key, IP or
// idempotency key, and nothing of a deleted comment but its place in the tree.
import type { CommentRow } from './store/comments.js';
import type { Reaction } from './validate.js';

export interface CommentJson {
  id: string;
  parentId: string | null;
  /** `id` and `verified` only for a reader the host site signed in (SSO). */
  author: { name: string; url?: string; id?: string; verified?: true };
  body: string;
  createdAt: string;
  editedAt?: string;
  status: 'published' | 'pending' | 'spam' | 'deleted';
  replyCount: number;
  score: number;
  reactions: Record<Reaction, number>;
  viewerReactions: Reaction[];
  can: { edit: boolean; delete: boolean };
}

export type Present = (row: CommentRow, viewer: string | null, viewerReaction?: Reaction) => CommentJson;

export function createPresenter({ editWindowSeconds, now }: { editWindowSeconds: number; now: () => Date }): Present {
  /** `viewer` is the client key of who asked; `null` for broadcasts. */
  return function present(row, viewer, viewerReaction) {
    const gone = row.status === 'deleted' || row.status === 'removed';
    const own = viewer !== null && row.client_key === viewer;
    const author: CommentJson['author'] = { name: gone ? '' : row.author_name };
    if (!gone && row.author_url) author.url = row.author_url;
    if (!gone && row.author_verified === 1 && row.author_id !== null) {
      author.id = row.author_id;
      author.verified = true;
    }
    // Built in the documented key order (broadcasts are plain JSON.stringify); editedAt only
    // when there was an edit.
    const head: Pick<CommentJson, 'id' | 'parentId' | 'author' | 'body' | 'createdAt' | 'editedAt'> = {
      id: row.id,
      parentId: row.parent_id,
      author,
      body: gone ? '' : row.body,
      createdAt: new Date(row.created_at).toISOString(),
    };
    if (!gone && row.edited_at !== null) head.editedAt = new Date(row.edited_at).toISOString();
    return {
      ...head,
      status: gone ? 'deleted' : (row.status as 'published' | 'pending' | 'spam'),
      replyCount: row.reply_count,
      score: gone ? 0 : row.score,
      reactions: { up: gone ? 0 : row.up, down: gone ? 0 : row.down },
      viewerReactions: !gone && viewerReaction ? [viewerReaction] : [],
      can: {
        edit: own && !gone && now().getTime() - row.created_at <= editWindowSeconds * 1000,
        delete: own && !gone,
      },
    };
  };
}
