import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { checkEntry } from '../../core/collection/rules.ts';
import {
  ACTION_LABELS,
  checkTransition,
  type SubmissionAction,
  type SubmissionStatus,
  submitTarget,
  TRANSITIONS,
} from '../../core/collection/workflow.ts';
import type { Db } from '../../db/connection.ts';
import { area, dataValue, orgUnit, reportingRound, submission, submissionEvent } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Role } from '../../kernel/roles.ts';
import { refreshResults } from '../analysis/index.ts';
import { type Actor, audit } from '../audit/index.ts';
import { notify } from '../notices/index.ts';
import type { RoundCheck, SubmitProblem } from './contract.ts';
import { carriedValues } from './lineage.ts';
import {
  findRound,
  hasAreaIndicators,
  type Reporter,
  type Round,
  reportingUnits,
  type TaskItem,
  taskItems,
} from './tasks.ts';
import { entryContext, keyOf, type ValueAt, writeHistory } from './values.ts';

// Rounds and the submission workflow: opening a round creates a submission per reporting unit and town;
// each move is checked against the transition table in src/core/collection/workflow.ts, recorded as an event,
// audited, and — for approval and reopening — locks or unlocks the values, with a history row per value.

export type Submission = typeof submission.$inferSelect;

export interface OpenRoundInput {
  folderId: string;
  kind: 'annual' | 'final';
  year: number;
  deadline: string;
  title?: string;
}

export async function openRound(db: Db, actor: Actor, input: OpenRoundInput): Promise<Round> {
  const title =
    input.title?.trim() ||
    (input.kind === 'annual' ? `${input.year}年度监测数据填报` : `规划终期评估数据填报（截至${input.year}年）`);
  const units = await reportingUnits(db, input.folderId);
  const areas = (await hasAreaIndicators(db, input.folderId))
    ? await db.select({ id: area.id }).from(area).where(eq(area.active, true))
    : [];
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: reportingRound.id })
      .from(reportingRound)
      .where(
        and(
          eq(reportingRound.folderId, input.folderId),
          eq(reportingRound.kind, input.kind),
          eq(reportingRound.year, input.year),
        ),
      );
    if (existing.length > 0) {
      throw new AppError(409, 'DUPLICATE', `${title}已存在，不能重复开启`, {
        fields: [{ field: 'body.year', message: '该年度的填报任务已存在' }],
      });
    }
    const [round] = await tx
      .insert(reportingRound)
      .values({
        folderId: input.folderId,
        kind: input.kind,
        year: input.year,
        deadline: input.deadline,
        title,
        openedBy: actor.userId,
      })
      .returning();
    const r = round as Round;
    const rowsToCreate = [
      ...units.map((unitId) => ({ roundId: r.id, unitId })),
      ...areas.map((a) => ({ roundId: r.id, areaId: a.id })),
    ];
    if (rowsToCreate.length > 0) await tx.insert(submission).values(rowsToCreate);
    await audit(tx, actor, { action: 'round.open', objectType: 'round', objectId: r.id, after: r });
    return r;
  });
}

export function reporterOf(s: Submission): Reporter {
  return s.unitId !== null ? { kind: 'unit', unitId: s.unitId } : { kind: 'area', areaId: s.areaId as number };
}

export async function findSubmission(db: Db, id: number): Promise<Submission | undefined> {
  const [row] = await db.select().from(submission).where(eq(submission.id, id));
  return row;
}

/** The submission of a unit or town in a round. */
export async function submissionFor(db: Db, roundId: number, reporter: Reporter): Promise<Submission | undefined> {
  const [row] = await db
    .select()
    .from(submission)
    .where(
      and(
        eq(submission.roundId, roundId),
        reporter.kind === 'unit' ? eq(submission.unitId, reporter.unitId) : eq(submission.areaId, reporter.areaId),
      ),
    );
  return row;
}

/**
 * The value rows of a task (those that exist), keyed like keyOf. `yearsBack` adds that many earlier years, for
 * the year-on-year rules; those rows are not part of the task.
 */
export async function taskValues(db: Db, items: TaskItem[], yearsBack = 0) {
  if (items.length === 0) return new Map<string, typeof dataValue.$inferSelect>();
  const indicatorIds = items.map((i) => i.indicator.id);
  const taskYears = [...new Set(items.flatMap((i) => i.years))];
  const years = [...new Set(taskYears.flatMap((y) => Array.from({ length: yearsBack + 1 }, (_, k) => y - k)))];
  const areaId = items[0]?.areaId ?? null;
  const found = await db
    .select()
    .from(dataValue)
    .where(
      and(
        inArray(dataValue.indicatorId, indicatorIds),
        inArray(dataValue.year, years),
        areaId === null ? isNull(dataValue.areaId) : eq(dataValue.areaId, areaId),
      ),
    );
  return new Map(found.map((r) => [keyOf(r), r]));
}

