// The command line's configuration: every environment variable in one typed place, read and
// checked once at start, so a typo in a deployment fails with a clear message instead of running
// with a silently odd configuration.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  host: string;
  port: number;
  dbPath: string;
  moderation: boolean;
  corsOrigins: string[];
  trustProxy: boolean;
  /** The repository checkout whose demo/ and dist/ are served, or null when there is none. */
  demoRoot: string | null;
  /**
   * The folder whose admin/ (and demo/, in a checkout) and dist/ are served: the checkout, else
   * the moderation page bundled into the package; null when there is neither.
   */
  pagesRoot: string | null;
  publicUrl: string | null;
  owner: { email: string; password: string } | null;
  maxLinks: number;
  akismet: { key: string; url?: string } | null;
  ssoSecret: string | null;
  secret: string | null;
}

/** A configuration mistake: the message is for the person starting the server. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

interface EnvVar {
  name: string;
  value: string;
  default: string;
  description: string;
}

/** Every variable maoni-server reads, in the order `--help` lists them. */
export const ENV_VARS: readonly EnvVar[] = [
  { name: 'HOST', value: 'address', default: '127.0.0.1', description: 'the address to listen on' },
  { name: 'PORT', value: 'number', default: '8787', description: 'the port to listen on (0 picks a free one)' },
  { name: 'MAONI_DB', value: 'file', default: '.data/maoni.sqlite', description: 'the SQLite database file, relative to the current folder; created with its folder' },
  { name: 'MAONI_MODERATION', value: '1', default: 'off', description: "hold first-time commenters' comments as pending, visible only to them" },
  { name: 'MAONI_CORS_ORIGINS', value: 'origins', default: 'none', description: 'comma-separated origins allowed to call the API from other sites, or *' },
  { name: 'MAONI_TRUST_PROXY', value: '1', default: 'off', description: 'take the client address from X-Forwarded-For (behind a reverse proxy)' },
  { name: 'MAONI_PUBLIC_URL', value: 'url', default: 'none', description: 'where readers reach this server (https://comments.example): its origin is trusted for sign-in, https makes the session cookie Secure' },
  { name: 'MAONI_OWNER_EMAIL', value: 'email', default: 'none', description: 'with MAONI_OWNER_PASSWORD: create (or update) this owner account at start' },
  { name: 'MAONI_OWNER_PASSWORD', value: 'password', default: 'none', description: "the owner's password, 8 characters or more (never logged)" },
  { name: 'MAONI_MAX_LINKS', value: 'number', default: '2', description: 'a comment with more links than this waits for a moderator' },
  { name: 'MAONI_AKISMET_KEY', value: 'key', default: 'none', description: 'check new comments with Akismet (or a service speaking its protocol); moderators\' Spam and Approve teach it' },
  { name: 'MAONI_AKISMET_URL', value: 'url', default: 'https://rest.akismet.com/1.1', description: 'the Akismet-protocol endpoint (another service, or a test double)' },
  { name: 'MAONI_SSO_SECRET', value: 'secret', default: 'none', description: "the HS256 secret the host site signs its readers' tokens with, 32 characters or more: their comments show as verified" },
  { name: 'MAONI_SECRET', value: 'secret', default: 'random at each start', description: 'signs the form tokens; give every instance of one site the same, 32 characters or more' },
];

