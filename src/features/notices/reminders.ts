import { and, asc, eq, notInArray } from 'drizzle-orm';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../core/collection/workflow.ts';
import type { Db } from '../../db/connection.ts';
import { area, notice, orgUnit, reportingRound, submission } from '../../db/schema/index.ts';
import { beijingDate } from '../../kernel/dates.ts';
import { getSetting } from '../../platform/settings.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { WebhookResult } from './contract.ts';
import { getWebhook, postWebhook, WEBHOOK_KIND_LABELS } from './webhook.ts';

// Deadline reminders (规划 四、监测评估（二）: units report yearly). For every open round, each unit or town whose
// submission is not yet 已提交 / 已通过 gets an in-app notice N days before the deadline (7 and 1 by default) and
// every day after it. A unique key per target and reminder (and day, when overdue) makes a second run a no-op,
// even from two servers at once; only what a run actually created goes into the group-robot summary.

export const REMINDER_SETTING = 'reminders';
export const DEFAULT_DAYS_BEFORE = [7, 1];

/** Submissions in these states are done, for the unit: no reminder. */
const DONE: SubmissionStatus[] = ['submitted', 'approved'];

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', unitName: null, ip: null };

export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

const consoleLogger: Logger = {
  info: (obj, msg) => console.log(msg ?? obj),
  warn: (obj, msg) => console.warn(msg ?? '', obj),
  error: (obj, msg) => console.error(msg ?? '', obj),
};

export interface ReminderOptions {
  /** Days before the deadline to remind on; default the `reminders` setting's daysBefore, else 7 and 1. */
  daysBefore?: number[];
  log?: Logger;
  /** Hosts the group robot may be called at (WEBHOOK_ALLOWED_HOSTS); default the WeCom and DingTalk hosts. */
  allowedHosts?: readonly string[];
}

export interface CreatedReminder {
  noticeId: number;
  roundId: number;
  roundTitle: string;
  deadline: string;
  kind: string;
  reporterName: string;
  status: SubmissionStatus;
  daysLeft: number;
}

export const WEBHOOK_RUN_LABELS: Record<ReminderRun['webhook'], string> = {
  disabled: '未启用',
  nothing_new: '没有新的提醒，未发送',
  sent: '已发送',
  failed: '发送失败',
};

