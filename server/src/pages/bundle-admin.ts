// The moderation page inside the maoni-server package: its HTML, style and language picker from
// admin/, and the built admin.js with every module it imports (its locales) from dist/, copied into
// the package's public/ folder in the same layout, so the page's `../dist/admin.js` still holds.
// A server installed from npm has no repository checkout beside it and serves /admin/ from there.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The page's own files, in admin/ of the repository (preview.* is a development page). */
export const ADMIN_PAGE_FILES = ['index.html', 'admin.css', 'language.js'] as const;

/** The entry module of the page, in dist/ of the repository. */
const ENTRY = 'admin.js';

// Relative specifiers of rollup's output: `from"./x.js"`, `import"./x.js"`, `import("./x.js")`.
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

export interface BundleResult {
  /** Files written, relative to the output folder. */
  files: string[];
  /** Why nothing was written, when the widget is not built (dist/admin.js missing). */
  missing?: string;
}

/** dist/admin.js and every module it reaches through relative imports, relative to dist/. */
export function modulesOf(distRoot: string, entry = ENTRY): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const path = join(distRoot, file);
    if (!existsSync(path)) throw new Error(`${join('dist', file)} is imported but missing: rebuild the widget (npm run build)`);
    seen.add(file);
    for (const match of readFileSync(path, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = relative(distRoot, resolve(dirname(path), match[1]!));
      if (target.startsWith('..')) throw new Error(`${file} imports ${match[1]}, outside dist/`);
      queue.push(target);
    }
  }
  return [...seen].sort();
}

/**
 * Copies the moderation page from the repository at `repoRoot` into `outDir` (emptied first).
 * Without a built widget nothing is copied and `missing` says why.
 */
export function bundleAdminPage(repoRoot: string, outDir: string): BundleResult {
  const distRoot = join(repoRoot, 'dist');
  if (!existsSync(join(distRoot, ENTRY))) return { files: [], missing: `${join('dist', ENTRY)} is not built (npm run build)` };
  const copies: Array<[from: string, to: string]> = [
    ...ADMIN_PAGE_FILES.map((file): [string, string] => [join(repoRoot, 'admin', file), join('admin', file)]),
    ...modulesOf(distRoot).map((file): [string, string] => [join(distRoot, file), join('dist', file)]),
  ];
  rmSync(outDir, { recursive: true, force: true });
  for (const [from, to] of copies) {
    const target = join(outDir, to);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(from, target);
  }
  return { files: copies.map(([, to]) => to) };
}
