import { Command } from 'commander';
import { CatalogError } from './catalog/load.ts';
import { ConfigError } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { VERSION } from './version.ts';

// tianping <command>: administration without the web UI. Commands that open the embedded data folder take its
// lock, so they refuse while the server runs (STACK.md gotcha 1).

const program = new Command()
  .name('tianping')
  .description('天平：武清区妇女儿童发展规划监测评估系统 管理命令')
  .version(VERSION);

program
  .command('serve')
  .description('启动服务器（嵌入式数据库或 DATABASE_URL 指定的 PostgreSQL）')
  .action(async () => {
    const { main } = await import('./main.ts');
    await main();
  });

program
  .command('migrate')
  .description('执行数据库迁移（服务器启动时也会自动执行）')
  .action(async () => {
    const { loadConfig } = await import('./config.ts');
    const { openDatabase } = await import('./db/connection.ts');
    const { migrate } = await import('./db/migrate.ts');
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      console.log(`迁移完成，当前级别 ${await migrate(database)}`);
    } finally {
      await database.close();
    }
  });

program
  .command('assess')
  .description('按监测评估方法评估给定指标序列（JSON 输入，JSON 输出；格式见 docs/cli-assess.md）')
  .requiredOption('--input <file>', '输入 JSON 文件（- 表示标准输入）')
  .action(async (options: { input: string }) => {
    const fs = await import('node:fs');
    const { runAssess, AssessInputError } = await import('./cli/assess.ts');
    const text = fs.readFileSync(options.input === '-' ? 0 : options.input, 'utf8');
    try {
      console.log(runAssess(text));
    } catch (error) {
      if (!(error instanceof AssessInputError)) throw error;
      console.error(error.message);
      process.exitCode = 2;
    }
  });

program
  .command('catalog')
  .description('读取规划目录（TIANPING_PLAN_DIR），列出各规划的领域、主要目标、策略措施和监测指标数；不打开数据库')
  .option('--json', '以 JSON 输出整个规划目录（格式见 docs/catalog.md）')
  .action(async (options: { json?: boolean }) => {
    const { runCatalog } = await import('./cli/catalog.ts');
    console.log(await runCatalog(options));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof CatalogError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
