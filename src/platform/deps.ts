import type { Database } from '../db/connection.ts';
import type { Config } from './config.ts';

/** What every feature plugin receives: configuration and the database. */
export interface AppDeps {
  config: Config;
  database: Database;
}
