import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry, AuditLogPage } from '../../../../src/features/audit/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { download } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ACTION_GROUPS, ACTION_LABELS, actionLabel, OBJECT_LABELS, RESULT_LABELS } from './auditLabels.ts';
import { AUDITORS, applyError, ErrorAlert, RequireRoles } from './common.tsx';

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  result?: AuditEntry['result'];
}

const PAGE_SIZE = 50;

function queryOf(filters: Filters, page?: number): string {
  const q = new URLSearchParams();
  const [from, to] = filters.range ?? [];
  if (from) q.set('from', from.startOf('day').toISOString());
  if (to) q.set('to', to.endOf('day').toISOString());
  if (filters.username?.trim()) q.set('username', filters.username.trim());
  if (filters.action) q.set('action', filters.action);
  if (filters.result) q.set('result', filters.result);
  if (page) {
    q.set('page', String(page));
    q.set('pageSize', String(PAGE_SIZE));
  }
  return q.toString();
}

const ACTION_OPTIONS = [
  { label: '按类别', options: ACTION_GROUPS },
  { label: '按操作', options: Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })) },
];

export default function AuditPage() {
  return (
    <RequireRoles roles={AUDITORS}>
      <AuditLog />
    </RequireRoles>
  );
}

function AuditLog() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const { data, error, loading } = useApi<AuditLogPage>(`/audit?${queryOf(filters, page)}`);

  async function exportXlsx() {
    setExporting(true);
    try {
      await download(`/audit/export.xlsx?${queryOf(filters)}`, '审计日志.xlsx');
    } catch (e) {
      message.error(applyError(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
          导出Excel
        </Button>
      </Space>
      <Form<Filters>
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters(values);
          setPage(1);
        }}
      >
        <Form.Item label="时间" name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item label="用户名" name="username">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            options={ACTION_OPTIONS}
          />
        </Form.Item>
        <Form.Item label="结果" name="result">
          <Select
            allowClear
            style={{ width: 100 }}
            options={Object.entries(RESULT_LABELS).map(([value, r]) => ({ value, label: r.label }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert message={error?.message} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.entries}
        pagination={false}
        scroll={{ x: 1100 }}
        expandable={{
          rowExpandable: (e) => e.before !== null || e.after !== null,
          expandedRowRender: (e) => <BeforeAfter entry={e} />,
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatBeijingTime(v, true) },
          { title: '用户', dataIndex: 'username', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '单位/镇街', dataIndex: 'unitName', width: 150, render: (v: string | null) => v ?? '—' },
          { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            dataIndex: 'action',
            width: 150,
            render: (v: string) => <Tooltip title={v}>{actionLabel(v)}</Tooltip>,
          },
          {
            title: '对象',
            key: 'object',
            width: 150,
            render: (_, e) =>
              e.objectType ? `${OBJECT_LABELS[e.objectType] ?? e.objectType} ${e.objectId ?? ''}`.trim() : '—',
          },
          {
            title: '结果',
            dataIndex: 'result',
            width: 70,
            render: (r: AuditEntry['result']) => <Tag color={RESULT_LABELS[r].color}>{RESULT_LABELS[r].label}</Tag>,
          },
          { title: '说明', dataIndex: 'detail', render: (v: string | null) => v ?? '' },
        ]}
      />
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary">第 {page} 页</Typography.Text>
        <Button disabled={page <= 1 || loading} onClick={() => setPage((p) => p - 1)}>
          上一页
        </Button>
        <Button disabled={!data?.hasMore || loading} onClick={() => setPage((p) => p + 1)}>
          下一页
        </Button>
      </Space>
    </div>
  );
}

function BeforeAfter({ entry }: { entry: AuditEntry }) {
  const block = (title: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 280 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ background: '#fafafa', padding: 8, margin: '4px 0 0', fontSize: 12, whiteSpace: 'pre-wrap' }}>
        {value === null ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      {block('变更前', entry.before)}
      {block('变更后', entry.after)}
    </div>
  );
}
