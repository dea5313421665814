// @ts-check
// Test support: the real app on a real loopback server with a temporary database file, and small
// fetch helpers. Every network wait has a timeout, so a broken server fails a test instead of
// hanging the run.
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApp } from '../app.mjs';

/** Per-request timeout; generous for a loaded CI machine, far below the test timeouts. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** A fresh anonymous client key, as the RestAdapter would keep in localStorage. */
export const newClientKey = () => randomBytes(16).toString('base64url');
/** A fresh idempotency key. */
export const newKey = () => `key-${randomBytes(8).toString('hex')}`;

/** A clock the test moves by hand (for the edit window and rate limits). */
export function manualClock(start = Date.parse('2026-01-01T12:00:00Z')) {
  let time = start;
  return {
    now: () => new Date(time),
    /** @param {number} ms */
    advance(ms) {
      time += ms;
    },
  };
}

/** Collects what the app logs, so expected noise stays out of the test output. */
export function captureLogger() {
  /** @type {unknown[][]} */
  const errors = [];
  return { errors, error: (/** @type {unknown[]} */ ...args) => void errors.push(args) };
}

/**
 * @typedef {{ status: number, headers: Headers, json: any, text: string }} ApiResponse
 * @typedef {{ method?: string, body?: unknown, rawBody?: string | Buffer, client?: string | null,
 *   key?: string | null, headers?: Record<string, string> }} ApiInit
 */

/**
 * Starts the app on 127.0.0.1 with a random port and a database file in a fresh temp folder.
 * @param {Partial<import('../options.mjs').AppOptions>} [options]
 */
export async function startServer(options = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'maoni-test-'));
  const dbPath = options.dbPath ?? join(dir, 'maoni.sqlite');
  const logger = captureLogger();
  const app = createApp({ logger, rateLimit: false, ...options, dbPath });
  const server = createServer((req, res) => void app.handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  const base = `${origin}/api`;

  /**
   * @param {string} path Under /api, e.g. `/config`.
   * @param {ApiInit} [init]
   * @returns {Promise<ApiResponse>}
   */
  async function api(path, init = {}) {
    /** @type {Record<string, string>} */
    const headers = { ...init.headers };
    if (init.client) headers['x-maoni-client'] = init.client;
    if (init.key) headers['idempotency-key'] = init.key;
    let body;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(base + path, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: the caller checks `text`.
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  return {
    app,
    server,
    origin,
    base,
    dbPath,
    dir,
    logger,
    api,
    /**
     * Posts a comment; returns the response.
     * @param {string} thread
     * @param {{ body?: string, parentId?: string | null, name?: string, client?: string | null,
     *   key?: string, extra?: Record<string, unknown> }} [input]
     */
    post(thread, input = {}) {
      return api(`/threads/${encodeURIComponent(thread)}/comments`, {
        method: 'POST',
        client: input.client,
        key: input.key ?? newKey(),
        body: {
          parentId: input.parentId ?? null,
          body: input.body ?? 'A comment',
          author: { name: input.name ?? 'Amina' },
          ...input.extra,
        },
      });
    },
    /**
     * Lists one page.
     * @param {string} thread
     * @param {Record<string, string | number>} [params]
     * @param {string | null} [client]
     */
    list(thread, params = {}, client = null) {
      const query = new URLSearchParams(Object.entries(params).map(([k, v]) => /** @type {[string, string]} */ ([k, String(v)])));
      return api(`/threads/${encodeURIComponent(thread)}/comments?${query}`, { client });
    },
    /** Stops the server and the app; `keepFiles` leaves the database for a restart. */
    async close({ keepFiles = false } = {}) {
      app.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      if (!keepFiles) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startServer>>} TestServer */

/**
 * Opens an event stream with fetch and parses its frames.
 * @param {string} url
 */
export async function openEventStream(url) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  if (!response.body) throw new Error('no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  /** @typedef {{ event: string | null, data: string | null, comment: string | null, retry: string | null }} Frame */
  /** @type {Frame[]} */
  const frames = [];
  let ended = false;

  /** Reads until `predicate` matches a frame not yet consumed, or the timeout passes. */
  /** @param {(frame: Frame) => boolean} predicate */
  async function next(predicate = () => true, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = frames.findIndex(predicate);
      if (index !== -1) return frames.splice(0, index + 1)[index];
      if (ended) throw new Error('event stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an event');
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const chunk = await Promise.race([
        reader.read(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out waiting for an event')), left);
        }),
      ]).finally(() => clearTimeout(timer));
      const { done, value } = /** @type {{ done: boolean, value: string }} */ (chunk);
      if (done) {
        ended = true;
        continue;
      }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        /** @type {Frame} */
        const frame = { event: null, data: null, comment: null, retry: null };
        for (const line of raw.split('\n')) {
          if (line.startsWith(':')) frame.comment = line.slice(1).trim();
          else if (line.startsWith('event: ')) frame.event = line.slice(7);
          else if (line.startsWith('data: ')) frame.data = line.slice(6);
          else if (line.startsWith('retry: ')) frame.retry = line.slice(7);
        }
        frames.push(frame);
      }
    }
  }

  /** Resolves true once the server ends the stream (within the timeout). */
  async function waitForEnd(timeoutMs = 5000) {
    try {
      for (;;) await next(() => false, timeoutMs);
    } catch (error) {
      if (/** @type {Error} */ (error).message === 'event stream ended') return true;
      throw error;
    }
  }

  return {
    response,
    next,
    waitForEnd,
    /** The next event of a type, with its data parsed. @param {string} type */
    async nextEvent(type, timeoutMs = 5000) {
      const frame = await next((f) => f.event === type, timeoutMs);
      return JSON.parse(/** @type {string} */ (frame.data));
    },
    close: () => controller.abort(),
  };
}

/** Waits until `check()` is true, polling; throws after the timeout. */
export async function eventually(/** @type {() => boolean} */ check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
