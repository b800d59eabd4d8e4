import type { Database } from '../db/connection.ts';
import { ensureDemoAccounts, modeOf, removeStaleSessions } from '../features/auth/index.ts';
import { generateDemoData, hasDemoData } from '../features/demo/index.ts';
import { loadWholeFolder, publishIfChanged } from '../features/plans/index.ts';
import { applyDefaultAssignments } from '../features/responsibility/index.ts';
import type { Config } from '../platform/config.ts';

/**
 * Brings a migrated database up to the configured plan folder: published as a cycle (updated in place at every
 * start; its units and towns added the first time), and in demo mode the demo accounts and, once, the demo data. Safe to run at every start.
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
  const whole = await loadWholeFolder(config.planDir);
  // The configured folder is published as at every start (unless unchanged since): updated in place, current when
  // new to the system. A cycle published later (规划管理) stays current across restarts.
  const { catalog } = whole;
  const published = await publishIfChanged(database.db, whole);
  // Items nobody is assigned to (their rows lost, say) get their default units at every start, as when published.
  if (!published && whole.responsibility)
    await applyDefaultAssignments(database.db, whole.responsibility, catalog.folder.id);
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
