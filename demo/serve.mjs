// Serves the demo pages and the built bundle on loopback, with no database and no API (the
// full reference server, with the REST API, is server/main.mjs). The file logic lives in
// server/static.mjs. HOST and PORT come from the environment (default 127.0.0.1:8787).
// Stops cleanly on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from '../server/static.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8787);

const server = createServer(createStaticHandler({ root, folders: ['demo', 'dist', 'admin'] }));

server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`maoni demo: http://${shown}:${port}/demo/  (custom adapter: /demo/custom-adapter.html)`);
  console.log(`moderation page on made-up comments: http://${shown}:${port}/admin/preview.html`);
  console.log('Press Ctrl+C to stop.');
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  });
}