/** Every entry of a task with the 审核公式 it trips (hard and soft), as the entry form and the reviewer see them. */
async function taskChecks(db: Db, items: TaskItem[]) {
  const values = await taskValues(db, items, 3);
  const lookup: ValueAt = (indicatorId, year, areaId, sex) =>
    values.get(keyOf({ indicatorId, year, areaId, sex }))?.value ?? null;
  const years = items.flatMap((i) => i.years);
  const carried = await carriedValues(
    db,
    items.map((i) => i.indicator),
    [
      years.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY) - 3,
      years.reduce((a, b) => Math.max(a, b), 0) - 1,
    ],
    [items[0]?.areaId ?? null],
  );
  return items.flatMap((item) =>
    item.years.flatMap((year) =>
      item.sexes.map((sex) => {
        const ind = item.indicator;
        const row = values.get(keyOf({ indicatorId: ind.id, year, areaId: item.areaId, sex }));
        const checks = checkEntry(
          entryContext(
            ind,
            { year, areaId: item.areaId, sex },
            { value: row?.value ?? null, numerator: row?.numerator ?? null, denominator: row?.denominator ?? null },
            lookup,
            carried,
          ),
        );
        return { ind, year, sex, row, checks };
      }),
    ),
  );
}

/** What stops a submission: every value reported or explained, soft warnings explained, no hard errors. */
export async function submitProblems(db: Db, items: TaskItem[]): Promise<SubmitProblem[]> {
  const problems: SubmitProblem[] = [];
  for (const { ind, year, sex, row, checks } of await taskChecks(db, items)) {
    const base = { indicatorId: ind.id, code: ind.code, year, sex };
    for (const c of checks) {
      if (c.level === 'hard') problems.push({ ...base, message: `${ind.name}：${c.message}` });
      else if (!row?.explanation) problems.push({ ...base, message: `${ind.name}：${c.message}（须填写说明）` });
    }
    if (row?.returnReason)
      problems.push({ ...base, message: `${ind.name}：被退回（${row.returnReason}），请修改后再提交` });
  }
  return problems;
}

/**
 * The reviewer's list (issue 14): every 审核公式 hit in a round's submissions that have begun, with the reporter's
 * explanation, so the statistics bureau sees at once which rows to look at instead of opening each submission.
 */
export async function roundChecks(db: Db, round: Round): Promise<RoundCheck[]> {
  const submissions = await db
    .select()
    .from(submission)
    .where(and(eq(submission.roundId, round.id), ne(submission.status, 'not_started')))
    .orderBy(asc(submission.id));
  const list: RoundCheck[] = [];
  for (const s of submissions) {
    const items = await taskItems(db, round, reporterOf(s));
    const reporter = await reporterName(db, s);
    for (const { ind, year, sex, row, checks } of await taskChecks(db, items)) {
      for (const c of checks) {
        // A missing value is the reporter's to-do while filling in, not a hit for review.
        if (c.code === 'S_MISSING' && (s.status === 'in_progress' || s.status === 'returned')) continue;
        list.push({
          submissionId: s.id,
          submissionStatus: s.status,
          reporterName: reporter,
          indicatorId: ind.id,
          code: ind.code,
          name: ind.name,
          year,
          sex,
          level: c.level,
          rule: c.code,
          message: c.message,
          value: row?.value ?? null,
          explanation: row?.explanation ?? null,
        });
      }
    }
  }
  return list;
}

export interface ActInput {
  action: SubmissionAction;
  reason?: string | undefined;
  /** For a return: the values at fault, each with its reason. */
  valueReturns?: { valueId: number; reason: string }[] | undefined;
}

