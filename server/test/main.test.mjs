// @ts-check
// The real CLI, server/main.mjs, as a child process: it prints where it listens, serves the API
// and the demo on one port, and exits 0 on SIGTERM and SIGINT even with an event stream open.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEventStream } from '../testing/helpers.mjs';

const main = fileURLToPath(new URL('../main.mjs', import.meta.url));

/**
 * Starts main.mjs on a free loopback port; resolves once it printed its address.
 * @param {string} dbPath
 */
async function startMain(dbPath) {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', MAONI_DB: dbPath, MAONI_CORS_ORIGINS: 'https://a.example, https://b.example' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`main.mjs did not start: ${output}`)), 10_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /demo: (http:\/\/127\.0\.0\.1:\d+)\/demo\//.exec(output);
      if (match && output.includes('database:')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`main.mjs exited with ${code}: ${output}`)));
  });
  /** Resolves with the exit code (or signal). */
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, origin: /** @type {string} */ (origin), exited, output: () => output };
}

/** @param {Promise<unknown>} promise @param {number} ms */
async function within(promise, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('server/main.mjs', { timeout: 60_000 }, () => {
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
      assert.equal((/** @type {any} */ (await config.json())).moderation, false);
      const cors = await fetch(`${server.origin}/api/config`, { headers: { origin: 'https://b.example' } });
      assert.equal(cors.headers.get('access-control-allow-origin'), 'https://b.example');

      const root = await fetch(`${server.origin}/`, { redirect: 'manual' });
      assert.equal(root.status, 302);
      assert.equal(root.headers.get('location'), '/demo/');
      const demo = await fetch(`${server.origin}/demo/`);
      assert.equal(demo.status, 200);
      assert.equal(demo.headers.get('content-type'), 'text/html; charset=utf-8');
      for (const path of ['/package.json', '/demo/../package.json', '/demo/%2e%2e/package.json', '/server/main.mjs', '/.data/maoni.sqlite']) {
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
    const post = (/** @type {string} */ origin) =>
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
      const json = /** @type {any} */ (await list.json());
      assert.deepEqual(
        json.comments.map((/** @type {any} */ c) => c.body),
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
