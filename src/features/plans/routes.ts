import fastifyMultipart from '@fastify/multipart';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type CandidateDecision,
  type CandidateEdits,
  type CurationSettings,
  curationProgress,
  decisionOf,
  effectiveCandidate,
  initialSettings,
} from '../../core/catalog/curate.ts';
import type { PlanDraft } from '../../core/catalog/draft.ts';
import type { TargetRule } from '../../core/rules.ts';
import type { Db } from '../../db/connection.ts';
import { appUser, area, orgUnit, plan, planDraft, planFolder } from '../../db/schema/index.ts';
import type { AuditEvent } from '../../kernel/audit.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendFile } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import {
  CandidatePatch,
  type CandidateReply,
  type CandidateRow,
  DomainAccept,
  type DraftDetail,
  type DraftList,
  type DraftSummary,
  type ProblemsReply,
  PublishBody,
  type PublishReply,
  SettingsPatch,
  type UnitOption,
  UploadQuery,
} from './contract.ts';
import { checkCuration, curationZip } from './curation.ts';
import { DraftError, draftFromDocument } from './draft.ts';
import { assertPredecessor, assertPreviousCycle, lineageBlockers } from './lineage.ts';
import { publishFolder } from './publish.ts';

// 规划管理 (issue 13): the office uploads an issued plan document, the drafter proposes the folder and candidate
// indicators, the office curates them here (stored at every step, each change audited), checks the folder with
// the real validators, exports it as YAML files and publishes it as a new cycle. Office and administrator only.

const MANAGERS = ['office', 'admin'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const IdParams = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const CandidateParams = IdParams.extend({ index: z.coerce.number().int().min(0, '候选序号应为非负整数') });

type Row = typeof planDraft.$inferSelect;

async function userNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(inArray(appUser.id, wanted));
  return new Map(users.map((u) => [u.id, u.name]));
}

function summaryOf(row: Row, names: Map<number, string>): DraftSummary {
  const progress = curationProgress(row.draft, row.decisions);
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    id: row.id,
    fileName: row.fileName,
    folderId: row.settings.folder.id,
    folderName: row.settings.folder.name,
    cycle: { start: row.settings.folder.cycle.start, end: row.settings.folder.cycle.end },
    candidates: row.draft.candidates.length,
    decided: progress.reduce((n, p) => n + p.accepted + p.rejected, 0),
    accepted: progress.reduce((n, p) => n + p.accepted, 0),
    createdBy: name(row.createdBy),
    createdAt: row.createdAt.toISOString(),
    updatedBy: name(row.updatedBy),
    updatedAt: row.updatedAt.toISOString(),
    published:
      row.publishedFolderId && row.publishedAt
        ? { folderId: row.publishedFolderId, at: row.publishedAt.toISOString(), by: name(row.publishedBy) }
        : null,
  };
}

async function summaries(db: Db, rows: Row[]): Promise<DraftSummary[]> {
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.createdBy, r.updatedBy, r.publishedBy]),
  );
  return rows.map((r) => summaryOf(r, names));
}

function rowOf(draft: PlanDraft, decisions: Record<string, CandidateDecision>, index: number): CandidateRow {
  const drafted = draft.candidates[index];
  if (!drafted) throw notFound('候选指标');
  const decision = decisionOf(decisions, index);
  return { index, drafted, candidate: effectiveCandidate(drafted, decision), decision };
}

async function systemUnits(db: Db): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(eq(orgUnit.active, true))
    .orderBy(asc(orgUnit.position));
}

async function findDraft(db: Db, id: number): Promise<Row> {
  const [row] = await db.select().from(planDraft).where(eq(planDraft.id, id));
  if (!row) throw notFound('规划草稿');
  return row;
}

