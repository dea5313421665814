#!/usr/bin/env node
// @ts-check
// The reference server: the REST API under /api/ and the demo pages, on one port.
//
//   HOST, PORT            address (default 127.0.0.1:8787; PORT=0 picks a free port)
//   MAONI_DB              database file (default .data/maoni.sqlite under the repository)
//   MAONI_MODERATION=1    hold first-time commenters' comments as pending
//   MAONI_CORS_ORIGINS    comma-separated origins allowed to call the API cross-origin
//   MAONI_TRUST_PROXY=1   take the client address from X-Forwarded-For (behind a reverse proxy)
//
// Stops cleanly on SIGTERM and SIGINT: no new connections, event streams ended, database closed.
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.mjs';
import { createStaticHandler } from './static.mjs';
import { seedDemoThread } from './demo-seed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT || 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`maoni: PORT must be a port number, not "${env.PORT}".`);
  process.exit(1);
}
const dbPath = env.MAONI_DB ? resolve(env.MAONI_DB) : join(root, '.data', 'maoni.sqlite');
mkdirSync(dirname(dbPath), { recursive: true });

const app = createApp({
  dbPath,
  moderation: env.MAONI_MODERATION === '1',
  corsOrigins: (env.MAONI_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
  trustProxy: env.MAONI_TRUST_PROXY === '1',
});
const serveStatic = createStaticHandler({ root });
const seeded = seedDemoThread(app.store);
if (seeded) console.log(`seeded the demo thread with ${seeded} comments`);

const server = createServer((request, response) => {
  const target = request.url ?? '/';
  if (target.startsWith('/api/') || target === '/api' || target.startsWith('/api?')) {
    void app.handle(request, response);
  } else {
    void serveStatic(request, response);
  }
});

// A client gets 30 s to send its headers and body (default 300 s): slow uploads cannot hold
// connections for long. Event streams are responses, so this does not cut them.
server.requestTimeout = 30_000;

// Most likely the port is taken: say so plainly instead of crashing with a stack trace.
server.on('error', (error) => {
  console.error(`maoni: cannot listen on ${host}:${port}: ${error.message}`);
  app.close();
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`maoni demo: http://${shown}:${actualPort}/demo/`);
  console.log(`maoni API:  http://${shown}:${actualPort}/api/`);
  console.log(`database:   ${dbPath}`);
  console.log('Press Ctrl+C to stop.');
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // Stop accepting; the callback runs once every connection has ended.
  server.close(() => process.exit(0));
  // Ends the event streams (which would otherwise hold their connections open) and closes the
  // database; requests still in flight get a 503.
  app.close();
  server.closeIdleConnections();
  // A client that never lets go must not keep the process alive.
  setTimeout(() => server.closeAllConnections(), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
