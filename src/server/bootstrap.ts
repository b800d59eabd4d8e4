import type { Database } from '../db/connection.ts';
import { ensureDemoAccounts } from '../features/auth/index.ts';
import { importCatalog, loadPlanFolder } from '../features/catalog/index.ts';
import { generateDemoData, hasDemoData } from '../features/demo/index.ts';
import { loadOrganisation, seedOrganisation } from '../features/organisation/index.ts';
import { seedResponsibility } from '../features/responsibility/index.ts';
import type { Config } from '../platform/config.ts';
import { ACTIVE_FOLDER, setSetting } from '../platform/settings.ts';

/**
 * Brings a migrated database up to the plan folder: the catalog (updated in place at every start), the default
 * organisation when there is none yet, and in demo mode the demo accounts and, once, the demo data. Safe to run at every start; an
 * invalid plan folder stops start-up with its problems listed and changes nothing.
 */
export async function bootstrap(
  config: Config,
  database: Database,
  options: { demoData?: boolean; progress?: (line: string) => void } = {},
): Promise<void> {
  options.progress?.('读取规划指标目录…');
  const catalog = await loadPlanFolder(config.planDir);
  await importCatalog(database.db, catalog);
  await setSetting(database.db, ACTIVE_FOLDER, catalog.folder.id);
  await seedOrganisation(database.db, loadOrganisation(config.planDir));
  await seedResponsibility(database.db, config.planDir, { catalog });
  if (config.demo) {
    await ensureDemoAccounts(database.db);
    const wantData = options.demoData ?? config.demoData;
    if (wantData && !(await hasDemoData(database.db)))
      await generateDemoData(database.db, {
        folderId: catalog.folder.id,
        ...(config.demoThrough ? { lastYear: config.demoThrough, openLastRound: false } : {}),
        ...(options.progress ? { progress: options.progress } : {}),
      });
  }
}
