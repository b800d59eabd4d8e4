import { Command } from 'commander';
import { DataDirLockedError } from './db/lock.ts';
import { CatalogError } from './features/catalog/index.ts';
import { ConfigError } from './platform/config.ts';
import { VERSION } from './platform/version.ts';

// tianping <command>: administration without the web UI. Commands that open the embedded data folder take its
// lock, so they refuse while the server runs (STACK.md gotcha 1).

const program = new Command()
  .name('tianping')
  .description('天平：妇女儿童发展规划监测评估系统 管理命令')
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
  .option('--app-role <role>', 'PostgreSQL：迁移后授予服务器日常使用的角色所需权限（该角色不拥有表，不能清空审计日志）')
  .action(async (options: { appRole?: string }) => {
    const { loadConfig } = await import('./platform/config.ts');
    const { openDatabase } = await import('./db/connection.ts');
    const { migrate } = await import('./db/migrate.ts');
    const { appRoleProblem, grantAppRole } = await import('./db/roles.ts');
    const config = loadConfig();
    if (options.appRole !== undefined) {
      const problem = config.databaseUrl
        ? appRoleProblem(options.appRole)
        : '--app-role 只用于 PostgreSQL（DATABASE_URL）；嵌入式数据库只有一个用户';
      if (problem) {
        console.error(problem);
        process.exitCode = 2;
        return;
      }
    }
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      console.log(`迁移完成，当前级别 ${await migrate(database)}`);
      if (options.appRole !== undefined) {
        await grantAppRole(database, options.appRole);
        console.log(`已授予角色 ${options.appRole} 服务器所需的权限（不含建表、清空或修改审计日志）`);
      }
    } finally {
      await database.close();
    }
  });

program
  .command('report')
  .description('生成报告：年度/终期监测报告、年度/终期评估报告（.docx）或统计报表（.xlsx）；见 docs/reports.md')
  .requiredOption(
    '--kind <kind>',
    'annual-monitoring、final-monitoring、annual-evaluation、final-evaluation 或 stat-tables',
  )
  .requiredOption('--year <year>', '报告年度（终期报告为周期末年）')
  .option('--scope <scope>', 'both（两个规划）或规划标识', 'both')
  .option('--basis <basis>', 'approved（已审核，默认）或 preliminary（含未审核）', 'approved')
  .option('--cycle <id>', '规划周期（规划目录 id，如 wuqing-2021-2025）；默认为当前周期')
  .requiredOption('--out <file>', '输出文件')
  .action(
    async (options: { kind: string; year: string; scope: string; basis: string; cycle?: string; out: string }) => {
      const { runReport, ReportError } = await import('./features/reports/index.ts');
      try {
        console.log(await runReport(options));
      } catch (error) {
        if (!(error instanceof ReportError)) throw error;
        console.error(error.message);
        process.exitCode = 2;
      }
    },
  );

program
  .command('remind')
  .description('发送填报截止提醒（站内通知与群机器人；服务器每小时也会自动执行，同一天重复执行不会重复提醒）')
  .action(async () => {
    const { loadConfig } = await import('./platform/config.ts');
    const { openDatabase } = await import('./db/connection.ts');
    const { migrate } = await import('./db/migrate.ts');
    const { sendDeadlineReminders, WEBHOOK_RUN_LABELS } = await import('./features/notices/index.ts');
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(database);
      const run = await sendDeadlineReminders(database.db, new Date(), { allowedHosts: config.webhookAllowedHosts });
      const robot = WEBHOOK_RUN_LABELS[run.webhook] + (run.webhookMessage ? `（${run.webhookMessage}）` : '');
      console.log(`已生成提醒 ${run.created.length} 条（${run.today}）；群机器人：${robot}`);
    } finally {
      await database.close();
    }
  });

const user = program
  .command('user')
  .description('用户账号管理（首个管理员、重置密码、解锁；见 docs/administration.md）');

user
  .command('create')
  .description('新建用户（首次登录须修改密码）；不给 --password 时从终端（不回显）或标准输入第一行读取')
  .requiredOption('--username <username>', '用户名')
  .requiredOption('--name <name>', '姓名')
  .requiredOption(
    '--role <role>',
    '角色：office、statistics、unit_reporter、unit_leader、town_reporter、district_leader、admin',
  )
  .option('--unit <unit>', '所属单位（全称或代码，如 区卫生健康委）')
  .option('--area <area>', '所属镇街（全称或代码，如 杨村街道）')
  .option('--password <password>', '初始密码')
  .action(async (options: import('./cli/users.ts').UserCreateOptions) => {
    const { userCreate } = await import('./cli/users.ts');
    await userCreate(options);
  });

user
  .command('reset')
  .description('重置密码并解除锁定（下次登录须修改）；不给 --password 时从终端或标准输入读取')
  .requiredOption('--username <username>', '用户名')
  .option('--password <password>', '临时密码')
  .action(async (options: { username: string; password?: string }) => {
    const { userReset } = await import('./cli/users.ts');
    await userReset(options);
  });

