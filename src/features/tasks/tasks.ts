import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import {
  appUser,
  domain,
  goal,
  indicator,
  inspection,
  inspectionFinding,
  measure,
  meeting,
  orgUnit,
  plan,
  supervisionNotice,
  supervisionStep,
  workTask,
  workTaskStep,
} from '../../db/schema/index.ts';
import { beijingDate, beijingYear, isOverdue } from '../../kernel/dates.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { canSeeUnit, type ScopedUser } from '../../kernel/scope.ts';
import { type Actor, audit } from '../audit/index.ts';
import { type OutgoingNotice, sendUnitNotices } from '../notices/index.ts';
import {
  LINK_KIND_LABELS,
  type LinkInput,
  type LinkOptions,
  type NewTaskInput,
  type ResolvedLink,
  TASK_STATUS_LABELS,
  type TaskDetail,
  type TaskItem,
  type TaskSource,
  type TaskStatus,
  type TaskYearSummary,
} from './contract.ts';

// The work tasks units are given: 督办单 (supervision feature's tables, read here), 整改 items from inspection
// findings and decisions from meetings (work_task). 整改 items follow 督办's loop: the unit answers, the office
// closes or asks again. A meeting decision is closed by its owner unit when it reports it done; the office may
// reopen it (ask again). Every step is kept and audited; overdue is counted in Beijing days.

type WorkTask = typeof workTask.$inferSelect;

export const taskPath = (source: TaskSource, id: number) =>
  source === 'supervision' ? `/warnings/notices/${id}` : `/tasks/${id}`;

/** Inspections and meetings create their tasks here, inside their own transaction; the unit gets a notice. */
export async function createTasks(
  tx: Db,
  actor: Actor,
  origin:
    | { kind: 'rectification'; inspectionId: number; findingId: number; title: string }
    | {
        kind: 'decision';
        meetingId: number;
        title: string;
      },
  tasks: NewTaskInput[],
  at?: Date,
): Promise<WorkTask[]> {
  const created: WorkTask[] = [];
  const notices: OutgoingNotice[] = [];
  for (const t of tasks) {
    const [row] = await tx
      .insert(workTask)
      .values({
        kind: origin.kind,
        inspectionId: origin.kind === 'rectification' ? origin.inspectionId : null,
        findingId: origin.kind === 'rectification' ? origin.findingId : null,
        meetingId: origin.kind === 'decision' ? origin.meetingId : null,
        unitId: t.unitId,
        content: t.content,
        deadline: t.deadline,
        createdBy: actor.userId,
        ...(at ? { createdAt: at, updatedAt: at } : {}),
      })
      .returning();
    const task = row as WorkTask;
    created.push(task);
    await tx.insert(workTaskStep).values({
      taskId: task.id,
      userId: actor.userId,
      username: actor.username,
      kind: 'issue',
      content: { content: t.content, deadline: t.deadline },
      ...(at ? { at } : {}),
    });
    await audit(tx, actor, {
      action: `task.${origin.kind}.issue`,
      objectType: 'work_task',
      objectId: task.id,
      after: task,
    });
    const what = origin.kind === 'rectification' ? '督导检查整改事项' : '会议议定事项';
    notices.push({
      unitId: t.unitId,
      kind: `task.${origin.kind}`,
      title: `【${what}】${origin.title}`,
      body: `${t.content}（办理期限：${t.deadline}）。请按期办理并在系统中反馈。`,
      link: `/tasks/${task.id}`,
    });
  }
  if (!at) await sendUnitNotices(tx, notices);
  return created;
}

export async function findTask(db: Db, user: ScopedUser, id: number): Promise<WorkTask> {
  const [row] = await db.select().from(workTask).where(eq(workTask.id, id));
  if (!row || !canSeeUnit(user, row.unitId)) throw notFound('任务');
  return row;
}

type StepKind = 'answer' | 'close' | 'ask_again';

/** Which status a step moves a task from and to, by kind of task. */
function transition(task: WorkTask, kind: StepKind): TaskStatus {
  const refuse = () => {
    throw new AppError(
      409,
      'INVALID_TRANSITION',
      `该${task.kind === 'decision' ? '议定事项' : '整改事项'}当前为“${TASK_STATUS_LABELS[task.status]}”，不能执行此操作`,
    );
  };
  if (kind === 'answer') {
    if (task.status !== 'issued') refuse();
    return task.kind === 'decision' ? 'closed' : 'answered';
  }
  if (kind === 'close') {
    if (task.status !== 'answered') refuse();
    return 'closed';
  }
  // ask again: a 整改 item after an answer; a decision after its unit closed it.
  if (task.status !== (task.kind === 'decision' ? 'closed' : 'answered')) refuse();
  return 'issued';
}

