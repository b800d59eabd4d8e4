import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import type { ColumnsType } from 'antd/es/table';
import {
  createContext,
  memo,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
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
  previousValue,
  rowsOf,
  sexLabel,
} from './entryModel.ts';
import { createRowStore, type RowStore, useRow } from './rowStore.ts';

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
/** A predecessor's value in 往年数据: set apart from the indicator's own, with a ※ and the tooltip saying whose. */
const CARRIED = { color: '#0958d9', cursor: 'help', borderBottom: '1px dotted #0958d9' } as const;

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

/**
 * A text field growing with its text from one line to four. Where the browser sizes it itself (CSS field-sizing,
 * Chromium 123 on) antd's autoSize is left out: that measures each field with forced layouts when the form opens
 * and at every keystroke, and a 69-row form has ≈ 280 of them (≈ 0.5 s of its opening on a desktop).
 */
export const GROWING: Pick<TextAreaProps, 'autoSize' | 'style'> =
  typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')
    ? { style: { fieldSizing: 'content', maxHeight: 'calc(4lh + 10px)', resize: 'none' } }
    : { autoSize: { minRows: 1, maxRows: 4 } };

/**
 * What a text field shows: what is typed, from the field's own state re-rendered within the keystroke's event, or a
 * value given anew. A row's new view reaches its cells only after the form has re-rendered (RowStore), and a
 * field set back to its old value meanwhile would lose its caret.
 */
function useTyped(value: string): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const [given, setGiven] = useState(value);
  if (given !== value) {
    setGiven(value);
    setText(value);
  }
  return [text, setText];
}

const TextCell = memo(function TextCell(p: {
  rowKey: string;
  field: 'source' | 'caliberNote' | 'comment' | 'explanation';
  value: string;
  required: boolean;
  label: string;
  onChange: Change;
}) {
  const [text, setText] = useTyped(p.value);
  return (
    <Input.TextArea
      size="small"
      {...GROWING}
      value={text}
      maxLength={500}
      status={p.required ? 'error' : undefined}
      placeholder={p.required ? '须填写说明' : ''}
      onChange={(e) => {
        setText(e.target.value);
        p.onChange(p.rowKey, { [p.field]: e.target.value });
      }}
      aria-label={p.label}
    />
  );
});

function ReturnReason(p: { value: string; onChange: (reason: string) => void }) {
  const [text, setText] = useTyped(p.value);
  return (
    <Input
      size="small"
      style={{ marginTop: 4 }}
      aria-label="退回原因"
      placeholder="退回原因（必填）"
      status={text.trim() ? undefined : 'error'}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        p.onChange(e.target.value);
      }}
    />
  );
}

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

/**
 * What one row's cells show. The table keeps the object of a row while nothing of it changes and hands it to the
 * row's cells through a RowStore: a keystroke re-renders the cells of its own row (and of the rows whose 审核公式
 * read it, the other sexes), not the antd Table with its ≈ 900 cells (≈ 130 ms a key on a 69-row form before).
 */
interface RowView {
  row: EntryRow;
  draft: Draft;
  saved: ValueRow | undefined;
  canEdit: boolean;
  problems: RowProblems;
  /** The saved values of the earlier years shown beside the inputs. */
  previous: (number | null)[];
  /** Per earlier year: where a value taken from the predecessor comes from, else null. */
  carried: (string | null)[];
  /** Review: the reason typed for returning this value, undefined when it is not selected. */
  returned: string | undefined;
  canReturn: boolean;
  /** Someone else changed the row meanwhile (conflict: their value, null when deleted). */
  hasConflict: boolean;
  conflict: ValueRow | null | undefined;
  rowError: string | undefined;
}

const sameList = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const sameProblems = (a: RowProblems, b: RowProblems) =>
  sameList(a.value, b.value) &&
  sameList(a.numerator, b.numerator) &&
  sameList(a.denominator, b.denominator) &&
  sameList(a.soft, b.soft) &&
  a.needsExplanation === b.needsExplanation;

const DRAFT_FIELDS: InputField[] = [
  'value',
  'numerator',
  'denominator',
  'source',
  'caliberNote',
  'comment',
  'explanation',
];

