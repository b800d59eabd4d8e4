import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SupervisionRow } from '../../../../src/features/supervision/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { WarningTags } from '../analysis/common.tsx';
import { NoticeStatusTag } from './common.tsx';

/** 督办单 as a table: indicator, unit, warning at issue, status (逾期 in red), deadline, actions. */
export function NoticeTable({
  notices,
  loading,
  action,
  showIndicator = true,
  emptyText = '暂无督办单',
}: {
  notices: SupervisionRow[];
  loading?: boolean;
  action?: (n: SupervisionRow) => ReactNode;
  showIndicator?: boolean;
  emptyText?: string;
}) {
  const tableScroll = useTableScroll();
  return (
    <div data-testid="notice-table">
      <Table<SupervisionRow>
        scroll={tableScroll}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={notices}
        pagination={notices.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
        locale={{ emptyText }}
        rowClassName={(n) => (n.overdue ? 'tp-overdue' : '')}
        columns={[
          {
            title: '督办单',
            key: 'id',
            width: 90,
            render: (_, n) => <Link to={`/warnings/notices/${n.id}`}>{`督办〔${n.id}〕`}</Link>,
          },
          ...(showIndicator
            ? [
                {
                  title: '指标',
                  key: 'indicator',
                  render: (_: unknown, n: SupervisionRow) => (
                    <span>
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>
                        {n.indicatorCode}
                      </Typography.Text>
                      <Link to={`/analysis/indicators/${n.indicatorId}`}>{n.indicatorName}</Link>
                    </span>
                  ),
                },
              ]
            : []),
          { title: '牵头单位', dataIndex: 'unitName', width: 130 },
          {
            title: '督办时预警',
            key: 'warning',
            width: 190,
            render: (_, n) => <WarningTags kinds={n.warning.kinds} />,
          },
          {
            title: '督办要求',
            key: 'requirement',
            ellipsis: true,
            render: (_, n) => <span title={n.requirement}>{n.requirement}</span>,
          },
          { title: '状态', key: 'status', width: 120, render: (_, n) => <NoticeStatusTag notice={n} /> },
          {
            title: '整改期限',
            key: 'deadline',
            width: 110,
            render: (_, n) => (n.overdue ? <Typography.Text type="danger">{n.deadline}</Typography.Text> : n.deadline),
          },
          { title: '发出时间', key: 'createdAt', width: 140, render: (_, n) => formatBeijingTime(n.createdAt) },
          ...(action
            ? [{ title: '操作', key: 'action', width: 130, render: (_: unknown, n: SupervisionRow) => action(n) }]
            : []),
        ]}
      />
    </div>
  );
}
