// Runs after `lit-localize build` (`npm run localize`): splits each generated locale module the
// way rollup splits the code. A message whose id some module of the core bundle uses (statically
// reachable from src/maoni.ts) stays in src/generated/locales/<locale>.ts, loaded with the locale;
// every other message moves to src/generated/locales/more/<locale>.ts, which src/i18n/locales.ts
// loads only together with the lazy list chunk, the only code that shows them. One whole
// locale no longer fits the per-chunk gzip budget; each half does.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const generated = join(src, 'generated', 'locales');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
// Written into every split base module: a second run (npm test after npm run build) must read the
// moved messages back from more/, while a fresh `lit-localize build` output holds them all.
const marker = '// Split by xliff/split-locales.mjs: messages of the lazy chunks are in ./more/.';

const fail = (message) => {
  console.error(`split-locales: ${message}`);
  process.exit(1);
};
const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? (entry.name === 'generated' ? [] : sourceFiles(join(dir, entry.name))) : [join(dir, entry.name)]))
    .filter((file) => file.endsWith('.ts'))
    .sort();
}

// Only imports that survive compilation pull a module into the bundle: `import type`, and an
// import whose every name is `type`, are erased; `import()` is a chunk of its own.
function staticImports(source) {
  const out = [];
  for (const statement of source.statements) {
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      if (clause?.isTypeOnly || (clause && !clause.name && named?.length && named.every((element) => element.isTypeOnly))) continue;
    } else if (!ts.isExportDeclaration(statement) || statement.isTypeOnly) continue;
    out.push(resolve(dirname(source.fileName), specifier.text.replace(/\.js$/, '.ts')));
  }
  return out;
}

// `msg(…, { id: '…' })` and `l.msg(…)`: lit-localize only knows explicit ids, and so do we.
function messageIds(source) {
  const ids = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && /(^|\.)msg$/.test(node.expression.getText(source)) && node.arguments[1] && ts.isObjectLiteralExpression(node.arguments[1])) {
      for (const property of node.arguments[1].properties) {
        if (ts.isPropertyAssignment(property) && property.name.getText(source) === 'id' && ts.isStringLiteralLike(property.initializer)) ids.push(property.initializer.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return ids;
}

// A generated module: its imports and its `templates` entries, one `'id': value,` line each (the
// shape rollup.config.mjs's trimPluralForms expects).
function readModule(file) {
  const source = parse(file);
  const imports = source.statements.filter(ts.isImportDeclaration).map((statement) => ({
    text: statement.getText(source),
    names: statement.importClause?.namedBindings?.elements?.map((element) => element.name.text) ?? [],
  }));
  const object = source.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => statement.declarationList.declarations)
    .find((declaration) => declaration.name.getText(source) === 'templates')?.initializer;
  if (!object || !ts.isObjectLiteralExpression(object)) fail(`${relative(root, file)} has no \`templates\` object`);
  const entries = new Map();
  for (const property of object.properties) {
    const text = property.getText(source);
    if (!ts.isPropertyAssignment(property) || !ts.isStringLiteralLike(property.name) || text.includes('\n')) fail(`unexpected entry in ${relative(root, file)}: ${text}`);
    entries.set(property.name.text, text);
  }
  return { imports, entries, split: source.text.includes(marker) };
}

function writeModule(file, imports, entries, note) {
  const body = [...entries.values()];
  // Keep a tag's import (`str`) only where an entry uses it: tsc's noUnusedLocals covers src/generated.
  const used = imports.filter(({ names }) => names.some((name) => body.some((entry) => entry.includes(`${name}\``)))).map(({ text }) => text);
  const text = ['// Do not modify this file by hand! Re-generate it with `npm run localize`.', note, '', ...used, '', 'export const templates = {', ...body.map((entry) => `  ${entry},`), '};', ''];
  writeFileSync(file, text.join('\n'));
}

// Which ids the core bundle shows.
const sources = sourceFiles(src);
const idsByFile = new Map(sources.map((file) => [file, messageIds(parse(file))]));
const core = new Set();
const queue = [join(src, 'maoni.ts')];
while (queue.length) {
  const file = queue.pop();
  if (core.has(file)) continue;
  if (!existsSync(file)) fail(`${relative(root, file)} is imported but missing`);
  core.add(file);
  queue.push(...staticImports(parse(file)));
}
const allIds = new Set([...idsByFile.values()].flat());
const coreIds = new Set([...idsByFile].filter(([file]) => core.has(file)).flatMap(([, ids]) => ids));

mkdirSync(join(generated, 'more'), { recursive: true });
for (const locale of [...config.targetLocales].sort()) {
  const baseFile = join(generated, `${locale}.ts`);
  const moreFile = join(generated, 'more', `${locale}.ts`);
  const base = readModule(baseFile);
  const entries = new Map(base.entries);
  if (base.split) for (const [id, entry] of readModule(moreFile).entries) entries.set(id, entry);
  const unused = [...entries.keys()].filter((id) => !allIds.has(id));
  const missing = [...allIds].filter((id) => !entries.has(id));
  if (unused.length) fail(`${locale}: no source file uses ${unused.join(', ')} (run \`npm run extract\`?)`);
  if (missing.length) fail(`${locale}: no translation for ${missing.join(', ')} (run \`npm run extract\`?)`);
  const ids = [...entries.keys()].sort();
  const pick = (inCore) => new Map(ids.filter((id) => coreIds.has(id) === inCore).map((id) => [id, entries.get(id)]));
  writeModule(baseFile, base.imports, pick(true), marker);
  writeModule(moreFile, base.imports, pick(false), '// The messages only the lazy chunks show (xliff/split-locales.mjs), loaded with the list chunk.');
}

console.log(`split-locales: ${config.targetLocales.length} locales, ${coreIds.size} core + ${allIds.size - coreIds.size} more message ids (${core.size} core modules)`);
