import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { IndicatorResponse } from '../../../../src/features/catalog/contract.ts';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { BETTER_LABELS, DisaggregationTags, Highlighted, RULE_KIND_LABELS, SOURCE_KIND_LABELS } from './labels.tsx';

type Detail = IndicatorResponse['indicator'];

function limitsText([min, max]: Detail['limits'], unit: string): string {
  const side = (v: number | null) => (v === null ? '不限' : v.toLocaleString('zh-CN'));
  return `${side(min)} 至 ${side(max)}（${unit}）`;
}

const domainLink = (i: Detail, focus?: string) =>
  `/catalog?${new URLSearchParams({ plan: i.plan.id, domain: i.domain.code, ...(focus ? { focus } : {}) })}`;

export default function IndicatorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<IndicatorResponse>(`/catalog/indicators/${encodeURIComponent(id ?? '')}`);

  if (loading && !data) return <PageLoading />;
  if (error || !data) {
    return (
      <Result
        status="404"
        title="监测指标不存在"
        subTitle={error?.message ?? '该指标不存在或已停用。'}
        extra={
          <Button type="primary" onClick={() => navigate('/catalog')}>
            返回规划目标
          </Button>
        }
      />
    );
  }

  const i = data.indicator;
  const source = i.sourceItem;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Breadcrumb
        items={[
          { title: <Link to="/catalog">规划目标</Link> },
          { title: <Link to={`/catalog?plan=${encodeURIComponent(i.plan.id)}`}>{i.plan.shortTitle}</Link> },
          { title: <Link to={domainLink(i)}>{i.domain.name}</Link> },
          { title: <Link to={domainLink(i, 'indicators')}>监测指标</Link> },
          { title: i.name },
        ]}
      />

      <Card>
        <Space align="center" wrap style={{ marginBottom: 4 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {i.name}
          </Typography.Title>
          <Tag color="red" style={{ fontSize: 14, padding: '2px 8px' }}>
            {i.code}
          </Tag>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          《{i.plan.title}》 · {i.domain.name}
        </Typography.Paragraph>

        <div
          style={{
            background: '#fdf5f5',
            border: '1px solid #f0d0d1',
            borderLeft: '4px solid #9f1f25',
            borderRadius: 4,
            padding: '14px 20px',
            marginBottom: 20,
          }}
        >
          <Typography.Text type="secondary">规划目标值</Typography.Text>
          <div
            data-testid="indicator-target"
            style={{ fontSize: 28, lineHeight: 1.4, fontWeight: 600, color: '#9f1f25', marginTop: 4 }}
          >
            {i.ruleText}
          </div>
        </div>

        <Descriptions bordered size="middle" column={{ xs: 1, md: 2 }} styles={{ label: { width: 140 } }}>
          <Descriptions.Item label="单位">{i.unit}</Descriptions.Item>
          <Descriptions.Item label="评价方向">{BETTER_LABELS[i.better]}</Descriptions.Item>
          <Descriptions.Item label="目标类型">{RULE_KIND_LABELS[i.rule.kind]}</Descriptions.Item>
          <Descriptions.Item label="分解统计">
            {i.disaggregations.length ? <DisaggregationTags values={i.disaggregations} /> : '不分解'}
          </Descriptions.Item>
          {i.reference && (
            <Descriptions.Item label="参照指标" span={2}>
              <Link to={`/catalog/indicators/${i.reference.id}`}>
                {i.reference.name}（{i.reference.code}）
              </Link>
            </Descriptions.Item>
          )}
          {i.counts && (
            <Descriptions.Item label="计算口径" span={2}>
              {i.name} = {i.counts.numerator} ÷ {i.counts.denominator} × {i.counts.factor.toLocaleString('zh-CN')}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                各单位填报分子（{i.counts.numerator}）和分母（{i.counts.denominator}），小数字按合并计数判断
              </Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="判断精度">保留 {i.precision} 位小数</Descriptions.Item>
          <Descriptions.Item label="取值范围">{limitsText(i.limits, i.unit)}</Descriptions.Item>
          <Descriptions.Item label="波动提示下限" span={2}>
            {i.floor}
            {i.unit === '%' ? '个百分点' : i.unit}
            <Typography.Text type="secondary">（年度变化小于此值时不提示“波动较大”）</Typography.Text>
          </Descriptions.Item>
        </Descriptions>

        {i.note && <Alert type="info" showIcon title="口径说明" description={i.note} style={{ marginTop: 16 }} />}
      </Card>

      <Card
        title={
          <span>
            规划原文：{i.domain.name} · {SOURCE_KIND_LABELS[source.kind]}第{source.number}条
            {source.title && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
                {source.title}
              </Typography.Text>
            )}
          </span>
        }
        extra={<Link to={domainLink(i, `${source.kind}-${source.number}`)}>在领域中查看</Link>}
      >
        <Typography.Paragraph
          style={{ fontSize: 16, lineHeight: 2, textAlign: 'justify', marginBottom: 12 }}
          data-testid="indicator-source"
        >
          <span style={{ color: '#9f1f25', fontWeight: 600, marginInlineEnd: 4 }}>{source.number}．</span>
          <Highlighted text={source.text} part={i.quote} />
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          设定目标的原文（已标出）：“{i.quote}”，见{SOURCE_KIND_LABELS[source.kind]}第{source.number}条。
        </Typography.Text>
      </Card>

      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(domainLink(i, 'indicators'))}>
        返回{i.domain.name}
      </Button>
    </Space>
  );
}