const sameView = (a: RowView, b: RowView) =>
  a.row === b.row &&
  a.saved === b.saved &&
  a.canEdit === b.canEdit &&
  DRAFT_FIELDS.every((f) => a.draft[f] === b.draft[f]) &&
  sameProblems(a.problems, b.problems) &&
  sameList(a.previous, b.previous) &&
  sameList(a.carried, b.carried) &&
  a.returned === b.returned &&
  a.canReturn === b.canReturn &&
  a.hasConflict === b.hasConflict &&
  a.conflict === b.conflict &&
  a.rowError === b.rowError;

const Views = createContext<RowStore<RowView>>(createRowStore());

/** A cell showing what its row's view says; it re-renders when that view changes. */
const ViewCell = memo(function ViewCell({ rowKey, show }: { rowKey: string; show: (view: RowView) => ReactNode }) {
  const view = useRow(useContext(Views), rowKey);
  return view ? show(view) : null;
});

/** The table's rows change only with the task: its cells need not re-render otherwise (ViewCell does the rest). */
const rowChanged = (next: EntryRow, prev: EntryRow) => next !== prev;

const SCROLL = { x: 'max-content' } as const;
const EMPTY = { emptyText: '本单位在本轮没有需要填报的指标' };

export function EntryTable(props: EntryTableProps) {
  const { task, saved, drafts, editable, serverErrors, conflicts, returns, showMissing, serverWarnings } = props;
  const rows = useMemo(() => rowsOf(task), [task]);
  const reviewing = returns !== undefined;
  const canReturn = props.onReturnsChange !== undefined;

  // The handlers of the moment, for cells rendered earlier (the columns are made once per task).
  const latest = useRef(props);
  latest.current = props;

  const layout = useMemo(() => layoutOf(task), [task]);

  const [store] = useState(createRowStore<RowView>);
  const viewsRef = useRef(new Map<string, RowView>());
  const views = useMemo(() => {
    const before = viewsRef.current;
    const after = new Map<string, RowView>();
    for (const row of rows) {
      const v = saved[row.key];
      const previous = layout.previousYears.map((y) => previousValue(row, y, saved));
      const next: RowView = {
        row,
        draft: drafts[row.key] ?? draftOf(v),
        saved: v,
        canEdit: editable && !v?.locked,
        problems: rowProblems(row, { drafts, saved, editable, serverErrors, serverWarnings, showMissing }),
        previous: previous.map((p) => p.value),
        carried: previous.map((p) => p.note),
        returned: v && returns ? returns[v.id] : undefined,
        canReturn,
        hasConflict: conflicts !== undefined && row.key in conflicts,
        conflict: conflicts?.[row.key],
        rowError: serverErrors?.[row.key]?.row,
      };
      const old = before.get(row.key);
      after.set(row.key, old && sameView(old, next) ? old : next);
    }
    viewsRef.current = after;
    return after;
  }, [rows, drafts, saved, editable, serverErrors, serverWarnings, showMissing, returns, canReturn, conflicts, layout]);
  // Cells rendering now read the new views; the others are told once this render is committed.
  store.set(views);
  useLayoutEffect(() => store.notify());

  // One change handler for the whole life of the table, so the memoized inputs skip re-rendering.
  const change = useCallback((key: string, patch: Partial<Draft>) => latest.current.onChange?.(key, patch), []);
  const columns = useMemo(() => entryColumns(layout, reviewing, change, latest), [layout, reviewing, change]);

  const noticeKeys = rows
    .filter((r) => {
      const v = views.get(r.key);
      return v?.saved?.returnReason || v?.hasConflict || v?.rowError;
    })
    .map((r) => r.key)
    .join('\n');
  const { stickyOffset, highlight } = props;

  // The same element while the table's own props stay the same, so React leaves the whole table alone.
  const table = useMemo(() => {
    const withNotices = noticeKeys ? noticeKeys.split('\n') : [];
    return (
      <Table<EntryRow>
        className="entry-table"
        size="small"
        bordered
        sticky={stickyOffset !== undefined ? { offsetHeader: stickyOffset } : true}
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={SCROLL}
        rowClassName={(row) => (row.key === highlight ? 'entry-row-highlight' : '')}
        locale={EMPTY}
        expandable={{
          expandedRowKeys: withNotices,
          showExpandColumn: false,
          expandedRowRender: (row) => (
            <ViewCell rowKey={row.key} show={(view) => <RowNotices view={view} layout={layout} latest={latest} />} />
          ),
          rowExpandable: (row) => withNotices.includes(row.key),
        }}
      />
    );
  }, [rows, columns, stickyOffset, highlight, noticeKeys, layout]);

  // Said once under the table, for those who do not hover over a ※ value (and for print).
  const carried = task.items.filter((i) => i.predecessor && i.predecessor.values.length > 0);
  return (
    <Views.Provider value={store}>
      {table}
      {carried.length > 0 && layout.previousYears.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          往年数据中带 ※ 的数值取自上一周期的对应指标（本指标延续其统计，已审核通过的数值）：
          {carried.map((i) => `${i.indicator.code} ← ${i.predecessor?.code}`).join('，')}。
        </Typography.Paragraph>
      )}
    </Views.Provider>
  );
}

