// @ts-check
// The API's routes: path patterns under /api/ and their handlers per method. Path segments are
// split before decoding, so an encoded "/" inside a thread id stays part of that one segment.
import { getConfig } from './handlers/config.mjs';
import { getCounts } from './handlers/counts.mjs';
import { listComments } from './handlers/list.mjs';
import { postComment } from './handlers/post.mjs';
import { editComment } from './handlers/edit.mjs';
import { deleteComment } from './handlers/delete.mjs';
import { reactToComment } from './handlers/react.mjs';
import { streamEvents } from './handlers/events.mjs';

/** @typedef {import('./types.mjs').Handler} Handler */

/** `:thread` and `:comment` capture one raw segment each. */
/** @type {{ pattern: string[], methods: Record<string, Handler> }[]} */
export const routes = [
  { pattern: ['config'], methods: { GET: getConfig } },
  { pattern: ['counts'], methods: { GET: getCounts } },
  { pattern: ['threads', ':thread', 'comments'], methods: { GET: listComments, POST: postComment } },
  {
    pattern: ['threads', ':thread', 'comments', ':comment'],
    methods: { PATCH: editComment, DELETE: deleteComment },
  },
  { pattern: ['threads', ':thread', 'comments', ':comment', 'reactions'], methods: { POST: reactToComment } },
  { pattern: ['threads', ':thread', 'events'], methods: { GET: streamEvents } },
];

/**
 * @param {string[]} segments The raw path segments after /api/.
 * @returns {{ methods: Record<string, Handler>, params: Record<string, string> } | null}
 */
export function matchRoute(segments) {
  for (const { pattern, methods } of routes) {
    if (pattern.length !== segments.length) continue;
    /** @type {Record<string, string>} */
    const params = {};
    const matches = pattern.every((part, index) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[index];
        return segments[index] !== '';
      }
      return part === segments[index];
    });
    if (matches) return { methods, params };
  }
  return null;
}
