// @ts-check
// GET /api/threads/{thread}/events: the thread's changes as Server-Sent Events.

/** @type {import('../types.mjs').Handler} */
export function streamEvents({ req, res, thread }, { events }) {
  events.open(thread, req, res);
}
