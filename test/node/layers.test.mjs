// The layer rules of .dependency-cruiser.cjs (README "How the code is laid out"), as `npm test`
// checks them: the real tree keeps them, and a made-up tree that breaks one fails with the
// offending import named — a core module importing a component, a sibling layer, a cycle, the
// widget and the server importing each other, a module nothing imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = join(root, '.dependency-cruiser.cjs');
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd, paths) {
  return spawnSync(process.execPath, [depcruise, ...paths, '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
}

/** A tree that keeps every rule: each layer imports the one below, the entry imports them all. */
const layered = {
  'src/core/tree.ts': 'export const tree = 1;\n',
  'src/adapters/memory.ts': "import { tree } from '../core/tree.js';\nexport const memory = tree;\n",
  'src/i18n/messages.ts': "import { tree } from '../core/tree.js';\nexport const messages = tree;\n",
  'src/keeping/drafts.ts': "import { tree } from '../core/tree.js';\nexport const drafts = tree;\n",
  'src/components/comment-item/comment-item.ts':
    "import { memory } from '../../adapters/memory.js';\nimport { messages } from '../../i18n/messages.js';\nimport { drafts } from '../../keeping/drafts.js';\nexport const item = memory + messages + drafts;\n",
  'src/index.ts': "export { item } from './components/comment-item/comment-item.js';\n",
  'server/src/main.ts': 'export const server = 1;\n',
};

function tree(files) {
  const dir = mkdtempSync(join(tmpdir(), 'maoni-layers-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', allowJs: true } }));
  for (const [path, text] of Object.entries({ ...layered, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function broken(files, rule, offending) {
  const dir = tree(files);
  try {
    const result = cruise(dir, ['src', 'server']);
    assert.notEqual(result.status, 0, `depcruise passed a tree that breaks ${rule}:\n${result.stdout}`);
    assert.match(result.stdout, new RegExp(`error ${rule}: `), result.stdout);
    for (const path of offending) assert.ok(result.stdout.includes(path), `the report names ${path}:\n${result.stdout}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the source tree keeps every layer rule: no cycles, no upward imports, no orphans', () => {
  const paths = ['src', ...(existsSync(join(root, 'server/src')) ? ['server/src'] : [])];
  const result = cruise(root, paths);
  assert.equal(result.status, 0, `dependency rules broken:\n${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /no dependency violations found/);
});

test('a layered made-up tree passes (the failures below are the rules, not the set-up)', () => {
  const dir = tree({});
  try {
    const result = cruise(dir, ['src', 'server']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('core importing a component fails, naming the import', () => {
  broken(
    { 'src/core/tree.ts': "import type { item } from '../components/comment-item/comment-item.js';\nexport const tree = 1 as unknown as typeof item;\n" },
    'core-imports-only-below',
    ['src/core/tree.ts', 'src/components/comment-item/comment-item.ts']
  );
});

test('a middle layer importing a sibling fails (i18n → keeping)', () => {
  broken(
    { 'src/i18n/messages.ts': "import { drafts } from '../keeping/drafts.js';\nexport const messages = drafts;\n" },
    'i18n-imports-only-below',
    ['src/i18n/messages.ts', 'src/keeping/drafts.ts']
  );
});

test('an import cycle fails, also through a lazy import()', () => {
  broken(
    {
      'src/components/comment-item/loader.ts': "export const load = () => import('./chunk.js');\n",
      'src/components/comment-item/chunk.ts': "import { item } from './comment-item.js';\nexport const chunk = item;\n",
      'src/components/comment-item/comment-item.ts': "import { load } from './loader.js';\nexport const item = load;\n",
    },
    'no-circular',
    ['src/components/comment-item/chunk.ts', 'src/components/comment-item/loader.ts']
  );
});

test('the widget importing the server fails, and the server importing the widget', () => {
  broken({ 'src/adapters/memory.ts': "import { server } from '../../server/src/main.js';\nexport const memory = server;\n" }, 'widget-not-server', [
    'src/adapters/memory.ts',
  ]);
  broken({ 'server/src/main.ts': "import { tree } from '../../src/core/tree.js';\nexport const server = tree;\n" }, 'server-not-widget', [
    'server/src/main.ts',
  ]);
});

test('a module nothing imports fails as an orphan', () => {
  broken({ 'src/core/forgotten.ts': 'export const forgotten = 1;\n' }, 'no-orphans', ['src/core/forgotten.ts']);
});
