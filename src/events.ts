/**
 * The events maoni's elements dispatch. All bubble and are composed, so a page can listen on the
 * element, an ancestor or the document even when the widget sits in another shadow root.
 */
import type { AdapterError, Comment, NewComment } from './adapters/adapter.js';

export interface CommentSubmitDetail {
  threadId: string;
  input: NewComment;
}

/** Before a comment is sent. Cancel it (`preventDefault()`) to stop the post. */
export class CommentSubmitEvent extends CustomEvent<CommentSubmitDetail> {
  static readonly type = 'comment-submit';
  constructor(detail: CommentSubmitDetail) {
    super(CommentSubmitEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface CommentCreatedDetail {
  threadId: string;
  comment: Comment;
}

/** After the adapter confirmed a new comment. */
export class CommentCreatedEvent extends CustomEvent<CommentCreatedDetail> {
  static readonly type = 'comment-created';
  constructor(detail: CommentCreatedDetail) {
    super(CommentCreatedEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface CommentErrorDetail {
  threadId: string;
  /**
   * What failed: loading the thread (`list`), loading more comments or replies (`more`), posting,
   * or changing a comment (`edit`, `delete`, `react`).
   */
  operation: 'list' | 'more' | 'post' | 'edit' | 'delete' | 'react' | 'moderate';
  error: AdapterError;
}

/** A load or post failed. The widget also shows the error; this is for the page's own handling. */
export class CommentErrorEvent extends CustomEvent<CommentErrorDetail> {
  static readonly type = 'comment-error';
  constructor(detail: CommentErrorDetail) {
    super(CommentErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface CommentLoadedDetail {
  threadId: string;
  /** How many comments are shown. */
  count: number;
  total: number;
}

/** The thread's comments were loaded and rendered. */
export class CommentLoadedEvent extends CustomEvent<CommentLoadedDetail> {
  static readonly type = 'comment-loaded';
  constructor(detail: CommentLoadedDetail) {
    super(CommentLoadedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-submit': CommentSubmitEvent;
    'comment-created': CommentCreatedEvent;
    'comment-error': CommentErrorEvent;
    'comment-loaded': CommentLoadedEvent;
  }
  interface HTMLElementEventMap {
    'comment-submit': CommentSubmitEvent;
    'comment-created': CommentCreatedEvent;
    'comment-error': CommentErrorEvent;
    'comment-loaded': CommentLoadedEvent;
  }
}