interface Layout {
  years: number[];
  previousYears: number[];
  anySex: boolean;
  anyCounts: boolean;
  multiYear: boolean;
}

function layoutOf(task: Task): Layout {
  const years = task.years;
  const firstTaskYear = Math.min(...years);
  const baseYear = task.baseYear ?? firstTaskYear - 5;
  const previousYears: number[] = [];
  for (let y = Math.max(baseYear, firstTaskYear - 5); y < firstTaskYear; y++) previousYears.push(y);
  return {
    years,
    previousYears,
    anySex: task.items.some((i) => i.sexes.length > 1),
    anyCounts: task.items.some((i) => i.indicator.counts),
    multiYear: years.length > 1,
  };
}

/** Notices shown under a row: its return reason, a conflict, a row-level server error. */
function RowNotices({ view, layout, latest }: { view: RowView; layout: Layout; latest: { current: EntryTableProps } }) {
  const { row, saved: v } = view;
  const label = `${row.item.indicator.code} ${row.item.indicator.name}${layout.multiYear ? ` ${row.year}年` : ''}${row.item.sexes.length > 1 ? `（${sexLabel(row.sex)}）` : ''}`;
  const current = view.conflict;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {v?.returnReason && (
        <Alert
          type="error"
          showIcon
          title={`${label} 被退回：${v.returnReason}`}
          description={latest.current.editable ? '请修改后保存；修改即视为已处理退回意见。' : undefined}
        />
      )}
      {view.hasConflict && (
        <Alert
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
              <Button size="small" type="primary" onClick={() => latest.current.onUseLatest?.(row.key)}>
                使用最新值
              </Button>
              <Button size="small" onClick={() => latest.current.onKeepMine?.(row.key)}>
                保留我的修改
              </Button>
            </Space>
          }
        />
      )}
      {view.rowError && (
        <Alert type="error" showIcon title={`${label}：${atField(view.rowError, row.item.indicator.code)}`} />
      )}
    </Space>
  );
}

