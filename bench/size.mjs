// Prints the gzip and brotli sizes of the CDN bundle and each lazy locale chunk, and fails when one
// is above its budget in package.json ("sizeBudget": file or glob → { gzip: bytes }).
// `--enforce <file>` (repeatable) fails only for those files and reports the others (CI enforces
// the core bundle now; the locale chunks join once they are split to fit, see the notes).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudget ?? {};

if (!existsSync('dist/maoni.js')) {
  console.error('dist/maoni.js is missing: run `npm run build` first.');
  process.exit(1);
}

const localeDir = 'dist/locales';
const files = ['dist/maoni.js', ...(existsSync(localeDir) ? readdirSync(localeDir).filter((f) => f.endsWith('.js')).sort().map((f) => join(localeDir, f)) : [])];
const chunkDir = 'dist/chunks';
if (existsSync(chunkDir)) files.push(...readdirSync(chunkDir).filter((f) => f.endsWith('.js')).map((f) => join(chunkDir, f)));

function budgetFor(file) {
  if (budgets[file]) return budgets[file];
  for (const [pattern, budget] of Object.entries(budgets)) {
    if (pattern.includes('*') && new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file)) return budget;
  }
  return undefined;
}

const enforced = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--enforce' ? [arg] : []));
const isEnforced = (file) => enforced.length === 0 || enforced.includes(file);

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
let failed = false;
console.log('file'.padEnd(28), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10), '  budget (gzip)');
for (const file of files) {
  const source = readFileSync(file);
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = budgetFor(file);
  const over = budget?.gzip !== undefined && gzip > budget.gzip;
  failed ||= over && isEnforced(file);
  console.log(file.padEnd(28), kb(source.length).padStart(10), kb(gzip).padStart(10), kb(brotli).padStart(10),
    budget?.gzip !== undefined ? `  ${kb(budget.gzip)}${over ? (isEnforced(file) ? '  OVER BUDGET' : '  over budget (not enforced)') : '  ok'}` : '');
}
if (failed) {
  console.error('\nA file is above its gzip budget. Split the feature into a lazy chunk rather than raising the budget.');
  process.exit(1);
}
