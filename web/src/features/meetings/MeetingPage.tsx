import { FileWordOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Form, Input, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { MEETING_KIND_LABELS, type MeetingDetail } from '../../../../src/features/meetings/contract.ts';
import { download } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { AssignDialog } from '../tasks/AssignDialog.tsx';
import { applyServerError, DeadlineItem, LinkList, RequiredTextItem, TaskTable, UnitSelect } from '../tasks/common.tsx';

/** One meeting: who, what, the minutes, the decisions and their progress, and the 会议纪要 to download. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`);
  const [adding, setAdding] = useState(false);
  if (loading && !data) return <PageLoading />;
  if (!data) return <Result status="404" title="会议不存在" subTitle={error?.message} />;
  const m = data.meeting;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 1200 }}>
      <Breadcrumb items={[{ title: <Link to="/meetings">议事协调</Link> }, { title: m.title }]} />
      <Card
        size="small"
        title={
          <Space>
            <Tag>{MEETING_KIND_LABELS[m.kind]}</Tag>
            {m.title}
          </Space>
        }
        extra={
          <Button
            icon={<FileWordOutlined />}
            onClick={() =>
              void download(`/meetings/${m.id}/minutes.docx`, `${m.title}纪要.docx`).catch((e) =>
                message.error(applyServerError(undefined, e)),
              )
            }
          >
            下载会议纪要
          </Button>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} styles={{ label: { width: 100 } }}>
          <Descriptions.Item label="日期">{m.heldOn}</Descriptions.Item>
          <Descriptions.Item label="地点">{m.place || '—'}</Descriptions.Item>
          <Descriptions.Item label="主持人">{m.host || '—'}</Descriptions.Item>
          <Descriptions.Item label="出席单位" span={3}>
            {data.attendees.map((a) => (
              <Tag key={a.unitId}>{a.name}</Tag>
            ))}
            {m.attendeePeople && <div>{m.attendeePeople}</div>}
          </Descriptions.Item>
          <Descriptions.Item label="议题" span={3}>
            {data.agenda.length === 0
              ? '—'
              : data.agenda.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the agenda is fixed once recorded; titles may repeat
                  <div key={i} style={{ marginBottom: 4 }}>
                    {i + 1}. {a.title} {a.links.length > 0 && <LinkList links={a.links} />}
                  </div>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="主要内容" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {m.minutes || '—'}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title="议定事项"
        extra={
          user.role === 'office' && (
            <Button size="small" onClick={() => setAdding(true)}>
              补充议定事项
            </Button>
          )
        }
      >
        <TaskTable tasks={data.decisions} showOrigin={false} emptyText="暂无议定事项" />
      </Card>
      {adding && (
        <DecisionDialog
          meetingId={m.id}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            message.success('议定事项已交办');
            reload();
          }}
        />
      )}
    </Space>
  );
}

function DecisionDialog({
  meetingId,
  onClose,
  onDone,
}: {
  meetingId: number;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <AssignDialog title="补充议定事项" path={`/meetings/${meetingId}/decisions`} onClose={onClose} onDone={onDone}>
      <RequiredTextItem label="议定事项" name="content">
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </RequiredTextItem>
      <Form.Item label="责任单位" name="unitId" rules={[{ required: true, message: '请选择责任单位' }]}>
        <UnitSelect />
      </Form.Item>
      <DeadlineItem label="完成期限" message="请选择期限" />
    </AssignDialog>
  );
}
