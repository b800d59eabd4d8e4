import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTEXT_FIGURES, type ContextFigures, checkContextFigures } from '../../core/narrative/index.ts';
import type { StoredSection } from '../../core/reports.ts';
import { appUser, plan, reportDraft, reportFile } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { asJson } from '../../kernel/json.ts';
import { cycleHead, cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendFile } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import { contextFiguresKey, getContextFigures, setContextFigures } from './context-figures.ts';
import type {
  ContextFiguresReply,
  GenerateResponse,
  GenerateStreamLine,
  OpenDraftResponse,
  ReportDraftDetail,
  ReportList,
  ReportProgress,
  SaveDraftResponse,
  StatFormReply,
} from './contract.ts';
import {
  draftSections,
  generateReport,
  isFinal,
  loadReportContext,
  mergeSections,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  ReportError,
  type ReportRequest,
} from './generate.ts';
import { getStatFormApproval, STAT_FORM_SETTING, type StatFormApproval, setStatFormApproval } from './stat-form.ts';

// 报告: drafts of the monitoring and evaluation reports with their editable texts, generation into .docx / .xlsx,
// and every generated version kept for download. The office and the statistics bureau generate and edit;
// district leaders read and download.

const EDITORS = ['office', 'statistics'] as const;
const READERS = ['office', 'statistics', 'district_leader'] as const;
const CONTENT_TYPE = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const Id = z.coerce.number().int().positive('编号应为正整数');
const DraftBody = z.object({
  kind: z.enum(REPORT_KINDS, { message: '报告类型不正确' }),
  year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  scope: z.string().min(1).max(100).default('both'),
});
const SaveBody = z.object({
  /** key → edited text; null puts the drafted text back. */
  sections: z.record(z.string(), z.string().max(50_000, '每部分最多 50000 字').nullable()),
  version: z.number().int().min(1),
});
const approvalText = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .max(max, `${label}最多 ${max} 字`);
const StatFormBody = z.object({
  approvedBy: approvalText('批准机关', 50),
  approvalNo: approvalText('批准文号', 50),
  validUntil: approvalText('有效期至', 20).regex(/^(\d{4}年(\d{1,2}月)?)?$/, '有效期至应写作“2026年12月”'),
});
// Types here; ranges and parts against wholes in checkContextFigures, whose messages name the year.
const ContextYear = z.object(
  Object.fromEntries(
    CONTEXT_FIGURES.map((f) => [
      f.key,
      z
        .number({ message: `${f.label}（${f.unit}）应为数字` })
        .nullable()
        .optional(),
    ]),
  ) as Record<(typeof CONTEXT_FIGURES)[number]['key'], z.ZodOptional<z.ZodNullable<z.ZodNumber>>>,
  { message: '应为各项数据' },
);
const ContextFiguresBody = z.object({
  base: ContextYear,
  final: ContextYear,
  source: z.string({ message: '数据来源应为文字' }).trim().max(100, '数据来源最多 100 字'),
});
const GenerateBody = z
  .object({ basis: z.enum(['approved', 'preliminary'], { message: '口径应为 approved 或 preliminary' }).optional() })
  .optional();

type DraftRow = typeof reportDraft.$inferSelect;

