import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Input, Modal, Popconfirm, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type {
  RoundDetail,
  RoundsResponse,
  SubmissionProgress,
  Task,
  TaskIndicator,
  ValueRow,
} from '../../../../../src/features/collection/contract.ts';
import { formatBeijingTime } from '../../../../../src/kernel/dates.ts';
import { ApiError, api, post } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { PageLoading } from '../../../shell/PageLoading.tsx';
import { useUser } from '../../auth/AuthContext.tsx';
import { DemoTag, RoundKindTag, StatusTag, useDemo } from '../common.tsx';
import { useEntryState } from '../EntryPage.tsx';
import { EntryTable } from '../EntryTable.tsx';
import { EventTimeline } from '../EventTimeline.tsx';
import { type EntryRow, rowsOf, sexLabel } from '../entryModel.ts';
import { HistoryDrawer } from '../HistoryDrawer.tsx';
import { ReviewersOnly } from './common.tsx';

/** Finds a submission's round and unit or town: from ?roundId when given, else by looking through the rounds. */
function useSubmission(id: number, roundHint: number | null) {
  const [found, setFound] = useState<SubmissionProgress | null>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version triggers a reload
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const roundIds = roundHint ? [roundHint] : (await api<RoundsResponse>('/rounds')).rounds.map((r) => r.id);
      for (const roundId of roundIds) {
        const detail = await api<RoundDetail>(`/rounds/${roundId}`);
        const s = detail.submissions.find((x) => x.id === id);
        if (s) return s;
      }
      return null;
    })()
      .then((s) => {
        if (!cancelled) setFound(s);
      })
      .catch((e: Error) => {
        if (!cancelled) setError(e.message);
      });
    return () => {
      cancelled = true;
    };
  }, [id, roundHint, version]);
  return { submission: found, error, reload: () => setVersion((v) => v + 1) };
}

export default function ReviewSubmissionPage() {
  return (
    <ReviewersOnly>
      <ReviewSubmission />
    </ReviewersOnly>
  );
}