export async function stepTask(
  db: Db,
  actor: Actor,
  task: WorkTask,
  kind: StepKind,
  content: Record<string, string>,
  options: { deadline?: string; at?: Date } = {},
): Promise<WorkTask> {
  const to = transition(task, kind);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(workTask)
      .set({
        status: to,
        updatedAt: options.at ?? new Date(),
        version: task.version + 1,
        ...(options.deadline ? { deadline: options.deadline } : {}),
      })
      .where(and(eq(workTask.id, task.id), eq(workTask.version, task.version)))
      .returning();
    if (!updated) throw new AppError(409, 'CONFLICT', '该事项已被他人处理，请刷新');
    await tx.insert(workTaskStep).values({
      taskId: task.id,
      userId: actor.userId,
      username: actor.username,
      kind,
      content,
      ...(options.at ? { at: options.at } : {}),
    });
    await audit(tx, actor, {
      action: `task.${task.kind}.${kind}`,
      objectType: 'work_task',
      objectId: task.id,
      before: { status: task.status, deadline: task.deadline },
      after: { status: to, ...content },
    });
    if (kind === 'ask_again' && !options.at) {
      await sendUnitNotices(tx, [
        {
          unitId: task.unitId,
          kind: 'task.ask_again',
          title: `【再次督办】${task.content.slice(0, 30)}`,
          body: `${content.comment}（新的办理期限：${options.deadline}）`,
          link: `/tasks/${task.id}`,
        },
      ]);
    }
    return updated as WorkTask;
  });
}

export interface TaskFilter {
  source?: TaskSource;
  status?: TaskStatus;
  overdue?: boolean;
  year?: number;
  unitId?: number;
  inspectionId?: number;
  meetingId?: number;
}

/** 督办单, 整改 items and decisions as one list, within the user's scope: open ones first, by deadline. */
export async function listTasks(db: Db, user: ScopedUser, filter: TaskFilter = {}): Promise<TaskItem[]> {
  const today = beijingDate();
  const ownUnit = ROLE_SCOPE[user.role] === 'own_unit' ? (user.unitId ?? -1) : undefined;
  const unitId = ownUnit ?? filter.unitId;
  const items: TaskItem[] = [];

  const fromOrigin = filter.inspectionId !== undefined || filter.meetingId !== undefined;
  if ((!filter.source || filter.source === 'supervision') && !fromOrigin) {
    const where: SQL[] = [];
    if (unitId !== undefined) where.push(eq(supervisionNotice.unitId, unitId));
    const rows = await db
      .select({ n: supervisionNotice, indicatorName: indicator.name, unitName: orgUnit.name })
      .from(supervisionNotice)
      .innerJoin(indicator, eq(indicator.id, supervisionNotice.indicatorId))
      .innerJoin(orgUnit, eq(orgUnit.id, supervisionNotice.unitId))
      .where(where.length ? and(...where) : undefined);
    for (const r of rows) {
      items.push({
        key: `supervision:${r.n.id}`,
        source: 'supervision',
        id: r.n.id,
        unitId: r.n.unitId,
        unitName: r.unitName,
        origin: `指标预警：${r.indicatorName}`,
        content: r.n.requirement,
        deadline: r.n.deadline,
        status: r.n.status,
        overdue: r.n.status === 'issued' && isOverdue(r.n.deadline, today),
        issuedOn: beijingDate(r.n.createdAt),
        year: r.n.warning.year ?? beijingYear(r.n.createdAt),
        path: taskPath('supervision', r.n.id),
      });
    }
  }
  if (filter.source !== 'supervision') {
    const where: SQL[] = [];
    if (unitId !== undefined) where.push(eq(workTask.unitId, unitId));
    if (filter.source) where.push(eq(workTask.kind, filter.source));
    if (filter.inspectionId !== undefined) where.push(eq(workTask.inspectionId, filter.inspectionId));
    if (filter.meetingId !== undefined) where.push(eq(workTask.meetingId, filter.meetingId));
    const rows = await db
      .select({
        t: workTask,
        unitName: orgUnit.name,
        inspectionTitle: inspection.title,
        inspectionYear: inspection.year,
        meetingTitle: meeting.title,
        heldOn: meeting.heldOn,
      })
      .from(workTask)
      .innerJoin(orgUnit, eq(orgUnit.id, workTask.unitId))
      .leftJoin(inspection, eq(inspection.id, workTask.inspectionId))
      .leftJoin(meeting, eq(meeting.id, workTask.meetingId))
      .where(where.length ? and(...where) : undefined);
    for (const r of rows) {
      const year = r.inspectionYear ?? Number(r.heldOn?.slice(0, 4) ?? beijingYear(r.t.createdAt));
      items.push(workTaskItem(r.t, r.unitName, r.inspectionTitle ?? r.meetingTitle ?? '', year, today));
    }
  }
  return items
    .filter((i) => !filter.status || i.status === filter.status)
    .filter((i) => filter.overdue === undefined || i.overdue === filter.overdue)
    .filter((i) => filter.year === undefined || i.year === filter.year)
    .sort(
      (a, b) =>
        Number(a.status === 'closed') - Number(b.status === 'closed') ||
        a.deadline.localeCompare(b.deadline) ||
        a.key.localeCompare(b.key),
    );
}