export const reportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;

  async function context(folderId: string, request: ReportRequest) {
    try {
      return await loadReportContext(db, folderId, request);
    } catch (error) {
      if (error instanceof ReportError) throw new AppError(400, 'VALIDATION_FAILED', error.message);
      throw error;
    }
  }

  async function findDraft(id: number): Promise<DraftRow> {
    const [row] = await db.select().from(reportDraft).where(eq(reportDraft.id, id));
    if (!row) throw notFound('报告草稿');
    return row;
  }

  const fileColumns = {
    id: reportFile.id,
    draftId: reportFile.draftId,
    version: reportFile.version,
    format: reportFile.format,
    fileName: reportFile.fileName,
    size: reportFile.size,
    sha256: reportFile.sha256,
    basis: reportFile.basis,
    demo: reportFile.demo,
    createdAt: reportFile.createdAt,
    createdBy: appUser.displayName,
  };

  app.get(
    '/reports/stat-form',
    {
      schema: { tags: ['报告'], summary: '统计报表的批准机关、批准文号和有效期至' },
      config: { access: { roles: READERS } },
    },
    async (): Promise<StatFormReply> => ({ statForm: await getStatFormApproval(db) }),
  );

  app.put(
    '/reports/stat-form',
    {
      schema: { tags: ['报告'], summary: '保存统计报表的批准信息', body: StatFormBody },
      config: { access: { roles: EDITORS } },
    },
    async (request): Promise<StatFormReply> => {
      const before = await getStatFormApproval(db);
      const after: StatFormApproval = request.body;
      await db.transaction(async (tx) => {
        await setStatFormApproval(tx, after);
        await audit(tx, actorOf(request), {
          action: 'settings.stat_form',
          objectType: 'setting',
          objectId: STAT_FORM_SETTING,
          before,
          after,
        });
      });
      return { statForm: after };
    },
  );

  app.get(
    '/reports/context-figures',
    {
      schema: { tags: ['报告'], summary: '本规划周期基期年和终期年的经济社会基本情况数据' },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<ContextFiguresReply> => {
      const head = await cycleHead(db, await cycleOf(db, request));
      return { baseYear: head.baseYear, finalYear: head.end, figures: await getContextFigures(db, head.id) };
    },
  );

  app.put(
    '/reports/context-figures',
    {
      schema: {
        tags: ['报告'],
        summary: '保存本规划周期的经济社会基本情况数据（终期评估报告据此起草“经济社会基本情况”）',
        body: ContextFiguresBody,
      },
      config: { access: { roles: EDITORS } },
    },
    async (request): Promise<ContextFiguresReply> => {
      const head = await cycleHead(db, await cycleOf(db, request));
      const years = { baseYear: head.baseYear, finalYear: head.end };
      // Only the figures entered are kept: an emptied field is no figure, not a zero.
      const entered = (row: ContextFigures['base']) =>
        Object.fromEntries(Object.entries(row).filter(([, v]) => typeof v === 'number'));
      const after: ContextFigures = {
        base: entered(request.body.base),
        final: entered(request.body.final),
        source: request.body.source,
      };
      const problems = checkContextFigures(after, years);
      if (problems.length) {
        throw new AppError(400, 'VALIDATION_FAILED', `输入有误：${problems.map((p) => p.message).join('；')}`, {
          fields: problems.map((p) => ({ field: `body.${p.field}`, message: p.message })),
        });
      }
      const before = await getContextFigures(db, head.id);
      await db.transaction(async (tx) => {
        await setContextFigures(tx, head.id, after);
        await audit(tx, actorOf(request), {
          action: 'settings.context_figures',
          objectType: 'setting',
          objectId: contextFiguresKey(head.id),
          before,
          after,
        });
      });
      return { ...years, figures: after };
    },
  );

  app.get(
    '/reports',
    {
      schema: { tags: ['报告'], summary: '报告草稿与已生成的各版本文件' },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<ReportList> => {
      // Only the asked-for cycle's reports: another cycle's 2025 report is not this one's.
      const folderId = await cycleOf(db, request);
      const drafts = await db
        .select({
          id: reportDraft.id,
          kind: reportDraft.kind,
          year: reportDraft.year,
          scope: reportDraft.scope,
          version: reportDraft.version,
          updatedAt: reportDraft.updatedAt,
          updatedBy: appUser.displayName,
        })
        .from(reportDraft)
        .leftJoin(appUser, eq(appUser.id, reportDraft.updatedBy))
        .where(eq(reportDraft.folderId, folderId))
        .orderBy(desc(reportDraft.year), reportDraft.kind);
      const files = await db
        .select(fileColumns)
        .from(reportFile)
        .innerJoin(reportDraft, eq(reportDraft.id, reportFile.draftId))
        .leftJoin(appUser, eq(appUser.id, reportFile.createdBy))
        .where(eq(reportDraft.folderId, folderId))
        .orderBy(desc(reportFile.createdAt), desc(reportFile.id));
      const plans = await db
        .select({ id: plan.id, shortTitle: plan.shortTitle, cycleStart: plan.cycleStart, cycleEnd: plan.cycleEnd })
        .from(plan)
        .where(eq(plan.folderId, folderId))
        .orderBy(plan.position);
      return asJson({
        plans,
        kinds: REPORT_KINDS.map((k) => ({ kind: k, label: REPORT_KIND_LABELS[k], final: isFinal(k) })),
        drafts,
        files,
      });
    },
  );

  app.get(
    '/reports/drafts/:id',
    {
      schema: { tags: ['报告'], summary: '报告草稿：各部分文字与已生成的版本', params: z.object({ id: Id }) },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<ReportDraftDetail> => {
      const draft = await findDraft(request.params.id);
      const files = await db
        .select(fileColumns)
        .from(reportFile)
        .leftJoin(appUser, eq(appUser.id, reportFile.createdBy))
        .where(eq(reportFile.draftId, draft.id))
        .orderBy(desc(reportFile.version));
      return asJson({ draft, files });
    },
  );

  app.post(
    '/reports/drafts',
    {
      schema: { tags: ['报告'], summary: '新建报告草稿（已有则返回），各部分文字按当前数据起草', body: DraftBody },
      config: { access: { roles: EDITORS } },
    },
    async (request): Promise<OpenDraftResponse> => {
      const folderId = await cycleOf(db, request);
      const ctx = await context(folderId, request.body);
      const key = { folderId, kind: request.body.kind, year: ctx.year, scope: request.body.scope };
      const where = and(
        eq(reportDraft.folderId, key.folderId),
        eq(reportDraft.kind, key.kind),
        eq(reportDraft.year, key.year),
        eq(reportDraft.scope, key.scope),
      );
      const [existing] = await db.select().from(reportDraft).where(where);
      if (existing) {
        // Unedited texts follow the data: drafted afresh on every opening.
        const sections = mergeSections(draftSections(ctx), existing.sections);
        const [row] = await db.update(reportDraft).set({ sections }).where(eq(reportDraft.id, existing.id)).returning();
        return asJson({ draft: row!, created: false });
      }
      const user = currentUser(request);
      const sections = mergeSections(draftSections(ctx));
      const draft = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(reportDraft)
          .values({ ...key, sections, createdBy: user.id, updatedBy: user.id })
          .onConflictDoNothing()
          .returning();
        if (!row) return undefined;
        await audit(tx, actorOf(request), {
          action: 'report.draft',
          objectType: 'report_draft',
          objectId: row.id,
          after: key,
        });
        return row;
      });
      if (draft) return asJson({ draft, created: true });
      const [raced] = await db.select().from(reportDraft).where(where);
      return asJson({ draft: raced!, created: false });
    },
  );

  app.put(
    '/reports/drafts/:id',
    {
      schema: {
        tags: ['报告'],
        summary: '保存报告文字（按部分；null 恢复为系统起草的文字）；版本不符时 409',
        params: z.object({ id: Id }),
        body: SaveBody,
      },
      config: { access: { roles: EDITORS } },
    },
    async (request): Promise<SaveDraftResponse> => {
      const draft = await findDraft(request.params.id);
      const known = new Set(draft.sections.map((s) => s.key));
      const unknown = Object.keys(request.body.sections).filter((k) => !known.has(k));
      if (unknown.length) {
        throw new AppError(400, 'VALIDATION_FAILED', `报告没有这些部分：${unknown.join('、')}`, {
          fields: unknown.map((k) => ({ field: `body.sections.${k}`, message: '没有这一部分' })),
        });
      }
      let sections: StoredSection[] = draft.sections.map((s) => {
        if (!(s.key in request.body.sections)) return s;
        const text = request.body.sections[s.key];
        return text === null || text === undefined ? { ...s, edited: false } : { ...s, text, edited: true };
      });
      if (sections.some((s, i) => !s.edited && draft.sections[i]!.edited)) {
        const ctx = await context(draft.folderId, { kind: draft.kind, year: draft.year, scope: draft.scope });
        sections = mergeSections(draftSections(ctx), sections);
      }
      const user = currentUser(request);
      const updated = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(reportDraft)
          .set({ sections, version: draft.version + 1, updatedBy: user.id, updatedAt: new Date() })
          .where(and(eq(reportDraft.id, draft.id), eq(reportDraft.version, request.body.version)))
          .returning();
        if (!row) return undefined;
        await audit(tx, actorOf(request), {
          action: 'report.edit',
          objectType: 'report_draft',
          objectId: draft.id,
          before: { version: draft.version },
          after: { version: row.version, keys: Object.keys(request.body.sections) },
        });
        return row;
      });
      if (!updated) {
        throw new AppError(409, 'VERSION_CONFLICT', '报告已被他人修改，请刷新后再保存', { version: draft.version });
      }
      return asJson({ draft: updated });
    },
  );

  app.post(
    '/reports/drafts/:id/generate',
    {
      schema: {
        tags: ['报告'],
        summary:
          '生成报告文件（新版本），保存并返回；请求头 Accept: application/x-ndjson 时逐行返回进度，最后一行为结果',
        params: z.object({ id: Id }),
        body: GenerateBody,
      },
      config: { access: { roles: EDITORS } },
    },
    async (request, reply) => {
      const draft = await findDraft(request.params.id);
      if (!String(request.headers.accept ?? '').includes('application/x-ndjson')) {
        return generateFile(request, draft, request.body?.basis, () => undefined);
      }
      // Streamed: a line per step while the work runs, then the result or the error (the status is already sent).
      const stream = new PassThrough();
      const line = (value: GenerateStreamLine) => stream.write(`${JSON.stringify(value)}\n`);
      generateFile(request, draft, request.body?.basis, (progress) => line({ progress }))
        .then((done) => line({ done }))
        .catch((error: unknown) => {
          if (!(error instanceof AppError)) request.log.error({ err: error }, 'report generation failed');
          line({
            error:
              error instanceof AppError
                ? { code: error.code, message: error.message }
                : { code: 'INTERNAL', message: '生成报告时出错，请稍后重试或联系系统管理员' },
          });
        })
        .finally(() => stream.end());
      return reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(stream);
    },
  );

  async function generateFile(
    request: FastifyRequest,
    draft: DraftRow,
    basis: 'approved' | 'preliminary' | undefined,
    progress: (step: ReportProgress) => void,
  ): Promise<GenerateResponse> {
    progress({ label: '汇总监测数据', percent: 5 });
    const ctx = await context(draft.folderId, {
      kind: draft.kind,
      year: draft.year,
      scope: draft.scope,
      basis,
    });
    const [last] = await db
      .select({ version: reportFile.version })
      .from(reportFile)
      .where(eq(reportFile.draftId, draft.id))
      .orderBy(desc(reportFile.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    const report = await generateReport(ctx, { sections: draft.sections, version, progress });
    progress({ label: '保存报告文件', percent: 96 });
    const user = currentUser(request);
    const file = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(reportFile)
        .values({
          draftId: draft.id,
          version,
          format: report.format,
          fileName: report.fileName,
          bytes: report.bytes,
          sha256: crypto.createHash('sha256').update(report.bytes).digest('hex'),
          size: report.bytes.length,
          sections: report.sections,
          basis: report.basis,
          demo: report.demo,
          createdBy: user.id,
        })
        .returning();
      await tx.update(reportDraft).set({ sections: report.sections }).where(eq(reportDraft.id, draft.id));
      await audit(tx, actorOf(request), {
        action: 'report.generate',
        objectType: 'report_file',
        objectId: row!.id,
        after: { draftId: draft.id, version, fileName: report.fileName, basis: report.basis, demo: report.demo },
      });
      return row!;
    });
    const { bytes: _bytes, sections: _sections, ...meta } = file;
    return asJson({ file: { ...meta, createdBy: user.displayName } });
  }

  app.get(
    '/reports/files/:id',
    {
      schema: { tags: ['报告'], summary: '下载已生成的报告文件（中文文件名）', params: z.object({ id: Id }) },
      config: { access: { roles: READERS } },
    },
    async (request, reply) => {
      const [file] = await db.select().from(reportFile).where(eq(reportFile.id, request.params.id));
      if (!file) throw notFound('报告文件');
      await audit(db, actorOf(request), {
        action: 'report.download',
        objectType: 'report_file',
        objectId: file.id,
        detail: file.fileName,
      });
      return sendFile(reply, file.bytes, file.fileName, CONTENT_TYPE[file.format]);
    },
  );
};
