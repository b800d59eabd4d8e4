// Compiles the server and the CLI into dist/server/ (ESM, Node 20) with esbuild, so production runs plain
// `node` instead of transforming TypeScript at every start (docs/decisions/010-compiled-server.md).
// npm packages stay external: they are installed beside the bundle and load as usual.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: {
    main: 'src/main.ts',
    cli: 'src/cli.ts',
    // The worker that reads uploaded templates (src/features/collection/excel/read-in-worker.ts).
    'parse-worker': 'src/features/collection/excel/parse-worker.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
