import { Button, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { MEETING_KIND_LABELS, type MeetingRow } from '../../../../src/features/meetings/contract.ts';
import { useApi } from '../../api/useApi.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { taskProgress } from '../tasks/common.tsx';
import { WorkList } from '../tasks/WorkList.tsx';

/** 议事协调: 妇女儿童工作会, 妇儿工委全体会议, 联络员会议 and others, with their decisions' progress. */
export default function MeetingListPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { data, loading } = useApi<{ meetings: MeetingRow[] }>('/meetings');
  const rows = data?.meetings ?? [];
  return (
    <WorkList<MeetingRow>
      title="议事协调"
      subtitle="定期召开妇女儿童工作会、妇儿工委全体会议、联络员会议，交流工作，研究问题，部署任务"
      action={
        user.role === 'office' && (
          <Button type="primary" onClick={() => navigate('/meetings/new')}>
            记录会议
          </Button>
        )
      }
      rows={rows}
      loading={loading}
      emptyText="暂无会议"
      columns={[
        { title: '日期', dataIndex: 'heldOn', width: 110 },
        { title: '类型', key: 'kind', width: 150, render: (_, m) => <Tag>{MEETING_KIND_LABELS[m.kind]}</Tag> },
        { title: '会议名称', key: 'title', render: (_, m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link> },
        { title: '地点', dataIndex: 'place', width: 180 },
        { title: '出席单位', dataIndex: 'units', width: 90 },
        {
          title: '议定事项',
          key: 'decisions',
          width: 150,
          render: (_, m) => taskProgress(m.decisions, m.openDecisions),
        },
      ]}
    />
  );
}
