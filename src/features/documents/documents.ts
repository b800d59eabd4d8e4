import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  type DocumentSections,
  type DocumentStatus,
  emptySections,
  sectionsOf,
} from '../../core/documents.ts';
import type { Db } from '../../db/connection.ts';
import {
  documentAttachment,
  orgUnit,
  plan,
  reportingRound,
  unitDocument,
  unitDocumentHistory,
} from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { notify } from '../notices/index.ts';
import type { Cycle, DocumentAttachment } from './contract.ts';
import {
  ACCEPTED_DESCRIPTION,
  attachmentName,
  attachmentProblem,
  type DetectedType,
  detectFileType,
} from './filetype.ts';

// Unit documents: each member unit's 实施方案 (once per cycle), 年度工作报告 (every year) and 评估报告 (in the final
// evaluation). Saving keeps a history row; the version guards against two people editing at once.

export type UnitDocument = typeof unitDocument.$inferSelect;

/** A cycle's years (十四五: 2021–2025); documents belong to the cycle the request asks for (src/platform/cycles.ts). */
export async function documentCycle(db: Db, folderId: string): Promise<Cycle> {
  const [row] = await db
    .select({ start: sql<number>`min(${plan.cycleStart})::int`, end: sql<number>`max(${plan.cycleEnd})::int` })
    .from(plan)
    .where(eq(plan.folderId, folderId));
  if (!row || row.start === null) throw new AppError(409, 'NO_PLAN', '尚未导入规划');
  return { folderId, start: row.start, end: row.end };
}

/** The year a document is stored under: none for the implementation plan; checked against the cycle otherwise. */
export function documentYear(cycle: Cycle, kind: DocumentKind, year: number): number | null {
  if (kind === 'implementation_plan') return null;
  if (year < cycle.start || year > cycle.end) {
    throw new AppError(400, 'VALIDATION_FAILED', `年份应在规划周期 ${cycle.start}–${cycle.end} 年之内`, {
      fields: [{ field: 'params.year', message: `应在 ${cycle.start}–${cycle.end} 之间` }],
    });
  }
  if (kind === 'evaluation_report' && year !== cycle.end) {
    throw new AppError(400, 'VALIDATION_FAILED', `评估报告在终期评估时提交，年份应为规划末年 ${cycle.end} 年`, {
      fields: [{ field: 'params.year', message: `应为 ${cycle.end}` }],
    });
  }
  return year;
}

function keyWhere(cycle: Cycle, unitId: number, kind: DocumentKind, year: number | null): SQL {
  return and(
    eq(unitDocument.folderId, cycle.folderId),
    eq(unitDocument.unitId, unitId),
    eq(unitDocument.kind, kind),
    year === null ? isNull(unitDocument.year) : eq(unitDocument.year, year),
  ) as SQL;
}

/** Only the sections the kind has, trimmed at the ends. */
function cleanSections(kind: DocumentKind, input: DocumentSections): DocumentSections {
  return Object.fromEntries(sectionsOf(kind).map((s) => [s.key, (input[s.key] ?? '').replace(/^\s+$/, '')]));
}

async function roundFor(db: Db, cycle: Cycle, kind: DocumentKind, year: number | null): Promise<number | null> {
  if (year === null) return null;
  const [round] = await db
    .select({ id: reportingRound.id })
    .from(reportingRound)
    .where(
      and(
        eq(reportingRound.folderId, cycle.folderId),
        eq(reportingRound.kind, kind === 'evaluation_report' ? 'final' : 'annual'),
        eq(reportingRound.year, year),
      ),
    );
  return round?.id ?? null;
}

const documentLabel = (d: { kind: DocumentKind; year: number | null }) =>
  `${d.year === null ? '' : `${d.year}年`}${DOCUMENT_KIND_LABELS[d.kind]}`;

export interface SaveInput {
  folderId: string;
  unitId: number;
  kind: DocumentKind;
  year: number;
  sections: DocumentSections;
  expectedVersion: number;
}

/** When a step happens: now, or (演示数据) the day a unit would have taken it. */
export interface StepOptions {
  at?: Date;
}

