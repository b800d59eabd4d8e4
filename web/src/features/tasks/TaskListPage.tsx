import { Card, Col, Row, Segmented, Select, Space, Statistic } from 'antd';
import { useState } from 'react';
import { TASK_SOURCE_LABELS, type TaskItem, type TaskSource } from '../../../../src/core/work.ts';
import { useApi } from '../../api/useApi.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { isUnitRole, TaskTable } from './common.tsx';
import { ListHeading } from './WorkList.tsx';

type View = 'open' | 'overdue' | 'closed' | 'all';

/**
 * 工作任务: for a unit, its own 督办单, 整改 items and meeting decisions (its to-do list); for the office, the
 * overview of every unit's, with how many are open, overdue and closed.
 */
export default function TaskListPage() {
  const user = useUser();
  const unit = isUnitRole(user.role);
  const { data, loading } = useApi<{ tasks: TaskItem[] }>('/tasks');
  const [view, setView] = useState<View>('open');
  const [source, setSource] = useState<TaskSource | undefined>();
  const [unitName, setUnitName] = useState<string | undefined>();
  const all = data?.tasks ?? [];
  const shown = all
    .filter((t) => !source || t.source === source)
    .filter((t) => !unitName || t.unitName === unitName)
    .filter((t) =>
      view === 'open'
        ? t.status !== 'closed'
        : view === 'overdue'
          ? t.overdue
          : view === 'closed'
            ? t.status === 'closed'
            : true,
    );
  const count = (f: (t: TaskItem) => boolean) => all.filter(f).length;
  const units = [...new Set(all.map((t) => t.unitName))].sort((a, b) => a.localeCompare(b, 'zh'));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ListHeading
        title={unit ? '本单位工作任务' : '工作任务总览'}
        subtitle={
          unit
            ? '预警督办、督导检查整改事项和会议议定事项，请在期限前反馈办理情况'
            : '各成员单位的预警督办、督导检查整改事项和会议议定事项办理情况'
        }
      />
      <Row gutter={16}>
        {[
          ['待办理', count((t) => t.status === 'issued'), undefined],
          ['已反馈待验收', count((t) => t.status === 'answered'), undefined],
          ['逾期未反馈', count((t) => t.overdue), '#cf1322'],
          ['已办结', count((t) => t.status === 'closed'), '#389e0d'],
        ].map(([title, value, color]) => (
          <Col key={title as string} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={title}
                value={value as number}
                valueStyle={color ? { color: color as string } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'open', label: '未办结' },
              { value: 'overdue', label: '逾期' },
              { value: 'closed', label: '已办结' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Select
            allowClear
            aria-label="类别"
            placeholder="全部类别"
            style={{ width: 160 }}
            value={source}
            onChange={setSource}
            options={Object.entries(TASK_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          {!unit && (
            <Select
              allowClear
              showSearch
              aria-label="单位"
              placeholder="全部单位"
              style={{ width: 200 }}
              value={unitName}
              onChange={setUnitName}
              options={units.map((u) => ({ value: u, label: u }))}
            />
          )}
        </Space>
        <TaskTable
          tasks={shown}
          loading={loading}
          showUnit={!unit}
          emptyText={unit ? '本单位暂无此类任务' : '暂无任务'}
        />
      </Card>
    </Space>
  );
}
