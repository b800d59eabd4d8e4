import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { buildApp } from './app.ts';

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
    const app = await buildApp({ config, database, ...(logger === undefined ? {} : { logger }) });
    const address = await app.listen({ port: config.port, host: config.host });
    return {
      app,
      database,
      url: address,
      async stop() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
