// Fills in translations: `node xliff/add-targets.mjs targets.json` with { "<id>": { "<locale>": "text" } }
// adds a <target> to each listed trans-unit of each xliff/<locale>.xlf that has none yet (run
// `npm run extract` first, so the units exist). Text is XML-escaped; placeholders are written as the
// source writes them (<x id="0" equiv-text="…"/>), so copy them from the source. Never overwrites.
import { readFileSync, writeFileSync } from 'node:fs';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Placeholders pass through unescaped: they are XML the translator copies from the source.
const withPlaceholders = (text) => text.split(/(<x id="\d+" equiv-text="[^"]*"\/>)/).map((piece, i) => (i % 2 ? piece : escape(piece))).join('');

const targets = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byLocale = {};
for (const [id, texts] of Object.entries(targets)) for (const [locale, text] of Object.entries(texts)) (byLocale[locale] ??= {})[id] = text;
let added = 0;
for (const [locale, texts] of Object.entries(byLocale)) {
  const file = new URL(`./${locale}.xlf`, import.meta.url);
  let xml = readFileSync(file, 'utf8');
  for (const [id, text] of Object.entries(texts)) {
    const unit = new RegExp(`(<trans-unit id="${id.replace(/\./g, '\\.')}">\\s*<source>[\\s\\S]*?</source>)(\\s*)(?!\\s*<target>)(</trans-unit>)`);
    if (!unit.test(xml)) continue;
    xml = xml.replace(unit, (_, head, space, tail) => `${head}\n  <target>${withPlaceholders(text)}</target>\n${tail}`);
    added++;
  }
  writeFileSync(file, xml);
}
console.log(`added ${added} targets`);
