/**
 * Adapter data is untrusted input. Every comment passes through here before it is rendered:
 * wrong-typed fields are repaired or dropped, and each kind of problem is reported with one
 * console warning per page, not one per comment.
 */
import type { Comment, CommentStatus } from './comment.js';

const warned = new Set<string>();

function warnOnce(kind: string, detail: string): void {
  if (warned.has(kind)) return;
  warned.add(kind);
  console.warn(`maoni: the adapter returned ${detail}; it was repaired or skipped.`);
}

const statuses: ReadonlySet<string> = new Set<CommentStatus>(['published', 'pending', 'spam', 'deleted']);

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function id(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Reaction counts keyed by reaction name; entries that are not finite numbers are dropped. */
function countsOf(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const counts: Record<string, number> = {};
  for (const [name, count] of Object.entries(value)) {
    if (typeof count === 'number' && Number.isFinite(count) && count >= 0) counts[name] = count;
  }
  return Object.keys(counts).length ? counts : undefined;
}

/** A renderable Comment, or `null` (with a warning) when `raw` has no usable id. */
export function normalizeComment(raw: unknown): Comment | null {
  if (!raw || typeof raw !== 'object') {
    warnOnce('not-object', 'a comment that is not an object');
    return null;
  }
  const source = raw as Record<string, unknown>;
  const commentId = id(source.id);
  if (commentId === null) {
    warnOnce('no-id', 'a comment without an id');
    return null;
  }
  const parentId = source.parentId == null ? null : id(source.parentId);
  if (source.parentId != null && parentId === null) warnOnce('parent-id', 'a comment with an invalid parentId');

  const rawAuthor = (source.author && typeof source.author === 'object' ? source.author : {}) as Record<string, unknown>;
  const name = typeof rawAuthor.name === 'string' ? rawAuthor.name : '';
  if (typeof rawAuthor.name !== 'string') warnOnce('author', 'a comment without an author name');

  let body = source.body;
  if (typeof body !== 'string') {
    warnOnce('body', 'a comment whose body is not text');
    body = body == null ? '' : String(body);
  }
  const createdAt = typeof source.createdAt === 'string' ? source.createdAt : '';
  if (!createdAt) warnOnce('created-at', 'a comment without a createdAt date');

  const comment: Comment = {
    id: commentId,
    parentId,
    author: {
      name,
      url: optionalString(rawAuthor.url),
      avatarUrl: optionalString(rawAuthor.avatarUrl),
      id: optionalString(rawAuthor.id),
    },
    body: body as string,
    createdAt,
  };
  // Only a literal true: a backend's "false", 1 or "yes" never shows the badge.
  if (rawAuthor.verified === true) comment.author.verified = true;
  const editedAt = optionalString(source.editedAt);
  if (editedAt) comment.editedAt = editedAt;
  if (typeof source.status === 'string' && statuses.has(source.status)) comment.status = source.status as CommentStatus;
  if (typeof source.replyCount === 'number' && source.replyCount >= 0) comment.replyCount = source.replyCount;
  if (typeof source.score === 'number' && Number.isFinite(source.score)) comment.score = source.score;
  const reactions = countsOf(source.reactions);
  if (reactions) comment.reactions = reactions;
  if (Array.isArray(source.viewerReactions)) {
    comment.viewerReactions = source.viewerReactions.filter((reaction): reaction is string => typeof reaction === 'string');
  }
  const can = source.can as { edit?: unknown; delete?: unknown } | null | undefined;
  if (can && typeof can === 'object') comment.can = { edit: can.edit === true, delete: can.delete === true };
  return comment;
}

/** The renderable comments of a list response; anything that is not an array yields none. */
export function normalizeComments(raw: unknown): Comment[] {
  if (!Array.isArray(raw)) {
    warnOnce('not-array', 'a list result whose comments are not an array');
    return [];
  }
  const comments: Comment[] = [];
  for (const item of raw) {
    const comment = normalizeComment(item);
    if (comment) comments.push(comment);
  }
  return comments;
}
