import { App, Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Notice, NoticeList } from '../../../../src/features/notices/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { applyError } from '../admin/common.tsx';
import { NOTICES_CHANGED } from './types.ts';

const KIND_LABELS: Record<string, { label: string; color: string }> = {
  'deadline.overdue': { label: '已逾期', color: 'red' },
  urge: { label: '催报', color: 'red' },
  confirm_pending: { label: '待确认', color: 'orange' },
  review_pending: { label: '待审核', color: 'orange' },
  returned: { label: '退回', color: 'red' },
  approved: { label: '审核通过', color: 'green' },
  reopened: { label: '重新打开', color: 'orange' },
  supervision_issued: { label: '督办', color: 'red' },
  supervision_answered: { label: '督办反馈', color: 'blue' },
  supervision_overdue: { label: '督办逾期', color: 'red' },
  document_returned: { label: '文档退回', color: 'red' },
};

function kindTag(kind: string) {
  if (KIND_LABELS[kind]) return KIND_LABELS[kind];
  if (kind.startsWith('deadline.due_')) return { label: '截止提醒', color: 'orange' };
  return { label: '通知', color: 'blue' };
}

/** 通知 (/notices): deadline reminders and other notices for the user, their unit or their town. */
export default function NoticesPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, loading, reload } = useApi<NoticeList>('/notices?limit=200');

  async function markRead(n: Notice) {
    if (n.read) return;
    await post(`/notices/${n.id}/read`);
    window.dispatchEvent(new Event(NOTICES_CHANGED));
    reload();
  }

  async function open(n: Notice) {
    try {
      await markRead(n);
      if (n.link) navigate(n.link);
    } catch (e) {
      message.error(applyError(e));
    }
  }

  async function readAll() {
    try {
      const { marked } = await post<{ marked: number }>('/notices/read-all');
      message.success(`已将 ${marked} 条通知标为已读`);
      window.dispatchEvent(new Event(NOTICES_CHANGED));
      reload();
    } catch (e) {
      message.error(applyError(e));
    }
  }

  return (
    <Card
      title={
        <Space>
          通知
          {data && data.unread > 0 && <Badge count={data.unread} />}
        </Space>
      }
      extra={
        <Button onClick={() => void readAll()} disabled={!data?.unread}>
          全部标为已读
        </Button>
      }
    >
      <List
        loading={loading}
        dataSource={data?.notices ?? []}
        locale={{ emptyText: '暂无通知' }}
        renderItem={(n) => {
          const tag = kindTag(n.kind);
          return (
            <List.Item
              style={{ background: n.read ? undefined : '#fffbe6', paddingInline: 12 }}
              actions={[
                n.link && (
                  <Button key="open" type="link" onClick={() => void open(n)}>
                    去处理
                  </Button>
                ),
                !n.read && (
                  <Button
                    key="read"
                    type="link"
                    onClick={() => void markRead(n).catch((e) => message.error(applyError(e)))}
                  >
                    标为已读
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <Tag color={tag.color}>{tag.label}</Tag>
                    <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                    {!n.read && <Badge status="processing" text="未读" />}
                  </Space>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatBeijingTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
