import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import type { TaskItem, ValueRow } from '../../../../src/features/collection/contract.ts';
import { type EntryTableProps, GROWING, Messages, rowProblems } from './EntryTable.tsx';
import {
  atField,
  type Draft,
  draftOf,
  type EntryRow,
  formatNumber,
  previousValue,
  rowsOf,
  sexLabel,
} from './entryModel.ts';

// The 填报表 on a phone (below 768 px): one card per indicator, its inputs one under the other at full width,
// big enough to tap. The same labels, checks and messages as the table (EntryTable), so nothing differs but the
// layout.

const FIELD_LABEL = { value: '数值', numerator: '分子', denominator: '分母' } as const;

export function EntryCards(props: EntryTableProps) {
  const rows = rowsOf(props.task);
  const groups = new Map<TaskItem, EntryRow[]>();
  for (const r of rows) groups.set(r.item, [...(groups.get(r.item) ?? []), r]);
  if (rows.length === 0) return <Alert type="info" title="本单位在本轮没有需要填报的指标" />;
  return (
    <div className="entry-cards">
      {[...groups.entries()].map(([item, list]) => (
        <IndicatorCard key={`${item.indicator.id}|${item.areaId ?? 0}`} item={item} rows={list} props={props} />
      ))}
    </div>
  );
}

interface CardProps {
  item: TaskItem;
  rows: EntryRow[];
  props: EntryTableProps;
}

/**
 * A card re-renders only when something of its own rows changed (a keystroke elsewhere leaves it alone): the
 * 69-row form stays quick to type in on a slow phone.
 */
function sameCard(a: CardProps, b: CardProps): boolean {
  const p = a.props;
  const q = b.props;
  if (a.item !== b.item || p.editable !== q.editable || p.showMissing !== q.showMissing || p.task !== q.task)
    return false;
  if (p.onChange !== q.onChange) return false;
  if (p.highlight !== q.highlight && a.rows.some((r) => r.key === p.highlight || r.key === q.highlight)) return false;
  // The live 审核公式 of a row reads the other sexes' drafts: they are rows of the same card.
  return a.rows.every(
    (r) =>
      p.drafts[r.key] === q.drafts[r.key] &&
      p.saved[r.key] === q.saved[r.key] &&
      p.serverErrors?.[r.key] === q.serverErrors?.[r.key] &&
      p.serverWarnings?.[r.key] === q.serverWarnings?.[r.key] &&
      p.conflicts?.[r.key] === q.conflicts?.[r.key] &&
      r.key in (p.conflicts ?? {}) === r.key in (q.conflicts ?? {}),
  );
}

const IndicatorCard = memo(function IndicatorCard({ item, rows, props }: CardProps) {
  const ind = item.indicator;
  const multiYear = props.task.years.length > 1;
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      title={
        <div style={{ whiteSpace: 'normal', lineHeight: 1.4, padding: '6px 0' }}>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {ind.code}
          </Typography.Text>{' '}
          {ind.name}
          <span style={{ color: '#595959', fontWeight: 'normal' }}>（{ind.unit}）</span>
        </div>
      }
    >
      <div style={{ fontSize: 12, color: '#595959', marginBottom: 8 }}>目标：{ind.target}</div>
      {rows.map((row) => (
        <RowFields key={row.key} row={row} props={props} heading={multiYear || item.sexes.length > 1} />
      ))}
    </Card>
  );
}, sameCard);

