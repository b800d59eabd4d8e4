import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, type ReactNode, useCallback, useRef } from 'react';
import type { Problem } from '../../../../src/core/collection/rules.ts';
import type { Task, ValueRow } from '../../../../src/features/collection/contract.ts';
import { MUTED_TEXT } from '../../shell/theme.ts';
import {
  atField,
  checkRow,
  type Draft,
  draftOf,
  type EntryRow,
  formatNumber,
  type InputField,
  rowsOf,
  sexLabel,
} from './entryModel.ts';

// The 填报表 of one unit or town: per indicator its target and earlier years, and this round's inputs, with the
// 审核公式 messages at the field — hard errors in red, soft warnings in orange with the 说明 they require.
// Used for entry (editable), for reading (office, statistics, the unit's leader) and for review (return values).

export type FieldErrors = Partial<Record<InputField | 'row', string>>;

export interface EntryTableProps {
  task: Task;
  saved: Record<string, ValueRow>;
  drafts: Record<string, Draft>;
  /** Inputs are editable (the unit's reporter, while the submission is with the unit). */
  editable: boolean;
  onChange?: (key: string, patch: Partial<Draft>) => void;
  /** Hard errors from the server's last save, by row key and field. */
  serverErrors?: Record<string, FieldErrors>;
  /** Soft warnings from the server's last save, by row key. */
  serverWarnings?: Record<string, Problem[]>;
  /** Rows someone else changed meanwhile: the current value in the database (null: deleted). */
  conflicts?: Record<string, ValueRow | null>;
  onUseLatest?: (key: string) => void;
  onKeepMine?: (key: string) => void;
  /** After a blocked submission: also warn of values not reported. */
  showMissing?: boolean;
  onHistory?: (value: ValueRow, row: EntryRow) => void;
  /** Review: values selected for return, with their reasons (valueId → reason). */
  returns?: Record<number, string>;
  onReturnsChange?: (returns: Record<number, string>) => void;
  /** The row to mark (from the problem list). */
  highlight?: string | undefined;
  /** Height of a sticky bar above the table, for the table's sticky header. */
  stickyOffset?: number;
}

const RED = '#cf1322';
const ORANGE = '#d46b08';

type Change = (key: string, patch: Partial<Draft>) => void;

// The inputs of a row as their own memoized components: typing into one field re-renders that field, not the
// hundreds of inputs of the whole form (a 68-row form took ≈ 250 ms per keystroke on a desktop otherwise).

const NumberCell = memo(
  function NumberCell(p: {
    rowKey: string;
    field: 'value' | 'numerator' | 'denominator';
    value: number | null;
    hard: string[];
    extra: ReactNode;
    label: string;
    onChange: Change;
  }) {
    return (
      <div>
        <InputNumber
          size="small"
          value={p.value}
          status={p.hard.length ? 'error' : undefined}
          onChange={(v) => p.onChange(p.rowKey, { [p.field]: v === null || v === undefined ? null : Number(v) })}
          style={{ width: '100%' }}
          aria-label={p.label}
          data-field={`${p.rowKey}|${p.field}`}
        />
        {p.extra}
        <Messages hard={p.hard} soft={[]} />
      </div>
    );
  },
  (a, b) =>
    a.rowKey === b.rowKey &&
    a.field === b.field &&
    a.value === b.value &&
    a.label === b.label &&
    a.onChange === b.onChange &&
    a.extra === undefined &&
    b.extra === undefined &&
    a.hard.join('\n') === b.hard.join('\n'),
);

const TextCell = memo(function TextCell(p: {
  rowKey: string;
  field: 'source' | 'caliberNote' | 'comment' | 'explanation';
  value: string;
  required: boolean;
  label: string;
  onChange: Change;
}) {
  return (
    <Input.TextArea
      size="small"
      autoSize={{ minRows: 1, maxRows: 4 }}
      value={p.value}
      maxLength={500}
      status={p.required ? 'error' : undefined}
      placeholder={p.required ? '须填写说明' : ''}
      onChange={(e) => p.onChange(p.rowKey, { [p.field]: e.target.value })}
      aria-label={p.label}
    />
  );
});

export function Messages({ hard, soft }: { hard: string[]; soft: string[] }) {
  if (hard.length === 0 && soft.length === 0) return null;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.4, marginTop: 2, maxWidth: 220, whiteSpace: 'normal' }}>
      {hard.map((m) => (
        <div key={m} style={{ color: RED }} className="entry-error">
          {m}
        </div>
      ))}
      {soft.map((m) => (
        <div key={m} style={{ color: ORANGE }} className="entry-warning">
          {m}
        </div>
      ))}
    </div>
  );
}

