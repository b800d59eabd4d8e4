import { eq } from 'drizzle-orm';
import type { Sex } from '../../core/collection/entry.ts';
import { unitCanEdit } from '../../core/collection/workflow.ts';
import type { Db } from '../../db/connection.ts';
import { submission, submissionEvent } from '../../db/schema/index.ts';
import { AppError, notFound, outOfScope } from '../../kernel/errors.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { canSeeArea, canSeeUnit } from '../../kernel/scope.ts';
import type { SessionUser } from '../auth/index.ts';
import { type Submission, submissionFor } from './submissions.ts';
import { findRound, type Reporter, type Round, type TaskItem, taskItems } from './tasks.ts';

// The checks every way of entering a round's values goes through before saveValues: the round exists and is
// open, the user acts for their own unit or town (all-scope roles name one), the submission is still the
// unit's to edit, and every value lies inside the unit's task. Shared by PUT /rounds/:id/values and the Excel
// upload so the two cannot drift apart.

/** The reporter a user acts for: own unit or town; all-scope roles name one with ?unitId / ?areaId. */
export function reporterFor(
  user: SessionUser,
  query: { unitId?: number | undefined; areaId?: number | undefined },
): Reporter {
  const scope = ROLE_SCOPE[user.role];
  if (scope === 'own_unit') return { kind: 'unit', unitId: user.unitId as number };
  if (scope === 'own_area') return { kind: 'area', areaId: user.areaId as number };
  if (query.unitId) return { kind: 'unit', unitId: query.unitId };
  if (query.areaId) return { kind: 'area', areaId: query.areaId };
  throw new AppError(400, 'VALIDATION_FAILED', '请指定单位或镇街（unitId 或 areaId）');
}

export function assertSubmissionInScope(user: SessionUser, s: Submission): void {
  const visible = s.unitId !== null ? canSeeUnit(user, s.unitId) : canSeeArea(user, s.areaId as number);
  if (!visible) throw outOfScope('填报任务', { type: 'submission', id: s.id });
}

export interface RoundTask {
  round: Round;
  reporter: Reporter;
  submission: Submission;
  items: TaskItem[];
}

/** A reporter's task in a round, for reading (templates, the task page): round and submission exist and are in scope. */
export async function readableTask(
  db: Db,
  user: SessionUser,
  roundId: number,
  query: { unitId?: number | undefined; areaId?: number | undefined } = {},
): Promise<RoundTask> {
  const round = await findRound(db, roundId);
  if (!round) throw notFound('填报任务');
  const reporter = reporterFor(user, query);
  const s = await submissionFor(db, round.id, reporter);
  if (!s) throw notFound('该单位在本轮没有填报任务');
  assertSubmissionInScope(user, s);
  return { round, reporter, submission: s, items: await taskItems(db, round, reporter) };
}

/**
 * The user's own task in a round, for writing: the round is open and the submission is in a state the unit may
 * edit (未开始 / 填报中 / 被退回). The same answers as PUT /rounds/:id/values.
 */
export async function editableTask(db: Db, user: SessionUser, roundId: number): Promise<RoundTask> {
  const round = await findRound(db, roundId);
  if (!round) throw notFound('填报任务');
  if (round.status !== 'open') throw new AppError(409, 'ROUND_CLOSED', '该填报任务已关闭');
  const reporter = reporterFor(user, {});
  const s = await submissionFor(db, round.id, reporter);
  if (!s) throw notFound('该单位在本轮没有填报任务');
  if (!unitCanEdit(s.status)) {
    throw new AppError(409, 'SUBMISSION_NOT_EDITABLE', '本单位数据已提交，正在确认或审核中，不能修改');
  }
  return { round, reporter, submission: s, items: await taskItems(db, round, reporter) };
}

export interface TaskKey {
  indicatorId: number;
  year: number;
  areaId: number | null;
  sex: Sex;
}

/**
 * Throws NOT_IN_TASK (403) for the first value outside the task. `where(index)` names the value in the message
 * and the field: by default "第 N 条" / values.N, as the entry form's route answers.
 */
export function assertInTask(
  items: TaskItem[],
  values: readonly TaskKey[],
  where: (index: number) => { label: string; field: string } = (index) => ({
    label: `第 ${index + 1} 条数据`,
    field: `values.${index}`,
  }),
): void {
  const byId = new Map(items.map((i) => [i.indicator.id, i]));
  values.forEach((v, index) => {
    const item = byId.get(v.indicatorId);
    const ok = item?.years.includes(v.year) && item.areaId === v.areaId && item.sexes.includes(v.sex);
    if (!ok) {
      const { label, field } = where(index);
      throw new AppError(403, 'NOT_IN_TASK', `${label}不在本单位本轮的填报任务之内`, {
        fields: [{ field, message: '不在填报任务之内' }],
      });
    }
  });
}

/** A first save moves the submission from 未开始 to 填报中, with its event; call inside the saving transaction. */
export async function markInProgress(tx: Db, s: Submission, userId: number): Promise<void> {
  if (s.status !== 'not_started') return;
  await tx
    .update(submission)
    .set({ status: 'in_progress', updatedAt: new Date(), updatedBy: userId })
    .where(eq(submission.id, s.id));
  await tx.insert(submissionEvent).values({
    submissionId: s.id,
    userId,
    action: 'save',
    fromStatus: 'not_started',
    toStatus: 'in_progress',
  });
}
