import { and, eq, inArray } from 'drizzle-orm';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../core/collection/workflow.ts';
import type { Db } from '../../db/connection.ts';
import { appUser, area, notice, orgUnit, reportingRound, submission, submissionEvent } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { UrgeResult, WebhookKind } from './contract.ts';
import { getUnitWebhooks, getWebhook, postWebhook } from './webhook.ts';

// 催报: the office reminds one or all late units of a round from its progress page. Each reminded unit (or town)
// gets an in-app notice, an entry in its submission's 流程记录 and one in the audit log; the unit's own group robot
// gets the message when the unit has one, else the office's group robot gets one summary.

const DONE: SubmissionStatus[] = ['submitted', 'approved'];

export interface LateSubmission {
  submissionId: number;
  reporterName: string;
  kind: 'unit' | 'area';
  status: SubmissionStatus;
  contactName: string | null;
  contactPhone: string | null;
  /** The unit's (town's) reporters and leaders: display names. */
  people: string[];
  webhookUrl: string | null;
  webhookKind: WebhookKind | null;
}

/** Submissions of the round that are not yet with the statistics bureau, with who to call. */
export async function lateSubmissions(db: Db, roundId: number) {
  const [round] = await db.select().from(reportingRound).where(eq(reportingRound.id, roundId));
  if (!round) throw notFound('填报任务');
  const rows = await db
    .select({
      submission,
      unitName: orgUnit.name,
      contactName: orgUnit.contactName,
      contactPhone: orgUnit.contactPhone,
      areaName: area.name,
    })
    .from(submission)
    .leftJoin(orgUnit, eq(orgUnit.id, submission.unitId))
    .leftJoin(area, eq(area.id, submission.areaId))
    .where(eq(submission.roundId, roundId));
  const users = await db
    .select({ unitId: appUser.unitId, areaId: appUser.areaId, displayName: appUser.displayName })
    .from(appUser)
    .where(eq(appUser.disabled, false));
  const robots = await getUnitWebhooks(db);
  const late: LateSubmission[] = rows
    .filter((r) => !DONE.includes(r.submission.status))
    .map((r) => ({
      submissionId: r.submission.id,
      reporterName: r.unitName ?? r.areaName ?? '',
      kind: r.submission.unitId !== null ? 'unit' : 'area',
      status: r.submission.status,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      people: users
        .filter((u) =>
          r.submission.unitId !== null ? u.unitId === r.submission.unitId : u.areaId === r.submission.areaId,
        )
        .map((u) => u.displayName),
      webhookUrl: r.submission.unitId !== null ? (robots[String(r.submission.unitId)]?.url ?? null) : null,
      webhookKind: r.submission.unitId !== null ? (robots[String(r.submission.unitId)]?.kind ?? null) : null,
    }));
  return { round, late };
}

/** Reminds the given late submissions (all late ones when `submissionIds` is absent). */
export async function urgeLate(
  db: Db,
  actor: Actor,
  roundId: number,
  submissionIds: number[] | undefined,
  note: string | undefined,
  allowedHosts: readonly string[],
): Promise<UrgeResult> {
  const { round, late } = await lateSubmissions(db, roundId);
  if (round.status !== 'open') throw new AppError(409, 'ROUND_CLOSED', '该填报任务已结束，不能催报');
  const chosen = submissionIds ? late.filter((l) => submissionIds.includes(l.submissionId)) : late;
  if (submissionIds) {
    const known = new Set(late.map((l) => l.submissionId));
    const notLate = submissionIds.filter((id) => !known.has(id));
    if (notLate.length > 0)
      throw new AppError(409, 'NOT_LATE', '所选单位已提交或不属于本填报任务，无需催报', {
        fields: [{ field: 'body.submissionIds', message: '所选单位已提交或不属于本填报任务' }],
      });
  }
  if (chosen.length === 0) throw new AppError(409, 'NOTHING_TO_URGE', '本填报任务没有逾期未报的单位，无需催报');
  const message = `请于 ${round.deadline} 前完成“${round.title}”的填报并提交${note ? `。${note}` : ''}`;

  await db.transaction(async (tx) => {
    const subs = await tx
      .select()
      .from(submission)
      .where(
        and(
          eq(submission.roundId, roundId),
          inArray(
            submission.id,
            chosen.map((c) => c.submissionId),
          ),
        ),
      );
    for (const s of subs) {
      const who = chosen.find((c) => c.submissionId === s.id);
      await tx.insert(notice).values({
        unitId: s.unitId,
        areaId: s.areaId,
        kind: 'urge',
        title: `催报：${round.title}`,
        body: `区妇儿工委办公室提醒：${message}。当前状态：${SUBMISSION_STATUS_LABELS[s.status]}。`,
        link: `/collection/rounds/${roundId}/entry`,
      });
      await tx.insert(submissionEvent).values({
        submissionId: s.id,
        userId: actor.userId,
        action: 'remind',
        fromStatus: s.status,
        toStatus: s.status,
        reason: note ? `催报：${note}` : '催报',
      });
      await audit(tx, actor, {
        action: 'submission.remind',
        objectType: 'submission',
        objectId: s.id,
        detail: `催报 ${who?.reporterName ?? ''}：${round.title}${note ? `（${note}）` : ''}`,
      });
    }
  });

  // Robots after the transaction: a slow robot must not hold the database.
  const webhooks: UrgeResult['webhooks'] = [];
  const own = chosen.filter((c) => c.webhookUrl);
  for (const c of own) {
    const result = await postWebhook(
      { url: c.webhookUrl as string, kind: c.webhookKind ?? 'wecom' },
      `催报：${round.title}`,
      `**催报：${round.title}**\n\n${c.reporterName}：${message}。`,
      { allowedHosts },
    );
    webhooks.push({ target: c.reporterName, result });
  }
  const rest = chosen.filter((c) => !c.webhookUrl);
  const group = await getWebhook(db);
  if (rest.length > 0 && group.enabled && group.url) {
    const result = await postWebhook(
      group,
      `催报：${round.title}`,
      `**催报：${round.title}**（截止 ${round.deadline}）\n\n尚未报送：${rest.map((r) => r.reporterName).join('、')}\n\n${message}。`,
      { allowedHosts },
    );
    webhooks.push({ target: '工作群', result });
  }
  for (const w of webhooks.filter((x) => !x.result.ok))
    await audit(db, actor, {
      action: 'webhook.send',
      result: 'failure',
      detail: `催报消息发送到 ${w.target} 失败：${w.result.message}`,
    });
  return { reminded: chosen.map((c) => ({ submissionId: c.submissionId, reporterName: c.reporterName })), webhooks };
}