const unique = (list: string[]) => [...new Set(list)];

export interface RowProblems {
  value: string[];
  numerator: string[];
  denominator: string[];
  soft: string[];
  needsExplanation: boolean;
}

/** Problems of a row: the live check, the server's hard errors and warnings, without duplicates. */
export function rowProblems(
  row: EntryRow,
  props: Pick<EntryTableProps, 'drafts' | 'saved' | 'editable' | 'serverErrors' | 'serverWarnings' | 'showMissing'>,
): RowProblems {
  const { drafts, saved, editable } = props;
  const live = checkRow(row, drafts, saved);
  const server = props.serverErrors?.[row.key] ?? {};
  const draft = drafts[row.key] ?? draftOf(saved[row.key]);
  const hardAt = (field: 'value' | 'numerator' | 'denominator') =>
    unique([
      ...(server[field] ? [atField(server[field] as string, row.item.indicator.code)] : []),
      ...(editable ? live.filter((p) => p.level === 'hard' && p.field === field).map((p) => p.message) : []),
    ]);
  const missingShown = props.showMissing || (saved[row.key] !== undefined && saved[row.key]?.value === null);
  const soft = [
    ...live.filter((p) => p.level === 'soft' && (p.code !== 'S_MISSING' || missingShown)),
    ...(props.serverWarnings?.[row.key] ?? []),
  ];
  const softMessages = unique(soft.map((p) => p.message));
  return {
    value: hardAt('value'),
    numerator: hardAt('numerator'),
    denominator: hardAt('denominator'),
    soft: softMessages,
    needsExplanation: softMessages.length > 0 && !draft.explanation.trim(),
  };
}

