import { defineConfig } from 'vitest/config';

// The tests Stryker runs for each mutant (npm run mutation; stryker.config.mjs): the pure tests of src/core and of
// the collection rules, workflow and upload cells. Tests that need a database, a server or a child process are left
// out: they are slow, and the code they add to the picture is not mutated.
export default defineConfig({
  test: {
    include: [
      'test/assessment/**/*.test.ts',
      'test/collection/rules.test.ts',
      'test/collection/workflow-rules.test.ts',
      'test/narrative/**/*.test.ts',
      'test/catalog/indicators.test.ts',
      'test/catalog/invalid.test.ts',
      'test/catalog/fixture.test.ts',
      'test/reports/charts.test.ts',
      'test/responsibility/default-file.test.ts',
    ],
    exclude: ['test/assessment/cli-v2.test.ts'],
    testTimeout: 30_000,
  },
});
