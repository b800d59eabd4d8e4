import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../src/db/connection.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import { type BuildOptions, buildApp } from '../../src/server/app.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { preparedDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/**
 * A Fastify app on a fresh, migrated, bootstrapped test database (the bundled plan, default organisation and
 * responsibility; demo accounts unless `demo: false`; demo data only when asked), driven with app.inject.
 */
export async function createTestApp(
  engine: Engine,
  overrides: Partial<Config> = {},
  options: { demoData?: boolean; readerLimits?: BuildOptions['readerLimits'] } = {},
): Promise<TestApp> {
  // Tests: no login delay, and the loopback receiver of test/notices allowed as a webhook target.
  const config = {
    // Tests sign in many times a minute from one address; the login rate limit has its own test (login-security).
    ...loadConfig({
      LOGIN_FAILURE_DELAY_MS: '0',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    }),
    demo: true,
    ...overrides,
  };
  const demoData = options.demoData ?? false;
  // What the bootstrap reads of the configuration names the copy (test/helpers/db.ts).
  const key = JSON.stringify(['bootstrap', config.planDir, config.demo, config.demoThrough ?? null, demoData]);
  const db = await preparedDatabase(engine, key, (database) => bootstrap(config, database, { demoData }));
  const app = await buildApp({
    config,
    database: db.database,
    logger: false,
    ...(options.readerLimits ? { readerLimits: options.readerLimits } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    config,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
