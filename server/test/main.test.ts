// The real command line, `maoni-server` (bin/maoni-server.js, running the compiled dist/), as a
// child process: it prints where it listens, serves the API and the demo on one port, exits 0 on
// SIGTERM and SIGINT even with an event stream open, and explains its configuration.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV_VARS } from '../src/config.js';
import { openStore } from '../src/store/open.js';
import { openEventStream } from '../testing/helpers.js';

// From dist/test/ back to the package's bin/.
const main = fileURLToPath(new URL('../../bin/maoni-server.js', import.meta.url));

/** Starts maoni-server on a free loopback port; resolves once it printed its address. */
async function startMain(dbPath: string) {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', MAONI_DB: dbPath, MAONI_CORS_ORIGINS: 'https://a.example, https://b.example' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`maoni-server did not start: ${output}`)), 10_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /demo: (http:\/\/127\.0\.0\.1:\d+)\/demo\//.exec(output);
      if (match && output.includes('database:')) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`maoni-server exited with ${code}: ${output}`)));
  });
  /** Resolves with the exit code (or signal). */
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, origin, exited, output: () => output };
}

async function within(promise: Promise<unknown>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('maoni-server', { timeout: 60_000 }, () => {
  test('serves API and demo, prints its addresses, exits 0 on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-main-'));
    const dbPath = join(dir, 'data', 'maoni.sqlite');
    const server = await startMain(dbPath);
    try {
      assert.match(server.output(), /maoni API: {2}http:\/\/127\.0\.0\.1:\d+\/api\//);
      assert.ok(server.output().includes(`database:   ${dbPath}`));
      assert.ok((await stat(dbPath)).isFile(), 'the database file and its folder were created');

      const config = await fetch(`${server.origin}/api/config`, { signal: AbortSignal.timeout(5000) });
      assert.equal(config.status, 200);
      assert.equal(((await config.json()) as any).moderation, false);
      const cors = await fetch(`${server.origin}/api/config`, { headers: { origin: 'https://b.example' } });
      assert.equal(cors.headers.get('access-control-allow-origin'), 'https://b.example');

      const root = await fetch(`${server.origin}/`, { redirect: 'manual' });
      assert.equal(root.status, 302);
      assert.equal(root.headers.get('location'), '/demo/');
      const folder = await fetch(`${server.origin}/demo`, { redirect: 'manual' });
      assert.equal(folder.status, 301);
      assert.equal(folder.headers.get('location'), '/demo/');
      const script = await fetch(`${server.origin}/demo/main.js`);
      assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(script.headers.get('cache-control'), 'no-store');
      const demo = await fetch(`${server.origin}/demo/`);
      assert.equal(demo.status, 200);
      assert.equal(demo.headers.get('content-type'), 'text/html; charset=utf-8');
      for (const path of ['/package.json', '/demo/../package.json', '/demo/%2e%2e/package.json', '/server/package.json', '/.data/maoni.sqlite']) {
        assert.equal((await fetch(server.origin + path)).status, 404, path);
      }

      // An open event stream must not keep the server from stopping.
      const stream = await openEventStream(`${server.origin}/api/threads/t/events`);
      await stream.next((f) => f.retry !== null);
      server.child.kill('SIGTERM');
      assert.equal(await within(server.exited, 10_000), 0);
      assert.equal(await stream.waitForEnd(3000), true);
    } finally {
      server.child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('exits 0 on SIGINT, and the data is there after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-main-'));
    const dbPath = join(dir, 'maoni.sqlite');
    const post = (origin: string) =>
      fetch(`${origin}/api/threads/main/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'main-test-key' },
        body: JSON.stringify({ parentId: null, body: 'survives', author: { name: 'A' } }),
        signal: AbortSignal.timeout(5000),
      });
    const first = await startMain(dbPath);
    try {
      assert.equal((await post(first.origin)).status, 201);
      first.child.kill('SIGINT');
      assert.equal(await within(first.exited, 10_000), 0);
    } finally {
      first.child.kill('SIGKILL');
    }
    const second = await startMain(dbPath);
    try {
      const list = await fetch(`${second.origin}/api/threads/main/comments`);
      const json = (await list.json()) as any;
      assert.deepEqual(
        json.comments.map((c: any) => c.body),
        ['survives']
      );
      // Same key after the restart: the same comment.
      assert.equal((await post(second.origin)).status, 200);
      second.child.kill('SIGTERM');
      assert.equal(await within(second.exited, 10_000), 0);
    } finally {
      second.child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Runs maoni-server to its end; resolves with its exit code and output. `input` goes to its stdin. */
function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = spawn(process.execPath, [main, ...args], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin!.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return within(
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.once('exit', (code) => resolve({ code, stdout, stderr }))
    ),
    10_000
  ).finally(() => child.kill('SIGKILL')) as Promise<{ code: number | null; stdout: string; stderr: string }>;
}

describe('maoni-server command line', { timeout: 60_000 }, () => {
  test('--help lists every environment variable it reads, with its default', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^maoni-server \d+\.\d+\.\d+/);
    const names = ['HOST', 'PORT', 'MAONI_DB', 'MAONI_MODERATION', 'MAONI_CORS_ORIGINS', 'MAONI_TRUST_PROXY', 'MAONI_PUBLIC_URL', 'MAONI_OWNER_EMAIL', 'MAONI_OWNER_PASSWORD', 'MAONI_MAX_LINKS', 'MAONI_AKISMET_KEY', 'MAONI_AKISMET_URL', 'MAONI_SSO_SECRET', 'MAONI_SECRET'];
    assert.deepEqual(ENV_VARS.map((v) => v.name), names);
    for (const variable of ENV_VARS) {
      assert.match(stdout, new RegExp(`^  ${variable.name}=\\S+ +.+\\(default: ${variable.default.replace(/[.*]/g, '\\$&')}\\)$`, 'm'), variable.name);
    }
    // -h is the same.
    assert.equal((await run(['-h'])).stdout, stdout);
  });

  test('--version prints the package version', async () => {
    const { code, stdout } = await run(['--version']);
    assert.equal(code, 0);
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(stdout.trim(), manifest.version);
  });

  test('an unknown option or an argument is a usage error: exit 2, and a pointer to --help', async () => {
    for (const args of [['--port', '80'], ['serve'], ['-x']]) {
      const { code, stderr, stdout } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^maoni-server: .+ See maoni-server --help\.$/m, args.join(' '));
      assert.equal(stdout, '');
    }
  });

  test('a bad PORT, flag or origin fails at start with a clear message and exit 1', async () => {
    for (const [env, message] of [
      [{ PORT: 'eighty' }, /^maoni: PORT must be a port number, not "eighty"\.$/m],
      [{ PORT: '65536' }, /^maoni: PORT must be a port number, not "65536"\.$/m],
      [{ PORT: '-1' }, /^maoni: PORT must be a port number, not "-1"\.$/m],
      [{ MAONI_MODERATION: 'yes' }, /^maoni: MAONI_MODERATION must be 1 or 0, not "yes"\.$/m],
      [{ MAONI_TRUST_PROXY: '2' }, /^maoni: MAONI_TRUST_PROXY must be 1 or 0, not "2"\.$/m],
      [{ MAONI_CORS_ORIGINS: 'https://ok.example, blog.example' }, /^maoni: MAONI_CORS_ORIGINS: "blog\.example" is not an origin/m],
      [{ MAONI_PUBLIC_URL: 'comments.example' }, /^maoni: MAONI_PUBLIC_URL must be an http\(s\) URL/m],
      [{ MAONI_OWNER_EMAIL: 'owner@example.com' }, /^maoni: MAONI_OWNER_EMAIL and MAONI_OWNER_PASSWORD go together/m],
      [{ MAONI_OWNER_EMAIL: 'owner@example.com', MAONI_OWNER_PASSWORD: 'short' }, /^maoni: MAONI_OWNER_PASSWORD must have 8 characters or more\.$/m],
      [{ MAONI_MAX_LINKS: 'two' }, /^maoni: MAONI_MAX_LINKS must be a whole number/m],
      [{ MAONI_AKISMET_URL: 'https://akismet.example' }, /^maoni: MAONI_AKISMET_URL is set but MAONI_AKISMET_KEY is not/m],
      [{ MAONI_AKISMET_KEY: 'k', MAONI_AKISMET_URL: 'akismet.example' }, /^maoni: MAONI_AKISMET_URL must be an http\(s\) URL/m],
      [{ MAONI_SSO_SECRET: 'too short' }, /^maoni: MAONI_SSO_SECRET must have 32 characters or more/m],
      [{ MAONI_SECRET: 'short' }, /^maoni: MAONI_SECRET must have 32 characters or more/m],
    ] as const) {
      const { code, stderr, stdout } = await run([], env);
      assert.equal(code, 1, JSON.stringify(env));
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.equal(stdout, '', 'nothing started');
    }
  });
});

describe('maoni-server user add', { timeout: 60_000 }, () => {
  test('creates an owner from --password-stdin, who can then sign in; the password is never printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-user-'));
    const env = { MAONI_DB: join(dir, 'maoni.sqlite') };
    try {
      const created = await run(['user', 'add', 'Editor@Example.com', '--role', 'moderator', '--password-stdin'], env, 'a long enough secret\n');
      assert.equal(created.code, 0, created.stderr);
      assert.equal(created.stdout.trim(), 'Created moderator editor@example.com.');
      assert.doesNotMatch(created.stdout + created.stderr, /long enough secret/);
      const again = await run(['user', 'add', 'editor@example.com', '--role', 'owner', '--password-stdin'], env, 'another long secret\n');
      assert.match(again.stdout, /^Updated editor@example\.com: now owner/m);
      const store = await openStore(env.MAONI_DB);
      try {
        assert.equal((await store.accounts.checkCredentials('editor@example.com', 'another long secret'))?.role, 'owner');
        assert.equal(await store.accounts.checkCredentials('editor@example.com', 'a long enough secret'), null);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('mistakes are usage errors (exit 2) that change nothing: no e-mail, a bad role, a short password, no terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maoni-user-'));
    const env = { MAONI_DB: join(dir, 'maoni.sqlite') };
    try {
      for (const [args, input, message] of [
        [['user', 'add', '--password-stdin'], 'whatever123\n', /one e-mail address/],
        [['user', 'add', 'a@example.com', '--role', 'admin', '--password-stdin'], 'whatever123\n', /--role must be owner or moderator/],
        [['user', 'add', 'a@example.com', '--password-stdin'], 'short\n', /8 characters or more/],
        [['user', 'add', 'a@example.com'], undefined, /use --password-stdin/],
        [['user', 'remove', 'a@example.com'], undefined, /unknown user command/],
      ] as const) {
        const result = await run([...args], env, input);
        assert.equal(result.code, 2, args.join(' '));
        assert.match(result.stderr, message);
        assert.match(result.stderr, /See maoni-server --help\.$/m);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
