import { Alert, DatePicker, Form, Select, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  LINK_KIND_LABELS,
  type LinkKind,
  type ResolvedLink,
  TASK_SOURCE_LABELS,
  TASK_STATUS_LABELS,
  type TaskItem,
} from '../../../../src/core/work.ts';
import type { ListedUnit, UnitList } from '../../../../src/features/organisation/contract.ts';
import type { LinkOptions } from '../../../../src/features/tasks/contract.ts';
import type { Role } from '../../../../src/kernel/roles.ts';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { WorkTable } from './WorkList.tsx';

// What the 督导检查, 议事协调 and 工作任务 pages share: status tags, the task table, unit and link pickers, server
// errors at their fields.

export const isUnitRole = (role: Role) => role === 'unit_reporter' || role === 'unit_leader';
export const notBeforeToday = (d: Dayjs) => d.isBefore(dayjs().startOf('day'));
export const fmtTime = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm');

const STATUS_COLORS = { issued: 'gold', answered: 'blue', closed: 'green' } as const;
const SOURCE_COLORS = { supervision: 'volcano', rectification: 'purple', decision: 'cyan' } as const;

export function TaskStatusTag({ task }: { task: Pick<TaskItem, 'status' | 'overdue' | 'source'> }) {
  const label =
    task.status === 'issued' ? (task.source === 'supervision' ? '待整改' : '待办理') : TASK_STATUS_LABELS[task.status];
  return (
    <span>
      <Tag color={STATUS_COLORS[task.status]} style={{ marginInlineEnd: 4 }}>
        {label}
      </Tag>
      {task.overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          逾期
        </Tag>
      )}
    </span>
  );
}

export function SourceTag({ source }: { source: TaskItem['source'] }) {
  return <Tag color={SOURCE_COLORS[source]}>{TASK_SOURCE_LABELS[source]}</Tag>;
}

/** What an inspection's or a meeting's tasks come to, for the list pages: how many, how many still open. */
export const taskProgress = (total: number, open: number) =>
  total === 0 ? '—' : open > 0 ? `${total} 项（未办结 ${open}）` : `${total} 项（均已办结）`;

/** A text that must be filled in: blank or only spaces is refused with 请填写 and the label. */
export function RequiredTextItem({
  label,
  name,
  extra,
  children,
}: {
  label: string;
  name: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}
      extra={extra}
    >
      {children}
    </Form.Item>
  );
}

/** A required deadline, not before today. */
export function DeadlineItem({
  label,
  message,
  placeholder,
}: {
  label: string;
  message: string;
  placeholder?: string;
}) {
  return (
    <Form.Item label={label} name="deadline" rules={[{ required: true, message }]}>
      <DatePicker style={{ width: 200 }} disabledDate={notBeforeToday} placeholder={placeholder} />
    </Form.Item>
  );
}

/** 督办, 整改 and decisions as one table: source, what, where from, owner, deadline, status. */
export function TaskTable({
  tasks,
  loading,
  showUnit = true,
  showOrigin = true,
  emptyText = '暂无任务',
}: {
  tasks: TaskItem[];
  loading?: boolean;
  showUnit?: boolean;
  showOrigin?: boolean;
  emptyText?: string;
}) {
  return (
    <WorkTable<TaskItem>
      testId="task-table"
      rowKey="key"
      loading={loading}
      rows={tasks}
      emptyText={emptyText}
      columns={[
        { title: '类别', key: 'source', width: 130, render: (_, t) => <SourceTag source={t.source} /> },
        {
          title: '事项',
          key: 'content',
          render: (_, t) => <Link to={t.path}>{t.content}</Link>,
        },
        ...(showOrigin
          ? [
              {
                title: '来源',
                key: 'origin',
                width: 260,
                render: (_: unknown, t: TaskItem) => <Typography.Text type="secondary">{t.origin}</Typography.Text>,
              },
            ]
          : []),
        ...(showUnit ? [{ title: '责任单位', dataIndex: 'unitName', width: 150 }] : []),
        {
          title: '期限',
          dataIndex: 'deadline',
          width: 110,
          render: (d: string, t) => (t.overdue ? <Typography.Text type="danger">{d}</Typography.Text> : d),
        },
        { title: '状态', key: 'status', width: 130, render: (_, t) => <TaskStatusTag task={t} /> },
      ]}
    />
  );
}

/** Active member units, for pickers. */
export function useUnits(): ListedUnit[] {
  const { data } = useApi<UnitList>('/org/units');
  return (data?.units ?? []).filter((u) => u.kind === 'member' && u.active);
}

export function UnitSelect(props: {
  value?: number | number[];
  onChange?: (v: number | number[]) => void;
  multiple?: boolean;
  id?: string;
  /** Where the picker has no label of its own (a row of a list). */
  'aria-label'?: string;
}) {
  const units = useUnits();
  return (
    <Select<number | number[]>
      id={props.id}
      aria-label={props['aria-label']}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value}
      onChange={props.onChange}
      showSearch
      optionFilterProp="label"
      placeholder="选择单位"
      options={units.map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/** Goals, measures, indicators (and for agendas warnings and 督办单) as one searchable multi-select. */
export function LinkSelect({
  value,
  onChange,
  kinds,
  id,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  kinds: LinkKind[];
  id?: string;
}) {
  const { data } = useApi<LinkOptions>('/tasks/link-options');
  const groups: Record<LinkKind, { id: number; label: string }[]> = {
    goal: data?.goals ?? [],
    measure: data?.measures ?? [],
    indicator: data?.indicators ?? [],
    warning: (data?.indicators ?? []).map((i) => ({ id: i.id, label: `${i.label}（预警）` })),
    supervision: data?.supervision ?? [],
  };
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch
      allowClear
      optionFilterProp="label"
      placeholder="搜索并选择关联事项"
      options={kinds.map((k) => ({
        label: LINK_KIND_LABELS[k],
        options: groups[k].map((o) => ({ value: `${k}:${o.id}`, label: o.label })),
      }))}
    />
  );
}

export const toLinks = (values: string[] = []) =>
  values.map((v) => {
    const [kind, id] = v.split(':');
    return { kind: kind as LinkKind, id: Number(id) };
  });

export function LinkList({ links }: { links: ResolvedLink[] }): ReactNode {
  if (links.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <span>
      {links.map((l) => (
        <Tag key={`${l.kind}:${l.id}`} style={{ marginBottom: 4 }}>
          {LINK_KIND_LABELS[l.kind]}：{l.path ? <Link to={l.path}>{l.label}</Link> : l.label}
        </Tag>
      ))}
    </span>
  );
}

/** Puts the server's field problems at the form's fields; returns the message for the alert. */
export function applyServerError(form: FormInstance | undefined, error: unknown): string {
  if (error instanceof ApiError) {
    const list = (error.body.fields ?? []) as { field: string; message: string }[];
    if (form && list.length) {
      form.setFields(
        list.map((f) => ({
          name: f.field
            .replace(/^(body|query|params)\./, '')
            .split('.')
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          errors: [f.message],
        })),
      );
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The work pages' way with a FormDialog: errors as applyServerError shows them, spaced like ErrorAlert. */
export const WORK_DIALOG = { explain: applyServerError, alertGap: 12 };

export function ErrorAlert({ message }: { message?: string }) {
  return message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} /> : null;
}
