// `npm test`: every suite, one closing line. Node's test runner drives the reference server over
// HTTP (server/test, compiled to server/dist/test by `npm run build:server`), web-test-runner runs
// everything else in Chromium. The last line is the
// plain `N passed, N failed, N skipped` that CI reads, summed over both; a runner that crashed
// without reporting counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'maoni-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function add(file, label, status) {
  if (!existsSync(file)) {
    console.error(`\n${label}: no results (exit ${status}); counted as a failure.`);
    totals.failed++;
    return;
  }
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (status !== 0 && counts.failed === 0) totals.failed++;
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

const results = [];
// The server's tests run from tsc's output; a missing build shows as a failed run, not a skip.
if (existsSync('server/test')) {
  const file = join(dir, 'node.json');
  const { status } = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./test/support/node-counter.mjs', `--test-reporter-destination=${file}`, 'server/dist/test/', 'test/node/'],
    { stdio: 'inherit' }
  );
  results.push([file, 'Node (server, source checks)', status]);
}

const wtrFile = join(dir, 'wtr.json');
const wtr = spawnSync('npx', ['wtr', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MAONI_SUMMARY_FILE: wtrFile },
});
results.push([wtrFile, 'browser (Chromium)', wtr.status]);

console.log('');
for (const [file, label, status] of results) add(file, label, status);
rmSync(dir, { recursive: true, force: true });
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
