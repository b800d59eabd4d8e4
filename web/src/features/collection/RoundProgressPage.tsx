import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Radio, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../../../src/core/collection/workflow.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import {
  DemoTag,
  type RoundDetail,
  RoundKindTag,
  RoundStatusTag,
  STATUS_ORDER,
  StatusTag,
  type SubmissionProgress,
  useDemo,
} from './common.tsx';

export function ProgressBar({ progress }: { progress: { expected: number; filled: number } }) {
  const percent = progress.expected ? Math.round((progress.filled / progress.expected) * 100) : 0;
  return (
    <Progress
      percent={percent}
      size="small"
      status={percent === 100 ? 'success' : 'normal'}
      format={() => `${progress.filled}/${progress.expected}`}
      style={{ margin: 0, minWidth: 140 }}
    />
  );
}

/** Where to read a submission's values: the entry form read-only, naming the unit or town. */
export function entryPath(s: SubmissionProgress | { roundId: number; unitId: number | null; areaId: number | null }) {
  return s.unitId !== null
    ? `/collection/rounds/${s.roundId}/entry?unitId=${s.unitId}`
    : `/collection/rounds/${s.roundId}/entry?areaId=${s.areaId}`;
}

/** One round's progress: every unit and town with its status, progress and last update. */
export default function RoundProgressPage() {
  const { id } = useParams();
  const user = useUser();
  if (user.role !== 'office' && user.role !== 'statistics') {
    return <Navigate to={`/collection/rounds/${id}/entry`} replace />;
  }
  return <RoundProgress roundId={Number(id)} basePath="/collection" />;
}

export function RoundProgress({ roundId, basePath }: { roundId: number; basePath: '/collection' | '/review' }) {
  const navigate = useNavigate();
  const user = useUser();
  const demo = useDemo();
  const { data, error, loading } = useApi<RoundDetail>(`/rounds/${roundId}`);
  const [filter, setFilter] = useState<SubmissionStatus | 'all'>('all');
  const review = basePath === '/review';

  const list = useMemo(() => {
    const subs = data?.submissions ?? [];
    const filtered = filter === 'all' ? subs : subs.filter((s) => s.status === filter);
    if (!review) return filtered;
    // 审核: those awaiting review first, then the others in their usual order.
    return [...filtered].sort((a, b) => Number(b.status === 'submitted') - Number(a.status === 'submitted'));
  }, [data, filter, review]);

  if (loading && !data) return <PageLoading />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return null;
  const { round } = data;
  const counts = Object.fromEntries(
    STATUS_ORDER.map((s) => [s, data.submissions.filter((x) => x.status === s).length]),
  ) as Record<SubmissionStatus, number>;

  return (
    <Card
      title={
        <Space>
          <Button type="text" size="small" icon={<ArrowLeftOutlined />} onClick={() => navigate(basePath)} />
          {round.title}
          <DemoTag show={demo} />
        </Space>
      }
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="类型">
          <RoundKindTag kind={round.kind} />
        </Descriptions.Item>
        <Descriptions.Item label="填报年度">
          {data.years.length > 1 ? `${data.years[0]}–${data.years.at(-1)}` : data.years[0]}
        </Descriptions.Item>
        <Descriptions.Item label="截止日期">{round.deadline}</Descriptions.Item>
        <Descriptions.Item label="任务状态">
          <RoundStatusTag round={round} />
        </Descriptions.Item>
      </Descriptions>
      <Radio.Group
        size="small"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        optionType="button"
        style={{ marginBottom: 12 }}
        options={[
          { value: 'all', label: `全部 ${data.submissions.length}` },
          ...STATUS_ORDER.map((s) => ({ value: s, label: `${SUBMISSION_STATUS_LABELS[s]} ${counts[s]}` })),
        ]}
      />
      <Table<SubmissionProgress>
        size="small"
        bordered
        rowKey="id"
        dataSource={list}
        pagination={false}
        locale={{ emptyText: '没有该状态的单位或镇街' }}
        columns={[
          { title: '序号', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          {
            title: '单位 / 镇街',
            render: (_, s) => (
              <Space size={4}>
                {s.reporterKind === 'area' && <Tag color="cyan">镇街</Tag>}
                {s.reporterName}
              </Space>
            ),
          },
          { title: '状态', width: 110, render: (_, s) => <StatusTag status={s.status} /> },
          { title: '填报进度', width: 220, render: (_, s) => <ProgressBar progress={s.progress} /> },
          {
            title: '最后更新',
            width: 140,
            render: (_, s) =>
              s.status === 'not_started' ? <span style={{ color: '#bbb' }}>—</span> : formatBeijingTime(s.updatedAt),
          },
          {
            title: '退回 / 重新打开原因',
            render: (_, s) =>
              s.reason && (s.status === 'returned' || s.status === 'in_progress') ? (
                <span style={{ color: '#cf1322' }}>{s.reason}</span>
              ) : null,
          },
          {
            title: '操作',
            width: 150,
            align: 'center',
            render: (_, s) =>
              review ? (
                <Link to={`/review/submissions/${s.id}?roundId=${s.roundId}`}>
                  {user.role === 'statistics' && s.status === 'submitted' ? '审核' : '查看'}
                </Link>
              ) : (
                <Space size={8}>
                  <Link to={entryPath(s)}>查看数据</Link>
                  {user.role === 'statistics' && s.status === 'submitted' && (
                    <Link to={`/review/submissions/${s.id}?roundId=${s.roundId}`}>审核</Link>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
