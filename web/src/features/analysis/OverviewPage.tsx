import { Alert, Card, Col, Progress, Row, Space, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/useApi.ts';
import { EChart } from '../../charts/EChart.tsx';
import { withNumberLabels } from '../../charts/format.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { MUTED_TEXT } from '../../shell/theme.ts';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import {
  AnalysisMeta,
  ApartCounts,
  type Basis,
  basisQuery,
  type DomainRow,
  type Overview,
  percent,
  StatusCounts,
  useBasis,
  usePlanTitles,
} from './common.tsx';
import { WarningTable } from './WarningTable.tsx';

const TAB_PATHS = { overview: '/analysis', units: '/analysis/units', references: '/analysis/references' } as const;

/** The section's tabs: 总览, 按牵头单位 and the 天津市 / 全国 figures they are compared with. */
export function AnalysisTabs({ active, basis }: { active: keyof typeof TAB_PATHS; basis: Basis }) {
  const navigate = useNavigate();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(`${TAB_PATHS[key as keyof typeof TAB_PATHS]}${basisQuery(basis)}`)}
      items={[
        { key: 'overview', label: '总览（按规划、领域）' },
        { key: 'units', label: '按牵头单位' },
        { key: 'references', label: '对比数据' },
      ]}
      style={{ marginBottom: -16 }}
    />
  );
}

export function RateCell({ rate }: { rate: number | null }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={8}>
      <Progress
        percent={rate * 100}
        size={{ width: 72, height: 8 }}
        showInfo={false}
        aria-label={`达标率 ${percent(rate)}`}
        strokeColor={rate >= 0.8 ? '#389e0d' : rate >= 0.5 ? '#2F4B7C' : '#cf1322'}
      />
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{percent(rate)}</span>
    </Space>
  );
}

/** 监测分析 总览: 达标率 per plan, the domain chart and table, the warning list. */
export default function OverviewPage() {
  const tableScroll = useTableScroll();
  const [basis, setBasis] = useBasis();
  const titles = usePlanTitles();
  const { data, error, loading } = useApi<Overview>(`/analysis/overview${basisQuery(basis)}`);
  const chart = useMemo(() => (data ? withNumberLabels(data.charts.domainRate, 1, '%') : undefined), [data]);

  if (loading && !data) return <PageLoading />;
  const domains = data?.byDomain ?? [];
  const planOrder = (data?.byPlan ?? []).map((p) => p.group);
  const sortedDomains = [...domains].sort(
    (a, b) => planOrder.indexOf(a.planId) - planOrder.indexOf(b.planId) || a.domainCode.localeCompare(b.domainCode),
  );
  const chartBars = domains.filter((d) => d.rate !== null).length;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="监测分析"
        extra={<AnalysisMeta head={data} basis={basis} onBasis={setBasis} />}
        styles={{ body: { paddingBlock: 0 } }}
      >
        <AnalysisTabs active="overview" basis={basis} />
      </Card>
      {error && <Alert type="error" showIcon title={error.message} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Row gutter={[16, 16]}>
            {(data?.byPlan ?? []).map((p) => (
              <Col key={p.group} xs={24} md={12} xl={24}>
                <Card size="small" title={titles.get(p.group) ?? p.group} data-testid="plan-rate-card">
                  <div style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
                    <div style={{ minWidth: 150 }}>
                      <Typography.Text type="secondary">达标率</Typography.Text>
                      <div
                        data-testid="plan-rate"
                        style={{ fontSize: 40, lineHeight: 1.2, fontWeight: 600, color: '#9f1f25' }}
                      >
                        {percent(p.rate)}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        达标 {p.met} 项 / 评估 {p.assessed} 项
                      </Typography.Text>
                      {p.rateStrict !== null && p.rateStrict !== p.rate && (
                        <div style={{ fontSize: 12, color: MUTED_TEXT }}>不含有回落风险：{percent(p.rateStrict)}</div>
                      )}
                    </div>
                    <div style={{ flex: 1 }}>
                      <div style={{ marginBottom: 8 }}>
                        <StatusCounts counts={p.counts} />
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
                        不计入达标率：
                      </Typography.Text>
                      <ApartCounts row={p} />
                    </div>
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="各领域达标率" style={{ height: '100%' }}>
            {chart && chartBars > 0 ? (
              <EChart option={chart} height={Math.max(240, chartBars * 26 + 80)} data-testid="domain-chart" />
            ) : (
              <Typography.Text type="secondary">暂无可计算达标率的领域</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" title="分领域达标情况">
        <Table<DomainRow>
          scroll={tableScroll}
          rowKey="group"
          size="small"
          pagination={false}
          dataSource={sortedDomains}
          columns={[
            {
              title: '领域',
              key: 'name',
              width: 160,
              render: (_, d) => (
                <Link to={`/analysis/domains/${d.planId}/${d.domainCode}${basisQuery(basis)}`}>{d.domainName}</Link>
              ),
            },
            { title: '达标率', key: 'rate', width: 150, render: (_, d) => <RateCell rate={d.rate} /> },
            { title: '达标/评估', key: 'met', width: 80, render: (_, d) => `${d.met}/${d.assessed}` },
            { title: '各状态指标数', key: 'counts', render: (_, d) => <StatusCounts counts={d.counts} /> },
            {
              title: '无数据/方向性/定性',
              key: 'apart',
              width: 130,
              render: (_, d) => (
                <Typography.Text type="secondary">
                  {d.noData} / {d.directionOnly} / {d.qualitative}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={
          <Space>
            预警指标
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              共 {data?.warnings.length ?? 0} 项
            </Typography.Text>
          </Space>
        }
        extra={<Link to={`/warnings${basisQuery(basis)}`}>到预警督办</Link>}
      >
        <WarningTable warnings={data?.warnings ?? []} basis={basis} loading={loading} />
      </Card>
    </Space>
  );
}
