// The elements import and construct without a DOM — no document, window or localStorage at module
// top level or in a constructor — so a server can render them (@lit-labs/ssr, issue 19). The
// public entry and the define entry are bundled from source (lit stays a package: its Node build
// brings the DOM shim Lit's SSR uses) and run in a fresh Node process that has no DOM at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(entry) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    tsconfig: join(root, 'tsconfig.json'),
    external: ['lit', 'lit/*', 'lit-html', 'lit-html/*', '@lit/*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Runs `script` in a fresh Node process beside the bundles (inside the repo, so `lit` resolves). */
function run(files, script) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'no-dom-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'probe.mjs'), script);
    return spawnSync(process.execPath, [join(dir, 'probe.mjs')], { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the public API imports and every element constructs in Node, with no DOM', async () => {
  const result = run(
    { 'index.mjs': await bundle('src/index.ts') },
    `
    for (const name of ['document', 'window', 'localStorage', 'sessionStorage', 'requestAnimationFrame']) {
      if (name in globalThis) throw new Error(name + ' exists in this Node: the check would prove nothing');
    }
    const api = await import('./index.mjs');
    const made = [api.CommentThread, api.CommentItem, api.CommentForm, api.CommentCount].map((Element) => {
      const element = new Element();
      return Element.name.replace(/^_/, '') + ':' + typeof element.render;
    });
    new api.MemoryAdapter();
    console.log(JSON.stringify(made));
    `
  );
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout.trim().split('\n').pop()), [
    'CommentThread:function',
    'CommentItem:function',
    'CommentForm:function',
    'CommentCount:function',
  ]);
});

test('the define entry registers the four elements in Node, with no DOM', async () => {
  const result = run(
    { 'define.mjs': await bundle('src/define.ts') },
    `
    await import('./define.mjs');
    const tags = ['comment-thread', 'comment-item', 'comment-form', 'comment-count'];
    console.log(JSON.stringify(tags.map((tag) => typeof customElements.get(tag))));
    `
  );
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout.trim().split('\n').pop()), ['function', 'function', 'function', 'function']);
});

test('the moderation page entry registers and constructs <comment-moderation> in Node, with no DOM', async () => {
  const result = run(
    { 'admin.mjs': await bundle('src/admin.ts') },
    `
    for (const name of ['document', 'window', 'localStorage', 'requestAnimationFrame']) {
      if (name in globalThis) throw new Error(name + ' exists in this Node: the check would prove nothing');
    }
    const api = await import('./admin.mjs');
    const element = new api.CommentModeration();
    // The default client is made when the element connects, never by the constructor.
    new api.RestModerationClient({ baseUrl: '/api' });
    console.log(JSON.stringify([typeof customElements.get('comment-moderation'), typeof element.render, element.client === undefined]));
    `
  );
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout.trim().split('\n').pop()), ['function', 'function', true]);
});