function ReviewSubmission() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const user = useUser();
  const demo = useDemo();
  const { message } = App.useApp();
  const submissionId = Number(id);
  const roundHint = search.get('roundId') ? Number(search.get('roundId')) : null;
  const { submission, error: findError, reload: reloadSubmission } = useSubmission(submissionId, roundHint);
  const who = submission
    ? submission.unitId !== null
      ? `unitId=${submission.unitId}`
      : `areaId=${submission.areaId}`
    : null;
  const {
    data: task,
    error,
    reload,
  } = useApi<Task>(submission && who ? `/rounds/${submission.roundId}/task?${who}` : null);
  const { saved, drafts } = useEntryState(task);
  const [returns, setReturns] = useState<Record<number, string>>({});
  const [dialog, setDialog] = useState<'return' | 'reopen'>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [eventsVersion, setEventsVersion] = useState(0);
  const [history, setHistory] = useState<{ value: ValueRow; row: EntryRow }>();

  if (findError || error) return <Alert type="error" showIcon title={findError ?? error?.message} />;
  if (submission === null) return <Alert type="error" showIcon title="填报任务不存在或无权查看" />;
  if (!submission || !task) return <PageLoading />;

  const s = task.submission;
  const isStats = user.role === 'statistics';
  const canReview = isStats && s.status === 'submitted';
  const canReopen = isStats && s.status === 'approved';
  const selected = Object.entries(returns);
  const rows = rowsOf(task);
  const labelOf = (valueId: number) => {
    const row = rows.find((r) => saved[r.key]?.id === valueId);
    if (!row) return `数据 ${valueId}`;
    return `${row.item.indicator.code} ${row.item.indicator.name}${task.years.length > 1 ? ` ${row.year}年` : ''}${row.item.sexes.length > 1 ? `（${sexLabel(row.sex)}）` : ''}`;
  };

  async function act(action: 'approve' | 'return' | 'reopen') {
    setBusy(true);
    setActionError(undefined);
    try {
      await post(`/submissions/${s.id}/actions`, {
        action,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'return' && selected.length
          ? { valueReturns: selected.map(([valueId, r]) => ({ valueId: Number(valueId), reason: r.trim() })) }
          : {}),
      });
      message.success(
        action === 'approve' ? '审核通过，数据已锁定' : action === 'return' ? '已退回' : '已重新打开，退回单位修改',
      );
      setDialog(undefined);
      setReason('');
      setReturns({});
      reload();
      reloadSubmission();
      setEventsVersion((v) => v + 1);
    } catch (e) {
      setActionError(e instanceof ApiError ? e.message : '操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  const returnReady = selected.every(([, r]) => r.trim()) && (selected.length > 0 || reason.trim().length > 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              size="small"
              aria-label="返回"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(`/review/rounds/${s.roundId}`)}
            />
            <span>数据审核 · {s.reporterName}</span>
            <StatusTag status={s.status} />
            <DemoTag show={demo} />
          </Space>
        }
        extra={
          <Space>
            {canReview && (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
                  退回{selected.length ? `（${selected.length} 项）` : ''}
                </Button>
                <Popconfirm
                  title="审核通过"
                  description="通过后该单位本轮数据全部锁定，不能再修改。"
                  okText="审核通过"
                  cancelText="取消"
                  onConfirm={() => act('approve')}
                  okButtonProps={{ disabled: selected.length > 0 }}
                >
                  <Button type="primary" icon={<CheckOutlined />} disabled={selected.length > 0} loading={busy}>
                    审核通过
                  </Button>
                </Popconfirm>
              </>
            )}
            {canReopen && (
              <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')}>
                重新打开
              </Button>
            )}
          </Space>
        }
      >
        <Row gutter={16} wrap={false} style={{ marginBottom: 8 }}>
          <Col flex="auto">
            <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
              <Descriptions.Item label="填报任务">{task.round.title}</Descriptions.Item>
              <Descriptions.Item label="类型">
                <RoundKindTag kind={task.round.kind} />
              </Descriptions.Item>
              <Descriptions.Item label="填报进度">
                {submission.progress.filled}/{submission.progress.expected}
              </Descriptions.Item>
              <Descriptions.Item label="最后更新">{formatBeijingTime(s.updatedAt)}</Descriptions.Item>
            </Descriptions>
            {canReview && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title="逐项核对数据。有问题的数据勾选“退回此项”并写明原因，再点击“退回”；全部无误点击“审核通过”。"
              />
            )}
            {!isStats && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title="审核由区统计局（监测组）办理，此处仅供查看。"
              />
            )}
            {s.status === 'returned' && s.reason && (
              <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`已退回：${s.reason}`} />
            )}
            {actionError && !dialog && (
              <Alert type="error" showIcon closable style={{ marginBottom: 8 }} title={actionError} />
            )}
          </Col>
          <Col flex="380px">
            <div
              style={{
                border: '1px solid #f0f0f0',
                borderRadius: 4,
                padding: '8px 12px 0',
                maxHeight: 230,
                overflow: 'auto',
              }}
            >
              <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
                流程记录
              </Typography.Text>
              <EventTimeline submissionId={s.id} version={eventsVersion} />
            </div>
          </Col>
        </Row>
        <EntryTable
          task={task}
          saved={saved}
          drafts={drafts}
          editable={false}
          returns={returns}
          {...(canReview ? { onReturnsChange: setReturns } : {})}
          onHistory={(value, row) => setHistory({ value, row })}
        />
      </Card>
      <HistoryDrawer
        value={history?.value}
        {...(history ? { indicator: history.row.item.indicator as TaskIndicator } : {})}
        title={history ? labelOf(history.value.id) : ''}
        onClose={() => setHistory(undefined)}
      />
      <Modal
        title={dialog === 'reopen' ? '重新打开' : `退回 ${s.reporterName}`}
        open={dialog !== undefined}
        onCancel={() => {
          setDialog(undefined);
          setActionError(undefined);
        }}
        okText={dialog === 'reopen' ? '重新打开' : '退回'}
        okButtonProps={{
          danger: true,
          loading: busy,
          disabled: dialog === 'reopen' ? !reason.trim() : !returnReady,
        }}
        onOk={() => act(dialog === 'reopen' ? 'reopen' : 'return')}
        destroyOnHidden
      >
        {actionError && <Alert type="error" showIcon title={actionError} style={{ marginBottom: 12 }} />}
        {dialog === 'reopen' ? (
          <Typography.Paragraph>
            重新打开后，该单位本轮数据解除锁定并退回单位修改。请写明原因（必填），单位和审计日志将记录此原因。
          </Typography.Paragraph>
        ) : selected.length > 0 ? (
          <>
            <Typography.Paragraph>以下 {selected.length} 项数据将随退回标注原因：</Typography.Paragraph>
            <ul style={{ paddingInlineStart: 20 }}>
              {selected.map(([valueId, r]) => (
                <li key={valueId}>
                  {labelOf(Number(valueId))}：
                  {r.trim() ? r : <span style={{ color: '#cf1322' }}>请在表中填写退回原因</span>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Typography.Paragraph>
            整份退回，请写明原因（必填）。如只有个别数据有问题，可在表中勾选“退回此项”。
          </Typography.Paragraph>
        )}
        <Input.TextArea
          rows={3}
          value={reason}
          maxLength={1000}
          aria-label={dialog === 'reopen' ? '重新打开原因' : '退回原因'}
          placeholder={dialog === 'reopen' || selected.length === 0 ? '原因（必填）' : '总体意见（选填）'}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