function workTaskItem(t: WorkTask, unitName: string, originTitle: string, year: number, today: string): TaskItem {
  return {
    key: `${t.kind}:${t.id}`,
    source: t.kind,
    id: t.id,
    unitId: t.unitId,
    unitName,
    origin: `${t.kind === 'rectification' ? '督导检查' : '会议'}：${originTitle}`,
    content: t.content,
    deadline: t.deadline,
    status: t.status,
    overdue: t.status === 'issued' && isOverdue(t.deadline, today),
    issuedOn: beijingDate(t.createdAt),
    year,
    path: taskPath(t.kind, t.id),
  };
}

export async function taskDetail(db: Db, user: ScopedUser, id: number): Promise<TaskDetail> {
  const t = await findTask(db, user, id);
  const [unit] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, t.unitId));
  let originTitle = '';
  let originPath = '';
  let year = beijingYear(t.createdAt);
  let findingText: string | undefined;
  if (t.kind === 'rectification' && t.inspectionId !== null) {
    const [i] = await db
      .select({ title: inspection.title, year: inspection.year })
      .from(inspection)
      .where(eq(inspection.id, t.inspectionId));
    originTitle = i?.title ?? '';
    year = i?.year ?? year;
    originPath = `/inspections/${t.inspectionId}`;
    if (t.findingId !== null) {
      const [f] = await db
        .select({ text: inspectionFinding.text })
        .from(inspectionFinding)
        .where(eq(inspectionFinding.id, t.findingId));
      findingText = f?.text;
    }
  } else if (t.meetingId !== null) {
    const [m] = await db
      .select({ title: meeting.title, heldOn: meeting.heldOn })
      .from(meeting)
      .where(eq(meeting.id, t.meetingId));
    originTitle = m?.title ?? '';
    year = m ? Number(m.heldOn.slice(0, 4)) : year;
    originPath = `/meetings/${t.meetingId}`;
  }
  const steps = await db
    .select({ step: workTaskStep, displayName: appUser.displayName })
    .from(workTaskStep)
    .leftJoin(appUser, eq(appUser.id, workTaskStep.userId))
    .where(eq(workTaskStep.taskId, t.id))
    .orderBy(asc(workTaskStep.id));
  return {
    task: { ...workTaskItem(t, unit?.name ?? '', originTitle, year, beijingDate()), kind: t.kind, version: t.version },
    originPath,
    ...(findingText === undefined ? {} : { findingText }),
    steps: steps.map((s) => ({
      id: s.step.id,
      at: s.step.at.toISOString(),
      username: s.step.username,
      displayName: s.displayName,
      kind: s.step.kind,
      content: s.step.content,
    })),
  };
}

interface Counted {
  source: TaskSource;
  year: number;
  firstDeadline: string;
  firstAnswerAt: Date | null;
  status: TaskStatus;
  deadline: string;
}

/**
 * Per year of work (TaskItem.year) and source: issued, answered, answered by the deadline first set, closed and
 * overdue (still not answered after the deadline). For the annual and final evaluation reports.
 */
