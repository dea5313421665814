// Two builds:
//  - dist/maoni.js: one self-contained, minified ES module for pages without a bundler (Lit
//    inlined; registers the elements). Non-English locales are split into lazy chunks beside it.
//  - dist/index.js + dist/define.js: the side-effect-free entry and the define entry for bundlers,
//    with lit and @lit/localize left as dependencies.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

// A tiny rollup plugin: collapses whitespace inside Lit `css` template literals of *.styles.ts
// files. Terser leaves template text alone, and the styles are a good share of the bundle.
function minifyCss() {
  return {
    name: 'maoni-minify-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const out = code.replace(/css\s*`([^`]*)`/g, (_, body) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
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
      const match = /[\\/]generated[\\/]locales[\\/]([\w-]+)\.ts$/.exec(id);
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
};

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
      chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes('/generated/locales/') ? 'locales/[name].js' : 'chunks/[name]-[hash].js'),
    },
    plugins: [
      strTagOnly(),
      trimPluralForms(),
      nodeResolve({ exportConditions: ['production'] }),
      minifyCss(),
      typescript(typescriptOptions),
      terser({ ecma: 2021, module: true, format: { comments: false } }),
    ],
    onwarn,
  },
  {
    input: { index: 'src/index.ts', define: 'src/define.ts', testing: 'src/testing/index.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes('/generated/locales/') ? 'lib/locales/[name].js' : 'lib/[name]-[hash].js'),
    },
    external: (id) => /^(lit|@lit\/localize|@lit\/reactive-element|lit-html|lit-element)(\/|$)/.test(id),
    plugins: [nodeResolve(), minifyCss(), typescript(typescriptOptions)],
    onwarn,
  },
];
