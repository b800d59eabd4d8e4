import { defineConfig } from 'vitest/config';

// Two projects: fast unit/integration tests, and browser end-to-end tests that need a built web app.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          exclude: ['test/e2e/**'],
          // Two files at a time even on two cores (vitest's default is cores − 1 = one): many tests wait on a server
          // process, PostgreSQL or LibreOffice, and one file at a time left a core idle (unit phase 750 s → 520 s).
          maxWorkers: 2,
          testTimeout: 30_000,
          // Demo data are generated in beforeAll; on a busy 2-core machine that can take a minute.
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          // Pages load data asynchronously; on a busy 2-core machine a second is not always enough.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          testTimeout: 120_000,
          // The first file of a kind also builds the run's demo folder (test/e2e/demo-server.ts).
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
