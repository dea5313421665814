// @ts-check
// GET /api/config: what this backend supports, so the RestAdapter can expose the capabilities.
import { REACTIONS, SORTS } from '../validate.mjs';

/** @type {import('../types.mjs').Handler} */
export function getConfig(_context, { config }) {
  return {
    status: 200,
    body: {
      sorts: SORTS,
      reactions: REACTIONS,
      authorFields: { email: 'optional', url: 'optional' },
      editWindowSeconds: config.editWindowSeconds,
      maxBodyLength: config.maxBodyLength,
      moderation: config.moderation,
    },
  };
}
