// @ts-check
// POST /api/threads/{thread}/comments: create a comment, exactly once per Idempotency-Key.
import { readJsonBody } from '../body.mjs';
import { newCommentId } from '../db.mjs';
import { HttpError, notFound } from '../errors.mjs';
import { parseIdempotencyKey, parseNewComment } from '../validate.mjs';

/** @type {import('../types.mjs').Handler} */
export async function postComment({ req, thread, viewer, ip }, services) {
  const { store, limiter, present, events, config } = services;
  const idempotencyKey = parseIdempotencyKey(req.headers['idempotency-key']);
  const json = await readJsonBody(req);

  // A retry of a post that already succeeded gets that comment back, before any other check: a
  // retry must never fail (or count against the limit) where the first attempt succeeded.
  const earlier = store.getByIdempotencyKey(thread, idempotencyKey, viewer);
  if (earlier) return { status: 200, body: present(earlier, viewer) };

  const input = parseNewComment(json, config.maxBodyLength);
  const wait = limiter.take(`${viewer ?? ''} ${ip}`);
  if (wait > 0) {
    throw new HttpError(429, 'rate_limited', 'Too many comments in a short time; try again later.', {
      retryAfter: wait,
    });
  }

  const createdAt = config.now().getTime();
  if (input.honeypot) {
    // A bot filled the hidden field: answer exactly like a success, and store nothing.
    const status = config.moderation ? 'pending' : 'published';
    /** @type {import('../db.mjs').CommentRow} */
    const fake = {
      id: newCommentId(),
      thread_id: thread,
      parent_id: input.parentId,
      status,
      body: input.body,
      author_name: input.author.name,
      author_url: input.author.url,
      client_key: viewer,
      created_at: createdAt,
      edited_at: null,
      up: 0,
      down: 0,
      score: 0,
      reply_count: 0,
    };
    return { status: 201, body: present(fake, viewer) };
  }

  const result = store.createComment({
    threadId: thread,
    parentId: input.parentId,
    body: input.body,
    author: input.author,
    clientKey: viewer,
    idempotencyKey,
    createdAt,
    moderation: config.moderation,
  });
  if ('parentNotFound' in result) {
    throw notFound('The comment being replied to does not exist in this thread.');
  }
  // Pending comments are the author's alone until approved: no broadcast.
  if (result.created && result.row.status === 'published') {
    events.broadcast(thread, 'created', present(result.row, null));
  }
  return { status: result.created ? 201 : 200, body: present(result.row, viewer) };
}