export async function summariseTasks(db: Db, years: { from: number; to: number }): Promise<TaskYearSummary[]> {
  const counted: Counted[] = [];
  const notices = await db.select().from(supervisionNotice).orderBy(asc(supervisionNotice.id));
  const nSteps = notices.length
    ? await db
        .select()
        .from(supervisionStep)
        .where(inArray(supervisionStep.kind, ['issue', 'answer']))
        .orderBy(asc(supervisionStep.at), asc(supervisionStep.id))
    : [];
  for (const n of notices) {
    const steps = nSteps.filter((s) => s.noticeId === n.id);
    counted.push({
      source: 'supervision',
      year: n.warning.year ?? beijingYear(n.createdAt),
      firstDeadline: steps.find((s) => s.kind === 'issue')?.content.deadline ?? n.deadline,
      firstAnswerAt: steps.find((s) => s.kind === 'answer')?.at ?? null,
      status: n.status,
      deadline: n.deadline,
    });
  }
  const tasks = await db
    .select({ t: workTask, inspectionYear: inspection.year, heldOn: meeting.heldOn })
    .from(workTask)
    .leftJoin(inspection, eq(inspection.id, workTask.inspectionId))
    .leftJoin(meeting, eq(meeting.id, workTask.meetingId))
    .orderBy(asc(workTask.id));
  const tSteps = tasks.length
    ? await db
        .select()
        .from(workTaskStep)
        .where(inArray(workTaskStep.kind, ['issue', 'answer']))
        .orderBy(asc(workTaskStep.at), asc(workTaskStep.id))
    : [];
  for (const { t, inspectionYear, heldOn } of tasks) {
    const steps = tSteps.filter((s) => s.taskId === t.id);
    counted.push({
      source: t.kind,
      year: inspectionYear ?? Number(heldOn?.slice(0, 4) ?? beijingYear(t.createdAt)),
      firstDeadline: steps.find((s) => s.kind === 'issue')?.content.deadline ?? t.deadline,
      firstAnswerAt: steps.find((s) => s.kind === 'answer')?.at ?? null,
      status: t.status,
      deadline: t.deadline,
    });
  }
  const today = beijingDate();
  const out: TaskYearSummary[] = [];
  for (let year = years.from; year <= years.to; year++) {
    for (const source of ['supervision', 'rectification', 'decision'] as const) {
      const mine = counted.filter((c) => c.source === source && c.year === year);
      out.push({
        year,
        source,
        issued: mine.length,
        answered: mine.filter((c) => c.firstAnswerAt !== null).length,
        answeredOnTime: mine.filter((c) => c.firstAnswerAt !== null && beijingDate(c.firstAnswerAt) <= c.firstDeadline)
          .length,
        closed: mine.filter((c) => c.status === 'closed').length,
        overdue: mine.filter((c) => c.status === 'issued' && isOverdue(c.deadline, today)).length,
      });
    }
  }
  return out;
}

