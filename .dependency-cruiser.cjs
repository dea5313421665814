/**
 * The layers of src/ (README "How the code is laid out"), checked in `npm test` (`npm run deps`):
 *   core → adapters, i18n, keeping → components → index / define / maoni / admin
 * A layer imports only layers below it; no cycles (type-only imports count too); no orphans;
 * the widget and the server never import each other.
 */
const layer = (name, may) => ({
  name: `${name}-imports-only-below`,
  comment: `src/${name}/ may import only ${may.length ? may.map((l) => `src/${l}/`).join(', ') : 'nothing else in src/'} (and itself).`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/(${[name, ...may].join('|')})/`] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Import cycles hide the layering and break lazy chunks.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code (entries and generated files aside).',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: ['^src/(index|define|maoni|admin)\\.ts$', '^src/testing/index\\.ts$', '^src/generated/', '\\.d\\.ts$'] },
      to: {},
    },
    layer('core', []),
    layer('adapters', ['core']),
    layer('i18n', ['core', 'generated']),
    layer('keeping', ['core']),
    // The components may use everything below them, never the entries above.
    { name: 'components-not-entries', severity: 'error', from: { path: '^src/components/' }, to: { path: '^src/(index|define|maoni|admin)\\.ts$|^src/(cdn|testing)/' } },
    { name: 'widget-not-server', comment: 'The widget never imports the server.', severity: 'error', from: { path: '^(src|test)/' }, to: { path: '^server/' } },
    { name: 'server-not-widget', comment: 'The server never imports the widget’s sources.', severity: 'error', from: { path: '^server/' }, to: { path: '^src/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/locales/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
