import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationLevel, readMigrations } from '../../db/migrate.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { VERSION } from '../../platform/version.ts';

const HealthReply = z.object({
  status: z.literal('ok'),
  name: z.string(),
  version: z.string(),
  engine: z.enum(['pglite', 'postgresql']),
  migrationLevel: z.number().int(),
  migrationsAvailable: z.number().int(),
  demo: z.boolean(),
});

export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  app.get(
    '/health',
    {
      schema: { tags: ['系统'], summary: '运行状态：版本、数据库引擎、迁移级别', response: { 200: HealthReply } },
      config: { access: { public: true } },
    },
    async () => ({
      status: 'ok' as const,
      name: '武清区妇女儿童发展规划监测评估系统',
      version: VERSION,
      engine: database.engine,
      migrationLevel: await migrationLevel(database.db),
      migrationsAvailable: readMigrations().length,
      demo: config.demo,
    }),
  );
};