/** Creates or updates a draft. Submitted documents must be withdrawn first; a stale version answers 409. */
export async function saveDocument(
  db: Db,
  actor: Actor,
  input: SaveInput,
  options: StepOptions = {},
): Promise<UnitDocument> {
  const at = options.at ?? new Date();
  const cycle = await documentCycle(db, input.folderId);
  const year = documentYear(cycle, input.kind, input.year);
  const sections = cleanSections(input.kind, input.sections);
  const roundId = await roundFor(db, cycle, input.kind, year);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(unitDocument)
      .where(keyWhere(cycle, input.unitId, input.kind, year));
    const current = existing?.version ?? 0;
    if (current !== input.expectedVersion) {
      throw new AppError(409, 'CONFLICT', `${documentLabel({ kind: input.kind, year })}已被他人修改，请刷新后再编辑`, {
        currentVersion: current,
      });
    }
    let saved: UnitDocument | undefined;
    if (!existing) {
      [saved] = await tx
        .insert(unitDocument)
        .values({
          folderId: cycle.folderId,
          unitId: input.unitId,
          kind: input.kind,
          year,
          roundId,
          sections,
          updatedAt: at,
          updatedBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (!saved) throw new AppError(409, 'CONFLICT', '该文档刚被他人创建，请刷新后再编辑', { currentVersion: 1 });
    } else {
      if (existing.status === 'submitted') {
        throw new AppError(409, 'DOCUMENT_SUBMITTED', `${documentLabel(existing)}已提交；如需修改，请先撤回`);
      }
      [saved] = await tx
        .update(unitDocument)
        .set({
          sections,
          roundId: existing.roundId ?? roundId,
          updatedAt: at,
          updatedBy: actor.userId,
          version: sql`${unitDocument.version} + 1`,
        })
        .where(and(eq(unitDocument.id, existing.id), eq(unitDocument.version, existing.version)))
        .returning();
      if (!saved) throw new AppError(409, 'CONFLICT', '该文档已被他人修改，请刷新后再编辑');
    }
    await history(tx, actor, saved.id, existing ? 'save' : 'create', existing ?? null, saved, null, at);
    await audit(tx, actor, {
      action: 'document.save',
      objectType: 'unit_document',
      objectId: saved.id,
      before: existing ? { sections: existing.sections, version: existing.version } : undefined,
      after: { kind: saved.kind, year: saved.year, unitId: saved.unitId, sections, version: saved.version },
    });
    return saved;
  });
}

async function history(
  tx: Db,
  actor: Actor,
  documentId: number,
  action: string,
  before: Pick<UnitDocument, 'sections' | 'status'> | null,
  after: Pick<UnitDocument, 'sections' | 'status'>,
  comment: string | null = null,
  at = new Date(),
) {
  await tx.insert(unitDocumentHistory).values({
    documentId,
    at,
    userId: actor.userId,
    username: actor.username,
    action,
    oldSections: before?.sections ?? null,
    newSections: after.sections,
    oldStatus: before?.status ?? null,
    newStatus: after.status,
    comment,
  });
}

export async function findDocument(db: Db, id: number): Promise<UnitDocument | undefined> {
  const [row] = await db.select().from(unitDocument).where(eq(unitDocument.id, id));
  return row;
}

/** Draft → submitted, when every required section has text; the message names the empty ones. */
export async function submitDocument(
  db: Db,
  actor: Actor,
  doc: UnitDocument,
  options: StepOptions = {},
): Promise<UnitDocument> {
  if (doc.status === 'submitted') throw new AppError(409, 'ALREADY_SUBMITTED', `${documentLabel(doc)}已提交`);
  const empty = emptySections(doc.kind, doc.sections);
  if (empty.length > 0) {
    const keys = sectionsOf(doc.kind).filter((s) => empty.includes(s.label));
    throw new AppError(400, 'SECTIONS_EMPTY', `以下内容尚未填写，不能提交：${empty.join('、')}`, {
      fields: keys.map((s) => ({ field: `sections.${s.key}`, message: `请填写${s.label}` })),
    });
  }
  return transition(db, actor, doc, 'submit', 'submitted', null, options.at);
}

