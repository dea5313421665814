// The moderation page inside the maoni-server package: what the build copies (the page, admin.js
// and every module it imports, nothing else), how a server without a checkout serves it (`/` →
// /admin/), and that `npm pack` puts it in the tarball.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAdminPage } from '../src/pages/bundle-admin.js';
import { startServer } from '../testing/helpers.js';

/** A made-up repository: the page's files and a small build of admin.js with its imports. */
function fakeRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'maoni-pages-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const PAGE = {
  'admin/index.html': '<!doctype html><title>maoni — moderation</title><script type="module" src="../dist/admin.js"></script>',
  'admin/admin.css': 'body { margin: 0 }',
  'admin/language.js': 'document.documentElement.lang = "en";',
  'admin/preview.html': '<!doctype html><title>preview</title>',
};

const BUILT = {
  'dist/admin.js': 'import{a}from"./chunks/a-1.js";const l=()=>import("./locales/admin/sw.js");export{a,l};',
  'dist/admin.js.map': '{}',
  'dist/chunks/a-1.js': 'import"./b-2.js";export const a=1;',
  'dist/chunks/b-2.js': 'export const b=2;',
  'dist/locales/admin/sw.js': 'export const templates={};',
  'dist/maoni.js': 'export const widget=1;',
};

describe('the bundled moderation page', () => {
  test('the build copies the page and admin.js with what it imports, in the same layout; not previews, maps or the widget', () => {
    const repo = fakeRepository({ ...PAGE, ...BUILT });
    const out = join(repo, 'server', 'public');
    try {
      const result = bundleAdminPage(repo, out);
      assert.equal(result.missing, undefined);
      assert.deepEqual([...result.files].sort(), [
        'admin/admin.css', 'admin/index.html', 'admin/language.js',
        'dist/admin.js', 'dist/chunks/a-1.js', 'dist/chunks/b-2.js', 'dist/locales/admin/sw.js',
      ]);
      assert.equal(readFileSync(join(out, 'dist/chunks/b-2.js'), 'utf8'), BUILT['dist/chunks/b-2.js']);
      for (const absent of ['admin/preview.html', 'dist/admin.js.map', 'dist/maoni.js']) assert.ok(!existsSync(join(out, absent)), absent);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('without a built widget nothing is copied, and it says why; a stale build with a missing import is an error', () => {
    const repo = fakeRepository(PAGE);
    try {
      const result = bundleAdminPage(repo, join(repo, 'public'));
      assert.deepEqual(result.files, []);
      assert.match(result.missing ?? '', /admin\.js is not built \(npm run build\)/);
      assert.ok(!existsSync(join(repo, 'public')));
      mkdirSync(join(repo, 'dist'));
      writeFileSync(join(repo, 'dist/admin.js'), 'import("./locales/admin/gone.js")');
      assert.throws(() => bundleAdminPage(repo, join(repo, 'public')), /locales\/admin\/gone\.js is imported but missing: rebuild the widget/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('a server with only the bundled page sends / to /admin/ and serves the page and its modules, nothing else', async () => {
    const repo = fakeRepository({ ...PAGE, ...BUILT });
    const pages = join(repo, 'public');
    bundleAdminPage(repo, pages);
    const server = await startServer({ staticRoot: pages });
    try {
      const root = await fetch(`${server.origin}/`, { redirect: 'manual' });
      assert.equal(root.status, 302);
      assert.equal(root.headers.get('location'), '/admin/');
      const probe = await fetch(`${server.origin}/`, { method: 'HEAD', redirect: 'manual' });
      assert.equal(probe.status, 302);
      const folder = await fetch(`${server.origin}/admin`, { redirect: 'manual' });
      assert.equal(folder.status, 301);
      assert.equal(folder.headers.get('location'), '/admin/');
      const page = await fetch(`${server.origin}/admin/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(await page.text(), /maoni — moderation/);
      const script = await fetch(`${server.origin}/dist/locales/admin/sw.js`);
      assert.equal(script.status, 200);
      assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      for (const path of ['/demo/', '/demo', '/dist/maoni.js', '/admin/preview.html']) {
        assert.equal((await fetch(server.origin + path, { redirect: 'manual' })).status, 404, path);
      }
    } finally {
      await server.close();
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('npm pack puts the page into the maoni-server package', (context) => {
    // From dist/test/ back to the package, and its repository.
    const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
    if (!existsSync(join(packageRoot, '..', 'dist', 'admin.js'))) {
      context.skip('the widget is not built (npm run build), so the build bundled no page to pack');
      return;
    }
    // --ignore-scripts: this build's public/ as it is, without a second build in the test.
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Array<{ files: Array<{ path: string }> }>;
    const files = packed!.files.map((each) => each.path);
    for (const path of ['public/admin/index.html', 'public/admin/admin.css', 'public/dist/admin.js', 'public/dist/locales/admin/sw.js', 'bin/maoni-server.js', 'dist/src/cli.js']) {
      assert.ok(files.includes(path), `${path} is not in the package`);
    }
    assert.ok(!files.some((path) => path.startsWith('dist/test/') || path.startsWith('src/') || path.endsWith('preview.html')), 'tests, sources or previews in the package');
  });
});
