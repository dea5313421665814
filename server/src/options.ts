// createApp's options: defaults filled in and every value checked once, at startup, so a typo in
// an embedding fails loudly instead of running with a silently odd configuration. (The command
// line's environment variables are read in config.ts and turned into these.)
import type { SignInLimits } from './auth/sign-in-limit.js';
import type { SpamChecker } from './spam/screen.js';

export interface RateLimitOptions {
  posts: number;
  perSeconds: number;
}

export interface Logger {
  error(...args: unknown[]): void;
}

export interface AppOptions {
  /** A file path, or ':memory:'. */
  dbPath: string;
  moderation?: boolean;
  editWindowSeconds?: number;
  maxBodyLength?: number;
  /** `false` switches the post limit off. */
  rateLimit?: RateLimitOptions | false;
  corsOrigins?: string[];
  now?: () => Date;
  trustProxy?: boolean;
  /** Default 25 s; exists for tests. */
  pingIntervalMs?: number;
  /** Default `console`; exists for tests and embedding. */
  logger?: Logger;
  /**
   * A folder whose `demo/` and `dist/` are served (the repository, for the demo). Absent: the app
   * answers /api/ only.
   */
  staticRoot?: string | null;
  /** Where the site reaches this server (MAONI_PUBLIC_URL): its origin is trusted, https makes cookies Secure. */
  publicUrl?: string | null;
  /** An owner account created, or updated, at start (MAONI_OWNER_EMAIL + MAONI_OWNER_PASSWORD). */
  owner?: { email: string; password: string } | null;
  /** Sign-in failures allowed (tests lower them). */
  signInLimits?: SignInLimits;
  /** More links than this holds a comment for review (MAONI_MAX_LINKS). Default 2. */
  maxLinks?: number;
  /** An Akismet-protocol spam check (MAONI_AKISMET_KEY, MAONI_AKISMET_URL). */
  akismet?: { key: string; url?: string; timeoutMs?: number } | null;
  /** A site's own checks, after the built-in ones (screen.ts). */
  spamCheckers?: SpamChecker[];
  /** A submit sooner than this after the form's token was issued is held. Default 3 s. */
  minSubmitSeconds?: number;
  /** Signs form tokens; share it between instances of one site. Default: random per process. */
  secret?: string | null;
  /** The HS256 secret the host site signs its readers' tokens with (MAONI_SSO_SECRET); null: no SSO. */
  ssoSecret?: string | null;
}

export interface AppConfig {
  dbPath: string;
  moderation: boolean;
  editWindowSeconds: number;
  maxBodyLength: number;
  rateLimit: RateLimitOptions | false;
  corsOrigins: string[];
  now: () => Date;
  trustProxy: boolean;
  pingIntervalMs: number;
  logger: Logger;
  staticRoot: string | null;
  publicUrl: string | null;
  owner: { email: string; password: string } | null;
  signInLimits: SignInLimits;
  maxLinks: number;
  akismet: { key: string; url?: string; timeoutMs?: number } | null;
  spamCheckers: SpamChecker[];
  minSubmitSeconds: number;
  secret: string | null;
  ssoSecret: string | null;
}

const check = (ok: boolean, message: string) => {
  if (!ok) throw new TypeError(`maoni createApp: ${message}`);
};

export function resolveOptions(options: AppOptions): AppConfig {
  check(typeof options === 'object' && options !== null, 'options must be an object.');
  const {
    dbPath,
    moderation = false,
    editWindowSeconds = 900,
    maxBodyLength = 10000,
    rateLimit = { posts: 5, perSeconds: 60 },
    corsOrigins = [],
    now = () => new Date(),
    trustProxy = false,
    pingIntervalMs = 25000,
    logger = console,
    staticRoot = null,
    publicUrl = null,
    owner = null,
    signInLimits = {},
    maxLinks = 2,
    akismet = null,
    spamCheckers = [],
    minSubmitSeconds = 3,
    secret = null,
    ssoSecret = null,
  } = options;
  // HS256 with a short secret can be guessed offline from one token.
  check(ssoSecret === null || (typeof ssoSecret === 'string' && ssoSecret.length >= 32), 'ssoSecret must be null or a string of 32 characters or more.');
  check(Number.isInteger(maxLinks) && maxLinks >= 0, 'maxLinks must be a whole number >= 0.');
  check(akismet === null || (typeof akismet?.key === 'string' && akismet.key !== ''), 'akismet must be null or { key, url? }.');
  check(Array.isArray(spamCheckers) && spamCheckers.every((checker) => typeof checker?.check === 'function'), 'spamCheckers must be checkers with a check method.');
  check(Number.isFinite(minSubmitSeconds) && minSubmitSeconds >= 0, 'minSubmitSeconds must be >= 0.');
  check(typeof dbPath === 'string' && dbPath !== '', 'dbPath must be a file path or ":memory:".');
  check(typeof moderation === 'boolean', 'moderation must be a boolean.');
  check(Number.isFinite(editWindowSeconds) && editWindowSeconds >= 0, 'editWindowSeconds must be >= 0.');
  check(Number.isInteger(maxBodyLength) && maxBodyLength > 0, 'maxBodyLength must be a positive integer.');
  check(
    rateLimit === false ||
      (typeof rateLimit === 'object' &&
        Number.isInteger(rateLimit?.posts) &&
        rateLimit.posts > 0 &&
        Number.isFinite(rateLimit.perSeconds) &&
        rateLimit.perSeconds > 0),
    'rateLimit must be false or { posts: positive integer, perSeconds: positive number }.'
  );
  check(
    Array.isArray(corsOrigins) && corsOrigins.every((origin) => typeof origin === 'string'),
    'corsOrigins must be an array of origins.'
  );
  check(typeof now === 'function', 'now must be a function returning a Date.');
  check(typeof trustProxy === 'boolean', 'trustProxy must be a boolean.');
  check(Number.isFinite(pingIntervalMs) && pingIntervalMs > 0, 'pingIntervalMs must be > 0.');
  check(typeof logger?.error === 'function', 'logger must have an error method.');
  check(publicUrl === null || /^https?:\/\/[^/]/.test(String(publicUrl)), 'publicUrl must be an http(s) URL or null.');
  check(
    owner === null || (typeof owner?.email === 'string' && owner.email.includes('@') && typeof owner.password === 'string' && owner.password.length >= 8),
    'owner must be null or { email, password of 8 or more characters }.'
  );
  check(staticRoot === null || (typeof staticRoot === 'string' && staticRoot !== ''), 'staticRoot must be a folder or null.');
  return {
    dbPath,
    moderation,
    editWindowSeconds,
    maxBodyLength,
    rateLimit: rateLimit && { posts: rateLimit.posts, perSeconds: rateLimit.perSeconds },
    // Origins compare as the browser sends them: scheme://host[:port], no trailing slash.
    corsOrigins: corsOrigins.map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean),
    now,
    trustProxy,
    pingIntervalMs,
    logger,
    staticRoot,
    publicUrl,
    owner,
    signInLimits,
    maxLinks,
    akismet,
    spamCheckers,
    minSubmitSeconds,
    secret,
    ssoSecret,
  };
}
