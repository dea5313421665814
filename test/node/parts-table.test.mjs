// The README's parts and custom-properties table, the elements' JSDoc and the parts the templates
// really render must agree; `npm run docs` rewrites the table from the JSDoc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sourceFiles } from '../support/source-files.mjs';
import { adminElements, docsOf, elements, end, start, table } from '../support/parts-table.mjs';

const documented = new Set([...elements, ...adminElements].flatMap((tag) => docsOf(tag).parts.map((part) => part.name)));

test('the README table is the one the JSDoc gives (run `npm run docs` after changing parts)', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf(start), readme.indexOf(end) + end.length);
  assert.equal(section, table());
});

test('every part a template renders is documented on an element', () => {
  const rendered = new Set();
  for (const file of sourceFiles('src')) {
    for (const [, names] of readFileSync(file, 'utf8').matchAll(/\bpart="([\w -]+)"/g)) names.split(' ').forEach((name) => rendered.add(name));
  }
  assert.ok(rendered.size > 40, 'the templates were read');
  assert.deepEqual([...rendered].filter((name) => !documented.has(name)).sort(), []);
});

test('the parts comment-item and comment-form forward are exactly the ones they document', () => {
  // The lists live in each element's shape module (what the thread and the lazy chunks import).
  for (const [tag, constant, shape] of [['comment-item', 'commentItemParts', 'item-shape'], ['comment-form', 'commentFormParts', 'form-shape']]) {
    const source = readFileSync(`src/components/${tag}/${shape}.ts`, 'utf8');
    const list = new RegExp(`${constant} = \\[([^\\]]+)\\]`).exec(source)[1];
    const forwarded = [...list.matchAll(/'([\w-]+)'/g)].map(([, name]) => name).sort();
    assert.deepEqual(forwarded, docsOf(tag).parts.map((part) => part.name).sort(), tag);
  }
});