function RowFields({ row, props, heading }: { row: EntryRow; props: EntryTableProps; heading: boolean }) {
  const { saved, drafts, editable } = props;
  const draft: Draft = drafts[row.key] ?? draftOf(saved[row.key]);
  const canEdit = editable && !saved[row.key]?.locked;
  const p = rowProblems(row, props);
  const counts = row.item.indicator.counts;
  const label = (what: string) => `${row.item.indicator.code} ${row.year}年 ${sexLabel(row.sex)} ${what}`;
  const previous = previousValue(row, row.year - 1, saved);
  const v = saved[row.key];

  const numberField = (field: 'value' | 'numerator' | 'denominator', title: string, hard: string[]) => (
    <div style={{ marginBottom: 8 }}>
      <div style={{ fontSize: 13, marginBottom: 2 }}>{title}</div>
      {canEdit ? (
        <InputNumber
          value={draft[field]}
          inputMode="decimal"
          status={hard.length ? 'error' : undefined}
          onChange={(x) => props.onChange?.(row.key, { [field]: x === null || x === undefined ? null : Number(x) })}
          style={{ width: '100%' }}
          aria-label={label(FIELD_LABEL[field])}
          data-field={`${row.key}|${field}`}
        />
      ) : (
        <span>
          {formatNumber(draft[field]) || '—'}
          {v?.locked && field === 'value' && (
            <LockOutlined style={{ color: '#595959', marginInlineStart: 6 }} aria-label="已锁定" />
          )}
        </span>
      )}
      <Messages hard={hard} soft={[]} />
    </div>
  );
  const textField = (field: 'source' | 'caliberNote' | 'comment' | 'explanation', title: string, required = false) => (
    <div style={{ marginBottom: 8 }}>
      <div style={{ fontSize: 13, marginBottom: 2 }}>
        {title}
        {required && <span style={{ color: '#cf1322' }}>（须填写）</span>}
      </div>
      {canEdit ? (
        <Input.TextArea
          {...GROWING}
          value={draft[field]}
          maxLength={500}
          status={required ? 'error' : undefined}
          placeholder={required ? '须填写说明' : ''}
          onChange={(e) => props.onChange?.(row.key, { [field]: e.target.value })}
          aria-label={label(title)}
        />
      ) : (
        <span style={{ whiteSpace: 'normal' }}>{draft[field] || '—'}</span>
      )}
    </div>
  );

  return (
    <div
      data-row-key={row.key}
      className={row.key === props.highlight ? 'entry-row-highlight' : undefined}
      style={{ borderTop: heading ? '1px dashed #d9d9d9' : undefined, paddingTop: heading ? 8 : 0 }}
    >
      {heading && (
        <div style={{ fontWeight: 600, marginBottom: 4 }}>
          {row.year}年{row.item.sexes.length > 1 ? ` · ${sexLabel(row.sex)}` : ''}
          {row.sex !== 'total' && (
            <Tag color="magenta" style={{ marginInlineStart: 6 }}>
              分性别
            </Tag>
          )}
        </div>
      )}
      {previous.value !== null && (
        <div style={{ fontSize: 12, color: '#595959', marginBottom: 4 }}>
          上年（{row.year - 1}）：{formatNumber(previous.value)}
          {previous.note && <span style={{ color: '#0958d9' }}>（{previous.note}）</span>}
        </div>
      )}
      {v?.returnReason && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`被退回：${v.returnReason}`} />
      )}
      {props.conflicts && row.key in props.conflicts && (
        <Conflict current={props.conflicts[row.key] ?? null} rowKey={row.key} props={props} />
      )}
      {props.serverErrors?.[row.key]?.row && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={atField(props.serverErrors[row.key]?.row as string, row.item.indicator.code)}
        />
      )}
      {numberField('value', '数值', p.value)}
      <Messages hard={[]} soft={p.soft} />
      {counts && (
        <>
          {numberField('numerator', `分子：${counts.numerator}`, p.numerator)}
          {numberField('denominator', `分母：${counts.denominator}`, p.denominator)}
        </>
      )}
      {textField('explanation', '说明', p.needsExplanation)}
      {textField('source', '资料来源')}
      {textField('caliberNote', '口径说明')}
      {textField('comment', '备注')}
      {v && props.onHistory && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onHistory?.(v, row)}>
          修改记录
        </Button>
      )}
    </div>
  );
}

function Conflict({ current, rowKey, props }: { current: ValueRow | null; rowKey: string; props: EntryTableProps }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      title="已被他人修改，您的修改未保存"
      description={
        <Space orientation="vertical" size={4}>
          <span>{current ? `最新值：${formatNumber(current.value) || '（空）'}` : '该数据已不存在'}</span>
          <Space>
            <Button size="small" type="primary" onClick={() => props.onUseLatest?.(rowKey)}>
              使用最新值
            </Button>
            <Button size="small" onClick={() => props.onKeepMine?.(rowKey)}>
              保留我的修改
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
