import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Result,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type InspectionDetail, RATING_LABELS } from '../../../../src/features/inspections/contract.ts';
import { download, post, request } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { AssignDialog } from '../tasks/AssignDialog.tsx';
import {
  applyServerError,
  DeadlineItem,
  LinkList,
  RequiredTextItem,
  TaskStatusTag,
  UnitSelect,
  WORK_DIALOG,
} from '../tasks/common.tsx';

type Finding = InspectionDetail['findings'][number];
type Target = InspectionDetail['targets'][number];

/** One inspection: what, who, when; per inspected unit its findings, attachments and 整改 items. */
export default function InspectionPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const office = user.role === 'office';
  const { data, error, loading, reload } = useApi<InspectionDetail>(`/inspections/${encodeURIComponent(id)}`);
  const [findingFor, setFindingFor] = useState<Target>();
  const [rectifyFor, setRectifyFor] = useState<{ finding: Finding; target: Target }>();
  if (loading && !data) return <PageLoading />;
  if (!data) return <Result status="404" title="督导检查不存在" subTitle={error?.message} />;
  const { inspection: ins, targets, findings, tasks } = data;
  const shownTargets =
    office || (user.role !== 'unit_reporter' && user.role !== 'unit_leader')
      ? targets
      : targets.filter((t) => t.unitId === user.unitId);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 1200 }}>
      <Breadcrumb items={[{ title: <Link to="/inspections">督导检查</Link> }, { title: ins.title }]} />
      <Card size="small" title={ins.title}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} styles={{ label: { width: 120 } }}>
          <Descriptions.Item label="检查时间">
            {ins.startDate} 至 {ins.endDate}
          </Descriptions.Item>
          <Descriptions.Item label="检查人员">{ins.inspectors}</Descriptions.Item>
          <Descriptions.Item label="被检查单位" span={2}>
            {targets.map((t) => (
              <Tag key={t.id}>{t.name}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="关联事项" span={2}>
            <LinkList links={data.links} />
          </Descriptions.Item>
          {ins.focus ? (
            <Descriptions.Item label="检查重点" span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{ins.focus}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {shownTargets.map((target) => {
        const mine = findings.filter((f) => f.targetId === target.id);
        return (
          <Card
            key={target.id}
            size="small"
            data-testid={`target-${target.name}`}
            title={`${target.name}：检查发现`}
            extra={
              office && (
                <Button size="small" onClick={() => setFindingFor(target)}>
                  记录检查发现
                </Button>
              )
            }
          >
            {mine.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无检查发现" />
            ) : (
              mine.map((f, i) => (
                <FindingBlock
                  key={f.id}
                  n={i + 1}
                  finding={f}
                  tasks={tasks.filter((t) => t.findingId === f.id)}
                  office={office}
                  canRectify={office && target.unitId !== null}
                  onRectify={() => setRectifyFor({ finding: f, target })}
                  onChange={reload}
                />
              ))
            )}
          </Card>
        );
      })}
      {findingFor && (
        <FindingDialog
          inspectionId={ins.id}
          target={findingFor}
          onClose={() => setFindingFor(undefined)}
          onDone={() => {
            setFindingFor(undefined);
            reload();
          }}
        />
      )}
      {rectifyFor && (
        <RectifyDialog
          findingId={rectifyFor.finding.id}
          unitId={rectifyFor.target.unitId ?? undefined}
          onClose={() => setRectifyFor(undefined)}
          onDone={() => {
            setRectifyFor(undefined);
            reload();
          }}
        />
      )}
    </Space>
  );
}

function FindingBlock({
  n,
  finding: f,
  tasks,
  office,
  canRectify,
  onRectify,
  onChange,
}: {
  n: number;
  finding: Finding;
  tasks: InspectionDetail['tasks'];
  office: boolean;
  canRectify: boolean;
  onRectify: () => void;
  onChange: () => void;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  async function upload(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    setUploading(true);
    try {
      await request(`/inspections/findings/${f.id}/attachments`, { method: 'POST', body: form });
      message.success(`已上传：${file.name}`);
      onChange();
    } catch (e) {
      message.error(applyServerError(undefined, e));
    } finally {
      setUploading(false);
    }
  }
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12, marginBottom: 12 }} data-testid="finding">
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Text strong>{n}. </Typography.Text>
          <span style={{ whiteSpace: 'pre-wrap' }}>{f.text}</span>
          {f.rating && <Tag style={{ marginInlineStart: 8 }}>评价：{RATING_LABELS[f.rating]}</Tag>}
        </div>
        {office && (
          <Space>
            <Upload
              accept=".pdf,.doc,.docx,.png,.jpg,.jpeg"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file as unknown as File);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={uploading}>
                上传照片或文件
              </Button>
            </Upload>
            {canRectify && (
              <Button size="small" type="primary" onClick={onRectify}>
                交办整改
              </Button>
            )}
          </Space>
        )}
      </Space>
      {f.attachments.length > 0 && (
        <List
          size="small"
          dataSource={f.attachments}
          renderItem={(a) => (
            <List.Item style={{ padding: '2px 0', border: 0 }}>
              <Button
                type="link"
                size="small"
                icon={<PaperClipOutlined />}
                onClick={() =>
                  void download(`/inspections/attachments/${a.id}`, a.fileName).catch((e) =>
                    message.error(applyServerError(undefined, e)),
                  )
                }
              >
                {a.fileName}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {(a.size / 1024).toFixed(0)} KB
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {tasks.map((t) => (
        <div key={t.key} style={{ marginTop: 6, paddingInlineStart: 16 }}>
          <Typography.Text type="secondary">整改事项：</Typography.Text>
          <Link to={t.path}>{t.content}</Link>
          <Typography.Text type="secondary" style={{ marginInline: 8 }}>
            {t.unitName} · 期限 {t.deadline}
          </Typography.Text>
          <TaskStatusTag task={t} />
        </div>
      ))}
    </div>
  );
}

function FindingDialog({
  inspectionId,
  target,
  onClose,
  onDone,
}: {
  inspectionId: number;
  target: Target;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ text: string; rating?: string }>();
  async function save(v: { text: string; rating?: string }) {
    await post(`/inspections/${inspectionId}/findings`, {
      targetId: target.id,
      text: v.text,
      rating: v.rating ?? null,
    });
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title={`记录检查发现：${target.name}`}
      onCancel={onClose}
      okText="保存"
      {...WORK_DIALOG}
      save={save}
      below={<Typography.Text type="secondary">保存后可在该条发现上上传照片或文件。</Typography.Text>}
    >
      <RequiredTextItem label="检查发现" name="text">
        <Input.TextArea rows={5} maxLength={4000} showCount placeholder="发现的问题、亮点和建议" />
      </RequiredTextItem>
      <Form.Item label="评价（可不填）" name="rating">
        <Select
          allowClear
          style={{ width: 160 }}
          options={Object.entries(RATING_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
    </FormDialog>
  );
}

function RectifyDialog({
  findingId,
  unitId,
  onClose,
  onDone,
}: {
  findingId: number;
  unitId?: number;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <AssignDialog
      title="交办整改事项"
      path={`/inspections/findings/${findingId}/rectifications`}
      unitId={unitId}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item label="责任单位" name="unitId" rules={[{ required: true, message: '请选择责任单位' }]}>
        <UnitSelect />
      </Form.Item>
      <RequiredTextItem label="整改要求" name="content">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </RequiredTextItem>
      <DeadlineItem label="整改期限" message="请选择整改期限" />
    </AssignDialog>
  );
}
