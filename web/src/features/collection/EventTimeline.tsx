import { Alert, Empty, Timeline } from 'antd';
import {
  ACTION_LABELS,
  SUBMISSION_STATUS_LABELS,
  type SubmissionAction,
} from '../../../../src/core/collection/workflow.ts';
import type { SubmissionEvents } from '../../../../src/features/collection/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { useApi } from '../../api/useApi.ts';
import { MUTED_TEXT } from '../../shell/theme.ts';
import { STATUS_COLORS } from './common.tsx';

// 流程记录: each move of a submission (saved, submitted, confirmed, returned, approved, reopened).

const DOT_COLORS: Record<string, string> = {
  save: 'gray',
  submit: 'blue',
  confirm: 'blue',
  send_back: 'red',
  return: 'red',
  approve: 'green',
  reopen: 'orange',
  remind: 'orange',
};

export function EventTimeline({ submissionId, version = 0 }: { submissionId: number; version?: number }) {
  const { data, error } = useApi<SubmissionEvents>(`/submissions/${submissionId}/events?v=${version}`);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return null;
  if (data.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无流程记录" />;
  return (
    <Timeline
      items={data.events.map((e) => ({
        color: DOT_COLORS[e.action] ?? STATUS_COLORS[e.toStatus],
        title: formatBeijingTime(e.at),
        content: (
          <div>
            <div>
              <strong>
                {e.action === 'remind' ? '催报' : (ACTION_LABELS[e.action as SubmissionAction] ?? e.action)}
              </strong>
              {(e.displayName || e.username) && (
                <span style={{ color: MUTED_TEXT }}> · {e.displayName ?? e.username}</span>
              )}
            </div>
            <div style={{ marginTop: 2, fontSize: 12, color: '#595959' }}>
              {e.fromStatus === e.toStatus
                ? `状态：${SUBMISSION_STATUS_LABELS[e.toStatus]}`
                : `${SUBMISSION_STATUS_LABELS[e.fromStatus]} → ${SUBMISSION_STATUS_LABELS[e.toStatus]}`}
            </div>
            {e.reason && e.action !== 'remind' && (
              <div style={{ color: '#cf1322', marginTop: 2 }}>原因：{e.reason}</div>
            )}
            {e.reason && e.action === 'remind' && <div style={{ marginTop: 2 }}>{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
