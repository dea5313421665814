// `maoni-server`: the REST API under /api/ and, from a repository checkout, the demo pages, on one
// port. Configured by the environment (config.ts, `--help`). Stops cleanly on SIGTERM and SIGINT:
// no new connections, event streams ended, database closed, requests still under way answered 503.
import { parseArgs } from 'node:util';
import { ConfigError, helpText, readConfig, type ServerConfig } from './config.js';
import { seedDemoThread } from './demo-seed.js';
import type { MaoniApp } from './http/app.js';
import { serverVersion } from './version.js';

/** Exit codes: 1 for a configuration or start-up failure, 2 for a command line mistake. */
function parseCommandLine(argv: string[]): 'help' | 'version' | 'run' {
  let values: { help?: boolean; version?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // Node says e.g. "Unknown option '--port'"; add where to look.
    console.error(`maoni-server: ${(error as Error).message.replace(/\. To specify.*$/s, '')}. See maoni-server --help.`);
    process.exit(2);
  }
  if (values.help) return 'help';
  if (values.version) return 'version';
  return 'run';
}

async function start(config: ServerConfig): Promise<void> {
  // Loaded here, so --help and usage errors answer without loading Fastify and SQLite.
  const { createApp } = await import('./http/app.js');
  let app: MaoniApp;
  try {
    app = await createApp({
      dbPath: config.dbPath,
      moderation: config.moderation,
      corsOrigins: config.corsOrigins,
      trustProxy: config.trustProxy,
      staticRoot: config.pagesRoot,
      publicUrl: config.publicUrl,
      owner: config.owner,
      maxLinks: config.maxLinks,
      akismet: config.akismet,
      ssoSecret: config.ssoSecret,
      secret: config.secret,
    });
  } catch (error) {
    console.error(`maoni: cannot open ${config.dbPath}: ${(error as Error).message}`);
    process.exit(1);
  }
  if (config.demoRoot) {
    const seeded = await seedDemoThread(app.store, config.demoRoot);
    if (seeded) console.log(`seeded the demo thread with ${seeded} comments`);
  }

  try {
    await app.fastify.listen({ host: config.host, port: config.port });
  } catch (error) {
    // Most likely the port is taken: say so plainly instead of crashing with a stack trace.
    console.error(`maoni: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
    await app.close();
    process.exit(1);
  }
  const address = app.fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
  if (config.demoRoot) console.log(`maoni demo: http://${shown}:${port}/demo/`);
  if (config.pagesRoot) console.log(`moderation: http://${shown}:${port}/admin/`);
  console.log(`maoni API:  http://${shown}:${port}/api/`);
  console.log(`database:   ${config.dbPath}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const server = app.fastify.server;
    // Ends the event streams and closes the database first (app.ts, preClose), then stops
    // accepting; resolves once every connection has ended.
    void app.close().then(() => process.exit(0));
    // Connections kept alive after their last answer (the ended streams too) are let go.
    setImmediate(() => server.closeIdleConnections());
    // A client that never lets go must not keep the process alive.
    setTimeout(() => server.closeAllConnections(), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** `maoni-server user add …`: reports on stdout, mistakes on stderr with exit 2. */
async function userCommand(argv: string[]): Promise<void> {
  const { userAdd, UsageError } = await import('./commands/user-add.js');
  if (argv[0] !== 'add') {
    console.error(`maoni-server: unknown user command "${argv[0] ?? ''}"; there is "user add EMAIL". See maoni-server --help.`);
    process.exit(2);
  }
  try {
    console.log(await userAdd(argv.slice(1), readConfig().dbPath));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`maoni-server: ${(error as Error).message.replace(/\. To specify.*$/s, '')}. See maoni-server --help.`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      console.error(`maoni: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const argv = process.argv.slice(2);
const command = argv[0] === 'user' ? 'user' : parseCommandLine(argv);
if (command === 'user') await userCommand(argv.slice(1));
else if (command === 'help') console.log(helpText(serverVersion));
else if (command === 'version') console.log(serverVersion);
else {
  let config: ServerConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`maoni: ${error.message}`);
    process.exit(1);
  }
  await start(config);
}