/** Moves a submission one step. `role` is the acting user's role; scope is checked by the caller. */
export async function act(db: Db, actor: Actor, role: Role, s: Submission, input: ActInput): Promise<Submission> {
  const round = await findRound(db, s.roundId);
  if (!round) throw new AppError(404, 'NOT_FOUND', '填报任务不存在');
  if (round.status === 'closed' && input.action !== 'reopen')
    throw new AppError(409, 'ROUND_CLOSED', '该填报任务已关闭');
  const check = checkTransition(s.status, input.action, role);
  if (!check.ok) {
    throw check.reason === 'role'
      ? new AppError(403, 'FORBIDDEN', check.message)
      : new AppError(409, 'INVALID_TRANSITION', check.message);
  }
  const reason = input.reason?.trim() || null;
  if (TRANSITIONS[input.action].needsReason && !reason && !(input.valueReturns?.length ?? 0)) {
    throw new AppError(400, 'VALIDATION_FAILED', `“${ACTION_LABELS[input.action]}”须填写原因`, {
      fields: [{ field: 'body.reason', message: '请填写原因' }],
    });
  }
  const reporter = reporterOf(s);
  const items = await taskItems(db, round, reporter);
  let to: SubmissionStatus = check.to;
  if (input.action === 'submit') {
    const problems = await submitProblems(db, items);
    if (problems.length > 0) {
      throw new AppError(
        400,
        'SUBMIT_BLOCKED',
        `还有 ${problems.length} 处问题，不能提交：${problems
          .slice(0, 3)
          .map((p) => p.message)
          .join('；')}${problems.length > 3 ? '……' : ''}`,
        {
          problems,
        },
      );
    }
    to = submitTarget(reporter.kind);
  }

  return db.transaction(async (tx) => {
    const values = await taskValues(tx, items);
    const ids = [...values.values()].map((v) => v.id);
    if (input.action === 'return' && input.valueReturns?.length) {
      const known = new Set(ids);
      const unknown = input.valueReturns.filter((r) => !known.has(r.valueId));
      if (unknown.length > 0) throw new AppError(400, 'VALIDATION_FAILED', '退回的数据不属于该单位的填报任务');
      for (const r of input.valueReturns) {
        await tx.update(dataValue).set({ returnReason: r.reason }).where(eq(dataValue.id, r.valueId));
      }
      await writeHistory(
        tx,
        input.valueReturns.map((r) => ({
          valueId: r.valueId,
          action: 'return',
          old: null,
          new: null,
          reason: r.reason,
        })),
        actor,
        null,
      );
    }
    if ((input.action === 'approve' || input.action === 'reopen') && ids.length > 0) {
      const lock = input.action === 'approve';
      await tx
        .update(dataValue)
        .set({ locked: lock, version: sql`${dataValue.version} + 1` })
        .where(inArray(dataValue.id, ids));
      await writeHistory(
        tx,
        ids.map((valueId) => ({
          valueId,
          action: lock ? 'approve' : 'reopen',
          old: { locked: !lock },
          new: { locked: lock },
        })),
        actor,
        reason,
      );
    }
    const [updated] = await tx
      .update(submission)
      .set({ status: to, reason, updatedAt: new Date(), updatedBy: actor.userId })
      .where(and(eq(submission.id, s.id), eq(submission.status, s.status)))
      .returning();
    if (!updated) throw new AppError(409, 'CONFLICT', '状态已被他人更改，请刷新后重试');
    await tx.insert(submissionEvent).values({
      submissionId: s.id,
      userId: actor.userId,
      action: input.action,
      fromStatus: s.status,
      toStatus: to,
      reason,
    });
    // Approving locks values (they enter the approved basis), reopening unlocks them: results follow at once.
    await refreshResults(tx);
    await audit(tx, actor, {
      action: `submission.${input.action}`,
      objectType: 'submission',
      objectId: s.id,
      before: { status: s.status },
      after: { status: to, reason, valueReturns: input.valueReturns },
    });
    await notifyMove(tx, s, to, input.action, reason, input.valueReturns?.length ?? 0);
    return updated;
  });
}

/** Name of the unit or town a submission belongs to. */
export async function reporterName(db: Db, s: Submission): Promise<string> {
  if (s.unitId !== null) {
    const [u] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, s.unitId));
    return u?.name ?? '';
  }
  const [a] = await db
    .select({ name: area.name })
    .from(area)
    .where(eq(area.id, s.areaId as number));
  return a?.name ?? '';
}

/** The bell of whoever acts next: the unit's leader, the statistics bureau, or the unit after a return. */
async function notifyMove(
  tx: Db,
  s: Submission,
  to: SubmissionStatus,
  action: string,
  reason: string | null,
  returnedValues: number,
): Promise<void> {
  const [round] = await tx.select().from(reportingRound).where(eq(reportingRound.id, s.roundId));
  if (!round) return;
  const who = await reporterName(tx, s);
  const entry = `/collection/rounds/${s.roundId}/entry`;
  const unit = { unitId: s.unitId, areaId: s.areaId };
  if (to === 'awaiting_confirmation')
    await notify(
      tx,
      { roles: ['unit_leader'], roleUnitId: s.unitId },
      {
        kind: 'confirm_pending',
        title: `待您确认：${round.title}`,
        body: `${who}填报员已提交${round.title}的数据，请审阅后确认提交或退回修改。`,
        link: entry,
      },
    );
  else if (to === 'submitted')
    await notify(
      tx,
      { roles: ['statistics'] },
      {
        kind: 'review_pending',
        title: `待审核：${who} ${round.title}`,
        body: `${who}已报送${round.title}的数据，请审核。`,
        link: `/review/submissions/${s.id}?roundId=${s.roundId}`,
      },
    );
  else if (action === 'return' || action === 'send_back')
    await notify(tx, unit, {
      kind: 'returned',
      title: `${action === 'return' ? '统计局退回' : '单位领导退回'}：${round.title}`,
      body: `${returnedValues ? `${returnedValues} 项数据被退回。` : ''}${reason ? `原因：${reason}` : '请按意见修改后重新提交。'}`,
      link: entry,
    });
  else if (action === 'approve')
    await notify(tx, unit, {
      kind: 'approved',
      title: `审核通过：${round.title}`,
      body: `${who}的${round.title}数据已审核通过。`,
      link: entry,
    });
  else if (action === 'reopen')
    await notify(tx, unit, {
      kind: 'reopened',
      title: `重新打开：${round.title}`,
      body: `统计局重新打开了${round.title}，请按意见更正后重新提交。${reason ? `原因：${reason}` : ''}`,
      link: entry,
    });
}
