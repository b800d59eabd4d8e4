// Import rules (docs/decisions/009-feature-folders.md). Layers, lowest first:
//   src/kernel  <  src/core  <  src/db, src/platform  <  src/features/<feature>  <  src/server, src/cli, src/cli.ts, src/main.ts
// A feature reaches another feature only through its index.ts. The web reaches server code only through a
// feature's contract.ts, and the pure kernel and core. No cycles anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Import cycles make load order fragile.', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    {
      name: 'kernel-imports-nothing-above',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    {
      name: 'core-imports-only-kernel',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(kernel|core)/' },
    },
    {
      name: 'infrastructure-imports-no-feature',
      severity: 'error',
      from: { path: '^src/(db|platform)/' },
      to: { path: '^src/(features|server|cli)|^src/(cli|main)\\.ts$' },
    },
    {
      name: 'features-import-no-app-assembly',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/(server|cli)/|^src/(cli|main)\\.ts$' },
    },
    {
      name: 'another-feature-only-through-index',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/([^/]+)/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'app-assembly-uses-feature-index',
      severity: 'error',
      from: { path: '^src/(server|cli)/|^src/(cli|main)\\.ts$' },
      to: { path: '^src/features/[^/]+/', pathNot: '^src/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'web-imports-only-contracts',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: ['^src/(kernel|core)/', '^src/features/[^/]+/contract\\.ts$'] },
    },
    {
      name: 'contracts-stay-pure',
      severity: 'error',
      comment: 'A contract is loaded by the browser: zod, kernel and core only.',
      from: { path: '^src/features/[^/]+/contract\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/(kernel|core)/', '^src/features/[^/]+/contract\\.ts$'] },
    },
    {
      name: 'server-code-never-imports-web',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
