// Test support: the real app on a real loopback server with a temporary database file, and small
// fetch helpers. Every network wait has a timeout, so a broken server fails a test instead of
// hanging the run.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/http/app.js';
import type { AppOptions } from '../src/options.js';

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
    advance(ms: number) {
      time += ms;
    },
  };
}

/** Collects what the app logs, so expected noise stays out of the test output. */
export function captureLogger() {
  const errors: unknown[][] = [];
  return { errors, error: (...args: unknown[]) => void errors.push(args) };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}
export interface ApiInit {
  method?: string;
  body?: unknown;
  rawBody?: string | Buffer;
  client?: string | null | undefined;
  key?: string | null | undefined;
  headers?: Record<string, string>;
}

/** Starts the app on 127.0.0.1 with a random port and a database file in a fresh temp folder. */
export async function startServer(options: Partial<AppOptions> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'maoni-test-'));
  const dbPath = options.dbPath ?? join(dir, 'maoni.sqlite');
  const logger = captureLogger();
  const app = await createApp({ logger, rateLimit: false, ...options, dbPath });
  await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const server = app.fastify.server;
  const address = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${address.port}`;
  const base = `${origin}/api`;

  /** @param path Under /api, e.g. `/config`. */
  async function api(path: string, init: ApiInit = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.client) headers['x-maoni-client'] = init.client;
    if (init.key) headers['idempotency-key'] = init.key;
    let body: string | Buffer | undefined;
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
    /** Posts a comment; returns the response. */
    post(
      thread: string,
      input: { body?: string; parentId?: string | null; name?: string; client?: string | null; key?: string; extra?: Record<string, unknown> } = {}
    ) {
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
    /** Lists one page. */
    list(thread: string, params: Record<string, string | number> = {}, client: string | null = null) {
      const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)] as [string, string]));
      return api(`/threads/${encodeURIComponent(thread)}/comments?${query}`, { client });
    },
    /** Stops the server and the app; `keepFiles` leaves the database for a restart. */
    async close({ keepFiles = false } = {}) {
      server.closeAllConnections();
      await app.close();
      if (!keepFiles) await rm(dir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;

export interface Frame {
  event: string | null;
  data: string | null;
  comment: string | null;
  retry: string | null;
}

/** Opens an event stream with fetch and parses its frames. */
export async function openEventStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  if (!response.body) throw new Error('no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const frames: Frame[] = [];
  let ended = false;

  /** Reads until `predicate` matches a frame not yet consumed, or the timeout passes. */
  async function next(predicate: (frame: Frame) => boolean = () => true, timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = frames.findIndex(predicate);
      if (index !== -1) return frames.splice(0, index + 1)[index]!;
      if (ended) throw new Error('event stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an event');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out waiting for an event')), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) {
        ended = true;
        continue;
      }
      buffer += chunk.value;
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: Frame = { event: null, data: null, comment: null, retry: null };
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
      if ((error as Error).message === 'event stream ended') return true;
      throw error;
    }
  }

  return {
    response,
    next,
    waitForEnd,
    /** The next event of a type, with its data parsed. */
    async nextEvent(type: string, timeoutMs = 5000): Promise<any> {
      const frame = await next((f) => f.event === type, timeoutMs);
      return JSON.parse(frame.data!);
    },
    close: () => controller.abort(),
  };
}

/** Waits until `check()` is true, polling; throws after the timeout. */
export async function eventually(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