/** Submitted → draft by the office, with its reasons: the unit is told and corrects it before submitting again. */
export async function returnDocument(db: Db, actor: Actor, doc: UnitDocument, comment: string): Promise<UnitDocument> {
  if (doc.status !== 'submitted')
    throw new AppError(409, 'NOT_SUBMITTED', `${documentLabel(doc)}尚未提交（或已退回），不能退回`);
  return transition(db, actor, doc, 'return', 'draft', comment);
}

/** Submitted → draft, so the unit can correct it; submit again afterwards. */
export async function withdrawDocument(db: Db, actor: Actor, doc: UnitDocument): Promise<UnitDocument> {
  if (doc.status !== 'submitted') throw new AppError(409, 'NOT_SUBMITTED', `${documentLabel(doc)}尚未提交，无需撤回`);
  return transition(db, actor, doc, 'withdraw', 'draft');
}

async function transition(
  db: Db,
  actor: Actor,
  doc: UnitDocument,
  action: string,
  to: DocumentStatus,
  returnComment: string | null = null,
  at = new Date(),
) {
  return db.transaction(async (tx) => {
    const submitting = to === 'submitted';
    const [updated] = await tx
      .update(unitDocument)
      .set({
        status: to,
        submittedAt: submitting ? at : null,
        submittedBy: submitting ? actor.userId : null,
        returnComment,
        version: sql`${unitDocument.version} + 1`,
      })
      .where(and(eq(unitDocument.id, doc.id), eq(unitDocument.version, doc.version)))
      .returning();
    if (!updated) throw new AppError(409, 'CONFLICT', '该文档已被他人修改，请刷新后重试');
    await history(tx, actor, doc.id, action, doc, updated, returnComment, at);
    await audit(tx, actor, {
      action: `document.${action}`,
      objectType: 'unit_document',
      objectId: doc.id,
      before: { status: doc.status },
      after: { status: to, ...(returnComment ? { returnComment } : {}) },
    });
    if (returnComment)
      await notify(
        tx,
        { unitId: doc.unitId },
        {
          kind: 'document_returned',
          title: `${documentLabel(doc)}被退回`,
          body: `区妇儿工委办公室退回修改：${returnComment}`,
          link: '/documents',
        },
      );
    return updated;
  });
}

export async function deleteDraft(db: Db, actor: Actor, doc: UnitDocument): Promise<void> {
  if (doc.status !== 'draft') throw new AppError(409, 'DOCUMENT_SUBMITTED', '已提交的文档不能删除，请先撤回');
  await db.transaction(async (tx) => {
    await tx.delete(unitDocument).where(eq(unitDocument.id, doc.id));
    await audit(tx, actor, {
      action: 'document.delete',
      objectType: 'unit_document',
      objectId: doc.id,
      before: { kind: doc.kind, year: doc.year, unitId: doc.unitId, sections: doc.sections },
    });
  });
}

/** An attachment without its bytes; the contract's DocumentAttachment as read from the database. */
export type AttachmentMeta = Omit<DocumentAttachment, 'uploadedAt'> & { uploadedAt: Date };

const attachmentColumns = {
  id: documentAttachment.id,
  documentId: documentAttachment.documentId,
  fileName: documentAttachment.fileName,
  mimeType: documentAttachment.mimeType,
  size: documentAttachment.size,
  sha256: documentAttachment.sha256,
  uploadedAt: documentAttachment.uploadedAt,
  uploadedBy: documentAttachment.uploadedBy,
};

export async function attachmentsOf(db: Db, documentIds: number[]): Promise<AttachmentMeta[]> {
  if (documentIds.length === 0) return [];
  return db
    .select(attachmentColumns)
    .from(documentAttachment)
    .where(inArray(documentAttachment.documentId, documentIds))
    .orderBy(asc(documentAttachment.id));
}

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export const MAX_ATTACHMENTS_PER_DOCUMENT = 20;

