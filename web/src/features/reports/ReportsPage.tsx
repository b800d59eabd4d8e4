import { App, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReportKind } from '../../../../src/core/reports.ts';
import type { OpenDraftResponse, ReportDraftRow, ReportList } from '../../../../src/features/reports/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { cycleYears, useCycle } from '../../shell/cycle.tsx';
import { ErrorAlert } from '../admin/common.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { ContextFiguresCard } from './ContextFiguresCard.tsx';
import { FileList } from './FileList.tsx';
import { StatFormCard } from './StatFormCard.tsx';
import { scopeLabel, scopeOptions } from './types.ts';

const EDITORS = ['office', 'statistics'];

/** 报告: report kinds × years with their drafts and generated versions; the office opens or creates a draft. */
export default function ReportsPage() {
  const user = useUser();
  const canEdit = EDITORS.includes(user.role);
  const { data, error, loading } = useApi<ReportList>('/reports');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ kind: ReportKind; year: number; scope: string }>();
  // Any year of the cycle shown in the header (2021–2025, or 2026–2030 once published).
  const { cycle } = useCycle();
  const years = cycleYears(cycle);
  const label = (kind: ReportKind) => data?.kinds.find((k) => k.kind === kind)?.label ?? kind;

  const open = async (values: { kind: ReportKind; year: number; scope: string }) => {
    setBusy(true);
    try {
      const { draft } = await post<OpenDraftResponse>('/reports/drafts', values);
      navigate(`/reports/drafts/${draft.id}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>报告</Typography.Title>
      <ErrorAlert message={error?.message} />
      {/* Only once the cycle is known: a form shown before it submitted no year (and was remounted under the
          click when the cycle arrived), so a quick click on a slow connection opened nothing. */}
      {canEdit && cycle && (
        <Card title="起草报告">
          <Form
            form={form}
            layout="inline"
            key={cycle?.id}
            initialValues={{ kind: 'annual_monitoring', year: cycle?.end, scope: 'both' }}
            onFinish={open}
          >
            <Form.Item name="kind" label="报告类型">
              <Select
                style={{ width: 180 }}
                options={(data?.kinds ?? []).map((k) => ({ value: k.kind, label: k.label }))}
              />
            </Form.Item>
            <Form.Item name="year" label="年度">
              <InputNumber min={years[0]} max={years.at(-1)} />
            </Form.Item>
            <Form.Item name="scope" label="范围">
              <Select style={{ width: 180 }} options={scopeOptions(data?.plans)} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              起草 / 打开
            </Button>
          </Form>
        </Card>
      )}
      {canEdit && <StatFormCard />}
      {canEdit && <ContextFiguresCard />}
      <Table<ReportDraftRow>
        rowKey="id"
        loading={loading}
        dataSource={data?.drafts ?? []}
        pagination={false}
        locale={{ emptyText: '尚无报告' }}
        expandable={{
          expandedRowRender: (d) => <FileList files={(data?.files ?? []).filter((f) => f.draftId === d.id)} />,
          rowExpandable: (d) => (data?.files ?? []).some((f) => f.draftId === d.id),
        }}
        columns={[
          { title: '报告', dataIndex: 'kind', render: (k: ReportKind) => label(k) },
          {
            title: '年度',
            dataIndex: 'year',
            width: 90,
            filters: years.map((y) => ({ text: `${y}年`, value: y })),
            onFilter: (v, d) => d.year === v,
            render: (y: number) => `${y}年`,
          },
          { title: '范围', dataIndex: 'scope', render: (s: string) => scopeLabel(s, data?.plans) },
          {
            title: '已生成版本',
            key: 'files',
            width: 110,
            render: (_, d) => (data?.files ?? []).filter((f) => f.draftId === d.id).length,
          },
          {
            title: '最近修改',
            dataIndex: 'updatedAt',
            render: (v: string, d) => `${formatBeijingTime(v)} ${d.updatedBy ?? ''}`,
          },
          {
            title: '',
            key: 'open',
            width: 90,
            render: (_, d) => (
              <Button size="small" onClick={() => navigate(`/reports/drafts/${d.id}`)}>
                {canEdit ? '编辑' : '查看'}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
