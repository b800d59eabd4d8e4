import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import {
  area,
  inspection,
  inspectionAttachment,
  inspectionFinding,
  inspectionTarget,
  orgUnit,
  workTask,
} from '../../db/schema/index.ts';
import { beijingDate } from '../../kernel/dates.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import type { ScopedUser } from '../../kernel/scope.ts';
import { type Actor, audit } from '../audit/index.ts';
import { checkAttachments } from '../documents/index.ts';
import { type OutgoingNotice, sendUnitNotices } from '../notices/index.ts';
import { checkLinks, checkUnits, createTasks, listTasks, type NewTaskInput, resolveLinks } from '../tasks/index.ts';
import type { AttachmentMeta, InspectionDetail, InspectionRow, PlanInspectionInput } from './contract.ts';

// 督导检查 (规划 三、组织实施: 健全督导检查制度，定期对规划实施情况开展督查): the office plans an inspection of units
// or towns, records findings per inspected unit with photos or documents, and turns findings into 整改 items
// (work tasks). A unit sees the inspections it was inspected in, and only its own findings.

type Inspection = typeof inspection.$inferSelect;
type Target = typeof inspectionTarget.$inferSelect;

const isUnitScoped = (user: ScopedUser) => ROLE_SCOPE[user.role] === 'own_unit';

/** The inspection, when the user may see it (a unit: only when it is one of the inspected). */
export async function findInspection(db: Db, user: ScopedUser, id: number): Promise<Inspection> {
  const [row] = await db.select().from(inspection).where(eq(inspection.id, id));
  if (!row) throw notFound('督导检查');
  if (isUnitScoped(user)) {
    const [mine] = await db
      .select({ id: inspectionTarget.id })
      .from(inspectionTarget)
      .where(and(eq(inspectionTarget.inspectionId, id), eq(inspectionTarget.unitId, user.unitId ?? -1)));
    if (!mine) throw notFound('督导检查');
  }
  return row;
}

export async function planInspection(
  db: Db,
  actor: Actor,
  input: PlanInspectionInput,
  options: { at?: Date; notify?: boolean } = {},
): Promise<Inspection> {
  const unitIds = [...new Set(input.unitIds)];
  const areaIds = [...new Set(input.areaIds)];
  const unitNames = await checkUnits(db, unitIds, 'body.unitIds.#');
  if (areaIds.length) {
    const found = await db.select({ id: area.id }).from(area).where(inArray(area.id, areaIds));
    const bad = areaIds.findIndex((id) => !found.some((f) => f.id === id));
    if (bad >= 0) {
      throw new AppError(400, 'AREA_NOT_FOUND', `所选镇街（编号 ${areaIds[bad]}）不存在`, {
        fields: [{ field: `body.areaIds.${bad}`, message: '镇街不存在' }],
      });
    }
  }
  await checkLinks(db, input.links, 'body.links');
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(inspection)
      .values({
        title: input.title,
        year: Number(input.startDate.slice(0, 4)),
        startDate: input.startDate,
        endDate: input.endDate,
        inspectors: input.inspectors,
        focus: input.focus,
        links: input.links,
        createdBy: actor.userId,
        ...(options.at ? { createdAt: options.at, updatedAt: options.at } : {}),
      })
      .returning();
    const row = created as Inspection;
    const targets = [
      ...unitIds.map((unitId) => ({ inspectionId: row.id, unitId, areaId: null })),
      ...areaIds.map((areaId) => ({ inspectionId: row.id, unitId: null, areaId })),
    ];
    await tx.insert(inspectionTarget).values(targets);
    await audit(tx, actor, {
      action: 'inspection.plan',
      objectType: 'inspection',
      objectId: row.id,
      after: { ...row, unitIds, areaIds },
    });
    if (options.notify !== false) {
      const notices: OutgoingNotice[] = unitIds.map((unitId) => ({
        unitId,
        kind: 'inspection.planned',
        title: `【督导检查】${input.title}`,
        body: `${input.startDate}至${input.endDate}，${input.inspectors}将对${unitNames.get(unitId)}开展督导检查。${input.focus ? `检查重点：${input.focus}` : ''}`,
        link: `/inspections/${row.id}`,
      }));
      await sendUnitNotices(tx, notices);
    }
    return row;
  });
}

async function targetNames(db: Db, inspectionIds: number[]) {
  if (inspectionIds.length === 0) return [];
  return db
    .select({ target: inspectionTarget, unitName: orgUnit.name, areaName: area.name })
    .from(inspectionTarget)
    .leftJoin(orgUnit, eq(orgUnit.id, inspectionTarget.unitId))
    .leftJoin(area, eq(area.id, inspectionTarget.areaId))
    .where(inArray(inspectionTarget.inspectionId, inspectionIds))
    .orderBy(asc(inspectionTarget.id));
}

