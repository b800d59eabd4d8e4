// 督导检查's request and response shapes, shared by the server and the web.
import { z } from 'zod';
import { DateText, Link, Long, NewTask, type ResolvedLink, type TaskItem } from '../../core/work.ts';

export type FindingRating = 'good' | 'fair' | 'average' | 'poor';
export const RATING_LABELS: Record<FindingRating, string> = { good: '好', fair: '较好', average: '一般', poor: '较差' };

export const PlanInspection = z
  .object({
    title: Long('检查名称', 200),
    startDate: DateText,
    endDate: DateText,
    inspectors: Long('检查人员', 1000),
    focus: z.string().trim().max(4000, '检查重点最多 4000 字').default(''),
    unitIds: z.array(z.number().int().positive()).max(100, '被检查单位最多 100 个').default([]),
    areaIds: z.array(z.number().int().positive()).max(100, '被检查镇街最多 100 个').default([]),
    links: z.array(Link).max(50, '关联事项最多 50 项').default([]),
  })
  .refine((b) => b.endDate >= b.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })
  .refine((b) => b.unitIds.length + b.areaIds.length > 0, {
    message: '请至少选择一个被检查单位或镇街',
    path: ['unitIds'],
  });
export type PlanInspectionInput = z.infer<typeof PlanInspection>;

export const AddFinding = z.object({
  targetId: z.number({ message: '请选择被检查单位' }).int().positive('请选择被检查单位'),
  text: Long('检查发现'),
  rating: z
    .enum(['good', 'fair', 'average', 'poor'], { message: '评价应为好、较好、一般或较差' })
    .nullable()
    .default(null),
});

export const AddRectification = NewTask;

export interface InspectionRow {
  id: number;
  title: string;
  year: number;
  startDate: string;
  endDate: string;
  inspectors: string;
  targets: string[];
  findings: number;
  tasks: number;
  openTasks: number;
}

export interface AttachmentMeta {
  id: number;
  findingId: number;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
}

export interface InspectionDetail {
  inspection: Omit<InspectionRow, 'targets' | 'findings' | 'tasks' | 'openTasks'> & { focus: string; version: number };
  targets: { id: number; unitId: number | null; areaId: number | null; name: string }[];
  links: ResolvedLink[];
  findings: {
    id: number;
    targetId: number;
    text: string;
    rating: FindingRating | null;
    createdAt: string;
    attachments: AttachmentMeta[];
  }[];
  tasks: (TaskItem & { findingId: number | null })[];
}
