import { Tag } from 'antd';
import type { Sex } from '../../../../src/core/collection/entry.ts';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../../../src/core/collection/workflow.ts';
import { beijingDate } from '../../../../src/kernel/dates.ts';
import type { Health } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';

// Shapes of the 数据填报 API (src/server/collection/routes.ts) and the small pieces the collection and review
// pages share: status tags, round kinds, times.

export interface Round {
  id: number;
  folderId: string;
  kind: 'annual' | 'final';
  year: number;
  title: string;
  deadline: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
}

export interface RoundWithCounts extends Round {
  counts: Record<SubmissionStatus, number>;
}

export interface Submission {
  id: number;
  roundId: number;
  unitId: number | null;
  areaId: number | null;
  status: SubmissionStatus;
  reason: string | null;
  updatedAt: string;
  updatedBy: number | null;
  reporterName?: string;
}

export interface SubmissionProgress extends Submission {
  reporterName: string;
  reporterKind: 'unit' | 'area';
  progress: { expected: number; filled: number };
}

export interface RoundDetail {
  round: Round;
  years: number[];
  submissions: SubmissionProgress[];
}

export interface ValueRow {
  id: number;
  indicatorId: number;
  year: number;
  areaId: number | null;
  sex: Sex;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
  returnReason: string | null;
  locked: boolean;
  isDemo: boolean;
  version: number;
  updatedAt: string;
}

export interface TaskIndicator {
  id: number;
  code: string;
  name: string;
  unit: string;
  planId: number;
  disaggregations: string[];
  counts: { numerator: string; denominator: string; factor: number } | null;
  precision: number;
  target: string;
  /** Not yet sent by the server (see the report); the client-side 审核公式 use it when present. */
  limits?: [number | null, number | null];
}

export interface TaskItem {
  indicator: TaskIndicator;
  areaId: number | null;
  sexes: Sex[];
  years: number[];
  values: ValueRow[];
}

export interface Task {
  round: Round;
  submission: Submission & { reporterName: string };
  years: number[];
  items: TaskItem[];
  /** Not yet sent by the server; the previous-years columns start there when present. */
  baseYear?: number;
}

export interface SubmissionEvent {
  id: number;
  submissionId: number;
  at: string;
  userId: number | null;
  action: string;
  fromStatus: SubmissionStatus;
  toStatus: SubmissionStatus;
  reason: string | null;
  /** Not yet sent by the server (see the report). */
  username?: string | null;
  displayName?: string | null;
}

export interface HistoryEntry {
  id: number;
  valueId: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  reason: string | null;
}

export const STATUS_COLORS: Record<SubmissionStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  awaiting_confirmation: 'gold',
  submitted: 'blue',
  returned: 'red',
  approved: 'green',
};

export const STATUS_ORDER: SubmissionStatus[] = [
  'not_started',
  'in_progress',
  'awaiting_confirmation',
  'submitted',
  'returned',
  'approved',
];

export function StatusTag({ status, count }: { status: SubmissionStatus; count?: number }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 4 }}>
      {SUBMISSION_STATUS_LABELS[status]}
      {count !== undefined ? ` ${count}` : ''}
    </Tag>
  );
}

/** The six statuses with their counts, zero counts greyed out. */
export function StatusCounts({ counts }: { counts: Record<SubmissionStatus, number> }) {
  return (
    <span>
      {STATUS_ORDER.map((s) =>
        counts[s] > 0 ? (
          <StatusTag key={s} status={s} count={counts[s]} />
        ) : (
          <Tag key={s} style={{ marginInlineEnd: 4, color: '#bbb', borderColor: '#eee', background: '#fafafa' }}>
            {SUBMISSION_STATUS_LABELS[s]} 0
          </Tag>
        ),
      )}
    </span>
  );
}

export const ROUND_KIND_LABELS: Record<Round['kind'], string> = { annual: '年度监测', final: '终期评估' };

export function RoundKindTag({ kind }: { kind: Round['kind'] }) {
  return <Tag color={kind === 'annual' ? 'cyan' : 'purple'}>{ROUND_KIND_LABELS[kind]}</Tag>;
}

export function RoundStatusTag({ round }: { round: Round }) {
  if (round.status === 'closed') return <Tag>已关闭</Tag>;
  const overdue = round.deadline < beijingDate();
  return overdue ? <Tag color="volcano">已过截止日期</Tag> : <Tag color="green">进行中</Tag>;
}

/** Whether the server runs on demo data (then every page with data says so). */
export function useDemo(): boolean {
  const { data } = useApi<Health>('/health');
  return Boolean(data?.demo);
}

export function DemoTag({ show }: { show: boolean }) {
  return show ? <Tag color="gold">演示数据</Tag> : null;
}

/** Rounds the unit (or town) can fill in now, with its own submission and progress. */
export const isOpen = (r: Round) => r.status === 'open';