const goalLabel = (code: string, number: number, text: string) =>
  `${code} 目标${number}：${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;

/** What agendas and inspections may link to, with labels to choose from: the goals, measures and indicators of one cycle. */
export async function linkOptions(db: Db, folderId: string): Promise<LinkOptions> {
  const ofCycle = eq(plan.folderId, folderId);
  const goals = await db
    .select({ id: goal.id, code: domain.code, number: goal.number, text: goal.text })
    .from(goal)
    .innerJoin(domain, eq(domain.id, goal.domainId))
    .innerJoin(plan, eq(plan.id, domain.planId))
    .where(ofCycle)
    .orderBy(asc(plan.position), asc(domain.position), asc(goal.number));
  const measures = await db
    .select({ id: measure.id, code: domain.code, number: measure.number, title: measure.title })
    .from(measure)
    .innerJoin(domain, eq(domain.id, measure.domainId))
    .innerJoin(plan, eq(plan.id, domain.planId))
    .where(ofCycle)
    .orderBy(asc(plan.position), asc(domain.position), asc(measure.number));
  const indicators = await db
    .select({ id: indicator.id, code: indicator.code, name: indicator.name })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .where(and(sql`${indicator.retiredAt} is null`, ofCycle))
    .orderBy(asc(indicator.planId), asc(indicator.id));
  const notices = await db
    .select({ id: supervisionNotice.id, name: indicator.name, unitName: orgUnit.name })
    .from(supervisionNotice)
    .innerJoin(indicator, eq(indicator.id, supervisionNotice.indicatorId))
    .innerJoin(orgUnit, eq(orgUnit.id, supervisionNotice.unitId))
    .orderBy(desc(supervisionNotice.id));
  return {
    goals: goals.map((g) => ({ id: g.id, label: goalLabel(g.code, g.number, g.text) })),
    measures: measures.map((m) => ({ id: m.id, label: `${m.code} 措施${m.number}：${m.title}` })),
    indicators: indicators.map((i) => ({ id: i.id, label: `${i.code} ${i.name}` })),
    supervision: notices.map((n) => ({ id: n.id, label: `督办单 ${n.id}：${n.name}（${n.unitName}）` })),
  };
}

/** Labels for stored links; links whose target is gone are kept with a note, never dropped. */
export async function resolveLinks(db: Db, links: readonly LinkInput[]): Promise<ResolvedLink[]> {
  if (links.length === 0) return [];
  const ids = (kind: LinkInput['kind']) => [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id)), -1];
  const labels = new Map<string, string>();
  for (const g of await db
    .select({ id: goal.id, code: domain.code, number: goal.number, text: goal.text })
    .from(goal)
    .innerJoin(domain, eq(domain.id, goal.domainId))
    .where(inArray(goal.id, ids('goal'))))
    labels.set(`goal:${g.id}`, goalLabel(g.code, g.number, g.text));
  for (const m of await db
    .select({ id: measure.id, code: domain.code, number: measure.number, title: measure.title })
    .from(measure)
    .innerJoin(domain, eq(domain.id, measure.domainId))
    .where(inArray(measure.id, ids('measure'))))
    labels.set(`measure:${m.id}`, `${m.code} 措施${m.number}：${m.title}`);
  for (const i of await db
    .select({ id: indicator.id, code: indicator.code, name: indicator.name })
    .from(indicator)
    .where(inArray(indicator.id, [...ids('indicator'), ...ids('warning')]))) {
    labels.set(`indicator:${i.id}`, `${i.code} ${i.name}`);
    labels.set(`warning:${i.id}`, `${i.name}（预警）`);
  }
  for (const n of await db
    .select({ id: supervisionNotice.id, name: indicator.name })
    .from(supervisionNotice)
    .innerJoin(indicator, eq(indicator.id, supervisionNotice.indicatorId))
    .where(inArray(supervisionNotice.id, ids('supervision'))))
    labels.set(`supervision:${n.id}`, `督办单 ${n.id}：${n.name}`);
  return links.map((l) => {
    const label = labels.get(`${l.kind}:${l.id}`) ?? `${LINK_KIND_LABELS[l.kind]} ${l.id}（已不存在）`;
    const path =
      l.kind === 'indicator' || l.kind === 'warning'
        ? `/catalog/indicators/${l.id}`
        : l.kind === 'supervision'
          ? `/warnings/notices/${l.id}`
          : undefined;
    return { kind: l.kind, id: l.id, label, ...(path ? { path } : {}) };
  });
}

/** Refuses links to goals, measures, indicators or 督办单 that do not exist, naming the field. */
export async function checkLinks(db: Db, links: readonly LinkInput[], field: string): Promise<void> {
  const resolved = await resolveLinks(db, links);
  const missing = resolved.findIndex((r) => r.label.endsWith('（已不存在）'));
  if (missing >= 0) {
    const l = resolved[missing] as ResolvedLink;
    throw new AppError(400, 'LINK_NOT_FOUND', `关联的${LINK_KIND_LABELS[l.kind]}（编号 ${l.id}）不存在`, {
      fields: [{ field: `${field}.${missing}`, message: '不存在' }],
    });
  }
}

/** Refuses owner units that do not exist or are not active member units. */
export async function checkUnits(db: Db, unitIds: readonly number[], field: string): Promise<Map<number, string>> {
  const rows = unitIds.length
    ? await db
        .select({ id: orgUnit.id, name: orgUnit.name, active: orgUnit.active })
        .from(orgUnit)
        .where(inArray(orgUnit.id, [...unitIds]))
    : [];
  const names = new Map(rows.filter((r) => r.active).map((r) => [r.id, r.name]));
  const bad = unitIds.findIndex((id) => !names.has(id));
  if (bad >= 0) {
    throw new AppError(400, 'UNIT_NOT_FOUND', `所选单位（编号 ${unitIds[bad]}）不存在或已停用`, {
      fields: [{ field: field.replace('#', String(bad)), message: '单位不存在或已停用' }],
    });
  }
  return names;
}

/** A deadline must not lie before today (Beijing). */
export function checkDeadline(deadline: string, field: string): void {
  if (deadline < beijingDate()) {
    throw new AppError(400, 'VALIDATION_FAILED', '办理期限不能早于今天', {
      fields: [{ field, message: '不能早于今天' }],
    });
  }
}