function assertNotPublished(row: Row): void {
  if (row.publishedFolderId) {
    throw new AppError(
      409,
      'DRAFT_PUBLISHED',
      `该草稿已于 ${row.publishedAt?.toISOString().slice(0, 10)} 发布为规划目录“${row.publishedFolderId}”，是发布的记录，不能再修改或删除；如需调整，请重新上传规划文件生成新草稿。`,
    );
  }
}

function withoutPredecessor(folder: CurationSettings['folder']): CurationSettings['folder'] {
  const { predecessor: _, ...rest } = folder;
  return rest;
}

/** The stored edits of a candidate: nulls (cleared fields) dropped, so that the validator names what is missing. */
function cleanEdits(edits: NonNullable<CandidatePatch['edits']>): CandidateEdits {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(edits)) {
    if (value === undefined || value === null) continue;
    out[key] =
      key === 'rule'
        ? Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== undefined && v !== null))
        : value;
  }
  return out as CandidateEdits & { rule?: TargetRule };
}

/**
 * Why a folder that validates still cannot be published here: its id or a plan id is already a cycle of the system
 * (publishing would change that cycle in place rather than add a new one). Empty when it can be published.
 */
async function publishBlockers(db: Db, folderId: string, planIds: string[]): Promise<string[]> {
  const blockers: string[] = [];
  const [known] = await db.select({ id: planFolder.id }).from(planFolder).where(eq(planFolder.id, folderId));
  if (known) {
    blockers.push(
      `本系统已有规划周期“${folderId}”：新一轮规划须用新的规划目录标识（如 demo-2026-2030），请在“规划目录”中修改。`,
    );
  }
  if (planIds.length > 0) {
    const taken = await db.select({ id: plan.id, folderId: plan.folderId }).from(plan).where(inArray(plan.id, planIds));
    for (const t of taken.filter((x) => x.folderId !== folderId)) {
      blockers.push(`规划标识“${t.id}”已属于规划周期“${t.folderId}”：请在“规划目录”中为该规划改用新的标识。`);
    }
  }
  return blockers;
}

/** What an edit of a draft writes back: the settings or the decisions, and its audit event. */
interface Change {
  settings?: CurationSettings;
  decisions?: Record<string, CandidateDecision>;
  audit: AuditEvent;
}

/** The accepted candidates that continue an indicator of the previous cycle, with their index. */
function lineageClaims(row: Row, decisions: Record<string, CandidateDecision>) {
  return row.draft.candidates.flatMap((c, index) => {
    const d = decisionOf(decisions, index);
    const e = effectiveCandidate(c, d);
    return d.status === 'accepted' && e.predecessor ? [{ index, code: e.code, predecessor: e.predecessor }] : [];
  });
}

/**
 * Lineage of an accepted candidate checked against the system before it is saved: its predecessor must be an
 * indicator of the previous cycle that no other accepted candidate continues (src/features/plans/lineage.ts).
 */
async function assertCandidateLineage(db: Db, row: Row, decisions: Record<string, CandidateDecision>, index: number) {
  const claims = lineageClaims(row, decisions);
  const mine = claims.find((c) => c.index === index);
  if (!mine) return;
  await assertPredecessor(
    db,
    row.settings.folder.predecessor,
    mine,
    claims.filter((c) => c.index !== index),
    'body.edits.predecessor',
  );
}

async function check(db: Db, row: Row) {
  return checkCuration(row.draft, row.settings, row.decisions, await systemUnits(db), row.fileName);
}

