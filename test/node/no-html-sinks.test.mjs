// The promise of SECURITY.md, checked on the source: no code path in src/ can hand a string to an
// HTML parser or to script evaluation. Runs in Node with the server's tests (`npm test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sourceFiles } from '../support/source-files.mjs';

const sinks = [
  /\.innerHTML\b/, /\.outerHTML\b/, /\binsertAdjacentHTML\b/, /\bdocument\.write(ln)?\b/, /\bunsafeHTML\b/, /\bunsafeSVG\b/,
  /\bunsafeMathML\b/, /\bunsafeStatic\b/, /\bDOMParser\b/, /\bcreateContextualFragment\b/, /\bsetHTMLUnsafe\b/, /\bparseHTMLUnsafe\b/,
  /\bsrcdoc\b/, /\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bset(Timeout|Interval)\s*\(\s*['"`]/,
];

test('no source file uses an HTML-parsing or script-evaluating sink', () => {
  const files = sourceFiles('src');
  assert.ok(files.length > 20, 'the source files were found');
  const found = [];
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      // Comments may name the sinks (to say they are not used).
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
      for (const sink of sinks) if (sink.test(code)) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});

test('the check finds a sink when there is one', () => {
  const samples = ['el.innerHTML = body;', 'html`${unsafeHTML(body)}`', "setTimeout('alert(1)')", 'new Function(code)()'];
  for (const sample of samples) assert.ok(sinks.some((sink) => sink.test(sample)), sample);
});