/** A file name safe to store and send back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || '附件').slice(-200);
}

/**
 * Every attachment checked by its content (the type, then what it carries) and named for storage with the extension
 * of its detected type; the first file at fault refuses the lot. Shared by every feature that takes attachments.
 */
export function checkAttachments(files: UploadedFile[]): { fileName: string; type: DetectedType; bytes: Buffer }[] {
  if (files.length === 0) throw new AppError(400, 'VALIDATION_FAILED', '请选择要上传的文件');
  return files.map((f) => {
    const fileName = cleanFileName(f.fileName);
    if (f.bytes.length === 0) throw new AppError(400, 'VALIDATION_FAILED', `文件“${fileName}”是空文件`);
    const type = detectFileType(f.bytes);
    if (!type) {
      throw new AppError(
        400,
        'UNSUPPORTED_FILE_TYPE',
        `文件“${fileName}”的内容不是${ACCEPTED_DESCRIPTION}，不能上传（系统按文件内容识别类型，而不是按扩展名）`,
        { fileName },
      );
    }
    const problem = attachmentProblem(f.bytes, type);
    if (problem) {
      throw new AppError(400, 'UNSAFE_FILE', `文件“${fileName}”不能上传：${problem}`, { fileName });
    }
    return { fileName: attachmentName(f.fileName, type), type, bytes: f.bytes };
  });
}

/** Checks every file by its content and stores them all, or none. */
export async function addAttachments(
  db: Db,
  actor: Actor,
  doc: UnitDocument,
  files: UploadedFile[],
): Promise<AttachmentMeta[]> {
  if (doc.status !== 'draft') throw new AppError(409, 'DOCUMENT_SUBMITTED', '已提交的文档不能再添加附件，请先撤回');
  if (files.length === 0) throw new AppError(400, 'VALIDATION_FAILED', '请选择要上传的文件');
  const checked = checkAttachments(files);
  return db.transaction(async (tx) => {
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(documentAttachment)
      .where(eq(documentAttachment.documentId, doc.id));
    if ((count?.n ?? 0) + checked.length > MAX_ATTACHMENTS_PER_DOCUMENT) {
      throw new AppError(400, 'TOO_MANY_FILES', `每份文档最多 ${MAX_ATTACHMENTS_PER_DOCUMENT} 个附件`);
    }
    const saved: AttachmentMeta[] = [];
    for (const f of checked) {
      const [row] = await tx
        .insert(documentAttachment)
        .values({
          documentId: doc.id,
          fileName: f.fileName,
          mimeType: f.type.mime,
          size: f.bytes.length,
          sha256: crypto.createHash('sha256').update(f.bytes).digest('hex'),
          bytes: f.bytes,
          uploadedBy: actor.userId,
        })
        .returning(attachmentColumns);
      saved.push(row as AttachmentMeta);
    }
    await audit(tx, actor, {
      action: 'document.attachment.upload',
      objectType: 'unit_document',
      objectId: doc.id,
      after: saved.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        mimeType: a.mimeType,
        size: a.size,
        sha256: a.sha256,
      })),
    });
    return saved;
  });
}

export async function findAttachment(db: Db, id: number) {
  const [row] = await db
    .select({ attachment: documentAttachment, document: unitDocument })
    .from(documentAttachment)
    .innerJoin(unitDocument, eq(unitDocument.id, documentAttachment.documentId))
    .where(eq(documentAttachment.id, id));
  return row;
}

export async function deleteAttachment(db: Db, actor: Actor, attachment: AttachmentMeta, doc: UnitDocument) {
  if (doc.status !== 'draft') throw new AppError(409, 'DOCUMENT_SUBMITTED', '已提交的文档不能删除附件，请先撤回');
  await db.transaction(async (tx) => {
    await tx.delete(documentAttachment).where(eq(documentAttachment.id, attachment.id));
    await audit(tx, actor, {
      action: 'document.attachment.delete',
      objectType: 'document_attachment',
      objectId: attachment.id,
      before: { documentId: doc.id, fileName: attachment.fileName, sha256: attachment.sha256 },
    });
  });
}

export interface ListFilter {
  /** Documents of this year, and the cycle's implementation plan. */
  year?: number | undefined;
  kind?: DocumentKind | undefined;
  /** Only this unit's (unit roles always; others optionally). */
  unitId?: number | undefined;
}

