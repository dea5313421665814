/**
 * maoni's public API, free of side effects: importing it registers no element.
 * Import `maoni/define` (or load `dist/maoni.js`) to register the elements.
 */
export { CommentThread } from './components/comment-thread/comment-thread.js';
export { CommentItem } from './components/comment-item/comment-item.js';
export { CommentForm } from './components/comment-form/comment-form.js';
export { CommentCount } from './components/comment-count/comment-count.js';
export { AdapterError } from './adapters/adapter.js';
export type {
  AdapterErrorCode,
  Comment,
  CommentAdapter,
  CommentAuthor,
  CommentSort,
  CommentStatus,
  AuthorFields,
  CallOptions,
  EditInput,
  ListOptions,
  ReactOptions,
  ThreadEvent,
  ListResult,
  NewComment,
  PostOptions,
  Viewer,
  ViewerRole,
  ModerationAction,
} from './adapters/adapter.js';
export { MemoryAdapter } from './adapters/memory.js';
export type { MemoryAdapterOptions, MemoryOperation } from './adapters/memory.js';
export { LocalStorageAdapter } from './adapters/local-storage.js';
export type { LocalStorageAdapterOptions } from './adapters/local-storage.js';
export { RestAdapter } from './adapters/rest.js';
export type { RestAdapterOptions } from './adapters/rest.js';
export {
  CommentCreatedEvent,
  CommentErrorEvent,
  CommentLoadedEvent,
  CommentSubmitEvent,
} from './events.js';
export type {
  CommentCreatedDetail,
  CommentErrorDetail,
  CommentLoadedDetail,
  CommentSubmitDetail,
} from './events.js';
export { shippedLocales } from './i18n/locales.js';
