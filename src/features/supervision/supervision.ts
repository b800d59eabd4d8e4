import { and, eq, ne } from 'drizzle-orm';
import { plainWarning } from '../../core/narrative/index.ts';
import type { Db } from '../../db/connection.ts';
import { indicator, plan, responsibility, supervisionNotice, supervisionStep } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { type Analysis, analyse } from '../analysis/index.ts';
import { type Actor, audit } from '../audit/index.ts';
import { notify as notifyUnits } from '../notices/index.ts';

// 预警督办's steps: issuing a 督办单 to the indicator's lead unit, the unit's answer, the office's closing or asking
// again. Every step is kept (supervision_step) and audited. The routes check who may act and dates against today;
// the demo data take the same steps on days inside the cycle.

export type SupervisionNoticeRow = typeof supervisionNotice.$inferSelect;

export interface StepOptions {
  /** When the step happens: now, or (演示数据) the day the office or the unit would have taken it. */
  at?: Date;
  /** Tell the unit or the office (default); off for steps long past, which nobody needs to act on. */
  notify?: boolean;
}

export interface IssueInput {
  indicatorId: number;
  requirement: string;
  deadline: string;
  /** The 口径 the office was looking at when it saw the warning; the notice records the warning as seen there. */
  basis: 'approved' | 'preliminary';
  /**
   * The analysis the warning was seen in, when the caller has it at hand (the demo data: the warned year's);
   * default: the indicator's cycle analysed now on `basis`.
   */
  analysis?: Analysis;
}

/** Issues a 督办单 on an indicator's warning to its lead unit; one open notice per indicator. */
export async function issueNotice(
  db: Db,
  actor: Actor,
  input: IssueInput,
  options: StepOptions = {},
): Promise<SupervisionNoticeRow> {
  const { indicatorId, requirement, deadline, basis } = input;
  const [lead] = await db
    .select({ unitId: responsibility.unitId })
    .from(responsibility)
    .where(and(eq(responsibility.indicatorId, indicatorId), eq(responsibility.role, 'lead')));
  if (!lead) throw new AppError(409, 'NO_LEAD_UNIT', '该指标尚未确定牵头单位，请先在“责任分工”中指定');
  // The indicator's own cycle: a warning of 2021–2025 is supervised with 2021–2025's analysis.
  const [owner] = await db
    .select({ folderId: plan.folderId })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .where(eq(indicator.id, indicatorId));
  const analysis =
    input.analysis ?? (owner ? await analyse(db, { folderId: owner.folderId, basis, towns: () => false }) : undefined);
  const item = analysis?.indicators.find((i) => i.id === indicatorId);
  if (!item) throw notFound('指标');
  const warning = {
    kinds: item.result.warning?.kinds ?? [],
    ...(item.result.warning ? { summary: plainWarning(item, item.targetYear) } : {}),
    reasons: item.result.warning?.reasons ?? [],
    status: item.result.status,
    year: item.result.year,
  };
  const at = options.at ?? new Date();
  return db.transaction(async (tx) => {
    // One open 督办 per indicator: a second would split the unit's answers over two threads.
    const [open] = await tx
      .select({ id: supervisionNotice.id })
      .from(supervisionNotice)
      .where(and(eq(supervisionNotice.indicatorId, indicatorId), ne(supervisionNotice.status, 'closed')));
    if (open) {
      throw new AppError(
        409,
        'NOTICE_ALREADY_OPEN',
        `该指标已有未办结的督办单（编号 ${open.id}），请在原督办单中“再次督办”，办结后才能发出新的督办`,
        { noticeId: open.id },
      );
    }
    const [created] = await tx
      .insert(supervisionNotice)
      .values({
        indicatorId,
        unitId: lead.unitId,
        warning,
        requirement,
        deadline,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const n = created as SupervisionNoticeRow;
    await tx.insert(supervisionStep).values({
      noticeId: n.id,
      at,
      userId: actor.userId,
      username: actor.username,
      kind: 'issue',
      content: { requirement, deadline },
    });
    await audit(tx, actor, { action: 'supervision.issue', objectType: 'supervision', objectId: n.id, after: n });
    if (options.notify !== false)
      await notifyUnits(
        tx,
        { unitId: n.unitId },
        {
          kind: 'supervision_issued',
          title: `督办：${item.code} ${item.name}`,
          body: `请于 ${deadline} 前反馈整改情况。${requirement}`,
          link: `/warnings/notices/${n.id}`,
        },
      );
    return n;
  });
}

export type NoticeStepKind = 'answer' | 'close' | 'ask_again';

const FROM: Record<NoticeStepKind, { from: 'issued' | 'answered'; to: 'issued' | 'answered' | 'closed' }> = {
  answer: { from: 'issued', to: 'answered' },
  close: { from: 'answered', to: 'closed' },
  ask_again: { from: 'answered', to: 'issued' },
};

/**
 * One step of a notice's thread: the unit's answer (causes, measures, expectedEffect), the office's closing
 * (comment) or asking again (comment, deadline). Checks the status, records the step, moves the notice, audits.
 */
export async function stepNotice(
  db: Db,
  actor: Actor,
  notice: SupervisionNoticeRow,
  kind: NoticeStepKind,
  content: Record<string, string>,
  options: StepOptions & { deadline?: string } = {},
): Promise<SupervisionNoticeRow> {
  const { from, to } = FROM[kind];
  if (notice.status !== from) {
    const labels = { issued: '待整改', answered: '已反馈', closed: '已办结' } as const;
    throw new AppError(409, 'INVALID_TRANSITION', `督办单当前为“${labels[notice.status]}”，不能执行此操作`);
  }
  const { deadline } = options;
  const at = options.at ?? new Date();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(supervisionNotice)
      .set({ status: to, updatedAt: at, version: notice.version + 1, ...(deadline ? { deadline } : {}) })
      .where(and(eq(supervisionNotice.id, notice.id), eq(supervisionNotice.version, notice.version)))
      .returning();
    if (!updated) throw new AppError(409, 'CONFLICT', '督办单已被他人处理，请刷新');
    await tx
      .insert(supervisionStep)
      .values({ noticeId: notice.id, at, userId: actor.userId, username: actor.username, kind, content });
    await audit(tx, actor, {
      action: `supervision.${kind}`,
      objectType: 'supervision',
      objectId: notice.id,
      before: { status: notice.status },
      after: { status: to, ...content },
    });
    const link = `/warnings/notices/${notice.id}`;
    if (options.notify === false) return updated;
    if (kind === 'answer')
      await notifyUnits(
        tx,
        { roles: ['office'] },
        {
          kind: 'supervision_answered',
          title: '督办已反馈，待办结',
          body: '成员单位已反馈整改情况，请审阅后办结或再次督办。',
          link,
        },
      );
    else if (kind === 'ask_again')
      await notifyUnits(
        tx,
        { unitId: notice.unitId },
        {
          kind: 'supervision_issued',
          title: '督办：请再次反馈',
          body: `办公室要求进一步整改${deadline ? `，请于 ${deadline} 前反馈` : ''}。`,
          link,
        },
      );
    return updated;
  });
}
