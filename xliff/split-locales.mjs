// Runs after `lit-localize build` (`npm run localize`): splits each generated locale module the
// way rollup splits the code, into three parts:
//  - a message whose id some module of the core bundle uses (statically reachable from
//    src/maoni.ts) stays in src/generated/locales/<locale>.ts, loaded with the locale;
//  - a message only modules reachable from src/admin.ts (the moderation page's bundle, built on its
//    own) use goes to src/generated/locales/admin/<locale>.ts, which src/i18n/admin-locales.ts loads
//    for the moderation page only;
//  - every other message moves to src/generated/locales/more/<locale>.ts, which src/i18n/locales.ts
//    loads only together with the lazy list chunk, the only code that shows them.
// One whole locale no longer fits the per-chunk gzip budget; each widget part does, and the
// widget's parts never carry the moderation page's words.
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
// (The moderation page's messages are in ./admin/; the marker's words stay as they were.)
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

/** Every module statically reachable from an entry. */
function reachable(entry) {
  const seen = new Set();
  const queue = [join(src, entry)];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) fail(`${relative(root, file)} is imported but missing`);
    seen.add(file);
    queue.push(...staticImports(parse(file)));
  }
  return seen;
}

// Which ids the core bundle shows, and which only the moderation page does.
const sources = sourceFiles(src);
const idsByFile = new Map(sources.map((file) => [file, messageIds(parse(file))]));
const core = reachable('maoni.ts');
const admin = reachable('admin.ts');
const idsOf = (files) => new Set([...idsByFile].filter(([file]) => files.has(file)).flatMap(([, ids]) => ids));
const allIds = new Set([...idsByFile.values()].flat());
const coreIds = idsOf(core);
const adminIds = idsOf(admin);
// The moderation page loads only its own part: a message it shares with the widget would show in
// English there (or the widget's would be missing). Each side has its own ids.
const widgetIds = idsOf(new Set(sources.filter((file) => !admin.has(file) || core.has(file))));
const shared = [...adminIds].filter((id) => widgetIds.has(id));
if (shared.length) fail(`the moderation page (src/admin.ts) and the widget both use ${shared.join(', ')}: give the moderation page ids of its own (admin.*)`);
const partOf = (id) => (coreIds.has(id) ? 'base' : adminIds.has(id) ? 'admin' : 'more');

mkdirSync(join(generated, 'more'), { recursive: true });
mkdirSync(join(generated, 'admin'), { recursive: true });
for (const locale of [...config.targetLocales].sort()) {
  const baseFile = join(generated, `${locale}.ts`);
  const moreFile = join(generated, 'more', `${locale}.ts`);
  const adminFile = join(generated, 'admin', `${locale}.ts`);
  const base = readModule(baseFile);
  const entries = new Map(base.entries);
  if (base.split) {
    for (const file of [moreFile, adminFile]) if (existsSync(file)) for (const [id, entry] of readModule(file).entries) entries.set(id, entry);
  }
  const unused = [...entries.keys()].filter((id) => !allIds.has(id));
  const missing = [...allIds].filter((id) => !entries.has(id));
  if (unused.length) fail(`${locale}: no source file uses ${unused.join(', ')} (run \`npm run extract\`?)`);
  if (missing.length) fail(`${locale}: no translation for ${missing.join(', ')} (run \`npm run extract\`?)`);
  const ids = [...entries.keys()].sort();
  const pick = (part) => new Map(ids.filter((id) => partOf(id) === part).map((id) => [id, entries.get(id)]));
  writeModule(baseFile, base.imports, pick('base'), marker);
  writeModule(moreFile, base.imports, pick('more'), '// The messages only the lazy chunks show (xliff/split-locales.mjs), loaded with the list chunk.');
  writeModule(adminFile, base.imports, pick('admin'), '// The messages only the moderation page shows (xliff/split-locales.mjs), loaded by src/i18n/admin-locales.ts.');
}

const moreCount = allIds.size - coreIds.size - adminIds.size;
console.log(`split-locales: ${config.targetLocales.length} locales, ${coreIds.size} core + ${moreCount} more + ${adminIds.size} admin message ids (${core.size} core modules, ${admin.size} admin modules)`);
