/**
 * The few assertions the conformance kit needs, with messages that say what the adapter did
 * wrong. No assertion library, so the kit runs in any runner.
 */
import type { Comment, ListResult } from '../adapters/adapter.js';

/** A broken rule of the adapter contract. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

export function equal(actual: unknown, expected: unknown, what: string): void {
  check(Object.is(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Same members, each exactly once. */
export function sameIds(actual: readonly string[], expected: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of actual) {
    check(!seen.has(id), `${what}: comment ${show(id)} returned more than once (got ${show(actual)})`);
    seen.add(id);
  }
  const missing = expected.filter((id) => !seen.has(id));
  const extra = actual.filter((id) => !expected.includes(id));
  check(missing.length === 0, `${what}: missing ${show(missing)} (got ${show(actual)})`);
  check(extra.length === 0, `${what}: unexpected ${show(extra)} (expected ${show(expected)})`);
}

/** The rejection of `promise`, failing when it resolves. */
export async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ConformanceError(`${what}: expected a rejection, but it resolved`);
}

/** Checks that `error` is an AdapterError (by name, so another bundle's class also counts) with one of `codes`. */
export function adapterError(error: unknown, codes: readonly string[], what: string): void {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  check(name === 'AdapterError', `${what}: expected an AdapterError, got ${String(name ?? error)}: ${String((error as Error)?.message ?? '')}`);
  check(codes.includes(code as string), `${what}: expected code ${codes.join(' or ')}, got ${show(code)}`);
}

export function abortError(error: unknown, what: string): void {
  check((error as { name?: unknown } | null)?.name === 'AbortError', `${what}: expected an AbortError, got ${show((error as Error)?.name ?? error)}`);
}

const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isoDate(value: unknown, what: string): void {
  check(typeof value === 'string' && iso.test(value) && !Number.isNaN(Date.parse(value)), `${what}: expected an ISO 8601 date, got ${show(value)}`);
}

const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Every field of a Comment has the type the contract gives it. */
export function wellFormed(comment: Comment, what: string): void {
  check(typeof comment === 'object' && comment !== null, `${what}: expected a comment object, got ${show(comment)}`);
  const label = `${what} (comment ${show(comment.id)})`;
  check(typeof comment.id === 'string' && comment.id !== '', `${label}: id must be a non-empty string`);
  check(comment.parentId === null || typeof comment.parentId === 'string', `${label}: parentId must be null or a string, got ${show(comment.parentId)}`);
  check(typeof comment.author === 'object' && comment.author !== null, `${label}: author must be an object`);
  check(typeof comment.author.name === 'string', `${label}: author.name must be a string`);
  check(typeof comment.body === 'string', `${label}: body must be a string`);
  isoDate(comment.createdAt, `${label} createdAt`);
  if (comment.editedAt !== undefined) isoDate(comment.editedAt, `${label} editedAt`);
  check(
    comment.status === undefined || ['published', 'pending', 'spam', 'deleted'].includes(comment.status),
    `${label}: status must be published, pending, spam or deleted, got ${show(comment.status)}`
  );
  check(comment.replyCount === undefined || isCount(comment.replyCount), `${label}: replyCount must be a count, got ${show(comment.replyCount)}`);
  check(comment.score === undefined || Number.isFinite(comment.score), `${label}: score must be a finite number`);
  if (comment.reactions !== undefined) {
    check(typeof comment.reactions === 'object' && comment.reactions !== null, `${label}: reactions must be an object`);
    for (const [id, count] of Object.entries(comment.reactions)) check(isCount(count), `${label}: reactions.${id} must be a count, got ${show(count)}`);
  }
  if (comment.viewerReactions !== undefined) {
    check(Array.isArray(comment.viewerReactions) && comment.viewerReactions.every((r) => typeof r === 'string'), `${label}: viewerReactions must be an array of strings`);
  }
  if (comment.can !== undefined) {
    check(typeof comment.can === 'object' && comment.can !== null, `${label}: can must be an object`);
    for (const key of ['edit', 'delete'] as const) {
      const value = comment.can[key];
      check(value === undefined || typeof value === 'boolean', `${label}: can.${key} must be a boolean`);
    }
  }
}

/**
 * The shape of one page: comments of the requested level first (at most `limit`), then only
 * descendants of them (inline replies), no id twice, a string or null cursor, a count as total.
 * Returns the requested level's comments.
 */
export function wellFormedPage(result: ListResult, parentId: string | null, limit: number | undefined, what: string): Comment[] {
  check(typeof result === 'object' && result !== null && Array.isArray(result.comments), `${what}: list must resolve { comments: [] }, got ${show(result)}`);
  const { comments, nextCursor, total } = result;
  check(nextCursor === undefined || nextCursor === null || typeof nextCursor === 'string', `${what}: nextCursor must be a string or null, got ${show(nextCursor)}`);
  check(total === undefined || isCount(total), `${what}: total must be a count, got ${show(total)}`);
  const byId = new Map<string, Comment>();
  for (const comment of comments) {
    wellFormed(comment, what);
    check(!byId.has(comment.id), `${what}: comment ${show(comment.id)} appears twice in one page`);
    byId.set(comment.id, comment);
  }
  const levelSize = comments.findIndex((comment) => comment.parentId !== parentId);
  const level = levelSize === -1 ? comments : comments.slice(0, levelSize);
  const inline = comments.slice(level.length);
  if (limit !== undefined) check(level.length <= limit, `${what}: ${level.length} comments of the requested level, more than limit ${limit}`);
  const levelIds = new Set(level.map((comment) => comment.id));
  for (const reply of inline) {
    check(reply.parentId !== parentId, `${what}: comment ${show(reply.id)} of the requested level comes after inline replies`);
    // Walk up through the page until a comment of the requested level: a descendant of the page.
    let ancestor: Comment | undefined = reply;
    for (let steps = 0; ancestor && !levelIds.has(ancestor.id) && steps <= comments.length; steps++) {
      ancestor = ancestor.parentId === null ? undefined : byId.get(ancestor.parentId);
    }
    check(ancestor && levelIds.has(ancestor.id), `${what}: inline reply ${show(reply.id)} (parent ${show(reply.parentId)}) is not a descendant of a listed comment`);
  }
  return level;
}
