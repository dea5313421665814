/**
 * One thread as the in-page adapters keep it, who is asking, and the thread's shape (which
 * comments are visible, their visible replies). Shared by listing and by changes.
 */
import type { Comment } from '../adapter.js';

/** One thread's stored state. */
export interface ThreadData {
  /** Every stored comment, in insertion order; deleted ones stay as tombstones. */
  comments: Comment[];
  /** Comment id → reactor → the reaction that reactor gave (`up` or `down`). */
  reactions: Map<string, Map<string, string>>;
}

/** Who is calling: decides `can`, `viewerReactions`, and what edit/delete/react may do. */
export interface Actor {
  /** Whether this caller wrote the comment (may edit and delete it). */
  owns(comment: Comment): boolean;
  /** The key this caller's reactions are stored under (the viewer, or this client). */
  reactor: string;
  /** The current time, in milliseconds. */
  now: number;
  /** How long after `createdAt` the author may still edit, in milliseconds. */
  editWindowMs: number;
  /** A moderator or owner: sees held comments (pending, spam) and may moderate. */
  moderator?: boolean;
}

/**
 * Whether `actor` sees a comment of this status at all: published ones and tombstones everyone
 * (a tombstone while it has replies), a held one its author and moderators, spam moderators only.
 * Without an actor (counts, what every reader sees): published ones and tombstones.
 */
export function sees(comment: Comment, actor?: Actor): boolean {
  if (comment.status === 'pending') return Boolean(actor && (actor.moderator || actor.owns(comment)));
  if (comment.status === 'spam') return Boolean(actor?.moderator);
  return true;
}

/** Reaction ids of the in-page adapters: one of them per viewer and comment. */
export const reactionIds: readonly string[] = ['up', 'down'];

/** Default edit window: 15 minutes, like the reference server. */
export const defaultEditWindowMs = 15 * 60_000;

export function emptyThread(): ThreadData {
  return { comments: [], reactions: new Map() };
}

/**
 * The visible shape of a thread, for `actor` (default: any reader, see {@link sees}). A comment is
 * visible when it can be reached from the top level through visible comments (its parent chain
 * ends at `parentId: null`) and is not deleted, or is a deleted tombstone that still has a visible
 * reply. Comments whose parent is missing or hidden (and cycles) are unreachable.
 */
export class ThreadIndex {
  readonly byId = new Map<string, Comment>();
  /** Visible comments of each level (`null` = top level), in insertion order. */
  readonly #children = new Map<string | null, Comment[]>();
  readonly #visible = new Set<string>();

  constructor(comments: readonly Comment[], actor?: Actor) {
    const all = new Map<string | null, Comment[]>();
    for (const comment of comments) {
      if (this.byId.has(comment.id)) continue;
      this.byId.set(comment.id, comment);
      // Held from this actor: neither it nor its replies are part of the thread it sees.
      if (!sees(comment, actor)) continue;
      const siblings = all.get(comment.parentId) ?? [];
      siblings.push(comment);
      all.set(comment.parentId, siblings);
    }
    // Breadth-first from the top level reaches every reachable comment once; walking that order
    // backwards sees every reply before its parent, so a tombstone knows whether a reply survives.
    const order: Comment[] = [...(all.get(null) ?? [])];
    for (let i = 0; i < order.length; i++) order.push(...(all.get(order[i].id) ?? []));
    for (let i = order.length - 1; i >= 0; i--) {
      const comment = order[i];
      const replies = (all.get(comment.id) ?? []).filter((reply) => this.#visible.has(reply.id));
      if (replies.length > 0) this.#children.set(comment.id, replies);
      if (comment.status !== 'deleted' || replies.length > 0) this.#visible.add(comment.id);
    }
    this.#children.set(null, (all.get(null) ?? []).filter((comment) => this.#visible.has(comment.id)));
  }

  isVisible(id: string): boolean {
    return this.#visible.has(id);
  }

  /** Visible direct replies of `parentId` (`null`: the visible top level), in insertion order. */
  replies(parentId: string | null): Comment[] {
    return this.#children.get(parentId) ?? [];
  }

  /** Number of visible comments, all levels, tombstones with replies included. */
  get visibleCount(): number {
    return this.#visible.size;
  }

  /** Number of visible comments that are not tombstones: what a count badge shows. */
  get liveCount(): number {
    let live = 0;
    for (const id of this.#visible) if (this.byId.get(id)!.status !== 'deleted') live++;
    return live;
  }
}
