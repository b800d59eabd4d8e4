// The work tasks' shapes, shared by the server and the web: 督办单 (from warnings), 整改 items (from inspection
// findings) and meeting decisions, as one list with status and overdue flags.
import { z } from 'zod';

import { DateText, Long, TASK_SOURCES, type TaskItem, type TaskSource } from '../../core/work.ts';

export {
  DateText,
  LINK_KIND_LABELS,
  Link,
  type LinkInput,
  type LinkKind,
  Long,
  NewTask,
  type NewTaskInput,
  type ResolvedLink,
  TASK_SOURCE_LABELS,
  TASK_SOURCES,
  TASK_STATUS_LABELS,
  type TaskItem,
  type TaskSource,
  type TaskStatus,
} from '../../core/work.ts';

export const TaskAnswer = z.object({ report: Long('办理情况') });
export const TaskClose = z.object({ comment: z.string().trim().max(2000, '办结意见最多 2000 字').default('') });
export const TaskAskAgain = z.object({ comment: Long('再次督办意见', 2000), deadline: DateText });

export const TaskListQuery = z.object({
  source: z.enum(TASK_SOURCES, { message: '来源应为 supervision、rectification 或 decision' }).optional(),
  status: z.enum(['issued', 'answered', 'closed'], { message: '状态不正确' }).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
});

export interface TaskStep {
  id: number;
  at: string;
  username: string | null;
  displayName: string | null;
  kind: 'issue' | 'answer' | 'close' | 'ask_again';
  content: Record<string, string>;
}

export interface TaskDetail {
  task: TaskItem & { kind: 'rectification' | 'decision'; version: number };
  /** The inspection's or meeting's page. */
  originPath: string;
  findingText?: string;
  steps: TaskStep[];
}

/** Per year and source: how many issued, answered by their first deadline, closed, still open past the deadline. */
export interface TaskYearSummary {
  year: number;
  source: TaskSource;
  issued: number;
  answered: number;
  answeredOnTime: number;
  closed: number;
  overdue: number;
}

export interface LinkOptions {
  goals: { id: number; label: string }[];
  measures: { id: number; label: string }[];
  indicators: { id: number; label: string }[];
  supervision: { id: number; label: string }[];
}
