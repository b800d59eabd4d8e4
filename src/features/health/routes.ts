import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_SYSTEM_NAME, type Site } from '../../core/site.ts';
import { migrationLevel, readMigrations } from '../../db/migrate.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getSetting, SITE } from '../../platform/settings.ts';
import { VERSION } from '../../platform/version.ts';

const HealthReply = z.object({
  status: z.literal('ok'),
  name: z.string(),
  version: z.string(),
  engine: z.enum(['pglite', 'postgresql']),
  migrationLevel: z.number().int(),
  migrationsAvailable: z.number().int(),
  demo: z.boolean(),
  /** Who the system belongs to, from the active plan folder (src/core/site.ts); null before the first start. */
  site: z
    .object({
      systemName: z.string(),
      region: z.string(),
      regionShort: z.string(),
      committee: z.string(),
      office: z.string(),
      planTitles: z.array(z.string()),
      issuers: z.array(z.string()),
    })
    .nullable(),
});

export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  app.get(
    '/health',
    {
      schema: { tags: ['系统'], summary: '运行状态：版本、数据库引擎、迁移级别', response: { 200: HealthReply } },
      config: { access: { public: true } },
    },
    async () => {
      const site = (await getSetting<Site>(database.db, SITE)) ?? null;
      return {
        status: 'ok' as const,
        name: site?.systemName ?? DEFAULT_SYSTEM_NAME,
        version: VERSION,
        engine: database.engine,
        migrationLevel: await migrationLevel(database.db),
        migrationsAvailable: readMigrations().length,
        demo: config.demo,
        site,
      };
    },
  );
};