export function EntryTable(props: EntryTableProps) {
  const { task, saved, drafts, editable, serverErrors = {}, conflicts = {} } = props;
  const rows = rowsOf(task);
  const years = task.years;
  const firstTaskYear = Math.min(...years);
  const baseYear = task.baseYear ?? firstTaskYear - 5;
  const previousYears: number[] = [];
  for (let y = Math.max(baseYear, firstTaskYear - 5); y < firstTaskYear; y++) previousYears.push(y);
  const anySex = task.items.some((i) => i.sexes.length > 1);
  const anyCounts = task.items.some((i) => i.indicator.counts);
  const multiYear = years.length > 1;
  const reviewing = props.returns !== undefined;

  // One change handler for the whole life of the table, so the memoized cells below skip re-rendering.
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const change = useCallback((key: string, patch: Partial<Draft>) => onChange.current?.(key, patch), []);

  const draftFor = (row: EntryRow) => drafts[row.key] ?? draftOf(saved[row.key]);
  const canEdit = (row: EntryRow) => editable && !saved[row.key]?.locked;

  const problemsOf = (row: EntryRow) => rowProblems(row, props);

  const span = (row: EntryRow) => ({ rowSpan: row.span });

  const numberInput = (
    row: EntryRow,
    field: 'value' | 'numerator' | 'denominator',
    hard: string[],
    extra?: ReactNode,
  ) => {
    const draft = draftFor(row);
    if (!canEdit(row)) {
      return (
        <span>
          {formatNumber(draft[field]) || <span style={{ color: MUTED_TEXT }}>—</span>}
          {saved[row.key]?.locked && field === 'value' && (
            <Tooltip title="已审核通过并锁定">
              <LockOutlined style={{ color: '#8c8c8c', marginInlineStart: 6 }} aria-label="已锁定" />
            </Tooltip>
          )}
          <Messages hard={hard} soft={[]} />
        </span>
      );
    }
    return (
      <NumberCell
        rowKey={row.key}
        field={field}
        value={draft[field]}
        hard={hard}
        extra={extra}
        label={`${row.item.indicator.code} ${row.year}年 ${sexLabel(row.sex)} ${field === 'value' ? '数值' : field === 'numerator' ? '分子' : '分母'}`}
        onChange={change}
      />
    );
  };

  const textInput = (
    row: EntryRow,
    field: 'source' | 'caliberNote' | 'comment' | 'explanation',
    label: string,
    required = false,
  ) => {
    const draft = draftFor(row);
    if (!canEdit(row)) {
      return draft[field] ? (
        <span style={{ whiteSpace: 'normal' }}>{draft[field]}</span>
      ) : (
        <span style={{ color: required ? RED : MUTED_TEXT }}>{required ? '未填写说明' : '—'}</span>
      );
    }
    return (
      <TextCell
        rowKey={row.key}
        field={field}
        value={draft[field]}
        required={required}
        label={`${row.item.indicator.code} ${row.year}年 ${sexLabel(row.sex)} ${label}`}
        onChange={change}
      />
    );
  };

  const columns: ColumnsType<EntryRow> = [
    {
      title: '指标',
      width: 210,
      fixed: 'left',
      onCell: span,
      render: (_, row) => {
        const ind = row.item.indicator;
        return (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.4 }}>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {ind.code}
            </Typography.Text>
            {row.item.sexes.length > 1 && (
              <Tag color="magenta" style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px', padding: '0 3px' }}>
                分性别
              </Tag>
            )}
            <div>
              {ind.name}
              <span style={{ color: MUTED_TEXT }}>（{ind.unit}）</span>
            </div>
          </div>
        );
      },
    },
    {
      title: '目标值',
      width: 120,
      onCell: span,
      render: (_, row) => <span style={{ whiteSpace: 'normal', fontSize: 12 }}>{row.item.indicator.target}</span>,
    },
  ];
  if (multiYear) {
    columns.push({
      title: '年度',
      width: 56,
      align: 'center',
      onCell: (row) => ({ rowSpan: row.yearSpan }),
      render: (_, row) => row.year,
    });
  }
  if (anySex) {
    columns.push({
      title: '性别',
      width: 52,
      align: 'center',
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{sexLabel(row.sex)}</span>,
    });
  }
  if (previousYears.length > 0) {
    columns.push({
      title: '往年数据',
      children: previousYears.map((y) => ({
        title: `${y}`,
        width: 54,
        align: 'right' as const,
        render: (_: unknown, row: EntryRow) => {
          const v = saved[`${row.item.indicator.id}|${y}|${row.item.areaId ?? 0}|${row.sex}`];
          return v?.value !== null && v?.value !== undefined ? (
            <span style={{ color: '#595959' }}>{formatNumber(v.value)}</span>
          ) : (
            <span style={{ color: MUTED_TEXT }}>—</span>
          );
        },
      })),
    });
  }
  const thisRound: ColumnsType<EntryRow> = [
    {
      title: '数值',
      width: 140,
      render: (_, row) => {
        const p = problemsOf(row);
        return (
          <div>
            {numberInput(row, 'value', p.value)}
            <Messages hard={[]} soft={p.soft} />
          </div>
        );
      },
    },
    {
      title: (
        <Tooltip title="数值触发审核提示（橙色）时须填写说明，否则不能提交">
          <span>说明</span>
        </Tooltip>
      ),
      width: 170,
      render: (_, row) => {
        const p = problemsOf(row);
        return textInput(row, 'explanation', '说明', p.needsExplanation);
      },
    },
  ];
  if (reviewing) {
    thisRound.push({
      title: '退回',
      width: 190,
      render: (_, row) => {
        const v = saved[row.key];
        if (!v) return null;
        const returns = props.returns ?? {};
        const checked = returns[v.id] !== undefined;
        const change = (next: Record<number, string>) => props.onReturnsChange?.(next);
        return (
          <div>
            <Checkbox
              checked={checked}
              disabled={!props.onReturnsChange}
              aria-label={`退回 ${row.item.indicator.code} ${row.year}年 ${sexLabel(row.sex)}`}
              onChange={(e) => {
                const next = { ...returns };
                if (e.target.checked) next[v.id] = '';
                else delete next[v.id];
                change(next);
              }}
            >
              退回此项
            </Checkbox>
            {checked && (
              <Input
                size="small"
                style={{ marginTop: 4 }}
                aria-label="退回原因"
                placeholder="退回原因（必填）"
                status={returns[v.id]?.trim() ? undefined : 'error'}
                value={returns[v.id]}
                onChange={(e) => change({ ...returns, [v.id]: e.target.value })}
              />
            )}
          </div>
        );
      },
    });
  }

  if (anyCounts) {
    thisRound.push({
      title: '分子 / 分母',
      width: 170,
      render: (_, row) => {
        const counts = row.item.indicator.counts;
        if (!counts) return <span style={{ color: MUTED_TEXT }}>—</span>;
        const p = problemsOf(row);
        if (!canEdit(row)) {
          const d = draftFor(row);
          return (
            <div style={{ fontSize: 12, whiteSpace: 'normal', lineHeight: 1.5 }}>
              <div>
                <span style={{ color: MUTED_TEXT }}>{counts.numerator}：</span>
                {formatNumber(d.numerator) || '—'}
              </div>
              <div>
                <span style={{ color: MUTED_TEXT }}>{counts.denominator}：</span>
                {formatNumber(d.denominator) || '—'}
              </div>
              <Messages hard={[...p.numerator, ...p.denominator]} soft={[]} />
            </div>
          );
        }
        return (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <div>
              <div style={{ fontSize: 11, color: MUTED_TEXT, whiteSpace: 'normal' }}>{counts.numerator}</div>
              {numberInput(row, 'numerator', p.numerator)}
            </div>
            <div>
              <div style={{ fontSize: 11, color: MUTED_TEXT, whiteSpace: 'normal' }}>{counts.denominator}</div>
              {numberInput(row, 'denominator', p.denominator)}
            </div>
            {counts.factor !== 100 && (
              <div style={{ fontSize: 11, color: MUTED_TEXT }}>数值 = 分子 ÷ 分母 × {counts.factor}</div>
            )}
          </Space>
        );
      },
    });
  }
  thisRound.push(
    { title: '资料来源', width: 110, render: (_, row) => textInput(row, 'source', '资料来源') },
    { title: '口径说明', width: 110, render: (_, row) => textInput(row, 'caliberNote', '口径说明') },
    { title: '备注', width: 100, render: (_, row) => textInput(row, 'comment', '备注') },
  );
  columns.push({ title: multiYear ? '本期填报' : `${years[0]}年填报`, children: thisRound });

  columns.push({
    title: '操作',
    width: 76,
    fixed: 'right',
    align: 'center',
    render: (_, row) => {
      const v = saved[row.key];
      return v ? (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onHistory?.(v, row)}>
          修改记录
        </Button>
      ) : null;
    },
  });

  /** Notices shown under a row: its return reason, a conflict, a row-level server error. */
  const notices = (row: EntryRow): ReactNode[] => {
    const list: ReactNode[] = [];
    const v = saved[row.key];
    const label = `${row.item.indicator.code} ${row.item.indicator.name}${multiYear ? ` ${row.year}年` : ''}${row.item.sexes.length > 1 ? `（${sexLabel(row.sex)}）` : ''}`;
    if (v?.returnReason) {
      list.push(
        <Alert
          key="return"
          type="error"
          showIcon
          title={`${label} 被退回：${v.returnReason}`}
          description={editable ? '请修改后保存；修改即视为已处理退回意见。' : undefined}
        />,
      );
    }
    if (row.key in conflicts) {
      const current = conflicts[row.key];
      list.push(
        <Alert
          key="conflict"
          type="warning"
          showIcon
          title={`${label} 已被他人修改，您的修改未保存`}
          description={
            current
              ? `最新值：${formatNumber(current.value) || '（空）'}${current.source ? `，资料来源：${current.source}` : ''}（第 ${current.version} 版，${new Date(current.updatedAt).toLocaleString('zh-CN')}）`
              : '该数据已不存在'
          }
          action={
            <Space orientation="vertical" size={4}>
              <Button size="small" type="primary" onClick={() => props.onUseLatest?.(row.key)}>
                使用最新值
              </Button>
              <Button size="small" onClick={() => props.onKeepMine?.(row.key)}>
                保留我的修改
              </Button>
            </Space>
          }
        />,
      );
    }
    const rowError = serverErrors[row.key]?.row;
    if (rowError)
      list.push(
        <Alert key="row" type="error" showIcon title={`${label}：${atField(rowError, row.item.indicator.code)}`} />,
      );
    return list;
  };
  const withNotices = rows.filter((r) => notices(r).length > 0).map((r) => r.key);

  return (
    <Table<EntryRow>
      className="entry-table"
      size="small"
      bordered
      sticky={props.stickyOffset !== undefined ? { offsetHeader: props.stickyOffset } : true}
      rowKey="key"
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (row.key === props.highlight ? 'entry-row-highlight' : '')}
      locale={{ emptyText: '本单位在本轮没有需要填报的指标' }}
      expandable={{
        expandedRowKeys: withNotices,
        showExpandColumn: false,
        expandedRowRender: (row) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {notices(row)}
          </Space>
        ),
        rowExpandable: (row) => withNotices.includes(row.key),
      }}
    />
  );
}
