import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { DOCUMENT_KIND_LABELS, type DocumentKind, sectionsOf } from '../../../../src/core/documents.ts';
import type {
  Cycle,
  DocumentDetail,
  DocumentList,
  DocumentOverview,
  ListedDocument,
} from '../../../../src/features/documents/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import type { Role } from '../../../../src/kernel/roles.ts';
import { post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { applyError } from '../admin/common.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { RequiredTextItem } from '../tasks/common.tsx';
import { Attachments } from './Attachments.tsx';
import { DocumentEditor } from './DocumentEditor.tsx';
import { StatusTag } from './StatusTag.tsx';

// 单位文档 (/collection/documents): a member unit writes its 实施方案, 年度工作报告 and 评估报告 here; the office
// sees who has and has not sent them.

const UNIT_ROLES: Role[] = ['unit_reporter', 'unit_leader'];
const OVERVIEW_ROLES: Role[] = ['office', 'statistics', 'district_leader'];

function defaultYear(cycle: Cycle): number {
  return Math.max(cycle.start, Math.min(cycle.end, new Date().getFullYear() - 1));
}

function YearSelect({ cycle, year, onChange }: { cycle: Cycle; year: number; onChange: (y: number) => void }) {
  const years = Array.from({ length: cycle.end - cycle.start + 1 }, (_, i) => cycle.end - i);
  return (
    <Space>
      <Typography.Text>年度</Typography.Text>
      <Select
        aria-label="年度"
        value={year}
        style={{ width: 120 }}
        onChange={onChange}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
      />
    </Space>
  );
}

export default function DocumentsPage() {
  const user = useUser();
  const [year, setYear] = useState<number | null>(null);
  // The first load (any year) tells the cycle; then the chosen year's documents.
  const { data, error, loading, reload } = useApi<DocumentList>(
    year === null ? '/documents?kind=implementation_plan' : `/documents?year=${year}`,
  );
  useEffect(() => {
    if (year === null && data?.cycle) setYear(defaultYear(data.cycle));
  }, [data, year]);

  const isUnit = UNIT_ROLES.includes(user.role);
  const canOverview = OVERVIEW_ROLES.includes(user.role);

  return (
    <Card
      title={
        <Space orientation="vertical" size={0}>
          <span>单位文档</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            成员单位报送实施方案、年度工作报告（实施情况、存在问题、原因分析、对策措施、下一年度工作安排）和终期评估报告
          </Typography.Text>
        </Space>
      }
      extra={data?.cycle && year !== null && <YearSelect cycle={data.cycle} year={year} onChange={setYear} />}
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {!error && (!data || year === null) && <Spin />}
      {data && year !== null && isUnit && (
        <UnitDocuments year={year} cycle={data.cycle} documents={data.documents} loading={loading} reload={reload} />
      )}
      {data && year !== null && canOverview && <OverviewTable year={year} />}
      {data && !isUnit && !canOverview && <Alert type="info" showIcon title="单位文档由成员单位报送，办公室查看。" />}
    </Card>
  );
}

function UnitDocuments({
  year,
  cycle,
  documents,
  loading,
  reload,
}: {
  year: number;
  cycle: Cycle;
  documents: ListedDocument[];
  loading: boolean;
  reload: () => void;
}) {
  const user = useUser();
  const kinds: DocumentKind[] = ['annual_work_report', 'implementation_plan'];
  if (year === cycle.end) kinds.push('evaluation_report');
  const [active, setActive] = useState<DocumentKind>('annual_work_report');
  const find = (kind: DocumentKind) =>
    documents.find((d) => d.kind === kind && (kind === 'implementation_plan' ? d.year === null : d.year === year));
  const tabLabel = (kind: DocumentKind) => {
    const text =
      kind === 'implementation_plan'
        ? `实施方案（${cycle.start}–${cycle.end}）`
        : `${year}年${DOCUMENT_KIND_LABELS[kind]}`;
    return (
      <Space size={6}>
        {text}
        <StatusTag status={find(kind)?.status ?? 'missing'} />
      </Space>
    );
  };
  return (
    <Spin spinning={loading}>
      <Typography.Paragraph type="secondary">
        {user.unitName}：保存草稿后可上传附件；提交后报送区妇儿工委办公室。
      </Typography.Paragraph>
      <Tabs
        activeKey={kinds.includes(active) ? active : 'annual_work_report'}
        onChange={(k) => setActive(k as DocumentKind)}
        items={kinds.map((kind) => ({
          key: kind,
          label: tabLabel(kind),
          children: <DocumentEditor kind={kind} year={year} doc={find(kind)} canEdit onChange={reload} />,
        }))}
      />
    </Spin>
  );
}

function OverviewTable({ year }: { year: number }) {
  const { data, error, loading, reload } = useApi<DocumentOverview>(`/documents/overview?year=${year}`);
  const [open, setOpen] = useState<number | null>(null);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const kinds = data?.kinds ?? [];
  const columnTitle = (kind: DocumentKind) =>
    kind === 'implementation_plan' ? '实施方案（本周期）' : `${year}年${DOCUMENT_KIND_LABELS[kind]}`;
  return (
    <>
      {data && (
        <Space wrap separator={<Typography.Text type="secondary">｜</Typography.Text>} style={{ marginBottom: 12 }}>
          {kinds.map((kind) => {
            const t = data.totals[kind];
            return (
              <Typography.Text key={kind}>
                {columnTitle(kind)}：已提交 <b>{t?.submitted ?? 0}</b>，草稿 {t?.draft ?? 0}，未提交{' '}
                <Typography.Text type="danger">{t?.missing ?? 0}</Typography.Text>
              </Typography.Text>
            );
          })}
        </Space>
      )}
      <Table
        size="small"
        rowKey="unitId"
        loading={loading}
        dataSource={data?.units ?? []}
        pagination={false}
        columns={[
          { title: '成员单位', dataIndex: 'unitName', key: 'unit' },
          ...kinds.map((kind) => ({
            title: columnTitle(kind),
            key: kind,
            render: (_: unknown, row: DocumentOverview['units'][number]) => {
              const cell = row.documents[kind];
              if (!cell) return null;
              const tag = <StatusTag status={cell.status} />;
              return cell.documentId !== null ? (
                <Space size={4}>
                  <Typography.Link onClick={() => setOpen(cell.documentId)}>{tag}</Typography.Link>
                  {cell.submittedAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatBeijingTime(cell.submittedAt)}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                tag
              );
            },
          })),
        ]}
      />
      <DocumentDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />
    </>
  );
}

function DocumentDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { data, reload } = useApi<DocumentDetail>(id === null ? null : `/documents/${id}`);
  const user = useUser();
  const [returning, setReturning] = useState(false);
  const doc = id !== null && data?.document.id === id ? data.document : undefined;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={
        doc ? `${doc.unitName} · ${doc.year === null ? '' : `${doc.year}年`}${DOCUMENT_KIND_LABELS[doc.kind]}` : '文档'
      }
      extra={
        doc?.status === 'submitted' &&
        user.role === 'office' && (
          <Button danger onClick={() => setReturning(true)}>
            退回修改
          </Button>
        )
      }
    >
      {!doc ? (
        <Spin />
      ) : (
        <>
          {doc.status === 'draft' && doc.returnComment && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="已退回单位修改"
              description={<div style={{ whiteSpace: 'pre-wrap' }}>{doc.returnComment}</div>}
            />
          )}
          <Descriptions
            column={1}
            bordered
            size="small"
            style={{ marginBottom: 16 }}
            styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label="状态">
              <StatusTag status={doc.status} />
              {doc.submittedAt && <span>提交于 {formatBeijingTime(doc.submittedAt)}</span>}
            </Descriptions.Item>
            {sectionsOf(doc.kind).map((s) => (
              <Descriptions.Item key={s.key} label={s.label}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{doc.sections[s.key] || '（未填写）'}</div>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Title level={5}>附件</Typography.Title>
          <Attachments documentId={doc.id} attachments={data?.attachments ?? []} editable={false} />
          {returning && (
            <ReturnDialog
              id={doc.id}
              label={`${doc.unitName}${doc.year === null ? '' : `${doc.year}年`}${DOCUMENT_KIND_LABELS[doc.kind]}`}
              onClose={() => setReturning(false)}
              onDone={() => {
                setReturning(false);
                reload();
                onChanged();
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

/** The office sends a submitted document back: the reasons reach the unit's bell and stay on the document. */
function ReturnDialog({
  id,
  label,
  onClose,
  onDone,
}: {
  id: number;
  label: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  async function save(values: { comment: string }) {
    await post(`/documents/${id}/return`, values);
    message.success(`已退回${label}，单位将收到通知`);
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title={`退回${label}`}
      okText="退回"
      okButtonProps={{ danger: true }}
      explain={(f, e) => applyError(e, f)}
      alertGap={12}
      onCancel={onClose}
      save={save}
    >
      <RequiredTextItem label="退回理由" name="comment">
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder="需要补充或修改的内容，单位将看到这段话" />
      </RequiredTextItem>
    </FormDialog>
  );
}
