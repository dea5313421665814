// `node bench/size.mjs` is what makes CI fail when a bundle outgrows its budget: it must fail for a
// file over its gzip budget (the core, a locale part), pass when everything fits, and use the
// budgets package.json declares. Runs it on made-up dist/ folders, never on the real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'bench/size.mjs');
const budgets = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).sizeBudget;

/** Random bytes do not compress: `bytes` of them gzip to about as many. */
const incompressible = (bytes) => randomBytes(bytes);

function run(files) {
  const dir = mkdtempSync(join(tmpdir(), 'maoni-size-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ sizeBudget: budgets }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the budgets are the issue\'s: 20 KB gzip for the core, 1.5 KB for each locale part', () => {
  assert.equal(budgets['dist/maoni.js'].gzip, 20 * 1024);
  assert.equal(budgets['dist/locales/*.js'].gzip, 1536);
  assert.equal(budgets['dist/locales/more/*.js'].gzip, 1536);
});

test('passes when every file fits its budget', () => {
  const result = run({ 'dist/maoni.js': incompressible(10_000), 'dist/locales/sw.js': incompressible(1000), 'dist/locales/more/sw.js': incompressible(1000) });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.doesNotMatch(result.stdout, /OVER BUDGET/);
});

test('fails when the core bundle is over its budget', () => {
  const result = run({ 'dist/maoni.js': incompressible(21_000), 'dist/locales/sw.js': incompressible(1000) });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /dist\/maoni\.js .* OVER BUDGET/);
});

test('fails when a locale part is over its budget, base or more', () => {
  for (const part of ['dist/locales/ru.js', 'dist/locales/more/ru.js']) {
    const result = run({ 'dist/maoni.js': incompressible(10_000), [part]: incompressible(1700) });
    assert.equal(result.status, 1, part);
    assert.match(result.stdout, new RegExp(`${part.replace(/[./]/g, '\\$&')} .* OVER BUDGET`));
  }
});