export async function listInspections(db: Db, user: ScopedUser, year?: number): Promise<InspectionRow[]> {
  let rows = await db
    .select()
    .from(inspection)
    .where(year ? eq(inspection.year, year) : undefined)
    .orderBy(desc(inspection.startDate), desc(inspection.id));
  const targets = await targetNames(
    db,
    rows.map((r) => r.id),
  );
  if (isUnitScoped(user)) {
    const mine = new Set(targets.filter((t) => t.target.unitId === user.unitId).map((t) => t.target.inspectionId));
    rows = rows.filter((r) => mine.has(r.id));
  }
  const ids = [...rows.map((r) => r.id), -1];
  const findings = await db
    .select({ inspectionId: inspectionFinding.inspectionId, targetId: inspectionFinding.targetId })
    .from(inspectionFinding)
    .where(inArray(inspectionFinding.inspectionId, ids));
  const tasks = await db
    .select({ inspectionId: workTask.inspectionId, status: workTask.status, unitId: workTask.unitId })
    .from(workTask)
    .where(inArray(workTask.inspectionId, ids));
  const ownTargets = new Set(targets.filter((t) => t.target.unitId === user.unitId).map((t) => t.target.id));
  return rows.map((r) => {
    const myTasks = tasks.filter((t) => t.inspectionId === r.id && (!isUnitScoped(user) || t.unitId === user.unitId));
    return {
      id: r.id,
      title: r.title,
      year: r.year,
      startDate: r.startDate,
      endDate: r.endDate,
      inspectors: r.inspectors,
      targets: targets.filter((t) => t.target.inspectionId === r.id).map((t) => t.unitName ?? t.areaName ?? ''),
      findings: findings.filter((f) => f.inspectionId === r.id && (!isUnitScoped(user) || ownTargets.has(f.targetId)))
        .length,
      tasks: myTasks.length,
      openTasks: myTasks.filter((t) => t.status !== 'closed').length,
    };
  });
}

const attachmentColumns = {
  id: inspectionAttachment.id,
  findingId: inspectionAttachment.findingId,
  fileName: inspectionAttachment.fileName,
  mimeType: inspectionAttachment.mimeType,
  size: inspectionAttachment.size,
  uploadedAt: inspectionAttachment.uploadedAt,
};

export async function inspectionDetail(db: Db, user: ScopedUser, id: number): Promise<InspectionDetail> {
  const row = await findInspection(db, user, id);
  const targets = await targetNames(db, [id]);
  const visibleTargets = isUnitScoped(user) ? targets.filter((t) => t.target.unitId === user.unitId) : targets;
  const visible = new Set(visibleTargets.map((t) => t.target.id));
  const findings = (
    await db
      .select()
      .from(inspectionFinding)
      .where(eq(inspectionFinding.inspectionId, id))
      .orderBy(asc(inspectionFinding.id))
  ).filter((f) => visible.has(f.targetId));
  const attachments = await db
    .select(attachmentColumns)
    .from(inspectionAttachment)
    .where(inArray(inspectionAttachment.findingId, [...findings.map((f) => f.id), -1]))
    .orderBy(asc(inspectionAttachment.id));
  const tasks = await listTasks(db, user, { inspectionId: id });
  const findingOf = new Map(
    (
      await db
        .select({ id: workTask.id, findingId: workTask.findingId })
        .from(workTask)
        .where(eq(workTask.inspectionId, id))
    ).map((t) => [t.id, t.findingId]),
  );
  return {
    inspection: {
      id: row.id,
      title: row.title,
      year: row.year,
      startDate: row.startDate,
      endDate: row.endDate,
      inspectors: row.inspectors,
      focus: row.focus,
      version: row.version,
    },
    targets: targets.map((t) => ({
      id: t.target.id,
      unitId: t.target.unitId,
      areaId: t.target.areaId,
      name: t.unitName ?? t.areaName ?? '',
    })),
    links: await resolveLinks(db, row.links),
    findings: findings.map((f) => ({
      id: f.id,
      targetId: f.targetId,
      text: f.text,
      rating: f.rating,
      createdAt: f.createdAt.toISOString(),
      attachments: attachments
        .filter((a) => a.findingId === f.id)
        .map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    })),
    tasks: tasks.map((t) => ({ ...t, findingId: findingOf.get(t.id) ?? null })),
  };
}

