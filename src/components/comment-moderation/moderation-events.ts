/**
 * The events `<comment-moderation>` dispatches. Both bubble and are composed, like the widget's.
 */
import type { AdapterError } from '../../core/errors.js';
import type { LoggedAction, ModeratedComment } from './moderation-client.js';

export interface ModerationActionDetail {
  /** The comment as the server returned it (for `ban`, as it was shown). */
  comment: ModeratedComment;
  action: LoggedAction;
}

/** After the server confirmed an action on one comment (a bulk action sends one per comment). */
export class ModerationActionEvent extends CustomEvent<ModerationActionDetail> {
  static readonly type = 'moderation-action';
  constructor(detail: ModerationActionDetail) {
    super(ModerationActionEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface ModerationErrorDetail {
  /** What failed: signing in or out, loading the queue or the log, or an action on a comment. */
  operation: 'sign-in' | 'sign-out' | 'session' | 'list' | 'log' | LoggedAction;
  error: AdapterError;
  /** The comment the action was for. */
  commentId?: string;
}

/** A call failed. The page shows the error too; this is for the site's own handling. */
export class ModerationErrorEvent extends CustomEvent<ModerationErrorDetail> {
  static readonly type = 'moderation-error';
  constructor(detail: ModerationErrorDetail) {
    super(ModerationErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'moderation-action': ModerationActionEvent;
    'moderation-error': ModerationErrorEvent;
  }
}
