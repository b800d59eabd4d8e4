import crypto from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { siteOf } from '../../core/site.ts';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';
import { plan, planFolder } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import {
  ACTIVE_FOLDER,
  getSetting,
  publishedKey,
  SITE,
  SYSTEM_NAME,
  setSetting,
  siteKey,
} from '../../platform/settings.ts';
import { type Actor, audit } from '../audit/index.ts';
import { type ImportSummary, importCatalog } from '../catalog/index.ts';
import { mergeOrganisation } from '../organisation/index.ts';
import { applyDefaultAssignments } from '../responsibility/index.ts';
import type { WholeFolder } from './folder.ts';

// Publishing a checked plan folder into the running system as a cycle (规划周期) of its own (issue 13): its plans,
// goals, measures and indicators beside the earlier cycles', which stay whole; on its first publication the units
// and towns it names that the system lacks; its default responsibility for items nobody has assigned yet. One
// transaction: a folder is published whole or not at all. A server start publishes the configured folder the
// same way (src/server/bootstrap.ts), so a restart updates it in place.

export interface PublishSummary extends ImportSummary {
  folderId: string;
  /** Whether the folder was not in the system before. */
  firstPublished: boolean;
  /** Whether the folder is now the current cycle. */
  current: boolean;
  unitsAdded: number;
  areasAdded: number;
  /** Indicators and measures given their default lead and partner units. */
  assignedItems: number;
}

export interface PublishOptions {
  /**
   * Make the folder the current cycle (new rounds, default pages). Default: when it is published for the first
   * time or no cycle is current yet.
   */
  current?: boolean;
  /** Who publishes (the 规划管理 page, `tianping plan publish`): written to the audit log with the summary. */
  actor?: Actor;
}

export async function publishFolder(db: Db, whole: WholeFolder, options: PublishOptions = {}): Promise<PublishSummary> {
  const { catalog, organisation, responsibility } = whole;
  const folderId = catalog.folder.id;
  return db.transaction(async (tx) => {
    // Plan ids are global: another cycle's plan of the same id would be overwritten by this one.
    const owners = await tx
      .select({ id: plan.id, folderId: plan.folderId })
      .from(plan)
      .where(
        inArray(
          plan.id,
          catalog.plans.map((p) => p.id),
        ),
      );
    const taken = owners.find((o) => o.folderId !== folderId);
    if (taken) {
      throw new AppError(
        409,
        'PLAN_ID_TAKEN',
        `规划 id“${taken.id}”已属于规划周期“${taken.folderId}”：新一轮规划须用新的 id（如把年份改为新周期的年份），否则会覆盖上一轮的规划。`,
      );
    }
    const [known] = await tx.select({ id: planFolder.id }).from(planFolder).where(eq(planFolder.id, folderId));
    const firstPublished = known === undefined;
    const summary = await importCatalog(tx, catalog);
    const added = firstPublished ? await mergeOrganisation(tx, organisation) : { units: 0, areas: 0 };
    const assignedItems = responsibility ? await applyDefaultAssignments(tx, responsibility, folderId) : 0;

    const site = siteOf(catalog, organisation, await getSetting<string>(tx, SYSTEM_NAME));
    await setSetting(tx, siteKey(folderId), site);
    // Republishing the current cycle (every start does) keeps it current and refreshes its names.
    const active = await getSetting<string>(tx, ACTIVE_FOLDER);
    const current = active === folderId || (options.current ?? (firstPublished || active === undefined));
    if (current) {
      await setSetting(tx, ACTIVE_FOLDER, folderId);
      await setSetting(tx, SITE, site);
    }
    const result: PublishSummary = {
      ...summary,
      folderId,
      firstPublished,
      current,
      unitsAdded: added.units,
      areasAdded: added.areas,
      assignedItems,
    };
    await setSetting(tx, publishedKey(folderId), await fingerprintOf(tx, whole));
    if (options.actor) {
      await audit(tx, options.actor, {
        action: 'plan.publish',
        objectType: 'plan_folder',
        objectId: folderId,
        after: result,
      });
    }
    return result;
  });
}

/**
 * A server start: publishes the configured folder unless it was published exactly so before (the same files, system
 * name and database schema), which changes nothing and cost a reused folder's start 1.5 s of upserts on PGlite.
 * Returns null when skipped.
 */
export async function publishIfChanged(db: Db, whole: WholeFolder): Promise<PublishSummary | null> {
  const published = await getSetting<string>(db, publishedKey(whole.catalog.folder.id));
  if (published !== undefined && published === (await fingerprintOf(db, whole))) return null;
  return publishFolder(db, whole);
}

/**
 * What a publication's outcome depends on besides the database's own data: the folder, the system name, and the
 * schema (a migration may add what publishing fills in, such as an indicator's predecessor).
 */
async function fingerprintOf(db: Db, whole: WholeFolder): Promise<string> {
  const [schema] = await rows<{ n: number }>(db, sql`select count(*)::int as n from schema_migration`);
  const systemName = (await getSetting<string>(db, SYSTEM_NAME)) ?? null;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([whole, systemName, schema?.n ?? 0]))
    .digest('hex');
}

/** Makes an existing cycle the current one: new rounds belong to it, pages show it unless another is asked for. */
export async function makeCurrentCycle(db: Db, folderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [known] = await tx.select({ id: planFolder.id }).from(planFolder).where(eq(planFolder.id, folderId));
    if (!known) throw new AppError(404, 'CYCLE_NOT_FOUND', `没有规划周期“${folderId.slice(0, 50)}”`);
    await setSetting(tx, ACTIVE_FOLDER, folderId);
    const site = await getSetting(tx, siteKey(folderId));
    if (site !== undefined) await setSetting(tx, SITE, site);
  });
}
