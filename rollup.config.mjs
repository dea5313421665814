// Three builds:
//  - dist/maoni.js: one self-contained, minified ES module for pages without a bundler (Lit
//    inlined; registers the elements). Non-English locales are split into lazy chunks beside it,
//    two per locale (dist/locales/ and dist/locales/more/, see src/i18n/locales.ts).
//  - dist/index.js + dist/define.js: the side-effect-free entry and the define entry for bundlers,
//    with lit and @lit/localize left as dependencies.
//  - dist/admin.js: the moderation page (<comment-moderation>), self-contained and minified like
//    dist/maoni.js but built on its own, so it shares no chunk with the widget and the widget's
//    bundle does not change by a byte. Its translations are lazy chunks in dist/locales/admin/.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import ts from 'typescript';
import { idiomaticDecoratorsTransformer } from '@lit/ts-transformers';

// A tiny rollup plugin: collapses whitespace inside Lit `css` template literals of *.styles.ts
// files. Terser leaves template text alone, and the styles are a good share of the bundle.
function minifyCss() {
  return {
    name: 'maoni-minify-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      // An escaped backtick (\`) inside the template, as in a comment, does not end it.
      const out = code.replace(/css\s*`((?:[^`\\]|\\.)*)`/g, (_, body) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          // [part='x'] → [part=x] (an identifier needs no quotes), 0.5rem → .5rem
          .replace(/(\[[\w-]+[~|^$*]?=)'(-?[a-z_][\w-]*)'\]/gi, '$1$2]')
          .replace(/(^|[^\w.])0\.(\d)/g, '$1.$2')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
    },
  };
}

// Another tiny plugin: drops the indentation of the lines inside Lit `html` templates of the
// components. The line breaks stay, so every template renders the same whitespace text nodes (HTML
// collapses the rest). TypeScript's parser finds the templates; a per-character source map keeps
// the bundle's map exact.
function minifyHtmlIndentation() {
  const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const vlq = (n) => {
    let value = n < 0 ? (-n << 1) | 1 : n << 1;
    let out = '';
    do {
      let digit = value & 31;
      value >>>= 5;
      if (value) digit |= 32;
      out += base64[digit];
    } while (value);
    return out;
  };
  return {
    name: 'maoni-minify-html-indentation',
    transform(code, id) {
      if (!/[\\/]src[\\/]components[\\/].*\.ts$/.test(id) || id.endsWith('.styles.ts')) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const drop = new Uint8Array(code.length);
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
          const template = node.template;
          const texts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const text of texts) {
            for (let i = text.getStart(source), end = text.getEnd(), line = false; i < end; i++) {
              if (code[i] === '\n') line = true;
              else if (line && (code[i] === ' ' || code[i] === '\t')) drop[i] = 1;
              else line = false;
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (!drop.includes(1)) return null;
      let out = '';
      const lines = [];
      let segments = [];
      let originalLine = 0;
      let originalColumn = 0;
      let previous = [0, 0];
      for (let i = 0; i < code.length; i++) {
        if (!drop[i]) {
          if (code[i] === '\n') {
            lines.push(segments.join(','));
            segments = [];
          } else {
            segments.push(vlq(segments.length ? 1 : 0) + 'A' + vlq(originalLine - previous[0]) + vlq(originalColumn - previous[1]));
            previous = [originalLine, originalColumn];
          }
          out += code[i];
        }
        if (code[i] === '\n') {
          originalLine++;
          originalColumn = 0;
        } else originalColumn++;
      }
      lines.push(segments.join(','));
      return { code: out, map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings: lines.join(';') } };
    },
  };
}

// maoni's runtime takes only `str` from @lit/localize (translations are resolved per element, never
// through the page-global runtime). Pointing the bare import at str's own module keeps the rest of
// the package's index, which has top-level side effects, out of the CDN bundle.
function strTagOnly() {
  return {
    name: 'maoni-str-tag-only',
    resolveId(id, importer) {
      return id === '@lit/localize' ? this.resolve('@lit/localize/internal/str-tag.js', importer, { skipSelf: true }) : null;
    },
  };
}

// A locale's chunk needs only the plural forms its language selects: Japanese has no "one", Hindi
// no "few". The xliff files and generated modules keep every category (so tests can check them);
// the shipped chunk drops the ones Intl.PluralRules never picks for that locale. "many" is always
// kept: CLDR has added and removed it for some languages (fr, es, pt, he) in recent versions, and
// the browser's CLDR may be newer than this build machine's.
function trimPluralForms() {
  const categories = ['zero', 'one', 'two', 'few'];
  return {
    name: 'maoni-trim-plural-forms',
    transform(code, id) {
      // Every part of a locale: generated/locales/<locale>.ts, …/more/<locale>.ts and …/admin/<locale>.ts.
      const match = /[\\/]generated[\\/]locales[\\/](?:(?:more|admin)[\\/])?([\w-]+)\.ts$/.exec(id);
      if (!match) return null;
      const used = new Set(new Intl.PluralRules(match[1]).resolvedOptions().pluralCategories);
      const unused = categories.filter((category) => !used.has(category));
      const entry = new RegExp(`^'[\\w.-]+\\.(${unused.join('|')})': .*,$`);
      const kept = code.split('\n').filter((line) => !(unused.length && entry.test(line.trim())));
      return { code: kept.join('\n'), map: null };
    },
  };
}

const typescriptOptions = {
  tsconfig: './tsconfig.json',
  include: ['src/**/*.ts'],
  declaration: false,
  declarationMap: false,
  sourceMap: true,
  outDir: 'dist',
  // The shared tsconfig also covers test/ and emits declarations separately (tsconfig.build.json).
  rootDir: '.',
  noEmitOnError: true,
  // Lit's own transformer compiles @property, @state and @query to `static properties` and plain
  // getters, the way Lit is written without decorators: the source keeps its decorators, and the
  // bundle sheds the decorator helpers and one call per decorated field.
  transformers: { before: [{ type: 'program', factory: (program) => idiomaticDecoratorsTransformer(program) }] },
};

// A locale's two parts (src/i18n/locales.ts) share a file name: the base part becomes
// locales/<locale>.js, the more part locales/more/<locale>.js, never a numbered "sw2.js".
const localeChunk = (dir) => (chunk) => {
  const match = /[\\/]generated[\\/]locales[\\/](more[\\/])?[\w-]+\.ts$/.exec(chunk.facadeModuleId ?? '');
  return match ? `${dir}/${match[1] ? 'more/' : ''}[name].js` : undefined;
};

// Chunks are named for what they carry. Rollup names a chunk that several lazy entries share after
// its first module; the in-page backend the memory and localStorage adapters share gets its name.
// (Not manualChunks: that would pull modules the core needs, AdapterError, into the lazy chunk.)
const sharedChunkName = (chunk) =>
  chunk.isDynamicEntry ? undefined : chunk.moduleIds.some((id) => /[\\/]src[\\/]adapters[\\/]in-browser[\\/]/.test(id)) ? 'in-browser' : undefined;

// The plugins of a self-contained, minified page bundle (dist/maoni.js, dist/admin.js). A function:
// each build needs its own plugin instances.
const selfContained = () => [
  strTagOnly(),
  trimPluralForms(),
  nodeResolve({ exportConditions: ['production'] }),
  minifyCss(),
  minifyHtmlIndentation(),
  typescript(typescriptOptions),
  terser({ ecma: 2021, module: true, format: { comments: false } }),
];

const onwarn = (warning, warn) => {
  // Lit's own modules use `this` at top level in a way that is harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: { maoni: 'src/maoni.ts' },
    // Lets the locale chunks import `str` from maoni.js itself instead of forcing a shared chunk.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => localeChunk('locales')(chunk) ?? `chunks/${sharedChunkName(chunk) ?? '[name]'}-[hash].js`,
    },
    plugins: selfContained(),
    onwarn,
  },
  {
    input: { index: 'src/index.ts', define: 'src/define.ts', testing: 'src/testing/index.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => localeChunk('lib/locales')(chunk) ?? 'lib/[name]-[hash].js',
    },
    external: (id) => /^(lit|@lit\/localize|@lit\/reactive-element|lit-html|lit-element)(\/|$)/.test(id),
    plugins: [nodeResolve(), minifyCss(), typescript(typescriptOptions)],
    onwarn,
  },
  {
    input: { admin: 'src/admin.ts' },
    // The admin locale chunks import `str` from admin.js itself, as the widget's do from maoni.js.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // Its own folders: nothing here may overwrite a chunk of the widget's build.
      chunkFileNames: (chunk) =>
        /[\\/]generated[\\/]locales[\\/]admin[\\/][\w-]+\.ts$/.test(chunk.facadeModuleId ?? '') ? 'locales/admin/[name].js' : 'admin-chunks/[name]-[hash].js',
    },
    plugins: selfContained(),
    onwarn,
  },
];
