import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Modal, Radio, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type {
  Round,
  RoundDetail,
  RoundsResponse,
  RoundWithCounts,
  SubmissionProgress,
} from '../../../../src/features/collection/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { ApiError, api, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useCycle } from '../../shell/cycle.tsx';
import { MUTED_TEXT } from '../../shell/theme.ts';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { DemoTag, isOpen, RoundKindTag, RoundStatusTag, StatusCounts, StatusTag, useDemo } from './common.tsx';
import { ProgressBar } from './RoundProgressPage.tsx';

/** 数据填报: the office and the statistics bureau see all rounds; units and towns see their task list. */
export default function RoundsPage() {
  const user = useUser();
  if (user.role === 'office' || user.role === 'statistics') return <RoundList />;
  return <TaskList />;
}

/** All reporting rounds with the number of submissions in each status. */
export function RoundsTable({
  rounds,
  loading,
  linkTo,
}: {
  rounds: RoundWithCounts[];
  loading: boolean;
  linkTo: (r: Round) => string;
}) {
  const tableScroll = useTableScroll();
  return (
    <Table<RoundWithCounts>
      scroll={tableScroll}
      size="small"
      bordered
      rowKey="id"
      loading={loading}
      dataSource={rounds}
      pagination={false}
      locale={{ emptyText: '暂无填报任务' }}
      columns={[
        {
          title: '填报任务',
          dataIndex: 'title',
          render: (title: string, r) => <Link to={linkTo(r)}>{title}</Link>,
        },
        { title: '类型', dataIndex: 'kind', width: 96, render: (k: Round['kind']) => <RoundKindTag kind={k} /> },
        { title: '年度', dataIndex: 'year', width: 70, align: 'center' },
        { title: '截止日期', dataIndex: 'deadline', width: 110 },
        { title: '任务状态', width: 110, render: (_, r) => <RoundStatusTag round={r} /> },
        {
          title: '各单位、镇街报送情况',
          render: (_, r) => <StatusCounts counts={r.counts} />,
        },
        { title: '开启时间', dataIndex: 'openedAt', width: 140, render: (t: string) => formatBeijingTime(t) },
      ]}
    />
  );
}