async function findTarget(db: Db, inspectionId: number, targetId: number): Promise<Target> {
  const [target] = await db
    .select()
    .from(inspectionTarget)
    .where(and(eq(inspectionTarget.id, targetId), eq(inspectionTarget.inspectionId, inspectionId)));
  if (!target) {
    throw new AppError(400, 'VALIDATION_FAILED', '所选单位不是本次检查的被检查对象', {
      fields: [{ field: 'body.targetId', message: '不是本次检查的被检查对象' }],
    });
  }
  return target;
}

export async function addFinding(
  db: Db,
  actor: Actor,
  row: Inspection,
  input: { targetId: number; text: string; rating: 'good' | 'fair' | 'average' | 'poor' | null },
  at?: Date,
) {
  await findTarget(db, row.id, input.targetId);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(inspectionFinding)
      .values({
        inspectionId: row.id,
        targetId: input.targetId,
        text: input.text,
        rating: input.rating,
        createdBy: actor.userId,
        ...(at ? { createdAt: at } : {}),
      })
      .returning();
    await audit(tx, actor, {
      action: 'inspection.finding.add',
      objectType: 'inspection',
      objectId: row.id,
      after: created,
    });
    return created as typeof inspectionFinding.$inferSelect;
  });
}

export async function findFinding(db: Db, user: ScopedUser, findingId: number) {
  const [f] = await db.select().from(inspectionFinding).where(eq(inspectionFinding.id, findingId));
  if (!f) throw notFound('检查发现');
  const row = await findInspection(db, user, f.inspectionId).catch(() => {
    throw notFound('检查发现');
  });
  const [target] = await db.select().from(inspectionTarget).where(eq(inspectionTarget.id, f.targetId));
  if (isUnitScoped(user) && target?.unitId !== user.unitId) throw notFound('检查发现');
  return { finding: f, inspection: row, target: target as Target };
}

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export const MAX_ATTACHMENTS_PER_FINDING = 20;

/** Checks every file by its content and stores them all, or none. */
export async function addAttachments(
  db: Db,
  actor: Actor,
  findingId: number,
  files: UploadedFile[],
): Promise<AttachmentMeta[]> {
  const checked = checkAttachments(files);
  return db.transaction(async (tx) => {
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(inspectionAttachment)
      .where(eq(inspectionAttachment.findingId, findingId));
    if ((count?.n ?? 0) + checked.length > MAX_ATTACHMENTS_PER_FINDING) {
      throw new AppError(400, 'TOO_MANY_FILES', `每条检查发现最多 ${MAX_ATTACHMENTS_PER_FINDING} 个附件`);
    }
    const saved: AttachmentMeta[] = [];
    for (const f of checked) {
      const [row] = await tx
        .insert(inspectionAttachment)
        .values({
          findingId,
          fileName: f.fileName,
          mimeType: f.type.mime,
          size: f.bytes.length,
          sha256: crypto.createHash('sha256').update(f.bytes).digest('hex'),
          bytes: f.bytes,
          uploadedBy: actor.userId,
        })
        .returning(attachmentColumns);
      const r = row as Omit<AttachmentMeta, 'uploadedAt'> & { uploadedAt: Date };
      saved.push({ ...r, uploadedAt: r.uploadedAt.toISOString() });
    }
    await audit(tx, actor, {
      action: 'inspection.attachment.upload',
      objectType: 'inspection_finding',
      objectId: findingId,
      after: saved.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size })),
    });
    return saved;
  });
}

export async function findAttachment(db: Db, user: ScopedUser, id: number) {
  const [a] = await db.select().from(inspectionAttachment).where(eq(inspectionAttachment.id, id));
  if (!a) throw notFound('附件');
  await findFinding(db, user, a.findingId).catch(() => {
    throw notFound('附件');
  });
  return a;
}

/** A 整改 item from a finding: the inspected unit by default, or another member unit the office names. */
export async function addRectification(
  db: Db,
  actor: Actor,
  found: Awaited<ReturnType<typeof findFinding>>,
  input: NewTaskInput,
  at?: Date,
) {
  await checkUnits(db, [input.unitId], 'body.unitId');
  return db.transaction(async (tx) => {
    const [task] = await createTasks(
      tx,
      actor,
      {
        kind: 'rectification',
        inspectionId: found.inspection.id,
        findingId: found.finding.id,
        title: found.inspection.title,
      },
      [input],
      at,
    );
    return task;
  });
}

export const inspectionIssuedOn = (row: Inspection) => beijingDate(row.createdAt);
