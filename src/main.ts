import { pathToFileURL } from 'node:url';
import { DataDirLockedError } from './db/lock.ts';
import { CatalogError } from './features/catalog/index.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { readableLogStream, wantsReadableLogs } from './server/log-format.ts';
import { PortInUseError, startServer } from './server/start.ts';

// `npm start` / `tianping serve`: run the server until SIGINT/SIGTERM, then close the database cleanly.
export async function main(): Promise<void> {
  try {
    const config = loadConfig();
    const readable = wantsReadableLogs();
    const server = await startServer(config, {
      progress: (line) => console.log(line),
      ...(readable ? { logger: { level: config.logLevel, stream: readableLogStream() } } : {}),
    });
    // Listening for the stop signals before saying we run: whoever waits for that line (a supervisor, a test) may
    // stop the server at once, and a SIGTERM that came first would kill it without closing the database.
    const shutdown = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    const where = config.databaseUrl ? 'PostgreSQL 服务器' : `嵌入式数据库（${config.dataDir}）`;
    console.log(`天平已启动：${server.url}  数据库：${where}${config.demo ? '  演示模式' : ''}`);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof CatalogError ||
      error instanceof PortInUseError
    ) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

// Run when started as a program (node dist/server/main.js, tsx src/main.ts). pathToFileURL, not string
// concatenation: a project folder whose path has spaces or Chinese characters is percent-encoded in the URL.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
