/**
 * A newer version of a comment the thread shows (edited, deleted, reacted to), from an action's
 * result or a realtime event. Used only by the capability UI, so it travels in that chunk.
 */
import type { Comment } from '../../adapters/adapter.js';
import { listModule } from '../shared/list-loader.js';
import type { ThreadStore } from './thread-store.js';

/** Replaces a shown comment with a newer version of it; `null` when it is no comment or not shown. */
export function updateComment(store: ThreadStore, raw: unknown, keepViewerFields = false): Comment | null {
  const comment = listModule().normalizeComment(raw);
  const node = comment && store.tree.byId.get(comment.id);
  if (!comment || !node) return null;
  const current = node.comment;
  // Realtime events carry no per-reader fields: keep what the reader may do and has done.
  const next = keepViewerFields ? { ...comment, can: current.can, viewerReactions: current.viewerReactions } : comment;
  if (next.status === 'deleted' && node.children.length === 0 && !next.replyCount) {
    // A deleted comment without replies leaves no tombstone: it simply goes.
    store.remove(comment.id);
  } else store.replace(comment.id, next);
  return next;
}
