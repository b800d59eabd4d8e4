// 议事协调 meetings' request and response shapes, shared by the server and the web.
import { z } from 'zod';
import { DateText, Link, Long, NewTask, type ResolvedLink, type TaskItem } from '../../core/work.ts';

export const MEETING_KINDS = ['work_conference', 'plenary', 'liaison', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  work_conference: '妇女儿童工作会',
  plenary: '妇儿工委全体会议',
  liaison: '联络员会议',
  other: '其他会议',
};

export const AgendaItem = z.object({
  title: Long('议题', 500),
  links: z.array(Link).max(20, '每个议题最多关联 20 项').default([]),
});

export const RecordMeeting = z.object({
  kind: z.enum(MEETING_KINDS, { message: '会议类型应为妇女儿童工作会、妇儿工委全体会议、联络员会议或其他会议' }),
  title: Long('会议名称', 200),
  heldOn: DateText,
  place: z.string().trim().max(200, '地点最多 200 字').default(''),
  host: z.string().trim().max(200, '主持人最多 200 字').default(''),
  unitIds: z.array(z.number().int().positive()).max(200).default([]),
  attendeePeople: z.string().trim().max(2000, '出席人员最多 2000 字').default(''),
  agenda: z.array(AgendaItem).max(30, '议题最多 30 个').default([]),
  minutes: z.string().trim().max(20_000, '会议纪要正文最多 20000 字').default(''),
  decisions: z.array(NewTask).max(50, '议定事项最多 50 项').default([]),
});
export type RecordMeetingInput = z.infer<typeof RecordMeeting>;

export const AddDecision = NewTask;

export interface MeetingRow {
  id: number;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  place: string;
  units: number;
  decisions: number;
  openDecisions: number;
}

export interface MeetingDetail {
  meeting: MeetingRow & { host: string; attendeePeople: string; minutes: string; version: number };
  attendees: { unitId: number; name: string }[];
  agenda: { title: string; links: ResolvedLink[] }[];
  decisions: TaskItem[];
}

export interface RecordMeetingResult {
  meeting: { id: number };
  /** The group robot: none configured, sent, or failed (with why). */
  robot: { status: 'none' | 'sent' | 'failed'; message: string };
}
