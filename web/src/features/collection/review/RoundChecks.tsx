import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Sex } from '../../../../../src/core/collection/entry.ts';
import type { RoundCheck, RoundChecksResponse } from '../../../../../src/features/collection/contract.ts';
import { useApi } from '../../../api/useApi.ts';
import { useTableScroll } from '../../../shell/useTableScroll.ts';
import { StatusTag } from '../common.tsx';
import { sexLabel } from '../entryModel.ts';

/**
 * 审核公式提示: every row of the round's submissions that trips a 审核公式, with the reporter's explanation, so the
 * reviewer knows which rows to look at before opening a submission. Errors (硬性) first.
 */
export function RoundChecks({ roundId }: { roundId: number }) {
  const { data, loading, error } = useApi<RoundChecksResponse>(`/rounds/${roundId}/checks`);
  const tableScroll = useTableScroll();
  const checks = [...(data?.checks ?? [])].sort((a, b) => (a.level === b.level ? 0 : a.level === 'hard' ? -1 : 1));
  const hard = checks.filter((c) => c.level === 'hard').length;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title="审核公式提示"
      extra={
        data && (
          <Typography.Text type="secondary">
            共 {checks.length} 条，其中错误 {hard} 条、提示 {checks.length - hard} 条
          </Typography.Text>
        )
      }
    >
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<RoundCheck>
        size="small"
        scroll={tableScroll}
        loading={loading}
        rowKey={(c) => `${c.submissionId}-${c.indicatorId}-${c.year}-${c.sex}-${c.rule}`}
        dataSource={checks}
        pagination={checks.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: '已开始报送的数据中没有触发审核公式的行' }}
        columns={[
          {
            title: '单位/镇街',
            key: 'reporter',
            render: (_, c) => (
              <span>
                <Link to={`/review/submissions/${c.submissionId}?roundId=${roundId}`}>{c.reporterName}</Link>{' '}
                <StatusTag status={c.submissionStatus} />
              </span>
            ),
          },
          {
            title: '指标',
            key: 'indicator',
            render: (_, c) => (
              <span>
                <Typography.Text type="secondary" style={{ marginInlineEnd: 4 }}>
                  {c.code}
                </Typography.Text>
                {c.name}
                {c.sex !== 'total' && `（${sexLabel(c.sex as Sex)}）`}
              </span>
            ),
          },
          { title: '年份', dataIndex: 'year', key: 'year', width: 70 },
          {
            title: '类型',
            key: 'level',
            width: 80,
            filters: [
              { text: '错误', value: 'hard' },
              { text: '提示', value: 'soft' },
            ],
            onFilter: (value, c) => c.level === value,
            render: (_, c) => (c.level === 'hard' ? <Tag color="red">错误</Tag> : <Tag color="orange">提示</Tag>),
          },
          { title: '审核公式', dataIndex: 'message', key: 'message' },
          { title: '填报值', dataIndex: 'value', key: 'value', width: 90, render: (v: number | null) => v ?? '—' },
          {
            title: '填报说明',
            dataIndex: 'explanation',
            key: 'explanation',
            render: (e: string | null) => e ?? <Typography.Text type="secondary">未填写</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
