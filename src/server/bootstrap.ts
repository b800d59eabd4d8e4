import { siteOf } from '../core/site.ts';
import type { Database } from '../db/connection.ts';
import { ensureDemoAccounts, modeOf, removeStaleSessions } from '../features/auth/index.ts';
import { importCatalog } from '../features/catalog/index.ts';
import { generateDemoData, hasDemoData } from '../features/demo/index.ts';
import { seedOrganisation } from '../features/organisation/index.ts';
import { loadWholeFolder } from '../features/plans/index.ts';
import { applyDefaultAssignments } from '../features/responsibility/index.ts';
import type { Config } from '../platform/config.ts';
import { ACTIVE_FOLDER, getSetting, SITE, SYSTEM_NAME, setSetting } from '../platform/settings.ts';

/**
 * Brings a migrated database up to the plan folder: the catalog (updated in place at every start), the default
 * organisation when there is none yet, and in demo mode the demo accounts and, once, the demo data. Safe to run at every start.
 * The whole folder (plans, organisation.yaml, responsibility.yaml) is checked before anything is written: an invalid
 * folder stops start-up with every problem listed (CatalogError) and changes nothing.
 */
export async function bootstrap(
  config: Config,
  database: Database,
  options: { demoData?: boolean; progress?: (line: string) => void } = {},
): Promise<void> {
  // Sessions opened in the other mode (demo ↔ production), or idle or open too long, end at start.
  await removeStaleSessions(database.db, { security: config.security, mode: modeOf(config.demo) });
  options.progress?.('读取规划指标目录…');
  const { catalog, organisation, responsibility } = await loadWholeFolder(config.planDir);
  await importCatalog(database.db, catalog);
  await setSetting(database.db, ACTIVE_FOLDER, catalog.folder.id);
  await setSetting(
    database.db,
    SITE,
    siteOf(catalog, organisation, await getSetting<string>(database.db, SYSTEM_NAME)),
  );
  await seedOrganisation(database.db, organisation);
  if (responsibility) await applyDefaultAssignments(database.db, responsibility);
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
