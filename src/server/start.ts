import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { purgeAuditLog } from '../features/audit/index.ts';
import { sendDeadlineReminders } from '../features/notices/index.ts';
import { remindOverdueSupervision } from '../features/supervision/index.ts';
import type { Config } from '../platform/config.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Fastify's logger setting (default: JSON lines at the configured level). */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** Lines of progress while the database is prepared (demo data take a while to generate). */
  progress?: (line: string) => void;
}

/** The port is taken (another 天平, or another program): said in Chinese, with what to do. */
export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `端口 ${port}（${host}）已被占用：可能天平已在运行，或有其他程序使用该端口。请先关闭它，或换一个端口启动，例如 PORT=${port + 1} npm start`,
    );
  }
}

/** Opens the database (taking the data-folder lock on PGlite), migrates, and listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const { progress } = options;
  // Said before the database is prepared (demo data take a while), not after.
  if (config.port !== 0 && !(await portIsFree(config.host, config.port)))
    throw new PortInUseError(config.host, config.port);
  progress?.(config.databaseUrl ? '连接 PostgreSQL 数据库…' : `打开嵌入式数据库（${config.dataDir}）…`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    progress?.('检查数据库结构（迁移）…');
    await migrate(database);
    await bootstrap(config, database, progress ? { progress } : {});
    const app = await buildApp({
      config,
      database,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    let address: string;
    try {
      address = await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(config.host, config.port);
      throw error;
    }
    // Audit retention: purge once at start and then daily.
    const purge = () =>
      purgeAuditLog(database.db, config.security.auditRetentionDays).catch((error) => app.log.error(error));
    await purge();
    const purgeTimer = setInterval(purge, 86_400_000);
    purgeTimer.unref();
    // Deadline reminders and overdue 督办: at start (not awaited: a slow group robot must not delay it) and then
    // hourly.
    let reminding: Promise<unknown> = Promise.resolve();
    const remind = () => {
      reminding = Promise.all([
        sendDeadlineReminders(database.db, new Date(), {
          log: app.log,
          allowedHosts: config.webhookAllowedHosts,
        }),
        remindOverdueSupervision(database.db),
      ]).catch((error) => app.log.error(error));
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

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code !== 'EADDRINUSE'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
