// DELETE /api/threads/{threadId}/comments/{commentId}: the author deletes; the answer is the tombstone.
import type { FastifyInstance } from 'fastify';
import { forbidden, notFound } from '../errors.js';
import { isVisibleTo } from '../store/comments.js';
import { checkCommentId } from '../validate.js';
import { clientKeyHeader, commentParams, errorResponses, ref, type CommentParams } from './schemas.js';

export async function deleteCommentRoute(app: FastifyInstance) {
  app.delete<{ Params: CommentParams }>(
    '/threads/:threadId/comments/:commentId',
    {
      schema: {
        tags: ['comments'],
        operationId: 'deleteComment',
        summary: 'Delete one\'s own comment',
        description:
          'Answers with the tombstone. The body, author name, email and URL are erased; the tombstone stays visible while it has replies. Deleting again answers with the same tombstone.',
        params: commentParams,
        headers: { type: 'object', properties: clientKeyHeader },
        response: {
          200: { description: 'The tombstone: `status: deleted`, empty body and author name.', ...ref('Comment') },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { store, present, events } = app.maoni;
      const { threadId: thread } = request.params;
      const commentId = checkCommentId(request.params.commentId, 'The comment id');
      const viewer = request.viewer;
      const row = await store.get(thread, commentId, viewer);
      const own = row !== undefined && viewer !== null && row.client_key === viewer;
      if (!row || !(own || isVisibleTo(row, viewer))) {
        throw notFound('The comment does not exist in this thread.');
      }
      if (!own) throw forbidden('Only the author can delete this comment.');
      // Deleting again answers with the same tombstone, so a retried DELETE never shows an error.
      const wasPublished = row.status === 'published';
      if (row.status === 'published' || row.status === 'pending') await store.deleteComment(commentId);
      const tombstone = (await store.get(thread, commentId, viewer))!;
      if (wasPublished) events.broadcast(thread, 'deleted', present(tombstone, null));
      return present(tombstone, viewer);
    }
  );
}
