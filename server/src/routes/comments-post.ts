// POST /api/threads/{threadId}/comments: create a comment, exactly once per Idempotency-Key.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, notFound, validationError } from '../errors.js';
import { screen } from '../spam/screen.js';
import { parseIdempotencyKey, parseNewComment, type NewCommentBody } from '../validate.js';
import { clientKeyHeader, errorResponses, ref, threadParams, type ThreadParams } from './schemas.js';

const nullableString = (message: string, description?: string) => ({
  type: ['string', 'null'],
  ...(description && { description }),
  errorMessage: message,
});

const AUTHOR_REQUIRED = '"author" must be an object with a "name".';

export const newCommentSchema = {
  type: 'object',
  // `author` may be left out by a reader the host site signed in (their name is the token's);
  // for anyone else the handler requires it, with the same message.
  required: ['body'],
  properties: {
    parentId: {
      ...nullableString('"parentId" must be a string of 1 to 128 characters.', 'The comment replied to (same thread); null or absent for top level.'),
      minLength: 1,
      maxLength: 128,
    },
    body: {
      type: 'string',
      description:
        'The comment: plain text with the small markdown subset. CR LF becomes LF, control characters but tab and LF are dropped; then it must not be blank and at most maxBodyLength (GET /config) characters.',
      // Something visible must remain once control characters are dropped (validate.ts).
      pattern: '[^\\s\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]',
      errorMessage: { type: '"body" must be a string.', pattern: '"body" must not be empty.' },
    },
    author: {
      type: 'object',
      required: ['name'],
      properties: {
        name: {
          type: 'string',
          description: 'Trimmed, whitespace collapsed; 1 to 100 characters.',
          // Something visible besides whitespace, control and bidirectional-control characters.
          pattern: '[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]',
          errorMessage: { type: '"author.name" must be a string.', pattern: '"author.name" must not be empty.' },
        },
        email: nullableString('"author.email" must be a string.', 'Optional; never shown or returned.'),
        url: nullableString('"author.url" must be a string.', 'Optional; http(s) only, no user name or password.'),
      },
      errorMessage: {
        type: AUTHOR_REQUIRED,
        required: { name: '"author.name" must be a string.' },
      },
    },
    honeypot: { description: 'Leave absent or empty: a form field hidden from people, which bots fill.' },
    formToken: { description: 'The `formToken` of GET /config, when the form was shown: a submit sooner than a person writes is held for review. Absent: not timed.' },
  },
  errorMessage: {
    type: 'The request body must be a JSON object.',
    required: { body: '"body" must be a string.' },
  },
} as const;