/** `1`/`0` as documented; `true`/`false` too, since that is what people type. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`${name} must be 1 or 0, not "${env[name]}".`);
}

function port(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 8787;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`PORT must be a port number, not "${raw}".`);
  }
  return value;
}

function publicUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = (env.MAONI_PUBLIC_URL ?? '').trim();
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Reported below.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(`MAONI_PUBLIC_URL must be an http(s) URL such as https://comments.example, not "${raw}".`);
  }
  return url.href.replace(/\/+$/, '');
}

function owner(env: NodeJS.ProcessEnv): { email: string; password: string } | null {
  const email = (env.MAONI_OWNER_EMAIL ?? '').trim();
  const password = env.MAONI_OWNER_PASSWORD ?? '';
  if (!email && !password) return null;
  if (!email || !password) throw new ConfigError('MAONI_OWNER_EMAIL and MAONI_OWNER_PASSWORD go together: set both, or neither.');
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ConfigError(`MAONI_OWNER_EMAIL must be an e-mail address, not "${email}".`);
  if (password.length < 8) throw new ConfigError('MAONI_OWNER_PASSWORD must have 8 characters or more.');
  return { email, password };
}

function maxLinks(env: NodeJS.ProcessEnv): number {
  const raw = (env.MAONI_MAX_LINKS ?? '').trim();
  if (raw === '') return 2;
  if (!/^\d{1,4}$/.test(raw)) throw new ConfigError(`MAONI_MAX_LINKS must be a whole number (0 holds every comment with a link), not "${env.MAONI_MAX_LINKS}".`);
  return Number(raw);
}

function akismet(env: NodeJS.ProcessEnv): { key: string; url?: string } | null {
  const key = (env.MAONI_AKISMET_KEY ?? '').trim();
  const raw = (env.MAONI_AKISMET_URL ?? '').trim();
  if (!key) {
    if (raw) throw new ConfigError('MAONI_AKISMET_URL is set but MAONI_AKISMET_KEY is not: the service needs its key.');
    return null;
  }
  if (!raw) return { key };
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Reported below.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new ConfigError(`MAONI_AKISMET_URL must be an http(s) URL, not "${raw}".`);
  return { key, url: raw };
}

/** A secret of 32 characters or more, or null when unset. */
function secret(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name] ?? '';
  if (value === '') return null;
  if (value.length < 32) throw new ConfigError(`${name} must have 32 characters or more (a short secret can be guessed); for example: openssl rand -base64 32`);
  return value;
}

function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const origins = (env.MAONI_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      // Reported below.
    }
    const bare = url && (url.protocol === 'http:' || url.protocol === 'https:') && origin.replace(/\/+$/, '') === url.origin;
    if (!bare) {
      throw new ConfigError(`MAONI_CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], e.g. https://blog.example).`);
    }
  }
  return origins;
}

/**
 * The repository this package sits in (server/ inside maoni), when it has the demo: then the
 * demo pages and the built widget are served beside the API, as `npm start` does.
 */
export function findDemoRoot(): string | null {
  const repository = dirname(resolve(packageRoot()));
  return existsSync(join(repository, 'demo', 'index.html')) ? repository : null;
}

/** The moderation page `npm pack` bundled into the package (src/pages/bundle-admin.ts). */
export function findBundledPages(): string | null {
  const pages = join(packageRoot(), 'public');
  return existsSync(join(pages, 'admin', 'index.html')) ? pages : null;
}

function packageRoot(): string {
  // This file is dist/src/config.js inside the package.
  return fileURLToPath(new URL('../..', import.meta.url));
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  const demoRoot = findDemoRoot();
  return {
    host,
    port: port(env),
    dbPath: resolve(cwd, env.MAONI_DB || join('.data', 'maoni.sqlite')),
    moderation: flag(env, 'MAONI_MODERATION'),
    corsOrigins: corsOrigins(env),
    trustProxy: flag(env, 'MAONI_TRUST_PROXY'),
    demoRoot,
    pagesRoot: demoRoot ?? findBundledPages(),
    publicUrl: publicUrl(env),
    owner: owner(env),
    maxLinks: maxLinks(env),
    akismet: akismet(env),
    ssoSecret: secret(env, 'MAONI_SSO_SECRET'),
    secret: secret(env, 'MAONI_SECRET'),
  };
}

export function helpText(version: string): string {
  const width = Math.max(...ENV_VARS.map((v) => `${v.name}=${v.value}`.length));
  const rows = ENV_VARS.map((v) => `  ${`${v.name}=${v.value}`.padEnd(width)}  ${v.description} (default: ${v.default})`);
  return [
    `maoni-server ${version}: the maoni comments API under /api/ (OpenAPI at /api/openapi.json),`,
    'the moderation page at /admin/, and the demo pages when run from a maoni repository checkout.',
    '',
    'Usage: maoni-server [--help] [--version]        run the server',
    '       maoni-server user add EMAIL [--role owner|moderator] [--password-stdin]',
    '                                                 create an account (or set its role and password);',
    '                                                 asks for the password twice, or reads one line from stdin',
    '',
    'Configuration comes from the environment:',
    ...rows,
    '',
    'Stops cleanly on SIGTERM and SIGINT.',
  ].join('\n');
}
