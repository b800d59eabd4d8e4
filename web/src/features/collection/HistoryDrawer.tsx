import { Alert, Drawer, Table, Tag } from 'antd';
import type {
  HistoryEntry,
  TaskIndicator,
  ValueHistory,
  ValueRow,
} from '../../../../src/features/collection/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { useApi } from '../../api/useApi.ts';
import { MUTED_TEXT } from '../../shell/theme.ts';
import { formatNumber } from './entryModel.ts';

// 修改记录 of one value: who changed what when, and why.

export const HISTORY_ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  return: '退回',
  approve: '审核通过',
  reopen: '重新打开',
};

const ACTION_COLORS: Record<string, string> = {
  create: 'blue',
  update: 'processing',
  return: 'red',
  approve: 'green',
  reopen: 'orange',
};

function fieldLabels(indicator?: TaskIndicator): Record<string, string> {
  return {
    value: '数值',
    numerator: indicator?.counts?.numerator ?? '分子',
    denominator: indicator?.counts?.denominator ?? '分母',
    source: '资料来源',
    caliberNote: '口径说明',
    comment: '备注',
    explanation: '说明',
    locked: '锁定',
  };
}

const show = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? '（空）'
    : typeof v === 'number'
      ? formatNumber(v)
      : typeof v === 'boolean'
        ? v
          ? '是'
          : '否'
        : String(v);

function Change({ entry, indicator }: { entry: HistoryEntry; indicator?: TaskIndicator }) {
  const labels = fieldLabels(indicator);
  if (entry.action === 'approve') return <span>数据锁定</span>;
  if (entry.action === 'reopen') return <span>解除锁定</span>;
  if (entry.action === 'return') return <span style={{ color: MUTED_TEXT }}>—</span>;
  const before = entry.old ?? {};
  const after = entry.new ?? {};
  const keys = Object.keys(labels).filter((k) => k in before || k in after);
  const changed = keys.filter((k) => show(before[k]) !== show(after[k]));
  if (changed.length === 0) return <span style={{ color: MUTED_TEXT }}>无变化</span>;
  return (
    <div>
      {changed.map((k) =>
        entry.action === 'create' ? (
          <div key={k}>
            {labels[k]}：{show(after[k])}
          </div>
        ) : (
          <div key={k}>
            {labels[k]}：<span style={{ color: MUTED_TEXT, textDecoration: 'line-through' }}>{show(before[k])}</span> →{' '}
            {show(after[k])}
          </div>
        ),
      )}
    </div>
  );
}

export function HistoryDrawer({
  value,
  indicator,
  title,
  onClose,
}: {
  value: ValueRow | undefined;
  indicator?: TaskIndicator;
  title: string;
  onClose(): void;
}) {
  const { data, error, loading } = useApi<ValueHistory>(value ? `/values/${value.id}/history` : null);
  return (
    <Drawer open={value !== undefined} onClose={onClose} title={`修改记录 · ${title}`} size={720} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table<HistoryEntry>
        size="small"
        bordered
        rowKey="id"
        loading={loading}
        dataSource={data?.history ?? []}
        pagination={false}
        columns={[
          { title: '时间', dataIndex: 'at', width: 130, render: (t: string) => formatBeijingTime(t) },
          { title: '操作人', dataIndex: 'username', width: 90, render: (u: string | null) => u ?? '系统' },
          {
            title: '操作',
            dataIndex: 'action',
            width: 86,
            render: (a: string) => <Tag color={ACTION_COLORS[a]}>{HISTORY_ACTION_LABELS[a] ?? a}</Tag>,
          },
          { title: '变更内容', render: (_, e) => <Change entry={e} {...(indicator ? { indicator } : {})} /> },
          { title: '原因', dataIndex: 'reason', width: 150, render: (r: string | null) => r ?? '' },
        ]}
      />
    </Drawer>
  );
}
