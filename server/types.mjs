// @ts-check
// Shared JSDoc types of the request handlers. No runtime code.

/**
 * What every handler may use; one set per app, so two apps in one process share nothing.
 * @typedef {{
 *   store: import('./db.mjs').Store,
 *   events: import('./sse.mjs').EventHub,
 *   limiter: ReturnType<typeof import('./rate-limit.mjs').createRateLimiter>,
 *   present: import('./present.mjs').Present,
 *   config: import('./options.mjs').Config,
 * }} Services
 */

/**
 * One request, with its route parameters already validated.
 * @typedef {{
 *   req: import('node:http').IncomingMessage,
 *   res: import('node:http').ServerResponse,
 *   thread: string,
 *   commentId: string,
 *   query: URLSearchParams,
 *   viewer: string | null,
 *   ip: string,
 * }} RequestContext
 * `thread` and `commentId` are '' on routes without them.
 */

/**
 * A handler answers with a status and a JSON body, or with nothing when it wrote the response
 * itself (the event stream).
 * @typedef {(context: RequestContext, services: Services) =>
 *   { status: number, body: unknown } | void | Promise<{ status: number, body: unknown } | void>} Handler
 */

export {};
