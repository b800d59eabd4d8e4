import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_SYSTEM_NAME, type Site } from '../../core/site.ts';
import { migrationLevel, readMigrations } from '../../db/migrate.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getSetting, SITE } from '../../platform/settings.ts';
import { VERSION } from '../../platform/version.ts';
import { type Health, HealthReply } from './contract.ts';

export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  // The migration files ship with this build: counted once, not read from disk on every health check.
  const migrationsAvailable = readMigrations().length;
  app.get(
    '/health',
    {
      schema: { tags: ['系统'], summary: '运行状态：版本、数据库引擎、迁移级别', response: { 200: HealthReply } },
      config: { access: { public: true } },
    },
    async (): Promise<Health> => {
      const site = (await getSetting<Site>(database.db, SITE)) ?? null;
      return {
        status: 'ok' as const,
        name: site?.systemName ?? DEFAULT_SYSTEM_NAME,
        version: VERSION,
        engine: database.engine,
        migrationLevel: await migrationLevel(database.db),
        migrationsAvailable,
        demo: config.demo,
        site,
      };
    },
  );
};
