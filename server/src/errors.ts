// The one error type the server throws. Every code is one the RestAdapter maps to an AdapterError
// code (src/adapters/adapter.ts at the repository root), so a client never guesses from a status.

export type ErrorCode =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'validation'
  | 'unknown';

/** Which of several causes of one code (the widget words each its own way). */
export type ErrorReason = 'banned' | 'sign-in-expired' | 'sign-in-invalid' | 'sign-in-unsupported';

export interface HttpErrorExtra {
  retryAfter?: number;
  reason?: ErrorReason;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly retryAfter: number | undefined;
  readonly reason: ErrorReason | undefined;
  readonly headers: Record<string, string>;

  /** @param message Shown to API clients: it must never contain internals. */
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    extra: HttpErrorExtra = {}
  ) {
    super(message);
    this.retryAfter = extra.retryAfter;
    this.reason = extra.reason;
    this.headers = extra.headers ?? {};
  }
}

export const validationError = (message: string) => new HttpError(400, 'validation', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const shuttingDown = () => new HttpError(503, 'unknown', 'The server is shutting down.');
