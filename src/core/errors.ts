/** The one error type of the adapter contract (re-exported by adapters/adapter.ts), and aborts. */

export type AdapterErrorCode =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'validation'
  | 'unknown';

const errorCodes: ReadonlySet<string> = new Set<AdapterErrorCode>([
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'validation',
  'unknown',
]);

/** The one error type adapters throw. The elements map each `code` to a localized message. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  /** Seconds to wait before trying again (rate limits). */
  readonly retryAfter?: number;
  /**
   * Which of several causes of one code, where the reader is told something else: `banned`
   * (forbidden), `sign-in-expired` / `sign-in-invalid` (unauthorized: the site's sign-in token).
   */
  readonly reason?: string;

  constructor(
    code: AdapterErrorCode,
    message?: string,
    options: { retryAfter?: number; cause?: unknown; reason?: string } = {}
  ) {
    super(message ?? code);
    this.code = code;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.reason) this.reason = options.reason;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  /**
   * Any thrown value as an AdapterError, so custom adapters that throw plain errors (or strings)
   * still produce a known code. An `AbortError` stays recognisable through `isAbort`.
   */
  static from(error: unknown): AdapterError {
    if (error instanceof AdapterError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && errorCodes.has(code)) {
      return new AdapterError(code as AdapterErrorCode, String((error as Error).message ?? code), {
        cause: error,
      });
    }
    if (error instanceof TypeError) {
      // fetch() rejects with a TypeError when the network is unreachable.
      return new AdapterError('network', error.message, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new AdapterError('unknown', message, { cause: error });
  }
}

/** True for the rejection of an aborted operation: it is expected and never shown. */
export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** The reason an aborted signal carries, as a DOMException named AbortError. */
export function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
