// Prints the gzip and brotli sizes of the CDN bundle, each lazy locale chunk (a locale's base part
// in dist/locales/, the part only the lazy chunks show in dist/locales/more/) and the other lazy
// chunks, then what each locale costs in all (base + more). Fails when a file is above its budget
// in package.json ("sizeBudget": file or glob → { gzip: bytes }); CI runs it on every build.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { basename, join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudget ?? {};

if (!existsSync('dist/maoni.js')) {
  console.error('dist/maoni.js is missing: run `npm run build` first.');
  process.exit(1);
}

const scripts = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => join(dir, f)) : []);
// The moderation page's bundle (dist/admin.js, built on its own) and its locale parts come last.
const adminFiles = existsSync('dist/admin.js') ? ['dist/admin.js', ...scripts('dist/locales/admin')] : [];
const files = ['dist/maoni.js', ...scripts('dist/locales'), ...scripts('dist/locales/more'), ...scripts('dist/chunks'), ...adminFiles];

function budgetFor(file) {
  if (budgets[file]) return budgets[file];
  for (const [pattern, budget] of Object.entries(budgets)) {
    if (pattern.includes('*') && new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file)) return budget;
  }
  return undefined;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const width = Math.max(...files.map((file) => file.length)) + 2;
const sizes = new Map();
let failed = false;
console.log('file'.padEnd(width), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10), '  budget (gzip)');
for (const file of files) {
  const source = readFileSync(file);
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  sizes.set(file, { gzip, brotli });
  const budget = budgetFor(file);
  const over = budget?.gzip !== undefined && gzip > budget.gzip;
  failed ||= over;
  console.log(file.padEnd(width), kb(source.length).padStart(10), kb(gzip).padStart(10), kb(brotli).padStart(10),
    budget?.gzip !== undefined ? `  ${kb(budget.gzip)}${over ? '  OVER BUDGET' : '  ok'}` : '');
}

// A page in one language downloads both parts once its comments show: the honest per-locale cost
// (two files compress a little worse than one would).
const locales = scripts('dist/locales').map((file) => basename(file, '.js'));
if (locales.length) {
  console.log(`\n${'locale'.padEnd(10)}${'base gzip'.padStart(12)}${'more gzip'.padStart(12)}${'total gzip'.padStart(12)}${'total brotli'.padStart(14)}`);
  for (const locale of locales) {
    const base = sizes.get(`dist/locales/${locale}.js`);
    const more = sizes.get(`dist/locales/more/${locale}.js`) ?? { gzip: 0, brotli: 0 };
    console.log(`${locale.padEnd(10)}${kb(base.gzip).padStart(12)}${kb(more.gzip).padStart(12)}${kb(base.gzip + more.gzip).padStart(12)}${kb(base.brotli + more.brotli).padStart(14)}`);
  }
}

if (failed) {
  console.error('\nA file is above its gzip budget. Split the feature into a lazy chunk rather than raising the budget.');
  process.exit(1);
}