user
  .command('unlock')
  .description('解除登录失败锁定')
  .requiredOption('--username <username>', '用户名')
  .action(async (options: { username: string }) => {
    const { userUnlock } = await import('./cli/users.ts');
    await userUnlock(options);
  });

program
  .command('audit')
  .description('审计日志')
  .command('purge')
  .description('删除超过保存期（AUDIT_RETENTION_DAYS，不少于 180 天）的审计日志')
  .action(async () => {
    const { auditPurge } = await import('./cli/users.ts');
    await auditPurge();
  });

program
  .command('analysis')
  .description('监测分析的派生结果（评估结果表）')
  .command('rebuild')
  .description(
    '由原始数据全部重算评估结果（如用 SQL 直接导入了数据）；PostgreSQL 上可在服务器运行时执行，重算在一个事务中完成',
  )
  .action(async () => {
    const { loadConfig } = await import('./platform/config.ts');
    const { openDatabase } = await import('./db/connection.ts');
    const { migrate } = await import('./db/migrate.ts');
    const { rebuildResults } = await import('./features/analysis/index.ts');
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(database);
      const started = performance.now();
      const n = await rebuildResults(database.db);
      console.log(`已重算 ${n} 个指标的评估结果，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    } finally {
      await database.close();
    }
  });

program
  .command('assess')
  .description('按监测评估方法评估给定指标序列（JSON 输入，JSON 输出；格式见 docs/cli-assess.md）')
  .requiredOption('--input <file>', '输入 JSON 文件（- 表示标准输入）')
  .action(async (options: { input: string }) => {
    const { readAssessInput, runAssess, AssessInputError } = await import('./cli/assess.ts');
    try {
      console.log(runAssess(readAssessInput(options.input)));
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

const planCommand = program.command('plan').description('规划文件与规划周期（见 docs/catalog.md）');

planCommand
  .command('draft')
  .description(
    '从规划正文（.docx 或 UTF-8 .txt）生成规划目录草稿：规划、领域、主要目标和策略措施逐字照录，候选监测指标另存 candidates.yaml',
  )
  .argument('<file>', '规划正文文件（印发通知及其所附规划）')
  .requiredOption('--out <dir>', '草稿目录（新目录或空目录）')
  .option('--id <id>', '标识前缀（小写字母、数字、连字符），如 wuqing → wuqing-2026-2030', 'draft')
  .option('--cycle <years>', '规划周期，标题中没有“十五五”等字样时需要，如 2026-2030')
  .action(async (file: string, options: import('./cli/plan.ts').PlanDraftOptions) => {
    const { runPlanDraft } = await import('./cli/plan.ts');
    const { DraftError } = await import('./features/plans/index.ts');
    try {
      console.log(await runPlanDraft(file, options));
    } catch (error) {
      if (!(error instanceof DraftError)) throw error;
      console.error(error.message);
      process.exitCode = 2;
    }
  });

planCommand
  .command('publish')
  .description(
    '把校验通过的规划目录发布为一个规划周期（如 2026–2030）：与已有周期并存，已有周期的数据、分析和报告不变；同一目录再次发布则就地更新',
  )
  .argument('<dir>', '规划目录（folder.yaml、各规划文件、organisation.yaml、responsibility.yaml）')
  .option('--current', '设为当前周期（首次发布时默认如此）')
  .option('--no-current', '不设为当前周期')
  .action(async (dir: string, options: { current?: boolean }) => {
    const { runPlanPublish } = await import('./cli/plan.ts');
    const { AppError } = await import('./kernel/errors.ts');
    try {
      console.log(await runPlanPublish(dir, options));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(error.message);
      process.exitCode = 2;
    }
  });

program
  .command('backup')
  .description('备份整个数据库为一个文件（两种数据库格式相同；嵌入式数据库运行中请用网页“系统管理 → 下载备份”）')
  .requiredOption('--out <file>', '备份文件路径，如 /备份/天平-2026-03-31.tianping.gz')
  .action(async (options: { out: string }) => {
    const { runBackup } = await import('./cli/backup.ts');
    await runBackup(options);
  });

program
  .command('restore <file>')
  .description('从备份文件恢复到空的数据库（新的数据目录，或 DATABASE_URL 指向的空数据库）')
  .action(async (file: string) => {
    const { runRestore } = await import('./cli/backup.ts');
    await runRestore(file);
  });

program
  .command('migrate-to <databaseUrl>')
  .description('把嵌入式数据库（TIANPING_DATA_DIR）整体迁移到一个空的 PostgreSQL 数据库（先停止服务器）')
  .action(async (databaseUrl: string) => {
    const { runMigrateTo } = await import('./cli/backup.ts');
    await runMigrateTo(databaseUrl);
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
