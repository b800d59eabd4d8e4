import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  List,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { SexGap } from '../../../../src/core/assessment/index.ts';
import {
  REFERENCE_SCOPE_LABELS,
  REFERENCE_SCOPES,
  type ReferenceFigure,
  type ReferenceScope,
} from '../../../../src/core/reference.ts';
import type { Lineage, LineageLink } from '../../../../src/features/analysis/contract.ts';
import type { SupervisionList } from '../../../../src/features/supervision/contract.ts';
import { useApi } from '../../api/useApi.ts';
import { EChart } from '../../charts/EChart.tsx';
import { withNumberLabels } from '../../charts/format.ts';
import { useCycle } from '../../shell/cycle.tsx';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { canReadNotices, IssueDialog } from '../supervision/common.tsx';
import { NoticeTable } from '../supervision/NoticeTable.tsx';
import {
  AnalysisMeta,
  basisQuery,
  EVIDENCE_LABELS,
  FLAG_LABELS,
  type IndicatorAnalysis,
  type IndicatorResponse,
  num,
  StatusTag,
  useBasis,
  WarningTags,
  WarningWhy,
} from './common.tsx';

const COMPARATOR_TEXT = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** One indicator: the engine's judgement with every number behind it, charts, sex gap, towns, 督办. */
export default function IndicatorPage() {
  const { id = '' } = useParams();
  const [basis, setBasis] = useBasis();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<IndicatorResponse>(
    `/analysis/indicators/${encodeURIComponent(id)}${basisQuery(basis)}`,
  );
  const phone = Grid.useBreakpoint().sm === false;
  const trend = useMemo(() => {
    if (!data) return undefined;
    const option = withNumberLabels(data.charts.trend, 2);
    // On a phone the legend (合计, 趋势预测, the target's long label) wraps to two or three rows under the plot:
    // the plot leaves them room, or they cover the years on the axis.
    return phone ? { ...option, grid: { ...(option.grid as object), bottom: 104 } } : option;
  }, [data, phone]);
  const towns = useMemo(() => (data?.charts.towns ? withNumberLabels(data.charts.towns, 2) : undefined), [data]);

  if (loading && !data) return <PageLoading />;
  if (!data) {
    return (
      <Result
        status="404"
        title="监测指标不存在"
        subTitle={error?.message}
        extra={<Button onClick={() => navigate('/analysis')}>返回监测分析</Button>}
      />
    );
  }
  const i = data.indicator;
  const r = i.result;
  const bad = r.status === '预计达标困难' || r.status === '未达标';
  const good = r.status === '已达标' || r.status === '提前达标' || r.status === '预计可达标' || r.status === '趋势向好';
  const townCount = i.towns?.filter((t) => t.value !== null).length ?? 0;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to={`/analysis${basisQuery(basis)}`}>监测分析</Link> },
          { title: i.planTitle },
          {
            title: <Link to={`/analysis/domains/${i.planId}/${i.domainCode}${basisQuery(basis)}`}>{i.domainName}</Link>,
          },
          { title: i.name },
        ]}
      />

      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {i.name}
          </Typography.Title>
          <Tag color="red">{i.code}</Tag>
          <StatusTag status={r.status} />
          {r.difficulty && r.status === '预计达标困难' && <Tag color="red">{r.difficulty}</Tag>}
          {r.warning && (
            <span>
              <Typography.Text type="secondary" style={{ marginInlineEnd: 4 }}>
                预警
              </Typography.Text>
              <WarningTags kinds={r.warning.kinds} />
            </span>
          )}
          <div style={{ flex: 1 }} />
          <AnalysisMeta head={data} basis={basis} onBasis={setBasis} />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {i.planTitle} · {i.domainName} · 牵头单位：{i.leadUnit?.name ?? '未分配'} ·{' '}
          {/* Underlined: in grey running text the link colour alone does not stand out enough (WCAG 1.4.1). */}
          <Link to={`/catalog/indicators/${i.id}`} style={{ textDecoration: 'underline' }}>
            查看规划原文
          </Link>
        </Typography.Paragraph>
        <Alert
          data-testid="status-reason"
          type={bad ? 'error' : good ? 'success' : 'info'}
          showIcon
          title={
            <span>
              评估结论：<b>{r.status}</b>
            </span>
          }
          description={<span style={{ fontSize: 14 }}>{r.statusReason}</span>}
          style={{ marginBottom: r.warning ? 12 : 0 }}
        />
        {r.warning && (
          <Alert
            data-testid="warning-reasons"
            type="warning"
            showIcon
            title={`预警：${r.warning.kinds.join('、')}`}
            description={<WarningWhy summary={data.warningSummary ?? undefined} reasons={r.warning.reasons} />}
          />
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title="评估数据" style={{ height: '100%' }}>
            <Figures indicator={i} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="趋势" style={{ height: '100%' }}>
            {trend && i.values.some((v) => v !== null) ? (
              <EChart option={trend} height={phone ? 428 : 380} data-testid="trend-chart" />
            ) : (
              <Typography.Text type="secondary">暂无数据</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      {data.references.length > 0 && <ReferenceCard indicator={i} references={data.references} />}
      {(data.lineage.predecessor || data.lineage.successors.length > 0) && <LineageCard lineage={data.lineage} />}

      {r.flags.length > 0 && (
        <Card size="small" title="数据提示">
          <List
            size="small"
            dataSource={r.flags}
            renderItem={(f) => (
              <List.Item>
                <Space align="start">
                  <Tag
                    color={f.kind === 'annual_step_missed' ? 'red' : f.kind === 'small_numbers' ? 'default' : 'orange'}
                  >
                    {FLAG_LABELS[f.kind]}
                    {f.year ? ` ${f.year}年` : ''}
                  </Tag>
                  <span>{f.message}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      {i.sexGap && i.sexGap.years.length > 0 && <SexGapCard gap={i.sexGap} unit={i.unit} />}

      {i.towns && (
        <Card size="small" title={`分镇街（${r.year ?? ''}年）`}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              {towns && townCount > 0 ? (
                <EChart option={towns} height={Math.max(240, townCount * 22 + 100)} data-testid="towns-chart" />
              ) : (
                <Typography.Text type="secondary">暂无分镇街数据</Typography.Text>
              )}
            </Col>
            <Col xs={24} xl={10}>
              <TownFigures indicator={i} />
            </Col>
          </Row>
        </Card>
      )}

      <SupervisionCard indicator={i} />
    </Space>
  );
}

function Figures({ indicator: i }: { indicator: IndicatorAnalysis }) {
  const r = i.result;
  const unit = i.unit;
  const withUnit = (v: number | null, d = 3) => (v === null ? '—' : `${num(v, d)} ${unit}`);
  const baseNote = r.baseYearUsed !== null && r.baseYearUsed !== i.years[0];
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      data-testid="indicator-figures"
    >
      <Descriptions.Item label="规划目标">{i.target}</Descriptions.Item>
      <Descriptions.Item label="目标值 TV">
        {r.target === null
          ? '—（无数值目标）'
          : `${r.comparator ? COMPARATOR_TEXT[r.comparator] : ''} ${withUnit(r.target)}`}
        {r.targetNow !== null && r.targetNow !== r.target && (
          <Typography.Text type="secondary">（当年路径目标 {withUnit(r.targetNow)}）</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="基期值">
        {r.baseValue === null ? '—' : `${withUnit(r.baseValue)}（${r.baseYearUsed}年）`}
        {baseNote && (
          <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
            基期{i.years[0]}年缺数，以{r.baseYearUsed}年代替
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="最新值">
        {r.value === null ? '无数据' : `${withUnit(r.value)}（${r.year}年）`}
        {r.met !== null && (
          <Tag color={r.met ? 'green' : 'volcano'} style={{ marginInlineStart: 8 }}>
            {r.met ? '当前达到目标' : '当前未达目标'}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="序时进度 CS / E">
        {r.schedule ? (
          <span>
            CS = {num(r.schedule.cs, 3)}，应达 E = {num(r.schedule.expected, 3)}
            <Tag color={r.schedule.behind ? 'red' : 'green'} style={{ marginInlineStart: 8 }}>
              {r.schedule.behind ? '落后于序时进度' : '不落后'}
            </Tag>
          </span>
        ) : (
          <Typography.Text type="secondary">{r.metAtBase ? '基期已达标，不计算' : '不适用'}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={`趋势预测 x̂（${i.targetYear}年）`}>
        {r.projection ? (
          <span>
            {i.result.ruleKind === 'relational' ? `差值 ${num(r.projection.value, 3)}` : withUnit(r.projection.value)}
            {r.projection.clipped && <Typography.Text type="secondary">（已截到取值界限）</Typography.Text>}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.projection.method === 'theil-sen' ? 'Theil–Sen 稳健趋势' : '首末两点'}，斜率{' '}
              {num(r.projection.slope, 4)}/年
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">不足2年数据，不预测</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="预计达成度 APR">
        {r.apr === null ? (
          <Typography.Text type="secondary">不适用</Typography.Text>
        ) : (
          <span>
            {num(r.apr, 3)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              （≥ 0.95 预计可达标；0—0.95 需加快；≤ 0 逆向）
            </Typography.Text>
          </span>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="证据等级">
        {EVIDENCE_LABELS[r.evidence]}，有数年份 {r.n} 个
      </Descriptions.Item>
      <Descriptions.Item label="CAGR 比值">
        {r.cagrRatio === null ? (
          <Typography.Text type="secondary">不适用</Typography.Text>
        ) : (
          <span>
            {num(r.cagrRatio, 3)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              （实际年均增速 ÷ 所需年均增速，仅供参考）
            </Typography.Text>
          </span>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The district's value beside the 天津市 and 全国 figures, for the years that have any, with their sources. */
/** The same statistic in other cycles: the one this indicator continues, and those that continue it. */
function LineageCard({ lineage }: { lineage: Lineage }) {
  const { pick } = useCycle();
  const navigate = useNavigate();
  const open = (l: LineageLink) => {
    // The other cycle's page: switch the header to its cycle first, so the page asks for it.
    pick(l.cycle.id);
    navigate(`/analysis/indicators/${l.id}`);
  };
  const row = (label: string, l: LineageLink) => (
    <Descriptions.Item key={`${label}${l.id}`} label={label}>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(l)}>
        {l.code} {l.name}
      </Button>
      <Typography.Text type="secondary">
        （{l.cycle.start}—{l.cycle.end}年，目标 {l.target}）
      </Typography.Text>
    </Descriptions.Item>
  );
  return (
    <Card size="small" title="跨规划周期">
      <Descriptions size="small" column={1}>
        {lineage.predecessor && row('上一周期', lineage.predecessor)}
        {lineage.successors.map((l) => row('下一周期', l))}
      </Descriptions>
      {lineage.predecessor && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          本指标延续上一周期的同一统计指标：{lineage.predecessor.cycle.end}年的数值即本周期的基期值。
        </Typography.Text>
      )}
    </Card>
  );
}

function ReferenceCard({ indicator: i, references }: { indicator: IndicatorAnalysis; references: ReferenceFigure[] }) {
  const tableScroll = useTableScroll();
  const years = [...new Set(references.map((f) => f.year))].sort((a, b) => a - b);
  const at = (scope: ReferenceScope, year: number) => references.find((f) => f.scope === scope && f.year === year);
  const district = (year: number) => i.values[i.years.indexOf(year)] ?? null;
  return (
    <Card
      size="small"
      title="与天津市、全国比较"
      extra={<Link to="/analysis/references">对比数据</Link>}
      data-testid="reference-card"
    >
      <Table
        data-testid="reference-compare"
        scroll={tableScroll}
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={years.map((year) => ({ year }))}
        style={{ maxWidth: 960 }}
        columns={[
          { title: '年份', dataIndex: 'year', width: 80 },
          {
            title: `本区（${i.unit}）`,
            align: 'right',
            render: (_, { year }) => (district(year) === null ? '—' : num(district(year), 3)),
          },
          ...REFERENCE_SCOPES.map((scope) => ({
            title: `${REFERENCE_SCOPE_LABELS[scope]}（${i.unit}）`,
            key: scope,
            align: 'right' as const,
            render: (_: unknown, { year }: { year: number }) => {
              const f = at(scope, year);
              return f ? num(f.value, 3) : '—';
            },
          })),
          {
            title: '数据来源',
            render: (_, { year }) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {REFERENCE_SCOPES.map((scope) => at(scope, year))
                  .filter((f) => f !== undefined)
                  .map((f) => `${REFERENCE_SCOPE_LABELS[f.scope]}：${f.source}`)
                  .join('；')}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

function SexGapCard({ gap, unit }: { gap: SexGap; unit: string }) {
  return (
    <Card
      size="small"
      title="分性别"
      extra={
        gap.narrowing === null ? null : (
          <Tag color={gap.narrowing ? 'green' : 'orange'}>{gap.narrowing ? '性别差距缩小' : '性别差距未缩小'}</Tag>
        )
      }
    >
      <Table
        data-testid="sex-gap-table"
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={gap.years}
        style={{ maxWidth: 720 }}
        columns={[
          { title: '年份', dataIndex: 'year', width: 80 },
          { title: `女（${unit}）`, dataIndex: 'female', align: 'right', render: (v: number) => num(v, 3) },
          { title: `男（${unit}）`, dataIndex: 'male', align: 'right', render: (v: number) => num(v, 3) },
          { title: '差值（女 − 男）', dataIndex: 'gap', align: 'right', render: (v: number) => num(v, 3) },
          {
            title: '女 / 男',
            dataIndex: 'ratio',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : num(v, 3)),
          },
        ]}
      />
      {gap.slope !== null && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          差值趋势斜率 {num(gap.slope, 3)}/年（{gap.years.length >= 4 ? 'Theil–Sen' : '首末两点'}）。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function TownFigures({ indicator: i }: { indicator: IndicatorAnalysis }) {
  const d = i.townDisparity;
  if (!d) return <Typography.Text type="secondary">镇街数据不足，未计算差异。</Typography.Text>;
  const worst = d.lagging.filter((t) => t.worstQuartile);
  const below = d.lagging.filter((t) => t.belowTarget);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2} data-testid="town-disparity">
        <Descriptions.Item label="镇街数">{d.n}</Descriptions.Item>
        <Descriptions.Item label="均值">{num(d.mean, 2)}</Descriptions.Item>
        <Descriptions.Item label="最低 / 最高">
          {num(d.min, 2)} / {num(d.max, 2)}
        </Descriptions.Item>
        <Descriptions.Item label="极差">{num(d.range, 2)}</Descriptions.Item>
        <Descriptions.Item label="标准差">{num(d.sd, 3)}</Descriptions.Item>
        <Descriptions.Item label="变异系数">{d.cv === null ? '—' : num(d.cv, 3)}</Descriptions.Item>
        <Descriptions.Item label="最差四分位线" span={2}>
          {num(d.quartileCut, 2)} {i.unit}
        </Descriptions.Item>
      </Descriptions>
      <div data-testid="lagging-towns">
        <Typography.Text strong>落后镇街（最差四分位，{worst.length} 个）：</Typography.Text>
        <div style={{ marginTop: 4 }}>
          {worst.length ? (
            worst.map((t) => (
              <Tag key={t.area} color="red" style={{ marginBottom: 4 }}>
                {t.area} {num(t.value, 2)}
              </Tag>
            ))
          ) : (
            <Typography.Text type="secondary">无</Typography.Text>
          )}
        </div>
        {below.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
            未达到目标的镇街共 {below.length} 个
            {below.length < d.n
              ? `：${below
                  .filter((t) => !t.worstQuartile)
                  .map((t) => t.area)
                  .join('、')}${worst.length ? ' 及上列各镇街' : ''}`
              : '（全部镇街）'}
            。
          </Typography.Paragraph>
        )}
      </div>
    </Space>
  );
}

function SupervisionCard({ indicator: i }: { indicator: IndicatorAnalysis }) {
  const user = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const readable = canReadNotices(user.role);
  const { data, error, loading, reload } = useApi<SupervisionList>(
    readable ? `/supervision?indicatorId=${i.id}` : null,
  );
  const [issuing, setIssuing] = useState(false);
  if (!readable) return null;
  const notices = data?.notices ?? [];
  const open = notices.some((n) => n.status !== 'closed');
  return (
    <Card
      size="small"
      title="督办"
      data-testid="supervision-card"
      extra={
        user.role === 'office' && (
          <Button type="primary" size="small" danger={Boolean(i.result.warning)} onClick={() => setIssuing(true)}>
            发起督办
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {open && user.role === 'office' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          该指标已有未办结的督办单。
        </Typography.Paragraph>
      )}
      <NoticeTable
        notices={notices}
        loading={loading}
        showIndicator={false}
        emptyText={i.result.warning ? '该预警指标尚未督办' : '该指标没有督办单'}
      />
      {issuing && (
        <IssueDialog
          open
          indicator={{
            id: i.id,
            code: i.code,
            name: i.name,
            leadUnit: i.leadUnit,
            reasons: i.result.warning?.reasons ?? [],
          }}
          onClose={() => setIssuing(false)}
          onIssued={(n) => {
            setIssuing(false);
            message.success(`督办单已发给${i.leadUnit?.name ?? '牵头单位'}`);
            reload();
            navigate(`/warnings/notices/${n.id}`);
          }}
        />
      )}
    </Card>
  );
}
