// maoni-server as a library: the app to mount in another server, its options, and the store.
export { createApp, type MaoniApp } from './http/app.js';
export type { AppOptions, RateLimitOptions } from './options.js';
export { openStore, type Store } from './store/open.js';
export type { CommentRow, ImportedComment } from './store/comments.js';
export { HttpError, type ErrorCode } from './errors.js';
export { readConfig, helpText, ENV_VARS, ConfigError, type ServerConfig } from './config.js';
