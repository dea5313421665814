// POST /api/threads/{threadId}/comments/{commentId}/reactions: add or take back the client's up/down.
import type { FastifyInstance } from 'fastify';
import { notFound, unauthorized } from '../errors.js';
import { isVisibleTo } from '../store/comments.js';
import { checkCommentId, REACTIONS, type Reaction } from '../validate.js';
import { clientKeyHeader, commentParams, errorResponses, ref, type CommentParams } from './schemas.js';

const reactionMessage = `"reaction" must be one of: ${REACTIONS.join(', ')}.`;
const activeMessage = '"active" must be true or false.';

export async function reactionRoutes(app: FastifyInstance) {
  app.post<{ Params: CommentParams; Body: { reaction: Reaction; active: boolean } }>(
    '/threads/:threadId/comments/:commentId/reactions',
    {
      schema: {
        tags: ['comments'],
        operationId: 'reactToComment',
        summary: 'Add or take back a reaction',
        description: 'Per client key, at most one of `up`/`down` is active: activating `up` removes `down`. Needs `X-Maoni-Client`.',
        params: commentParams,
        headers: { type: 'object', properties: clientKeyHeader },
        body: {
          type: 'object',
          required: ['reaction', 'active'],
          properties: {
            reaction: { type: 'string', enum: REACTIONS, errorMessage: reactionMessage },
            active: { type: 'boolean', description: 'true adds the reaction, false takes it back.', errorMessage: activeMessage },
          },
          errorMessage: {
            type: 'The request body must be a JSON object.',
            required: { reaction: reactionMessage, active: activeMessage },
          },
        },
        response: { 200: { description: 'The comment with its new counts.', ...ref('Comment') }, ...errorResponses },
      },
      // Reactions are counted per client key; without one there is nobody to count. Checked
      // before the body is read, as it always was.
      onRequest: async (request) => {
        if (request.viewer === null) throw unauthorized('Reacting needs an X-Maoni-Client key.');
      },
    },
    async (request) => {
      const { store, present } = app.maoni;
      const { threadId: thread } = request.params;
      const commentId = checkCommentId(request.params.commentId, 'The comment id');
      const viewer = request.viewer!;
      const { reaction, active } = request.body;
      const row = await store.get(thread, commentId, viewer);
      if (!row || !isVisibleTo(row, viewer) || row.status === 'deleted') {
        throw notFound('The comment does not exist in this thread.');
      }
      await store.react(commentId, viewer, reaction, active);
      const updated = (await store.get(thread, commentId, viewer))!;
      const [mine] = (await store.viewerReactions([commentId], viewer)).values();
      return present(updated, viewer, mine);
    }
  );
}
