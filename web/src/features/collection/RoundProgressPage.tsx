import { ArrowLeftOutlined, DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Progress, Radio, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../../../src/core/collection/workflow.ts';
import type { RoundDetail, SubmissionProgress } from '../../../../src/features/collection/contract.ts';
import type { UrgeResult } from '../../../../src/features/notices/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { ApiError, download, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { MUTED_TEXT } from '../../shell/theme.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { DemoTag, RoundKindTag, RoundStatusTag, STATUS_ORDER, StatusTag, useDemo } from './common.tsx';

export function ProgressBar({ progress }: { progress: { expected: number; filled: number } }) {
  const percent = progress.expected ? Math.round((progress.filled / progress.expected) * 100) : 0;
  return (
    <Progress
      percent={percent}
      size="small"
      status={percent === 100 ? 'success' : 'normal'}
      format={() => `${progress.filled}/${progress.expected}`}
      aria-label={`已填报 ${progress.filled}/${progress.expected}`}
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
  const { data, error, loading, reload } = useApi<RoundDetail>(`/rounds/${roundId}`);
  const [filter, setFilter] = useState<SubmissionStatus | 'all'>('all');
  const review = basePath === '/review';
  const { message } = App.useApp();
  // 催报: the chosen late submissions (empty: all of them) while the dialog is open.
  const [urging, setUrging] = useState<SubmissionProgress[]>();
  const [note, setNote] = useState('');
  const [urgeBusy, setUrgeBusy] = useState(false);
  const [urgeError, setUrgeError] = useState<string>();
  const canUrge = user.role === 'office' && !review && data?.round.status === 'open';
  const isLate = (s: SubmissionProgress) => s.status !== 'submitted' && s.status !== 'approved';

  async function urge() {
    if (!urging) return;
    setUrgeBusy(true);
    setUrgeError(undefined);
    try {
      const res = await post<UrgeResult>(`/rounds/${roundId}/remind`, {
        submissionIds: urging.map((s) => s.id),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      const failed = res.webhooks.filter((w) => !w.result.ok);
      message.success(
        `已催报 ${res.reminded.length} 家：站内通知已发送${res.webhooks.length ? `，群消息 ${res.webhooks.length - failed.length}/${res.webhooks.length} 条已发送` : ''}`,
      );
      if (failed.length) message.warning(failed.map((f) => `${f.target}：${f.result.message}`).join('；'));
      setUrging(undefined);
      setNote('');
      reload();
    } catch (e) {
      setUrgeError(e instanceof ApiError ? e.message : '催报失败，请稍后再试');
    } finally {
      setUrgeBusy(false);
    }
  }

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
          <Button
            type="text"
            size="small"
            aria-label="返回"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(basePath)}
          />
          {round.title}
          <DemoTag show={demo} />
        </Space>
      }
      extra={
        canUrge && (
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void download(`/rounds/${roundId}/late-contacts.xlsx`, '未报单位联系人.xlsx').catch((e: Error) =>
                  message.error(e.message),
                )
              }
            >
              导出未报单位联系人
            </Button>
            <Button
              type="primary"
              icon={<NotificationOutlined />}
              disabled={!data.submissions.some(isLate)}
              onClick={() => setUrging(data.submissions.filter(isLate))}
            >
              催报全部未报（{data.submissions.filter(isLate).length}）
            </Button>
          </Space>
        )
      }
    >
      <Modal
        title={
          urging && urging.length === 1 ? `催报：${urging[0]?.reporterName}` : `催报 ${urging?.length ?? 0} 家未报单位`
        }
        open={urging !== undefined}
        okText="发送催报"
        okButtonProps={{ loading: urgeBusy }}
        onOk={() => void urge()}
        onCancel={() => {
          setUrging(undefined);
          setUrgeError(undefined);
        }}
        destroyOnHidden
      >
        <p>
          将向
          {urging && urging.length <= 5
            ? urging.map((s) => s.reporterName).join('、')
            : ` ${urging?.length} 家单位和镇街`}
          发送站内通知（截止 {round.deadline}）；设置了群机器人的单位同时收到群消息。每次催报记入流程记录和审计日志。
        </p>
        <Input.TextArea
          rows={2}
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="附言（可不填），如：请于本周五前提交"
          aria-label="催报附言"
        />
        {urgeError && <Alert type="error" showIcon title={urgeError} style={{ marginTop: 8 }} />}
      </Modal>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 12 }}>
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
        scroll={{ x: 'max-content' }}
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
              s.status === 'not_started' ? (
                <span style={{ color: MUTED_TEXT }}>—</span>
              ) : (
                formatBeijingTime(s.updatedAt)
              ),
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
                  {canUrge && isLate(s) && (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setUrging([s])}>
                      催报
                    </Button>
                  )}
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
