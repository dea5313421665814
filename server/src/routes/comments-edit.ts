// PATCH /api/threads/{threadId}/comments/{commentId}: the author changes the body within the edit window.
import type { FastifyInstance } from 'fastify';
import { forbidden, notFound } from '../errors.js';
import { isVisibleTo } from '../store/comments.js';
import { checkCommentId, parseBody } from '../validate.js';
import { clientKeyHeader, commentParams, errorResponses, ref, type CommentParams } from './schemas.js';

export async function editCommentRoute(app: FastifyInstance) {
  app.patch<{ Params: CommentParams; Body: { body: string } }>(
    '/threads/:threadId/comments/:commentId',
    {
      // The body's shape is checked after who may edit, as it always was: someone else's comment
      // is a 403 whatever the body says.
      attachValidation: true,
      schema: {
        tags: ['comments'],
        operationId: 'editComment',
        summary: 'Change the body of one\'s own comment',
        description: 'Only with the author\'s `X-Maoni-Client`, within `editWindowSeconds` (GET /config) of posting.',
        params: commentParams,
        headers: { type: 'object', properties: clientKeyHeader },
        body: {
          type: 'object',
          required: ['body'],
          properties: { body: { type: 'string', description: 'The new body, same rules as when posting.', errorMessage: '"body" must be a string.' } },
          errorMessage: { type: 'The request body must be a JSON object.', required: { body: '"body" must be a string.' } },
        },
        response: { 200: { description: 'The updated comment, with `editedAt`.', ...ref('Comment') }, ...errorResponses },
      },
    },
    async (request) => {
      const { store, present, events, config } = app.maoni;
      if (request.validationError?.validationContext === 'params') throw request.validationError;
      const { threadId: thread } = request.params;
      const commentId = checkCommentId(request.params.commentId, 'The comment id');
      const viewer = request.viewer;
      const row = await store.get(thread, commentId, viewer);
      if (!row || !isVisibleTo(row, viewer) || row.status === 'deleted') {
        throw notFound('The comment does not exist in this thread.');
      }
      if (viewer === null || row.client_key !== viewer) {
        throw forbidden('Only the author can edit this comment.');
      }
      const now = config.now().getTime();
      if (now - row.created_at > config.editWindowSeconds * 1000) {
        throw forbidden('The time to edit this comment has passed.');
      }
      if (request.validationError) throw request.validationError;
      const body = parseBody(request.body.body, config.maxBodyLength);
      const updated = await store.editComment(thread, commentId, body, now, viewer);
      if (updated.status === 'published') events.broadcast(thread, 'edited', present(updated, null));
      const [reaction] = (await store.viewerReactions([commentId], viewer)).values();
      return present(updated, viewer, reaction);
    }
  );
}