export const planDraftRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } });

  /** Reads the draft for update, lets `change` modify it, writes it back with who and when, audited. */
  async function update(
    request: FastifyRequest,
    id: number,
    change: (row: Row, tx: Db) => Promise<Change> | Change,
  ): Promise<Row> {
    const user = currentUser(request);
    return db.transaction(async (tx) => {
      const [row] = await tx.select().from(planDraft).where(eq(planDraft.id, id)).for('update');
      if (!row) throw notFound('规划草稿');
      assertNotPublished(row);
      const changed = await change(row, tx);
      const [after] = await tx
        .update(planDraft)
        .set({
          ...(changed.settings ? { settings: changed.settings, settingsRevision: row.settingsRevision + 1 } : {}),
          ...(changed.decisions ? { decisions: changed.decisions } : {}),
          updatedBy: user.id,
          updatedAt: new Date(),
        })
        .where(eq(planDraft.id, id))
        .returning();
      await audit(tx, actorOf(request), { objectType: 'plan_draft', objectId: id, ...changed.audit });
      return after as Row;
    });
  }

  app.get(
    '/plan-drafts',
    {
      schema: { tags: ['规划管理'], summary: '规划草稿列表' },
      config: { access: { roles: MANAGERS } },
    },
    async (): Promise<DraftList> => {
      const rows = await db.select().from(planDraft).orderBy(desc(planDraft.id));
      return { drafts: await summaries(db, rows) };
    },
  );

  app.post(
    '/plan-drafts',
    {
      schema: {
        tags: ['规划管理'],
        summary: '上传规划文件（.docx 或 .txt），生成规划草稿',
        consumes: ['multipart/form-data'],
        querystring: UploadQuery,
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request, reply): Promise<DraftSummary> => {
      const { buffer, fileName } = await readDocument(request);
      let draft: PlanDraft;
      try {
        draft = draftFromDocument(buffer, fileName, request.query.id ? { id: request.query.id } : {});
      } catch (error) {
        if (error instanceof DraftError) throw new AppError(400, 'INVALID_PLAN_DOCUMENT', error.message);
        throw error;
      }
      const user = currentUser(request);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(planDraft)
          .values({ fileName, draft, settings: initialSettings(draft), createdBy: user.id, updatedBy: user.id })
          .returning();
        await audit(tx, actorOf(request), {
          action: 'plan_draft.create',
          objectType: 'plan_draft',
          objectId: created?.id,
          detail: `从 ${fileName} 生成规划草稿 ${draft.folder.id}：${draft.plans.length} 个规划，${draft.candidates.length} 个候选指标`,
        });
        return created as Row;
      });
      reply.status(201);
      return (await summaries(db, [row]))[0] as DraftSummary;
    },
  );

  app.get(
    '/plan-drafts/:id',
    {
      schema: { tags: ['规划管理'], summary: '规划草稿详情：规划正文、候选指标和整理情况', params: IdParams },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<DraftDetail> => {
      const row = await findDraft(db, request.params.id);
      const { draft, settings, decisions } = row;
      const system = await systemUnits(db);
      const listed = new Set([settings.organisation.office.code, ...settings.organisation.units.map((u) => u.code)]);
      const units: UnitOption[] = [
        { code: settings.organisation.office.code, name: settings.organisation.office.name, source: 'draft' },
        ...settings.organisation.units.map((u) => ({ ...u, source: 'draft' as const })),
        ...system.filter((u) => !listed.has(u.code)).map((u) => ({ ...u, source: 'system' as const })),
      ];
      return {
        draft: (await summaries(db, [row]))[0] as DraftSummary,
        settings,
        settingsRevision: row.settingsRevision,
        plans: draft.plans.map(({ file, plan }) => ({ file, plan: { ...plan, ...settings.plans[file] } })),
        candidates: draft.candidates.map((_, i) => rowOf(draft, decisions, i)),
        progress: curationProgress(draft, decisions),
        units,
        warnings: draft.warnings,
      };
    },
  );

  app.patch(
    '/plan-drafts/:id/candidates/:index',
    {
      schema: {
        tags: ['规划管理'],
        summary: '采纳、修改或不采纳一个候选指标（带上读到的 revision）',
        params: CandidateParams,
        body: CandidatePatch,
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<CandidateReply> => {
      const { id, index } = request.params;
      const body = request.body;
      const user = currentUser(request);
      // Lookups inside the draft's transaction: the embedded engine has one connection, held by it.
      const row = await update(request, id, async (r, tx) => {
        const before = rowOf(r.draft, r.decisions, index).decision;
        if (before.revision !== body.revision) {
          throw new AppError(
            409,
            'STALE_EDIT',
            `候选指标 ${effectiveCandidate(r.draft.candidates[index] as never, before).code} 已被${before.updatedBy ?? '他人'}修改：您的修改未保存，请查看最新内容后再改。`,
            { current: rowOf(r.draft, r.decisions, index) },
          );
        }
        const after: CandidateDecision = {
          status: body.status ?? before.status,
          edits: body.edits ? cleanEdits(body.edits) : before.edits,
          lead: body.lead === undefined ? before.lead : body.lead,
          partners: body.partners ?? before.partners,
          revision: before.revision + 1,
          updatedBy: user.displayName,
          updatedAt: new Date().toISOString(),
        };
        const decisions = { ...r.decisions, [String(index)]: after };
        await assertCandidateLineage(tx, r, decisions, index);
        return {
          decisions,
          audit: { action: 'plan_draft.candidate', before: { index, ...before }, after: { index, ...after } },
        };
      });
      return { row: rowOf(row.draft, row.decisions, index) };
    },
  );

  app.post(
    '/plan-drafts/:id/accept-domain',
    {
      schema: {
        tags: ['规划管理'],
        summary: '采纳一个领域中所有未决定的候选指标（已不采纳的不变）',
        params: IdParams,
        body: DomainAccept,
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<{ accepted: number }> => {
      const { plan, domain } = request.body;
      const user = currentUser(request);
      let accepted = 0;
      await update(request, request.params.id, (r) => {
        const decisions = { ...r.decisions };
        r.draft.candidates.forEach((c, i) => {
          const d = decisionOf(decisions, i);
          if (c.plan !== plan || c.domain !== domain || d.status !== 'pending') return;
          decisions[String(i)] = {
            ...d,
            status: 'accepted',
            revision: d.revision + 1,
            updatedBy: user.displayName,
            updatedAt: new Date().toISOString(),
          };
          accepted++;
        });
        return { decisions, audit: { action: 'plan_draft.accept_domain', detail: `${domain}：采纳 ${accepted} 个` } };
      });
      return { accepted };
    },
  );

  app.patch(
    '/plan-drafts/:id/settings',
    {
      schema: {
        tags: ['规划管理'],
        summary: '修改规划目录（id、名称、地区、周期）和规划信息（带上读到的 revision）',
        params: IdParams,
        body: SettingsPatch,
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<{ settings: CurationSettings; settingsRevision: number }> => {
      const body = request.body;
      const row = await update(request, request.params.id, async (r, tx) => {
        if (r.settingsRevision !== body.revision) {
          throw new AppError(409, 'STALE_EDIT', '规划目录信息已被他人修改：您的修改未保存，请刷新后再改。', {
            current: { settings: r.settings, settingsRevision: r.settingsRevision },
          });
        }
        const plans = { ...r.settings.plans };
        for (const [file, edits] of Object.entries(body.plans ?? {})) {
          if (!r.draft.plans.some((p) => p.file === file)) {
            throw new AppError(400, 'UNKNOWN_PLAN', `草稿中没有规划文件 ${file}`);
          }
          plans[file] = edits;
        }
        const settings: CurationSettings = {
          ...r.settings,
          // The form sends the whole folder: a predecessor it leaves out has been cleared.
          folder: body.folder ? { ...withoutPredecessor(r.settings.folder), ...body.folder } : r.settings.folder,
          plans,
        };
        await assertPreviousCycle(tx, settings.folder.predecessor, 'body.folder.predecessor');
        return { settings, audit: { action: 'plan_draft.settings', before: r.settings, after: settings } };
      });
      return { settings: row.settings, settingsRevision: row.settingsRevision };
    },
  );

  app.post(
    '/plan-drafts/:id/organisation/import',
    {
      schema: {
        tags: ['规划管理'],
        summary: '把本系统现有的成员单位和镇街并入草稿的组织机构（按代码，已有的不变）',
        params: IdParams,
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<{ unitsAdded: number; areasAdded: number }> => {
      const units = await systemUnits(db);
      const areas = await db
        .select({ code: area.code, name: area.name, kind: area.kind })
        .from(area)
        .where(eq(area.active, true))
        .orderBy(asc(area.position));
      let unitsAdded = 0;
      let areasAdded = 0;
      await update(request, request.params.id, (r) => {
        const org = r.settings.organisation;
        const unitCodes = new Set([org.office.code, ...org.units.map((u) => u.code)]);
        const areaCodes = new Set(org.areas.map((a) => a.code));
        const newUnits = units.filter((u) => !unitCodes.has(u.code));
        const newAreas = areas.filter((a) => !areaCodes.has(a.code));
        unitsAdded = newUnits.length;
        areasAdded = newAreas.length;
        const settings: CurationSettings = {
          ...r.settings,
          organisation: {
            ...org,
            units: [...org.units, ...newUnits],
            areas: [...org.areas, ...newAreas.map((a) => ({ code: a.code, name: a.name, kind: a.kind }))],
          },
        };
        return {
          settings,
          audit: {
            action: 'plan_draft.organisation',
            detail: `并入本系统的 ${unitsAdded} 个成员单位、${areasAdded} 个镇街`,
          },
        };
      });
      return { unitsAdded, areasAdded };
    },
  );

  app.get(
    '/plan-drafts/:id/problems',
    {
      schema: {
        tags: ['规划管理'],
        summary: '用系统的校验检查整理后的规划目录（采纳的候选作为指标），列出每个问题及其所在的候选或字段',
        params: IdParams,
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<ProblemsReply> => {
      const row = await findDraft(db, request.params.id);
      const result = await check(db, row);
      return {
        ok: result.problems.length === 0,
        problems: result.problems,
        notes: result.notes,
        indicators: result.curated.places.size,
        blockers: row.publishedFolderId
          ? []
          : [
              ...(await publishBlockers(
                db,
                result.curated.folder.id,
                result.curated.plans.map((p) => p.plan.id),
              )),
              ...(await lineageBlockers(db, row.settings.folder.predecessor, lineageClaims(row, row.decisions))),
            ],
      };
    },
  );

  app.get(
    '/plan-drafts/:id/export.zip',
    {
      schema: { tags: ['规划管理'], summary: '导出规划目录（YAML 文件的 .zip）', params: IdParams },
      config: { access: { roles: MANAGERS } },
    },
    async (request, reply) => {
      const row = await findDraft(db, request.params.id);
      const result = await check(db, row);
      const folderId = result.curated.folder.id;
      await audit(db, actorOf(request), {
        action: 'plan_draft.export',
        objectType: 'plan_draft',
        objectId: row.id,
        detail: `导出规划目录 ${folderId}（${result.curated.places.size} 个指标，${result.problems.length} 个问题）`,
      });
      // Exported even with problems: an editor may want to finish the files by hand; the page says so.
      return sendFile(reply, curationZip(result.files, folderId), `${folderId}.zip`, 'application/zip');
    },
  );

  app.post(
    '/plan-drafts/:id/publish',
    {
      schema: {
        tags: ['规划管理'],
        summary: '发布：校验通过的规划目录作为新的规划周期导入本系统',
        params: IdParams,
        body: PublishBody,
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<PublishReply> => {
      const id = request.params.id;
      const row = await findDraft(db, id);
      assertNotPublished(row);
      const result = await check(db, row);
      if (!result.whole || result.problems.length > 0) {
        throw new AppError(
          409,
          'DRAFT_INVALID',
          `规划目录还有 ${result.problems.length} 个问题，未发布：请按提示逐条改正后再发布。`,
          { problems: result.problems },
        );
      }
      if (result.curated.places.size === 0) {
        throw new AppError(409, 'DRAFT_EMPTY', '还没有采纳任何候选指标，未发布：请先逐领域采纳监测指标。');
      }
      const whole = result.whole;
      const user = currentUser(request);
      const { summary, after } = await db.transaction(async (tx) => {
        // Taken again under the row lock: two people pressing 发布 at once publish once.
        const [locked] = await tx.select().from(planDraft).where(eq(planDraft.id, id)).for('update');
        if (!locked) throw notFound('规划草稿');
        assertNotPublished(locked);
        if (locked.updatedAt.getTime() !== row.updatedAt.getTime()) {
          throw new AppError(409, 'STALE_EDIT', '草稿在检查期间被修改了，未发布：请再次检查后发布。');
        }
        const blockers = await publishBlockers(
          tx,
          whole.catalog.folder.id,
          whole.catalog.plans.map((p) => p.id),
        );
        if (blockers.length > 0) throw new AppError(409, 'CYCLE_EXISTS', blockers.join(''));
        const published = await publishFolder(tx, whole, { ...request.body, actor: actorOf(request) });
        const [updated] = await tx
          .update(planDraft)
          .set({ publishedFolderId: published.folderId, publishedAt: new Date(), publishedBy: user.id })
          .where(eq(planDraft.id, id))
          .returning();
        await audit(tx, actorOf(request), {
          action: 'plan_draft.publish',
          objectType: 'plan_draft',
          objectId: id,
          after: published,
          detail: `发布规划目录 ${published.folderId}：${result.curated.places.size} 个指标${published.current ? '，设为当前周期' : ''}`,
        });
        return { summary: published, after: updated as Row };
      });
      return {
        draft: (await summaries(db, [after]))[0] as DraftSummary,
        folderId: summary.folderId,
        current: summary.current,
        firstPublished: summary.firstPublished,
        unitsAdded: summary.unitsAdded,
        areasAdded: summary.areasAdded,
      };
    },
  );

  app.delete(
    '/plan-drafts/:id',
    {
      schema: { tags: ['规划管理'], summary: '删除规划草稿（已发布的不能删除）', params: IdParams },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<{ deleted: number }> => {
      const id = request.params.id;
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(planDraft).where(eq(planDraft.id, id)).for('update');
        if (!row) throw notFound('规划草稿');
        assertNotPublished(row);
        await tx.delete(planDraft).where(eq(planDraft.id, id));
        // The whole draft goes into the log: nothing the office entered is lost by a mistaken delete.
        await audit(tx, actorOf(request), {
          action: 'plan_draft.delete',
          objectType: 'plan_draft',
          objectId: id,
          before: { fileName: row.fileName, settings: row.settings, decisions: row.decisions },
          detail: `删除规划草稿 ${row.settings.folder.id}（${row.fileName}）`,
        });
      });
      return { deleted: id };
    },
  );
};

async function readDocument(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new AppError(400, 'NO_FILE', '请以表单上传方式（multipart/form-data）选择一个规划文件（.docx 或 .txt）');
  }
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await request.file();
    if (!file) throw new AppError(400, 'NO_FILE', '没有收到文件，请选择规划正文（.docx 或 .txt）');
    const buffer = await file.toBuffer();
    if (buffer.length === 0) throw new AppError(400, 'EMPTY_FILE', '文件是空的，请选择规划正文（.docx 或 .txt）');
    return { buffer, fileName: fileNameOf(file.filename) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        `文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB：规划正文通常不到 1 MB，请检查是否选错了文件`,
      );
    }
    if (code === 'FST_FILES_LIMIT') throw new AppError(400, 'TOO_MANY_FILES', '一次只能上传一个文件');
    throw error;
  }
}

/** The uploaded file's name; some clients send it percent-encoded (RFC 5987 style), which is decoded. */
function fileNameOf(name: string | undefined): string {
  if (!name) return '规划正文.txt';
  if (!/%[0-9A-Fa-f]{2}/.test(name)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
