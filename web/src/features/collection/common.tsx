import { Tag } from 'antd';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../../../src/core/collection/workflow.ts';
import type { Round } from '../../../../src/features/collection/contract.ts';
import type { Health } from '../../../../src/features/health/contract.ts';
import { beijingDate } from '../../../../src/kernel/dates.ts';
import { useApi } from '../../api/useApi.ts';
import { MUTED_TEXT } from '../../shell/theme.ts';

// The small pieces the collection and review pages share: status tags, round kinds, times. The API's shapes are in
// src/features/collection/contract.ts.

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
          <Tag key={s} style={{ marginInlineEnd: 4, color: MUTED_TEXT, borderColor: '#eee', background: '#fafafa' }}>
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