export async function listDocuments(db: Db, folderId: string, filter: ListFilter) {
  const cycle = await documentCycle(db, folderId);
  const conditions: SQL[] = [eq(unitDocument.folderId, cycle.folderId)];
  if (filter.year !== undefined) {
    conditions.push(or(eq(unitDocument.year, filter.year), isNull(unitDocument.year)) as SQL);
  }
  if (filter.kind) conditions.push(eq(unitDocument.kind, filter.kind));
  if (filter.unitId !== undefined) conditions.push(eq(unitDocument.unitId, filter.unitId));
  const docs = await db
    .select({ document: unitDocument, unitName: orgUnit.name, position: orgUnit.position })
    .from(unitDocument)
    .innerJoin(orgUnit, eq(orgUnit.id, unitDocument.unitId))
    .where(and(...conditions))
    .orderBy(asc(orgUnit.position), asc(unitDocument.kind), asc(unitDocument.year));
  const attachments = await attachmentsOf(
    db,
    docs.map((d) => d.document.id),
  );
  return {
    cycle,
    documents: docs.map((d) => ({
      ...d.document,
      unitName: d.unitName,
      attachments: attachments.filter((a) => a.documentId === d.document.id),
    })),
  };
}

export async function documentHistory(db: Db, documentId: number) {
  return db
    .select({
      id: unitDocumentHistory.id,
      at: unitDocumentHistory.at,
      username: unitDocumentHistory.username,
      action: unitDocumentHistory.action,
      oldStatus: unitDocumentHistory.oldStatus,
      newStatus: unitDocumentHistory.newStatus,
      comment: unitDocumentHistory.comment,
    })
    .from(unitDocumentHistory)
    .where(eq(unitDocumentHistory.documentId, documentId))
    .orderBy(asc(unitDocumentHistory.id));
}

export type OverviewCell = { status: DocumentStatus | 'missing'; documentId: number | null; submittedAt: Date | null };

/** Who has and has not sent what for a year: every active member unit × the documents due. */
export async function documentOverview(db: Db, folderId: string, year: number) {
  const cycle = await documentCycle(db, folderId);
  documentYear(cycle, 'annual_work_report', year);
  const units = await db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'member'), eq(orgUnit.active, true)))
    .orderBy(asc(orgUnit.position));
  const [finalRound] = await db
    .select({ id: reportingRound.id })
    .from(reportingRound)
    .where(
      and(eq(reportingRound.folderId, cycle.folderId), eq(reportingRound.kind, 'final'), eq(reportingRound.year, year)),
    );
  const kinds: DocumentKind[] = ['implementation_plan', 'annual_work_report'];
  // 评估报告: due in the final evaluation, i.e. the cycle's last year (or whenever a final round is open).
  if (year === cycle.end || finalRound) kinds.push('evaluation_report');
  const docs = await db
    .select()
    .from(unitDocument)
    .where(
      and(
        eq(unitDocument.folderId, cycle.folderId),
        or(eq(unitDocument.year, year), isNull(unitDocument.year)),
        inArray(unitDocument.kind, kinds),
      ),
    );
  const rows = units.map((u) => {
    const cells = Object.fromEntries(
      kinds.map((kind) => {
        const d = docs.find((x) => x.unitId === u.id && x.kind === kind);
        const cell: OverviewCell = d
          ? { status: d.status, documentId: d.id, submittedAt: d.submittedAt }
          : { status: 'missing', documentId: null, submittedAt: null };
        return [kind, cell];
      }),
    ) as Partial<Record<DocumentKind, OverviewCell>>;
    return { unitId: u.id, unitName: u.name, documents: cells };
  });
  const totals = Object.fromEntries(
    kinds.map((kind) => {
      const count = (status: string) => rows.filter((r) => r.documents[kind]?.status === status).length;
      return [kind, { submitted: count('submitted'), draft: count('draft'), missing: count('missing') }];
    }),
  );
  return { year, cycle, kinds, units: rows, totals };
}
