import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { type Basis, basisQuery, StatusTag, type WarningItem, WarningTags, WarningWhy } from './common.tsx';

/** The early-warning list: indicator, plan/domain, lead unit, status, kind tags and the reasons in words. */
export function WarningTable({
  warnings,
  basis,
  loading,
  action,
  pageSize = 10,
}: {
  warnings: WarningItem[];
  basis: Basis;
  loading?: boolean;
  /** An extra column (发起督办 …) when given. */
  action?: (w: WarningItem) => ReactNode;
  pageSize?: number;
}) {
  const tableScroll = useTableScroll();
  return (
    <div data-testid="warning-table">
      <Table<WarningItem>
        scroll={tableScroll}
        rowKey="indicatorId"
        size="small"
        loading={loading}
        dataSource={warnings}
        pagination={warnings.length > pageSize ? { pageSize, showSizeChanger: false } : false}
        locale={{ emptyText: '当前口径下没有预警指标' }}
        columns={[
          {
            title: '指标',
            key: 'indicator',
            width: 230,
            render: (_, w) => (
              <span>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>
                  {w.code}
                </Typography.Text>
                <Link to={`/analysis/indicators/${w.indicatorId}${basisQuery(basis)}`}>{w.name}</Link>
              </span>
            ),
          },
          {
            title: '规划 / 领域',
            key: 'domain',
            width: 150,
            render: (_, w) => (
              <span style={{ fontSize: 13 }}>
                {w.planTitle}
                <br />
                <Typography.Text type="secondary">{w.domainName}</Typography.Text>
              </span>
            ),
          },
          {
            title: '牵头单位',
            key: 'lead',
            width: 120,
            render: (_, w) => w.leadUnit?.name ?? <Typography.Text type="danger">未分配</Typography.Text>,
          },
          {
            title: '评估状态',
            key: 'status',
            width: 130,
            render: (_, w) => <StatusTag status={w.status} />,
          },
          {
            title: '预警',
            key: 'kinds',
            width: 120,
            filters: [
              { text: '预计达标困难', value: '预计达标困难' },
              { text: '波动较大', value: '波动较大' },
            ],
            onFilter: (value, w) => w.kinds.includes(value as WarningItem['kinds'][number]),
            render: (_, w) => <WarningTags kinds={w.kinds} />,
          },
          {
            title: '预警原因',
            key: 'reasons',
            render: (_, w) => (
              <div style={{ fontSize: 13, lineHeight: 1.6 }}>
                <WarningWhy summary={w.summary} reasons={w.reasons} />
              </div>
            ),
          },
          ...(action
            ? [{ title: '操作', key: 'action', width: 100, render: (_: unknown, w: WarningItem) => action(w) }]
            : []),
        ]}
      />
    </div>
  );
}