function RoundList() {
  const user = useUser();
  const demo = useDemo();
  const { data, loading, error, reload } = useApi<RoundsResponse>('/rounds');
  const [opening, setOpening] = useState(false);
  return (
    <Card
      title={
        <Space>
          数据填报 · 填报任务
          <DemoTag show={demo} />
        </Space>
      }
      extra={
        <Space>
          <Link to="/collection/documents">单位文档报送情况</Link>
          {user.role === 'office' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              开启填报任务
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <RoundsTable rounds={data?.rounds ?? []} loading={loading} linkTo={(r) => `/collection/rounds/${r.id}`} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        开启填报任务后，系统为每个牵头单位和镇街生成一份填报表；单位填报员填报、单位领导确认后报送统计局审核。
      </Typography.Paragraph>
      <OpenRoundDialog
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={() => {
          setOpening(false);
          reload();
        }}
      />
    </Card>
  );
}

interface OpenForm {
  kind: 'annual' | 'final';
  year: number;
  deadline: Dayjs;
}

function OpenRoundDialog({ open, onClose, onOpened }: { open: boolean; onClose(): void; onOpened(): void }) {
  const [form] = Form.useForm<OpenForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Last year's data, inside the cycle shown in the header (the round belongs to that cycle).
  const { cycle } = useCycle();
  const lastYear = new Date().getFullYear() - 1;
  const firstYear = cycle ? Math.min(Math.max(lastYear, cycle.start), cycle.end) : lastYear;

  async function submit(values: OpenForm) {
    setBusy(true);
    setError(undefined);
    try {
      await post('/rounds', { kind: values.kind, year: values.year, deadline: values.deadline.format('YYYY-MM-DD') });
      form.resetFields();
      onOpened();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        const fields = e.fields;
        form.setFields(
          (['kind', 'year', 'deadline'] as const)
            .filter((f) => fields[f])
            .map((f) => ({ name: f, errors: [fields[f] as string] })),
        );
      } else setError('操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title="开启填报任务"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="开启"
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<OpenForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'annual', year: firstYear }}
      >
        <Form.Item label="任务类型" name="kind" rules={[{ required: true, message: '请选择任务类型' }]}>
          <Radio.Group
            options={[
              { value: 'annual', label: '年度监测' },
              { value: 'final', label: '终期评估' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="数据年度"
          name="year"
          rules={[{ required: true, message: '请填写数据年度' }]}
          extra="年度监测填报该年数据；终期评估填报规划期内各年数据，年度为规划末年。"
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} suffix="年" />
        </Form.Item>
        <Form.Item label="截止日期" name="deadline" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker style={{ width: 200 }} placeholder="选择截止日期" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TaskRow {
  round: Round;
  submission: SubmissionProgress | undefined;
}

/** A unit's (or town's) task list: one row per open round with its own status and progress. */
function TaskList() {
  const tableScroll = useTableScroll();
  const user = useUser();
  const demo = useDemo();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<RoundsResponse>('/rounds');
  const [rows, setRows] = useState<TaskRow[]>();
  const [detailError, setDetailError] = useState<string>();

  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    Promise.all(
      data.rounds.filter(isOpen).map(async (round) => {
        const detail = await api<RoundDetail>(`/rounds/${round.id}`);
        return { round, submission: detail.submissions[0] };
      }),
    )
      .then((list) => {
        if (!cancelled) setRows(list.filter((r) => r.submission));
      })
      .catch((e: Error) => {
        if (!cancelled) setDetailError(e.message);
      });
    return () => {
      cancelled = true;
    };
  }, [data]);

  const isLeader = user.role === 'unit_leader';
  return (
    <Card
      title={
        <Space>
          我的填报任务
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {user.unitName ?? user.areaName}
          </Typography.Text>
          <DemoTag show={demo} />
        </Space>
      }
      extra={user.unitId !== null && <Link to="/collection/documents">实施方案与年度工作报告</Link>}
    >
      {(error || detailError) && (
        <Alert type="error" showIcon title={error?.message ?? detailError} style={{ marginBottom: 12 }} />
      )}
      <Table<TaskRow>
        scroll={tableScroll}
        size="small"
        bordered
        rowKey={(r) => r.round.id}
        loading={loading || (data !== undefined && rows === undefined && !detailError)}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: '目前没有需要填报的任务' }}
        columns={[
          {
            title: '填报任务',
            render: (_, r) => <Link to={`/collection/rounds/${r.round.id}/entry`}>{r.round.title}</Link>,
          },
          { title: '类型', width: 96, render: (_, r) => <RoundKindTag kind={r.round.kind} /> },
          { title: '截止日期', width: 110, render: (_, r) => r.round.deadline },
          {
            title: '状态',
            width: 110,
            render: (_, r) => r.submission && <StatusTag status={r.submission.status} />,
          },
          {
            title: '填报进度',
            width: 220,
            render: (_, r) => r.submission && <ProgressBar progress={r.submission.progress} />,
          },
          {
            title: '最后更新',
            width: 140,
            render: (_, r) =>
              r.submission?.status === 'not_started' ? (
                <span style={{ color: MUTED_TEXT }}>—</span>
              ) : (
                r.submission && formatBeijingTime(r.submission.updatedAt)
              ),
          },
          {
            title: '操作',
            width: 120,
            align: 'center',
            render: (_, r) => {
              const status = r.submission?.status;
              const label = isLeader
                ? status === 'awaiting_confirmation'
                  ? '审阅确认'
                  : '查看'
                : status === 'not_started' || status === 'in_progress' || status === 'returned'
                  ? '填报'
                  : '查看';
              return (
                <Button
                  size="small"
                  type={label === '查看' ? 'default' : 'primary'}
                  onClick={() => navigate(`/collection/rounds/${r.round.id}/entry`)}
                >
                  {label}
                </Button>
              );
            },
          },
        ]}
      />
      {rows?.some((r) => r.submission?.status === 'returned') && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title="有被退回的填报任务，请按退回原因修改后重新提交。"
        />
      )}
    </Card>
  );
}
