// Building blocks of the work tasks' request shapes (督办, 整改, meeting decisions) that the inspections, meetings
// and tasks contracts share: pure zod, loaded by the browser too.
import { z } from 'zod';

// The schema's own message serves its checks too, and a field left out or of the wrong type (zod's default is English).
export const DateText = z.string({ error: '日期格式应为 YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/);
export const Long = (label: string, max = 4000) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1)
    .max(max, `${label}最多 ${max} 字`);

export const Link = z.object({
  kind: z.enum(['goal', 'measure', 'indicator', 'warning', 'supervision'], { message: '关联类型不正确' }),
  id: z.number({ error: '关联编号应为正整数' }).int().positive(),
});
export type LinkInput = z.infer<typeof Link>;

/** A new task as inspections and meetings create it: an owner unit, what to do, by when. */
export const NewTask = z.object({
  unitId: z.number({ error: '请选择责任单位' }).int().positive(),
  content: Long('任务内容', 2000),
  deadline: DateText,
});
export type NewTaskInput = z.infer<typeof NewTask>;

export const TASK_SOURCES = ['supervision', 'rectification', 'decision'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
export const TASK_SOURCE_LABELS: Record<TaskSource, string> = {
  supervision: '预警督办',
  rectification: '督导检查整改',
  decision: '会议议定事项',
};

export type TaskStatus = 'issued' | 'answered' | 'closed';
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  issued: '待办理',
  answered: '已反馈',
  closed: '已办结',
};

export type LinkKind = 'goal' | 'measure' | 'indicator' | 'warning' | 'supervision';
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  goal: '主要目标',
  measure: '策略措施',
  indicator: '监测指标',
  warning: '指标预警',
  supervision: '督办单',
};

/** One row of the task list. */
export interface TaskItem {
  /** supervision:12, rectification:3 … unique in the list. */
  key: string;
  source: TaskSource;
  id: number;
  unitId: number;
  unitName: string;
  /** Where it comes from: the indicator, the inspection or the meeting. */
  origin: string;
  content: string;
  deadline: string;
  status: TaskStatus;
  overdue: boolean;
  issuedOn: string;
  /**
   * The year of work it belongs to, as the reports count it: a 督办单's warning year, an inspection's year, a
   * meeting's year (so an inspection of 2025 recorded in January 2026 counts in 2025).
   */
  year: number;
  /** The web page of the task. */
  path: string;
}

export interface ResolvedLink {
  kind: LinkKind;
  id: number;
  label: string;
  /** A web page to open, when there is one. */
  path?: string;
}
