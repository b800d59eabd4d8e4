import { Button, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Evidence, FlagKind, RollupRow, Status, WarningKind } from '../../../../src/core/assessment/index.ts';
import type { AnalysisHead, Basis } from '../../../../src/features/analysis/contract.ts';
import type { PlansResponse } from '../../../../src/features/catalog/contract.ts';
import { useApi } from '../../api/useApi.ts';

// The 监测分析 API's shapes (src/features/analysis/contract.ts) and the pieces the analysis and warning pages share:
// the 口径 switch, status and warning tags, number formatting.

export type {
  AnalysisHead,
  Basis,
  DomainIndicator,
  DomainResponse,
  DomainRow,
  IndicatorAnalysis,
  IndicatorResponse,
  OverviewResponse as Overview,
  UnitRow,
  UnitsResponse,
  WarningItem,
} from '../../../../src/features/analysis/contract.ts';

// ---- 口径 ----

/** The 口径 of the page, kept in the address (?basis=preliminary) so that a link keeps it. */
export function useBasis(): [Basis, (b: Basis) => void] {
  const [params, setParams] = useSearchParams();
  const basis: Basis = params.get('basis') === 'preliminary' ? 'preliminary' : 'approved';
  const set = (b: Basis) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (b === 'approved') next.delete('basis');
        else next.set('basis', b);
        return next;
      },
      { replace: true },
    );
  return [basis, set];
}

/** `?basis=…` to append to links and API paths; empty for the default 已审核 basis. */
export const basisQuery = (basis: Basis, prefix: '?' | '&' = '?') =>
  basis === 'preliminary' ? `${prefix}basis=preliminary` : '';

export function BasisSwitch({ basis, onChange }: { basis: Basis; onChange: (b: Basis) => void }) {
  return (
    <Space size={6} data-testid="basis-switch">
      <Typography.Text type="secondary">口径：</Typography.Text>
      <Segmented<Basis>
        size="small"
        value={basis}
        onChange={onChange}
        options={[
          { value: 'approved', label: '已审核数据' },
          { value: 'preliminary', label: '含未审核数据（初步）' },
        ]}
      />
    </Space>
  );
}

/** The line under every analysis page's title: demo mark, basis switch, the year judged. */
export function AnalysisMeta({
  head,
  basis,
  onBasis,
}: {
  head: AnalysisHead | undefined;
  basis: Basis;
  onBasis: (b: Basis) => void;
}) {
  return (
    <Space size={12} wrap>
      {head?.demo && <Tag color="gold">演示数据</Tag>}
      <BasisSwitch basis={basis} onChange={onBasis} />
      {head && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {head.asOf ? `评估截至 ${head.asOf} 年` : '尚无数据'}
          {head.basis === 'preliminary' && '（含未审核数据，结论为初步）'}
        </Typography.Text>
      )}
    </Space>
  );
}

// ---- 状态、预警 ----

export const STATUS_COLORS: Record<Status, string> = {
  无数据: 'default',
  数据不足: 'default',
  已达标: 'green',
  提前达标: 'cyan',
  '已达标（有回落风险）': 'lime',
  预计可达标: 'blue',
  预计达标困难: 'red',
  未达标: 'volcano',
  趋势向好: 'geekblue',
  趋势向好但末年回落: 'purple',
  '趋势不明显（事件数少）': 'default',
};

/** The order statuses are listed in tables: met first, then at risk, then direction-only, then no data. */
export const STATUS_ORDER: Status[] = [
  '提前达标',
  '已达标',
  '已达标（有回落风险）',
  '预计可达标',
  '预计达标困难',
  '未达标',
  '趋势向好',
  '趋势向好但末年回落',
  '趋势不明显（事件数少）',
  '数据不足',
  '无数据',
];

export function StatusTag({ status, count }: { status: Status; count?: number }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 4 }}>
      {status}
      {count !== undefined ? ` ${count}` : ''}
    </Tag>
  );
}

/** Non-zero status counts as coloured tags. */
export function StatusCounts({ counts }: { counts: Record<Status, number> }) {
  const shown = STATUS_ORDER.filter((s) => counts[s] > 0);
  if (shown.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {shown.map((s) => (
        <StatusTag key={s} status={s} count={counts[s]} />
      ))}
    </span>
  );
}

export const WARNING_COLORS: Record<WarningKind, string> = { 预计达标困难: 'red', 波动较大: 'orange' };

export function WarningTags({ kinds }: { kinds: readonly WarningKind[] | undefined }) {
  if (!kinds?.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {kinds.map((k) => (
        <Tag key={k} color={WARNING_COLORS[k]} style={{ marginInlineEnd: 4 }}>
          {k}
        </Tag>
      ))}
    </span>
  );
}

export const FLAG_LABELS: Record<FlagKind, string> = {
  jump: '跳变',
  band: '偏离近年均值',
  zigzag: '反复波动',
  annual_step_missed: '年度目标未完成',
  small_numbers: '小数波动',
  small_sample: '小样本',
};

export const EVIDENCE_LABELS: Record<Evidence, string> = {
  normal: '充分（4年及以上）',
  low: '较少（2—3年，结论仅供参考）',
  insufficient: '不足（仅1年）',
};

// ---- 数字 ----

/** A number with at most `decimals` decimals, trailing zeros dropped; — for missing. */
export function num(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Number(value.toFixed(decimals)));
}

export function percent(rate: number | null | undefined, decimals = 1): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(decimals)}%`;
}

/** 达标 m / 评估 n, with the counts kept apart from the rate (无数据, 方向性, 定性). */
export function ApartCounts({ row }: { row: RollupRow }) {
  const items: [string, number, string][] = [
    ['无数据', row.noData, '有数值目标但尚无数据，不计入达标率分母'],
    ['方向性', row.directionOnly, '方向性目标（逐步提高、明显下降等），不计入达标率'],
    ['定性', row.qualitative, '无监测指标的定性目标，不计入达标率'],
  ];
  return (
    <Space size={4} wrap>
      {items.map(([label, n, tip]) => (
        <Tooltip key={label} title={tip}>
          <Tag style={{ marginInlineEnd: 0 }}>
            {label} {n}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** Plan id → short title (妇女发展规划), from the catalog. */
export function usePlanTitles(): Map<string, string> {
  const { data } = useApi<PlansResponse>('/catalog/plans');
  return new Map((data?.plans ?? []).map((p) => [p.id, p.shortTitle]));
}

/**
 * Why an indicator is warned: the plain words first; the method's reasons with their numbers (计算依据) only when
 * asked for. Notices issued before the words were recorded show the reasons.
 */
export function WarningWhy({ summary, reasons }: { summary?: string | undefined; reasons: string[] }): ReactNode {
  const [open, setOpen] = useState(false);
  if (!summary) return <Reasons reasons={reasons} />;
  return (
    <div>
      <span>{summary}</span>
      {reasons.length > 0 && (
        <>
          {' '}
          <Button
            type="link"
            size="small"
            style={{ fontSize: 12, padding: 0, height: 'auto' }}
            onClick={() => setOpen(!open)}
            aria-expanded={open}
          >
            {open ? '收起计算依据' : '计算依据'}
          </Button>
          {open && (
            <div style={{ marginTop: 4, fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' }}>
              <Reasons reasons={reasons} />
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Reasons({ reasons }: { reasons: string[] }): ReactNode {
  if (reasons.length === 1) return <span>{reasons[0]}</span>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ol>
  );
}
