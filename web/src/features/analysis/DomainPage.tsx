import { Alert, Breadcrumb, Card, Result, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import {
  AnalysisMeta,
  ApartCounts,
  basisQuery,
  type DomainIndicator,
  type DomainResponse,
  num,
  percent,
  StatusCounts,
  StatusTag,
  useBasis,
  WarningTags,
} from './common.tsx';

/** One domain: each indicator with its latest value, target, status and warning. */
export default function DomainPage() {
  const tableScroll = useTableScroll();
  const { planId = '', code = '' } = useParams();
  const [basis, setBasis] = useBasis();
  const { data, error, loading } = useApi<DomainResponse>(
    `/analysis/domains/${encodeURIComponent(planId)}/${encodeURIComponent(code)}${basisQuery(basis)}`,
  );
  if (loading && !data) return <PageLoading />;
  if (!data) return <Result status="404" title="领域不存在" subTitle={error?.message} />;
  const d = data.domain;
  const planTitle = data.indicators[0]?.planTitle ?? planId;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to={`/analysis${basisQuery(basis)}`}>监测分析</Link> },
          { title: planTitle },
          { title: d.domainName },
        ]}
      />
      <Card
        title={`${d.domainName}（${code}）`}
        extra={<AnalysisMeta head={data} basis={basis} onBasis={setBasis} />}
        size="small"
      >
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
        <Space size={32} wrap style={{ marginBottom: 12 }}>
          <div>
            <Typography.Text type="secondary">达标率</Typography.Text>
            <div style={{ fontSize: 28, fontWeight: 600, color: '#9f1f25' }}>{percent(d.rate)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              达标 {d.met} / 评估 {d.assessed}
            </Typography.Text>
          </div>
          <div>
            <div style={{ marginBottom: 6 }}>
              <StatusCounts counts={d.counts} />
            </div>
            <ApartCounts row={d} />
          </div>
        </Space>
        <Table<DomainIndicator>
          scroll={tableScroll}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.indicators}
          expandable={{
            expandedRowRender: (i) => (
              <Typography.Text style={{ fontSize: 13 }}>
                {i.statusReason}
                {i.warning && i.warning.reasons.filter((r) => r !== i.statusReason).length > 0 && (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                    {i.warning.reasons
                      .filter((r) => r !== i.statusReason)
                      .map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                  </ul>
                )}
              </Typography.Text>
            ),
          }}
          columns={[
            { title: '编号', dataIndex: 'code', width: 70 },
            {
              title: '监测指标',
              key: 'name',
              render: (_, i) => <Link to={`/analysis/indicators/${i.id}${basisQuery(basis)}`}>{i.name}</Link>,
            },
            { title: '目标', dataIndex: 'target', width: 200 },
            {
              title: '最新值',
              key: 'latest',
              width: 120,
              align: 'right',
              render: (_, i) =>
                i.latest === null ? (
                  <Typography.Text type="secondary">无数据</Typography.Text>
                ) : (
                  <span>
                    {num(i.latest, 3)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      {i.unit}（{i.year}年）
                    </Typography.Text>
                  </span>
                ),
            },
            { title: '评估状态', key: 'status', width: 150, render: (_, i) => <StatusTag status={i.status} /> },
            { title: '预警', key: 'warning', width: 180, render: (_, i) => <WarningTags kinds={i.warning?.kinds} /> },
            { title: '牵头单位', key: 'lead', width: 120, render: (_, i) => i.leadUnit?.name ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
