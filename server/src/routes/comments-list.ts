// GET /api/threads/{threadId}/comments: one page of one level, plus inline replies.
import type { FastifyInstance } from 'fastify';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { notFound } from '../errors.js';
import type { CommentRow, CommentStore } from '../store/comments.js';
import { parseListQuery, type ListQuery } from '../validate.js';
import { clientKeyHeader, errorResponses, ref, threadParams, type ThreadParams } from './schemas.js';

/** How deep inline replies go below the listed comments. */
const MAX_INLINE_DEPTH = 10;
/**
 * Inline replies grow geometrically with depth (20 per comment, 10 levels), so one response is
 * capped; the UI loads whatever is missing per comment, guided by replyCount.
 */
const MAX_INLINE_REPLIES = 500;

/** A whole number as the query string carries it; the range is checked in validate.ts. */
const wholeNumber = (name: string, min: number, max: number, fallback: number, description: string) => ({
  type: 'string',
  pattern: '^\\d{0,4}$',
  description: `${description} A whole number from ${min} to ${max}; default ${fallback}.`,
  errorMessage: `"${name}" must be a whole number from ${min} to ${max}.`,
});

const listQuerystring = {
  type: 'object',
  properties: {
    parentId: {
      type: 'string',
      description:
        'Absent or empty: top-level comments. A comment id: that comment\'s direct replies (404 if it is not visible in this thread).',
      errorMessage: '"parentId" must be a string of 1 to 128 characters.',
    },
    cursor: {
      type: 'string',
      description: 'The `nextCursor` of the previous page, with the same `sort` and `parentId`. Absent for the first page.',
    },
    limit: wholeNumber('limit', 1, 100, 50, 'Comments of the requested level per page.'),
    sort: {
      type: 'string',
      description:
        '`oldest` (createdAt, id), `newest` (reverse), `top` (score descending, then oldest). Unknown values mean `oldest`, as in the adapter contract.',
    },
    replies: wholeNumber(
      'replies',
      0,
      20,
      3,
      'Also include up to N direct replies (oldest first) of each listed comment, recursively to depth 10, after the page (at most 500 per response).'
    ),
  },
} as const;

/**
 * Up to `perComment` first replies of each comment, level by level (breadth first), so a capped
 * response still has the shallow replies a reader sees first.
 */
async function inlineReplies(store: CommentStore, page: CommentRow[], perComment: number, viewer: string | null, moderator: boolean) {
  const found: CommentRow[] = [];
  let level = page;
  for (let depth = 0; depth < MAX_INLINE_DEPTH && perComment > 0 && level.length > 0; depth++) {
    const next: CommentRow[] = [];
    for (const row of level) {
      if (row.reply_count === 0) continue;
      const room = MAX_INLINE_REPLIES - found.length - next.length;
      if (room <= 0) break;
      next.push(...(await store.firstReplies(row.id, Math.min(perComment, room), viewer, moderator)));
    }
    found.push(...next);
    level = next;
  }
  return found;
}

export async function listCommentsRoute(app: FastifyInstance) {
  app.get<{ Params: ThreadParams; Querystring: ListQuery }>(
    '/threads/:threadId/comments',
    {
      schema: {
        tags: ['comments'],
        operationId: 'listComments',
        summary: 'One page of one level of a thread',
        description:
          'Paging is per level: the top level (no `parentId`) and each comment\'s direct replies have their own keyset cursors, stable under concurrent inserts: no comment is returned twice or skipped.\n\nVisible comments: published ones, deleted tombstones that still have replies (`status: deleted`, empty body and author name), and the requesting client\'s own pending comments.',
        params: threadParams,
        querystring: listQuerystring,
        headers: { type: 'object', properties: clientKeyHeader },
        response: { 200: { description: 'The page, then its inline replies.', ...ref('CommentPage') }, ...errorResponses },
      },
    },
    async (request) => {
      const { store, present } = app.maoni;
      const { threadId: thread } = request.params;
      const viewer = request.viewer;
      const moderator = request.account !== null;
      const { parentId, cursor, limit, sort, replies } = parseListQuery(request.query);
      const after = cursor === null ? null : decodeCursor(cursor, sort, parentId);
      if (parentId !== null && !(await store.isVisible(thread, parentId, viewer, moderator))) {
        throw notFound('The parent comment does not exist in this thread.');
      }
      // One row more than asked says whether there is a next page, without a count.
      const rows = await store.listLevel({ thread, parentId, sort, limit: limit + 1, after, viewer, moderator });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > limit && last
          ? encodeCursor(sort, parentId, { createdAt: last.created_at, id: last.id, score: last.score })
          : null;
      const all = [...page, ...(await inlineReplies(store, page, replies, viewer, moderator))];
      const reactions = await store.viewerReactions(
        all.map((row) => row.id),
        viewer
      );
      return {
        comments: all.map((row) => present(row, viewer, reactions.get(row.id))),
        nextCursor,
        total: await store.total(thread, viewer, moderator),
      };
    }
  );
}
