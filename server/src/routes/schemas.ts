// The JSON schemas the routes share: path parameters, the client key header, and the response
// shapes. They validate requests (with today's messages, in `errorMessage`), serialize responses,
// and are the OpenAPI document (`GET /api/openapi.json`), all at once.
import type { FastifyInstance } from 'fastify';

/** No C0 or C1 control characters. */
const NO_CONTROLS = '^[^\\u0000-\\u001f\\u007f-\\u009f]*$';

export const threadIdSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  pattern: NO_CONTROLS,
  description:
    'The thread id, URL-encoded as ONE path segment (`blog/social-media-roi` → `blog%2Fsocial-media-roi`); 1 to 200 characters, no control characters.',
  errorMessage: {
    minLength: 'A thread id must be 1 to 200 characters long.',
    maxLength: 'A thread id must be 1 to 200 characters long.',
    pattern: 'A thread id must not contain control characters.',
  },
} as const;

export const commentIdSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  pattern: NO_CONTROLS,
  description: 'An opaque comment id.',
  errorMessage: 'The comment id must be a string of 1 to 128 characters.',
} as const;

export const threadParams = {
  type: 'object',
  required: ['threadId'],
  properties: { threadId: threadIdSchema },
} as const;

export const commentParams = {
  type: 'object',
  required: ['threadId', 'commentId'],
  properties: { threadId: threadIdSchema, commentId: commentIdSchema },
} as const;

export const clientKeyHeader = {
  'x-maoni-client': {
    type: 'string',
    // Empty is the same as absent: an anonymous reader.
    pattern: '^([A-Za-z0-9_-]{16,128})?$',
    description:
      'The anonymous per-browser key: ownership (`can`), the viewer\'s reactions and pending comments, rate limiting. Malformed keys are a 400 on every route.',
  },
} as const;

export interface ThreadParams {
  threadId: string;
}
export interface CommentParams extends ThreadParams {
  commentId: string;
}

/** An error answer; a `4xx`/`5xx` response of every route. */
const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Every error. Never contains a stack trace.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: ['network', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'validation', 'unknown'],
        },
        message: { type: 'string', description: 'For people; says what was wrong.' },
        retryAfter: { type: 'integer', description: 'Seconds to wait (429 only; also the Retry-After header).' },
        reason: {
          type: 'string',
          enum: ['banned', 'sign-in-expired', 'sign-in-invalid', 'sign-in-unsupported'],
          description: 'Which of several causes of one code, where the widget says something different for each: a banned author (403), a host-site sign-in token that expired, could not be checked, or that this server does not accept (401).',
        },
      },
    },
  },
} as const;

const commentSchema = {
  $id: 'Comment',
  type: 'object',
  description: 'A comment as the widget shows it (the Comment of src/adapters/adapter.ts).',
  required: ['id', 'parentId', 'author', 'body', 'createdAt', 'status', 'replyCount', 'score', 'reactions', 'viewerReactions', 'can'],
  properties: {
    id: { type: 'string' },
    parentId: { type: ['string', 'null'], description: 'null for a top-level comment.' },
    author: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', description: 'Empty for a deleted comment. For a verified author, the name the host site signed.' },
        url: { type: 'string' },
        id: { type: 'string', description: 'Only for a reader the host site signed in: the `sub` of its token.' },
        verified: { type: 'boolean', enum: [true], description: 'Only for a reader the host site signed in (SSO): the site vouches for the name.' },
      },
    },
    body: { type: 'string', description: 'Plain text with the widget\'s small markdown subset; never HTML. Empty when deleted.' },
    createdAt: { type: 'string', format: 'date-time' },
    editedAt: { type: 'string', format: 'date-time', description: 'Only after an edit.' },
    status: { type: 'string', enum: ['published', 'pending', 'spam', 'deleted'] },
    replyCount: { type: 'integer', description: 'Direct replies this viewer can see.' },
    score: { type: 'integer', description: 'up − down.' },
    reactions: {
      type: 'object',
      required: ['up', 'down'],
      properties: { up: { type: 'integer' }, down: { type: 'integer' } },
    },
    viewerReactions: { type: 'array', items: { type: 'string', enum: ['up', 'down'] }, description: 'This client\'s own reaction.' },
    can: {
      type: 'object',
      required: ['edit', 'delete'],
      properties: {
        edit: { type: 'boolean', description: 'The author, within the edit window.' },
        delete: { type: 'boolean', description: 'The author.' },
      },
    },
  },
} as const;

const commentPageSchema = {
  $id: 'CommentPage',
  type: 'object',
  required: ['comments', 'nextCursor', 'total'],
  properties: {
    comments: { type: 'array', items: { $ref: 'Comment#' }, description: 'The page, then its inline replies.' },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' },
    total: { type: 'integer', description: 'Every comment of the thread this viewer can see, all levels.' },
  },
} as const;

const configSchema = {
  $id: 'Config',
  type: 'object',
  required: ['sorts', 'reactions', 'authorFields', 'editWindowSeconds', 'maxBodyLength', 'moderation', 'formToken', 'viewer'],
  properties: {
    sorts: { type: 'array', items: { type: 'string', enum: ['oldest', 'newest', 'top'] } },
    reactions: { type: 'array', items: { type: 'string', enum: ['up', 'down'] } },
    authorFields: {
      type: 'object',
      required: ['email', 'url'],
      properties: { email: { type: 'string', enum: ['optional'] }, url: { type: 'string', enum: ['optional'] } },
    },
    editWindowSeconds: { type: 'integer' },
    maxBodyLength: { type: 'integer', description: 'In characters (code points), after line endings are normalized.' },
    moderation: { type: 'boolean', description: 'First-time commenters\' comments wait as pending.' },
    formToken: { type: 'string', description: 'Send back as `formToken` with a new comment: a submit sooner than a person could write one is held for review.' },
    viewer: {
      type: ['object', 'null'],
      description: 'Who the server takes this browser for: a signed-in owner or moderator (session cookie), a reader the host site signed in (`Authorization: Bearer`, role reader, verified), else null.',
      required: ['id', 'name', 'role'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', enum: ['reader', 'moderator', 'owner'] },
        verified: { type: 'boolean' },
        avatarUrl: { type: 'string' },
      },
    },
  },
} as const;

const countsSchema = {
  $id: 'Counts',
  type: 'object',
  required: ['counts'],
  properties: {
    counts: {
      type: 'object',
      additionalProperties: { type: 'integer' },
      description: 'Published comments (all levels) per requested thread; 0 for unknown threads.',
    },
  },
} as const;

/** Registers the shared schemas; routes refer to them as `{ $ref: 'Comment#' }`. */
export function addSharedSchemas(app: FastifyInstance): void {
  for (const schema of [errorSchema, commentSchema, commentPageSchema, configSchema, countsSchema]) app.addSchema(schema);
}

export const ref = (id: 'Comment' | 'CommentPage' | 'Config' | 'Counts' | 'Error') => ({ $ref: `${id}#` }) as const;

/** The error responses every route may give. */
export const errorResponses = {
  '4xx': { description: 'A request the server refuses (validation, not found, forbidden, rate limited, …).', ...ref('Error') },
  '5xx': { description: 'Shutting down (503) or an internal error (500).', ...ref('Error') },
} as const;
