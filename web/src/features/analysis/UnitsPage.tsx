import { Alert, Card, Space, Table, Typography } from 'antd';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { AnalysisMeta, basisQuery, StatusCounts, type UnitRow, type UnitsResponse, useBasis } from './common.tsx';
import { AnalysisTabs, RateCell } from './OverviewPage.tsx';

/** 按牵头单位: 达标率 and status counts of the indicators each member unit leads. */
export default function UnitsPage() {
  const tableScroll = useTableScroll();
  const [basis, setBasis] = useBasis();
  const { data, error, loading } = useApi<UnitsResponse>(`/analysis/units${basisQuery(basis)}`);
  if (loading && !data) return <PageLoading />;
  const rows = [...(data?.byUnit ?? [])].sort(
    (a, b) => (b.assessed ? 1 : 0) - (a.assessed ? 1 : 0) || (a.rate ?? 2) - (b.rate ?? 2),
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="监测分析"
        extra={<AnalysisMeta head={data} basis={basis} onBasis={setBasis} />}
        styles={{ body: { paddingBlock: 0 } }}
      >
        <AnalysisTabs active="units" basis={basis} />
      </Card>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Card size="small" title="各牵头单位负责指标的达标情况">
        <Table<UnitRow>
          scroll={tableScroll}
          rowKey="group"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: '暂无数据' }}
          columns={[
            {
              title: '牵头单位',
              key: 'unit',
              width: 200,
              render: (_, u) => u.unitName || <Typography.Text type="danger">未分配牵头单位</Typography.Text>,
            },
            { title: '指标数', dataIndex: 'total', width: 70, align: 'right' },
            { title: '达标率', key: 'rate', width: 160, render: (_, u) => <RateCell rate={u.rate} /> },
            { title: '达标/评估', key: 'met', width: 90, render: (_, u) => `${u.met}/${u.assessed}` },
            { title: '各状态指标数', key: 'counts', render: (_, u) => <StatusCounts counts={u.counts} /> },
            {
              title: '无数据/方向性',
              key: 'apart',
              width: 110,
              render: (_, u) => (
                <Typography.Text type="secondary">
                  {u.noData} / {u.directionOnly}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          达标率 = （已达标 + 提前达标 + 已达标（有回落风险））÷
          有数值目标且有数据的指标数；方向性目标、无数据指标单列，不进分母。 按达标率由低到高排列。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
