import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Input,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DraftList, DraftSummary } from '../../../../src/features/plans/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { ApiError, api, del } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { PLAN_MANAGERS, RequireRoles } from '../admin/common.tsx';

// 规划管理: the office uploads an issued plan document (.docx or .txt); the system drafts the plan folder and its
// candidate indicators, stored as a draft to curate (CurationPage). Several drafts may exist side by side.

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请稍后再试');

export default function PlanDraftsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const tableScroll = useTableScroll();
  const list = useApi<DraftList>('/plan-drafts');
  const [prefix, setPrefix] = useState('');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();

  async function upload(file: File) {
    setUploading(true);
    setUploadError(undefined);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const query = prefix.trim() ? `?id=${encodeURIComponent(prefix.trim())}` : '';
      const created = await api<DraftSummary>(`/plan-drafts${query}`, { method: 'POST', body: form });
      message.success(`已生成规划草稿：${created.candidates} 个候选指标待整理`);
      navigate(`/admin/plans/${created.id}`);
    } catch (e) {
      setUploadError(errorText(e));
    } finally {
      setUploading(false);
    }
  }

  async function remove(d: DraftSummary) {
    try {
      await del(`/plan-drafts/${d.id}`);
      message.success('草稿已删除');
      list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return (
    <RequireRoles roles={PLAN_MANAGERS}>
      <Breadcrumb items={[{ title: <Link to="/admin">系统管理</Link> }, { title: '规划管理' }]} />
      <Typography.Title level={3}>规划管理</Typography.Title>
      <Typography.Paragraph type="secondary">
        {'新一轮规划（如 2026–2030 年）或另一地区的规划：上传印发的规划正文，系统逐字整理出发展领域、主要目标和策略措施，' +
          '并从含数字或方向措辞的分句中提出候选监测指标。逐条采纳、修改或不采纳候选指标，校验通过后即可导出规划目录或发布为新的规划周期。'}
      </Typography.Paragraph>

      <Card size="small" title="上传规划正文" style={{ marginBottom: 16 }}>
        <Space wrap align="start">
          <Input
            aria-label="标识前缀"
            placeholder="标识前缀（可选），如 demo"
            value={prefix}
            onChange={(e) => setPrefix(e.target.value)}
            style={{ width: 220 }}
            maxLength={40}
          />
          <Upload
            accept=".docx,.txt"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={uploading}>
              选择规划文件（.docx 或 .txt）
            </Button>
          </Upload>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          标识前缀决定规划目录和规划的标识（如 demo → demo-2026-2030），不填为 draft，整理时也可修改。旧版
          Word（.doc）请先另存为 .docx。
        </Typography.Paragraph>
        {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginTop: 12 }} />}
      </Card>

      {list.error && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Card size="small" title="规划草稿">
        <Table<DraftSummary>
          rowKey="id"
          size="small"
          loading={list.loading}
          scroll={tableScroll}
          pagination={false}
          dataSource={list.data?.drafts ?? []}
          locale={{ emptyText: '还没有规划草稿：上传规划正文后在此整理' }}
          columns={[
            {
              title: '规划目录',
              key: 'folder',
              render: (_, d) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/admin/plans/${d.id}`}>{d.folderName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.folderId}（{d.cycle.start}–{d.cycle.end}）
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '文件', dataIndex: 'fileName', key: 'fileName' },
            {
              title: '整理进度',
              key: 'progress',
              width: 180,
              render: (_, d) => (
                <Space direction="vertical" size={0} style={{ width: 160 }}>
                  <Progress
                    percent={d.candidates ? Math.round((100 * d.decided) / d.candidates) : 100}
                    size="small"
                    aria-label={`已决定 ${d.decided}/${d.candidates}`}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    已决定 {d.decided}/{d.candidates}，采纳 {d.accepted}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '状态',
              key: 'status',
              render: (_, d) =>
                d.published ? (
                  <Space direction="vertical" size={0}>
                    <Tag color="green">已发布</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatBeijingTime(d.published.at)} {d.published.by ?? ''}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Tag color="blue">整理中</Tag>
                ),
            },
            {
              title: '最近修改',
              key: 'updated',
              render: (_, d) => (
                <Typography.Text style={{ fontSize: 12 }}>
                  {formatBeijingTime(d.updatedAt)} {d.updatedBy ?? ''}
                </Typography.Text>
              ),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, d) => (
                <Space>
                  <Link to={`/admin/plans/${d.id}`}>{d.published ? '查看' : '整理'}</Link>
                  {!d.published && (
                    <Popconfirm
                      title="删除这份草稿？"
                      description="已录入的采纳、修改都会删除（审计日志中留有记录）。"
                      okText="删除"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove(d)}
                    >
                      <Button
                        size="small"
                        danger
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={`删除 ${d.folderId}`}
                      >
                        删除
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </RequireRoles>
  );
}
