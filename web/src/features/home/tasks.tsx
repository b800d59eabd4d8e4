import { Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { beijingDate, isOverdue } from '../../../../src/kernel/dates.ts';

// One task list for the people who do the work (units, towns): every kind of task — 填报, 督办 to answer,
// documents due, and later inspections and meetings — is an item of the same shape, gathered from its own source
// and shown in one list, most urgent first. A new kind of task adds a source that returns HomeTask[].

export type TaskTone = 'urgent' | 'todo' | 'waiting' | 'done';

export interface HomeTask {
  /** What kind of work: 数据填报, 督办反馈, 年度工作报告 … (shown as a tag). */
  kind: string;
  title: string;
  /** The state in words: 被退回, 填报中 12/69, 待反馈 … */
  status: string;
  tone: TaskTone;
  /** yyyy-mm-dd, when there is one. */
  due?: string | null;
  /** Where the work is done. */
  link: string;
}

const TONE_ORDER: Record<TaskTone, number> = { urgent: 0, todo: 1, waiting: 2, done: 3 };
const TONE_COLOR: Record<TaskTone, string> = { urgent: 'red', todo: 'blue', waiting: 'gold', done: 'green' };

/** Most urgent first, then by due date. */
export function sortTasks(tasks: HomeTask[]): HomeTask[] {
  return [...tasks].sort(
    (a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone] || (a.due ?? '9999').localeCompare(b.due ?? '9999'),
  );
}

export function dueText(due: string | null | undefined): string {
  if (!due) return '';
  const days = Math.round((Date.parse(due) - Date.parse(beijingDate())) / 86_400_000);
  if (days < 0) return `截止 ${due}（已逾期 ${-days} 天）`;
  if (days === 0) return `截止 ${due}（今天）`;
  return `截止 ${due}（还有 ${days} 天）`;
}

export function TaskList({ tasks, loading, empty }: { tasks: HomeTask[]; loading?: boolean; empty?: string }) {
  const sorted = sortTasks(tasks);
  return (
    <List
      className="home-tasks"
      loading={loading}
      dataSource={sorted}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? '目前没有待办事项'} /> }}
      renderItem={(t) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
              <Tag>{t.kind}</Tag>
              <Link to={t.link} style={{ fontWeight: 500 }}>
                {t.title}
              </Link>
              <Tag color={TONE_COLOR[t.tone]}>{t.status}</Tag>
            </div>
            {t.due && t.tone !== 'done' && (
              <Typography.Text type={isOverdue(t.due) ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {dueText(t.due)}
              </Typography.Text>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
