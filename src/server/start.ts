import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { purgeAuditLog } from '../features/audit/index.ts';
import { sendDeadlineReminders } from '../features/notices/index.ts';
import type { Config } from '../platform/config.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database (taking the data-folder lock on PGlite), migrates, and listens. */
export async function startServer(config: Config, logger?: boolean): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    await bootstrap(config, database);
    const app = await buildApp({ config, database, ...(logger === undefined ? {} : { logger }) });
    const address = await app.listen({ port: config.port, host: config.host });
    // Audit retention: purge once at start and then daily.
    const purge = () =>
      purgeAuditLog(database.db, config.security.auditRetentionDays).catch((error) => app.log.error(error));
    await purge();
    const purgeTimer = setInterval(purge, 86_400_000);
    purgeTimer.unref();
    // Deadline reminders: at start (not awaited: a slow group robot must not delay it) and then hourly.
    let reminding: Promise<unknown> = Promise.resolve();
    const remind = () => {
      reminding = sendDeadlineReminders(database.db, new Date(), {
        log: app.log,
        allowedHosts: config.webhookAllowedHosts,
      }).catch((error) => app.log.error(error));
    };
    remind();
    const remindTimer = setInterval(remind, 3_600_000);
    remindTimer.unref();
    return {
      app,
      database,
      url: address,
      async stop() {
        clearInterval(purgeTimer);
        clearInterval(remindTimer);
        await reminding;
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
