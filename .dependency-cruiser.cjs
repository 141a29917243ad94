/**
 * The layers of the service, outermost first, and the one direction imports may run:
 *   cli (with config and main) → http → graphql / web / observability → application / projections
 *   → domain / eventStore → core
 * `npm run lint` runs this; test/unit/structure/layers.unit.test.ts shows it refusing a wrong-way import.
 * Paths are matched anywhere in the path (`(^|/)src/…`) so the same rules judge that test's fixture.
 */
const layer = (name) => `(^|/)${name}/`;
const core = layer('src/core');
const domain = layer('src/domain');
const eventStore = layer('src/eventStore');
const application = layer('src/application');
const projections = '(^|/)projections/';
const graphql = layer('src/graphql');
const web = layer('src/web');
const observability = layer('src/observability');
const http = layer('src/http');
const cli = `(^|/)src/(cli/|config/|main\\.ts)`;

/** What each layer may not import: everything outside it and below it. */
const forbidden = [
  ['core', core, [domain, eventStore, application, projections, graphql, web, observability, http, cli]],
  ['domain', domain, [eventStore, application, projections, graphql, web, observability, http, cli]],
  ['eventStore', eventStore, [domain, application, projections, graphql, web, observability, http, cli]],
  ['projections', projections, [application, graphql, web, observability, http, cli]],
  ['application', application, [graphql, web, observability, http, cli]],
  ['graphql', graphql, [web, observability, http, cli]],
  ['web', web, [observability, http, cli]],
  ['observability', observability, [graphql, web, http, cli]],
  ['http', http, [cli]],
];

module.exports = {
  forbidden: [
    ...forbidden.map(([name, from, targets]) => ({
      name: `${name}-imports-only-inward`,
      comment: `${name} may import only the layers below it`,
      severity: 'error',
      from: { path: from },
      to: { path: targets.join('|') },
    })),
    {
      name: 'no-circular',
      comment: 'Modules that import each other, directly or around a loop',
      severity: 'error',
      from: { path: '(^|/)(src|projections)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