/** The table's columns for a task's layout; the cells of the inputs read their row's RowView (ViewCell). */
function entryColumns(
  layout: Layout,
  reviewing: boolean,
  change: Change,
  latest: { current: EntryTableProps },
): ColumnsType<EntryRow> {
  const fromView = (show: (view: RowView) => ReactNode) => ({
    render: (_: unknown, row: EntryRow) => <ViewCell rowKey={row.key} show={show} />,
  });
  const numberInput = (
    view: RowView,
    field: 'value' | 'numerator' | 'denominator',
    hard: string[],
    extra?: ReactNode,
  ) => {
    const { row, draft } = view;
    if (!view.canEdit) {
      return (
        <span>
          {formatNumber(draft[field]) || <span style={{ color: MUTED_TEXT }}>—</span>}
          {view.saved?.locked && field === 'value' && (
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
    view: RowView,
    field: 'source' | 'caliberNote' | 'comment' | 'explanation',
    label: string,
    required = false,
  ) => {
    const { row, draft } = view;
    if (!view.canEdit) {
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

  const span = (row: EntryRow) => ({ rowSpan: row.span });
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
  if (layout.multiYear) {
    columns.push({
      title: '年度',
      width: 56,
      align: 'center',
      onCell: (row) => ({ rowSpan: row.yearSpan }),
      render: (_, row) => row.year,
    });
  }
  if (layout.anySex) {
    columns.push({
      title: '性别',
      width: 52,
      align: 'center',
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{sexLabel(row.sex)}</span>,
    });
  }
  if (layout.previousYears.length > 0) {
    columns.push({
      title: '往年数据',
      children: layout.previousYears.map((y, i) => ({
        title: `${y}`,
        width: 54,
        align: 'right' as const,
        ...fromView((view) => {
          const v = view.previous[i];
          const note = view.carried[i];
          if (v === null || v === undefined) return <span style={{ color: MUTED_TEXT }}>—</span>;
          return note ? (
            <Tooltip title={note}>
              <span role="note" aria-label={`${formatNumber(v)}（${note}）`} style={CARRIED}>
                {formatNumber(v)}
                <sup>※</sup>
              </span>
            </Tooltip>
          ) : (
            <span style={{ color: '#595959' }}>{formatNumber(v)}</span>
          );
        }),
      })),
    });
  }
  const thisRound: ColumnsType<EntryRow> = [
    {
      title: '数值',
      width: 140,
      ...fromView((view) => (
        <div>
          {numberInput(view, 'value', view.problems.value)}
          <Messages hard={[]} soft={view.problems.soft} />
        </div>
      )),
    },
    {
      title: (
        <Tooltip title="数值触发审核提示（橙色）时须填写说明，否则不能提交">
          <span>说明</span>
        </Tooltip>
      ),
      width: 170,
      ...fromView((view) => textInput(view, 'explanation', '说明', view.problems.needsExplanation)),
    },
  ];
  if (reviewing) {
    thisRound.push({
      title: '退回',
      width: 190,
      ...fromView((view) => {
        const v = view.saved;
        if (!v) return null;
        const checked = view.returned !== undefined;
        const change = (edit: (returns: Record<number, string>) => void) => {
          const next = { ...latest.current.returns };
          edit(next);
          latest.current.onReturnsChange?.(next);
        };
        const { row } = view;
        return (
          <div>
            <Checkbox
              checked={checked}
              disabled={!view.canReturn}
              aria-label={`退回 ${row.item.indicator.code} ${row.year}年 ${sexLabel(row.sex)}`}
              onChange={(e) =>
                change((next) => {
                  if (e.target.checked) next[v.id] = '';
                  else delete next[v.id];
                })
              }
            >
              退回此项
            </Checkbox>
            {checked && (
              <ReturnReason
                value={view.returned ?? ''}
                onChange={(reason) =>
                  change((next) => {
                    next[v.id] = reason;
                  })
                }
              />
            )}
          </div>
        );
      }),
    });
  }

  if (layout.anyCounts) {
    thisRound.push({
      title: '分子 / 分母',
      width: 170,
      ...fromView((view) => {
        const counts = view.row.item.indicator.counts;
        if (!counts) return <span style={{ color: MUTED_TEXT }}>—</span>;
        const p = view.problems;
        if (!view.canEdit) {
          const d = view.draft;
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
              {numberInput(view, 'numerator', p.numerator)}
            </div>
            <div>
              <div style={{ fontSize: 11, color: MUTED_TEXT, whiteSpace: 'normal' }}>{counts.denominator}</div>
              {numberInput(view, 'denominator', p.denominator)}
            </div>
            {counts.factor !== 100 && (
              <div style={{ fontSize: 11, color: MUTED_TEXT }}>数值 = 分子 ÷ 分母 × {counts.factor}</div>
            )}
          </Space>
        );
      }),
    });
  }
  thisRound.push(
    { title: '资料来源', width: 110, ...fromView((view) => textInput(view, 'source', '资料来源')) },
    { title: '口径说明', width: 110, ...fromView((view) => textInput(view, 'caliberNote', '口径说明')) },
    { title: '备注', width: 100, ...fromView((view) => textInput(view, 'comment', '备注')) },
  );
  columns.push({
    title: layout.multiYear ? '本期填报' : `${layout.years[0]}年填报`,
    children: thisRound.map((c) => ({ ...c, shouldCellUpdate: rowChanged })),
  });

  columns.push({
    title: '操作',
    width: 76,
    fixed: 'right',
    align: 'center',
    ...fromView((view) => {
      const v = view.saved;
      return v ? (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => latest.current.onHistory?.(v, view.row)}>
          修改记录
        </Button>
      ) : null;
    }),
  });
  return columns.map((c) =>
    'children' in c
      ? { ...c, children: c.children.map((d) => ({ ...d, shouldCellUpdate: rowChanged })) }
      : { ...c, shouldCellUpdate: rowChanged },
  );
}
