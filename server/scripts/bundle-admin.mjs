#!/usr/bin/env node
// After `tsc`: copies the moderation page into public/ of this package (see src/pages/bundle-admin.ts).
// `--require` (before npm pack): a package without the page is an error, not a note.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAdminPage } from '../dist/src/pages/bundle-admin.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = bundleAdminPage(join(packageRoot, '..'), join(packageRoot, 'public'));
if (result.missing) {
  const line = `maoni-server: the moderation page is not bundled: ${result.missing}`;
  if (process.argv.includes('--require')) {
    console.error(line);
    process.exit(1);
  }
  // The API and the checkout's own pages work without it; only a packed server needs the copy.
  console.log(line);
} else if (!process.argv.includes('--quiet')) {
  console.log(`maoni-server: bundled the moderation page (${result.files.length} files in public/)`);
}
