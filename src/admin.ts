/**
 * The moderation page's bundle (`dist/admin.js`): registers `<comment-moderation>` — only if the
 * page has not defined it yet, like src/define.ts — and exports the element and the client of the
 * reference server's moderation API. Built on its own (rollup.config.mjs), so nothing of it lands
 * in the widget's bundle or its locale chunks.
 */
import { CommentModeration } from './components/comment-moderation/comment-moderation.js';

if (!customElements.get('comment-moderation')) customElements.define('comment-moderation', CommentModeration);

export { CommentModeration };
export { RestModerationClient } from './components/comment-moderation/moderation-client.js';
export type {
  HeldReason,
  LoggedAction,
  ModeratedComment,
  ModerationBan,
  ModerationClient,
  ModerationCounts,
  ModerationListOptions,
  ModerationLogEntry,
  ModerationLogPage,
  ModerationPage,
  ModerationSession,
  ModerationStatus,
  RestModerationClientOptions,
} from './components/comment-moderation/moderation-client.js';
export { ModerationActionEvent, ModerationErrorEvent } from './components/comment-moderation/moderation-events.js';
export type { ModerationActionDetail, ModerationErrorDetail } from './components/comment-moderation/moderation-events.js';
