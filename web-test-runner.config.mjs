// Tests run in Debian's Chromium (never a downloaded browser). CHROME_PATH overrides the path.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { createApp } from './server/dist/src/index.js';

// The reference server (maoni-server, compiled: `npm run build:server`), mounted under /api on
// the test server itself (same origin, an in-memory database, no rate limit), so browser tests
// run RestAdapter against the real thing. The Fastify app answers on the raw Node request; koa
// stays out of the response.
let api;
const referenceApi = async (context, next) => {
  if (!context.path.startsWith('/api/')) return next();
  // Tests post at once: no minimum time after the form token. An owner for the moderation tests,
  // and the host-site secret of the SSO tests (test/e2e/sso-and-bans.test.ts signs with it).
  api ??= createApp({
    dbPath: ':memory:',
    rateLimit: false,
    minSubmitSeconds: 0,
    owner: { email: 'owner@maoni.test', password: 'test owner password' },
    ssoSecret: 'the maoni test host site secret, 32+ characters',
  });
  context.respond = false;
  (await api).handle(context.req, context.res);
};

// The strict policy issue 6 names; test/security/csp-page.html is served with it.
const strictCsp = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');
const strictCspPage = async (context, next) => {
  await next();
  if (context.path === '/test/security/csp-page.html') context.set('Content-Security-Policy', strictCsp);
};

// Tests slow down or break one locale's "more" part (src/i18n/locales.ts) with a cookie:
// `maoni-test-more=sw:slow ru:fail` delays the sw part by a second and answers 503 for ru.
const lazyMessageFaults = async (context, next) => {
  const part = /^\/src\/generated\/locales\/more\/([\w-]+)\.(?:js|ts)$/.exec(context.path)?.[1];
  if (!part) return next();
  // The test runner lets the browser cache every file for a year: an earlier test page's copy must
  // not answer a request that carries a fault.
  context.vary('Cookie');
  const fault = new RegExp(`(?:^|\\s)${part}:(slow|fail)\\b`).exec(decodeURIComponent(context.cookies.get('maoni-test-more') ?? ''))?.[1];
  if (fault === 'fail') {
    // Answered directly: the test runner marks every file response cacheable for a year, which
    // would keep the failure after the cookie is gone.
    context.respond = false;
    context.res.writeHead(503, { 'cache-control': 'no-store', 'content-type': 'text/plain' });
    context.res.end('failed on purpose (maoni-test-more cookie)');
    return;
  }
  if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 1000));
  return next();
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  middleware: [referenceApi, strictCspPage, lazyMessageFaults],
  // One test page at a time: a page in a background tab gets no animation frames, and fixture()
  // (and maoni's own frame-batched work) waits for them.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        // This machine has no network and runs as root: keep Chromium off the network and sandbox-free.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
