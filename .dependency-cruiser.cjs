// The house rules of the code's layout, checked by `npm run lint` (dependency-cruiser):
// - no import cycle in lib/, components/ or entrypoints/ (type-only imports count: a reader follows them too);
// - headers: code outside a folder of lib/ imports only that folder's index.ts, its public surface;
// - every import resolves (aliases through .dependency-cruiser.tsconfig.json).
// Exceptions, each with its reason:
// - lib/detect/signals.ts ⇄ lib/detect/tables.ts: a known cycle, to be removed with the detection work on lib/detect;
// - entrypoints/pick.ts (the pick script, injected on the user's click) likewise imports lib/detect/pick.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules must not import each other, directly or through others.',
      from: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/detect/(signals|tables)\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'only-through-index',
      severity: 'error',
      comment: "Outside a folder of lib/, import only the folder's index.ts (its public surface).",
      from: { path: '^((?:lib/[^/]+)|components|entrypoints)', pathNot: '^entrypoints/pick\\.ts$' },
      to: { path: '^lib/[^/]+/', pathNot: ['^$1/', '^lib/[^/]+/index\\.ts$'] },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'Every import resolves (an alias the tool cannot follow would hide the imports behind it from the rules above).',
      from: { path: '^(lib|components|entrypoints)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'], exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