export interface ReminderRun {
  /** The day the run counted from (China time). */
  today: string;
  created: CreatedReminder[];
  webhook: 'disabled' | 'nothing_new' | 'sent' | 'failed';
  webhookMessage?: string;
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/**
 * Which reminder is due `daysLeft` days before the deadline: the smallest configured N with daysLeft ≤ N (so a
 * missed day is caught up the next day, and each N fires once), `overdue` after the deadline, none otherwise.
 */
export function reminderKind(daysLeft: number, daysBefore: number[]): string | null {
  if (daysLeft < 0) return 'overdue';
  const due = [...daysBefore].sort((a, b) => a - b).find((n) => daysLeft <= n);
  return due === undefined ? null : `due_${due}`;
}

function noticeText(kind: string, round: { title: string; deadline: string }, daysLeft: number, status: string) {
  if (kind === 'overdue') {
    return {
      title: `【已逾期】${round.title}`,
      body: `${round.title}已于 ${round.deadline} 截止，已逾期 ${-daysLeft} 天，目前状态：${status}。请尽快完成填报并提交。`,
    };
  }
  const when = daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天截止`;
  return {
    title: `【${when}】${round.title}`,
    body: `${round.title}将于 ${round.deadline} 截止（${when}），目前状态：${status}。请按时完成填报并提交。`,
  };
}

export async function sendDeadlineReminders(db: Db, now: Date, options: ReminderOptions = {}): Promise<ReminderRun> {
  const log = options.log ?? consoleLogger;
  const configured = (await getSetting<{ daysBefore?: number[] }>(db, REMINDER_SETTING))?.daysBefore;
  const daysBefore = (options.daysBefore ?? configured ?? DEFAULT_DAYS_BEFORE).filter(
    (n) => Number.isInteger(n) && n >= 0,
  );
  const today = beijingDate(now);
  const rounds = await db
    .select()
    .from(reportingRound)
    .where(eq(reportingRound.status, 'open'))
    .orderBy(asc(reportingRound.deadline));
  const created: CreatedReminder[] = [];
  const unitNames = new Map(
    (await db.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit)).map((u) => [u.id, u.name]),
  );
  const areaNames = new Map((await db.select({ id: area.id, name: area.name }).from(area)).map((a) => [a.id, a.name]));

  for (const round of rounds) {
    const daysLeft = dayNumber(round.deadline) - dayNumber(today);
    const kind = reminderKind(daysLeft, daysBefore);
    if (!kind) continue;
    const open = await db
      .select()
      .from(submission)
      .where(and(eq(submission.roundId, round.id), notInArray(submission.status, DONE)))
      .orderBy(asc(submission.id));
    for (const s of open) {
      const target = s.unitId !== null ? `unit:${s.unitId}` : `area:${s.areaId}`;
      const status = SUBMISSION_STATUS_LABELS[s.status];
      const text = noticeText(kind, round, daysLeft, status);
      const [row] = await db
        .insert(notice)
        .values({
          unitId: s.unitId,
          areaId: s.areaId,
          kind: `deadline.${kind}`,
          title: text.title,
          body: text.body,
          link: '/collection',
          // Before the deadline each reminder once (per deadline, should it move); overdue once a day.
          dedupeKey: `round:${round.id}:${target}:${kind}:${kind === 'overdue' ? today : round.deadline}`,
        })
        .onConflictDoNothing()
        .returning({ id: notice.id });
      if (!row) continue;
      created.push({
        noticeId: row.id,
        roundId: round.id,
        roundTitle: round.title,
        deadline: round.deadline,
        kind,
        reporterName:
          (s.unitId !== null ? unitNames.get(s.unitId) : areaNames.get(s.areaId as number)) ?? String(target),
        status: s.status,
        daysLeft,
      });
    }
  }

  const run: ReminderRun = { today, created, webhook: 'disabled' };
  const settings = await getWebhook(db);
  if (!settings.enabled || !settings.url) return run;
  if (created.length === 0) {
    run.webhook = 'nothing_new';
    return run;
  }
  const { title, markdown } = summaryMessage(today, created);
  const result: WebhookResult = await postWebhook(settings, title, markdown, {
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  });
  run.webhook = result.ok ? 'sent' : 'failed';
  run.webhookMessage = result.message;
  if (!result.ok) log.warn({ webhook: settings.kind, message: result.message }, '催报群机器人消息发送失败');
  try {
    await audit(db, SYSTEM_ACTOR, {
      action: 'notice.webhook',
      objectType: 'webhook',
      objectId: settings.kind,
      result: result.ok ? 'success' : 'failure',
      after: { kind: settings.kind, reminders: created.length },
      detail: `${WEBHOOK_KIND_LABELS[settings.kind]}：${result.message}`,
    });
  } catch (error) {
    log.error(error, '催报群机器人发送结果未能写入审计日志');
  }
  return run;
}

/** One markdown message for the group: per round, who is still open and in what state. */
export function summaryMessage(today: string, created: CreatedReminder[]): { title: string; markdown: string } {
  const title = '填报催报提醒';
  const lines = [`### ${title}（${today}）`];
  const byRound = new Map<number, CreatedReminder[]>();
  for (const c of created) byRound.set(c.roundId, [...(byRound.get(c.roundId) ?? []), c]);
  for (const list of byRound.values()) {
    const first = list[0] as CreatedReminder;
    const when =
      first.daysLeft < 0
        ? `已于 ${first.deadline} 截止，逾期 ${-first.daysLeft} 天`
        : first.daysLeft === 0
          ? `今天（${first.deadline}）截止`
          : `${first.deadline} 截止，还有 ${first.daysLeft} 天`;
    lines.push('', `**${first.roundTitle}**：${when}，以下 ${list.length} 个单位（镇街）尚未提交：`);
    for (const c of list) lines.push(`- ${c.reporterName}：${SUBMISSION_STATUS_LABELS[c.status]}`);
  }
  lines.push('', '请登录天平系统完成填报。');
  return { title, markdown: lines.join('\n') };
}
