import { Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTableScroll } from '../../shell/useTableScroll.ts';

// The list pages of the work: 工作任务, 督导检查 and 议事协调 share their heading and their small paged table;
// the last two also their layout.

/** A list page's name and one line on what it holds. */
export function ListHeading({ title, subtitle }: { title: ReactNode; subtitle: ReactNode }) {
  return (
    <div>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{subtitle}</Typography.Text>
    </div>
  );
}

/** A small table of work items, 20 to a page once there are more. */
export function WorkTable<T extends object>({
  rowKey,
  rows,
  loading,
  emptyText,
  columns,
  testId,
}: {
  rowKey: keyof T & string;
  rows: T[];
  loading?: boolean;
  emptyText: string;
  columns: TableColumnsType<T>;
  testId?: string;
}) {
  const tableScroll = useTableScroll();
  return (
    <Table<T>
      scroll={tableScroll}
      data-testid={testId}
      rowKey={rowKey}
      size="small"
      loading={loading}
      dataSource={rows}
      locale={{ emptyText }}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={columns}
    />
  );
}

/** Heading with the office's button beside it, then one small table of the rows, 20 to a page. */
export function WorkList<T extends { id: number }>({
  title,
  subtitle,
  action,
  rows,
  loading,
  emptyText,
  columns,
  children,
}: {
  title: ReactNode;
  subtitle: ReactNode;
  action: ReactNode;
  rows: T[];
  loading: boolean;
  emptyText: string;
  columns: TableColumnsType<T>;
  /** Dialogs opened from the page. */
  children?: ReactNode;
}) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <ListHeading title={title} subtitle={subtitle} />
        {action}
      </Space>
      <Card size="small">
        <WorkTable<T> rowKey="id" rows={rows} loading={loading} emptyText={emptyText} columns={columns} />
      </Card>
      {children}
    </Space>
  );
}
