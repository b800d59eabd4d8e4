// Mutation testing (npm run mutation): does the test suite notice when the code is broken?
// Mutates src/core and the upload's number-cell reader; runs the pure tests of vitest.mutation.config.ts.
// Per-test coverage runs only the tests that reach a mutant; the incremental file (reports/, not committed) lets a
// second run re-test only what changed. One module at a time:
//   npm run mutation -- --mutate 'src/core/assessment/**/*.ts'
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/**/*.ts',
    // readNumber: percent-formatted cells are refused (the rest of parse.ts is exercised through the database).
    // A line range: move it when parse.ts changes above readNumber (it pointed at readWorkbook for a while).
    'src/features/collection/excel/parse.ts:524-546',
  ],
  concurrency: 2,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
};