export async function postCommentRoute(app: FastifyInstance) {
  app.post<{ Params: ThreadParams; Body: NewCommentBody; Headers: { 'idempotency-key'?: string } }>(
    '/threads/:threadId/comments',
    {
      // The handler decides when a failed schema counts: a replayed post is answered before the
      // body is checked, so a retry never fails where the first attempt succeeded.
      attachValidation: true,
      // The key is checked before the body is read, as it always was.
      preParsing: async (request: FastifyRequest<{ Headers: { 'idempotency-key'?: string } }>) => {
        parseIdempotencyKey(request.headers['idempotency-key']);
      },
      schema: {
        tags: ['comments'],
        operationId: 'postComment',
        summary: 'Post a comment or a reply',
        description:
          'Exactly once per `Idempotency-Key` and thread: a repeated key (also concurrently, also after a restart) answers 200 with the comment the key created, whatever the new body says.\n\nWith moderation on, a client whose key has no published comment yet gets `status: pending`: visible to that client only until approved, and not broadcast.\n\nA non-empty `honeypot` answers 201 as if published; the comment is kept as spam for the moderators.\n\nWith `Authorization: Bearer <token>` (a reader the host site signed in, HS256 with MAONI_SSO_SECRET) the comment carries the token\'s `sub` as `author.id` and `name` as `author.name`, and `author.verified: true`; a token that does not verify answers 401 (`reason`: sign-in-expired, sign-in-invalid, sign-in-unsupported). A banned author gets 403 with `reason: banned`.\n\nRate limited per client key and address (default 5 posts per 60 s); a replayed key is not limited.',
        params: threadParams,
        headers: {
          type: 'object',
          required: ['idempotency-key'],
          properties: {
            ...clientKeyHeader,
            'idempotency-key': {
              type: 'string',
              pattern: '^[\\x21-\\x7e]{8,128}$',
              description: '8 to 128 visible ASCII characters, new for each new comment, the same on every retry of it.',
            },
          },
        },
        body: newCommentSchema,
        response: {
          200: { description: 'This Idempotency-Key was used before in this thread: the same comment.', ...ref('Comment') },
          201: { description: 'Created.', ...ref('Comment') },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { store, present, events, config } = app.maoni;
      const thread = request.params.threadId;
      const viewer = request.viewer;
      if (request.validationError?.validationContext === 'params') throw request.validationError;
      const idempotencyKey = parseIdempotencyKey(request.headers['idempotency-key']);

      // A retry of a post that already succeeded gets that comment back, before any other check: a
      // retry must never fail (or count against the limit) where the first attempt succeeded.
      const earlier = await store.getByIdempotencyKey(thread, idempotencyKey, viewer);
      if (earlier) return reply.code(200).send(present(earlier, viewer));

      if (request.validationError) throw request.validationError;
      // A token the site gave that does not verify: refused, so the comment is not sent as
      // someone else's (or anonymous) when it was meant to be signed. The widget keeps the draft.
      if (request.readerRefusal) throw request.readerRefusal;
      const reader = request.reader;
      if (!reader && request.body.author === undefined) throw validationError(AUTHOR_REQUIRED);
      const input = parseNewComment(request.body, config.maxBodyLength);
      // A verified reader's name and e-mail are the site's, whatever the form sent.
      const author = reader ? { name: reader.name, email: reader.email ?? input.author?.email ?? null, url: input.author?.url ?? null } : input.author!;
      const userAgent = String(request.headers['user-agent'] ?? '').slice(0, 500);
      const marks = {
        authorId: reader?.id ?? null,
        verified: reader !== null,
        ...(await store.bans.hashes(author.email, request.ip)),
        // In clear only for the Akismet-protocol reports (submit-spam / submit-ham).
        clientIp: app.maoni.akismet ? request.ip : null,
        userAgent: app.maoni.akismet ? userAgent : null,
      };
      // A moderator is never banned; a verified reader is banned by id, anyone else by e-mail or address.
      if (request.account === null && (await store.bans.isBanned(reader ? { authorId: reader.id, emailHash: null, ipHash: null } : { authorId: null, emailHash: marks.emailHash, ipHash: marks.ipHash }))) {
        throw new HttpError(403, 'forbidden', 'The moderators of this site have stopped this author from commenting.', { reason: 'banned' });
      }
      const wait = await app.takePostLimit(request);
      if (wait > 0) {
        throw new HttpError(429, 'rate_limited', 'Too many comments in a short time; try again later.', { retryAfter: wait });
      }

      const now = config.now();
      const createdAt = now.getTime();
      // The spam screen (spam/screen.ts); the first-comment hold stays in the store, which knows
      // in its transaction whether this client has a published comment.
      const verdict = await screen(
        {
          threadId: thread,
          parentId: input.parentId,
          body: input.body,
          author: { name: author.name, ...(author.email ? { email: author.email } : {}), ...(author.url ? { url: author.url } : {}) },
          ip: request.ip,
          userAgent,
          ...(typeof request.headers.referer === 'string' ? { referrer: request.headers.referer } : {}),
          ...(input.honeypot ? { honeypot: 'filled' } : {}),
          formToken: app.maoni.formTokens.check((request.body as { formToken?: unknown }).formToken, now),
          knownAuthor: true,
          moderator: request.account !== null,
          verified: reader !== null,
          createdAt: now.toISOString(),
        },
        { moderation: false, maxLinks: config.maxLinks, akismet: app.maoni.akismet, checkers: config.spamCheckers }
      );

      const result = await store.createComment({
        threadId: thread,
        parentId: input.parentId,
        body: input.body,
        author,
        clientKey: viewer,
        idempotencyKey,
        createdAt,
        moderation: config.moderation && request.account === null,
        held: verdict.status === 'published' ? null : { status: verdict.status, heldFor: verdict.heldFor! },
        marks,
      });
      if ('parentNotFound' in result) {
        throw notFound('The comment being replied to does not exist in this thread.');
      }
      // Pending comments are the author's alone until approved: no broadcast.
      if (result.created && result.row.status === 'published') {
        events.broadcast(thread, 'created', present(result.row, null));
      }
      // Spam is answered like a success (a bot learns nothing): as published, or as pending
      // where first comments wait anyway.
      const shown = result.row.status === 'spam' ? { ...result.row, status: config.moderation ? ('pending' as const) : ('published' as const) } : result.row;
      return reply.code(result.created ? 201 : 200).send(present(shown, viewer));
    }
  );
}
