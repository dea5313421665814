// @ts-check
// GET /api/counts?thread=a&thread=b: published comments per thread, for many <comment-count>s in
// one request.
import { parseCountsQuery } from '../validate.mjs';

/** @type {import('../types.mjs').Handler} */
export function getCounts({ query }, { store }) {
  const counts = store.counts(parseCountsQuery(query));
  // fromEntries makes own properties, so a thread named "__proto__" is counted, not lost.
  return { status: 200, body: { counts: Object.fromEntries(counts) } };
}
