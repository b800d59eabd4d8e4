import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Row,
  Table,
  type TableColumnsType,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type {
  DomainDetail,
  IndicatorRow,
  PlanResponse,
  PlansResponse,
} from '../../../../src/features/catalog/contract.ts';
import { ApiError, download } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { SearchBox, SearchResults } from './CatalogSearch.tsx';
import { DisaggregationTags, sourceLabel } from './labels.tsx';

type Section = 'goals' | 'measures' | 'indicators';
const SECTION_LABELS: Record<Section, string> = { goals: '主要目标', measures: '策略措施', indicators: '监测指标' };

/** Tree keys: plan:<id>, domain:<plan>:<code>, section:<plan>:<code>:<section>. */
const domainKey = (plan: string, code: string) => `domain:${plan}:${code}`;

/** The measure's heading is its first sentence; the rest of the text follows it. */
function measureRest(m: { title: string; text: string }): string {
  return m.text.startsWith(m.title) ? m.text.slice(m.title.length).replace(/^。/, '') : m.text;
}

const itemStyle = (focused: boolean) => ({
  padding: '6px 8px',
  margin: '0 -8px',
  borderRadius: 4,
  lineHeight: 1.8,
  background: focused ? '#fff7e6' : undefined,
  boxShadow: focused ? 'inset 3px 0 0 #fa8c16' : undefined,
  transition: 'background 0.6s',
});

function NumberedItem({
  id,
  number,
  focused,
  children,
}: {
  id: string;
  number: number;
  focused: boolean;
  children: React.ReactNode;
}) {
  return (
    <div id={id} style={{ display: 'flex', gap: 8, ...itemStyle(focused) }}>
      <span style={{ flex: '0 0 2.2em', textAlign: 'right', color: '#9f1f25', fontWeight: 600 }}>{number}．</span>
      <div style={{ flex: 1, textAlign: 'justify' }}>{children}</div>
    </div>
  );
}

const indicatorColumns: TableColumnsType<IndicatorRow> = [
  {
    title: '编号',
    dataIndex: 'code',
    width: 80,
    render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
  },
  {
    title: '指标',
    dataIndex: 'name',
    render: (name: string, row) => <Link to={`/catalog/indicators/${row.id}`}>{name}</Link>,
  },
  { title: '目标值', dataIndex: 'ruleText', width: '30%' },
  { title: '单位', dataIndex: 'unit', width: 70, align: 'center' },
  {
    title: '来源',
    dataIndex: 'source',
    width: 100,
    render: (source: IndicatorRow['source']) => <span style={{ whiteSpace: 'nowrap' }}>{sourceLabel(source)}</span>,
  },
  {
    title: '分解',
    dataIndex: 'disaggregations',
    width: 140,
    render: (values: IndicatorRow['disaggregations']) => <DisaggregationTags values={values} />,
  },
];

/** The tab a focus names: a section (indicators) or an item in one (goal-3, measure-4). */
export function sectionOf(focus: string | null, domain: DomainDetail): Section {
  if (focus === 'goals' || focus?.startsWith('goal-')) return 'goals';
  if (focus === 'measures' || focus?.startsWith('measure-')) return 'measures';
  if (focus === 'indicators') return 'indicators';
  // By default the indicator table, the part monitoring works with; a domain without indicators shows its goals.
  return domain.indicators.length > 0 ? 'indicators' : 'goals';
}

function DomainContent({
  planTitle,
  domain,
  focus,
  onSection,
}: {
  planTitle: string;
  domain: DomainDetail;
  focus: string | null;
  onSection: (section: Section) => void;
}) {
  const tableScroll = useTableScroll();
  const section = sectionOf(focus, domain);
  // A search result names an item: bring it into view.
  useEffect(() => {
    if (!focus?.includes('-')) return;
    document.getElementById(focus)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [focus]);

  const { counts } = domain;
  return (
    <Card
      title={
        <span>
          {domain.name}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 12 }}>
            {planTitle} · {domain.code}
          </Typography.Text>
        </span>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          监测指标 {counts.indicators} 个（数值目标 {counts.numeric}，方向性目标 {counts.directional}）
        </Typography.Text>
      }
      activeTabKey={section}
      onTabChange={(key) => onSection(key as Section)}
      tabList={(['goals', 'measures', 'indicators'] as const).map((key) => ({
        key,
        label: `${SECTION_LABELS[key]}（${counts[key]}）`,
      }))}
    >
      {section === 'goals' &&
        domain.goals.map((g) => (
          <NumberedItem key={g.number} id={`goal-${g.number}`} number={g.number} focused={focus === `goal-${g.number}`}>
            {g.text}
          </NumberedItem>
        ))}
      {section === 'measures' &&
        domain.measures.map((m) => (
          <NumberedItem
            key={m.number}
            id={`measure-${m.number}`}
            number={m.number}
            focused={focus === `measure-${m.number}`}
          >
            <Typography.Text strong>{m.title}。</Typography.Text>
            {measureRest(m)}
          </NumberedItem>
        ))}
      {section === 'indicators' &&
        (domain.indicators.length === 0 ? (
          <Empty description="本领域没有可量化的监测指标，按定性目标评估" />
        ) : (
          <Table
            scroll={tableScroll}
            size="small"
            bordered
            rowKey="id"
            pagination={false}
            columns={indicatorColumns}
            dataSource={domain.indicators}
            data-testid="indicator-table"
          />
        ))}
    </Card>
  );
}

export default function CatalogPage() {
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const [searchText, setSearchText] = useState('');
  const [exporting, setExporting] = useState(false);
  const { data: list, error: listError } = useApi<PlansResponse>('/catalog/plans');

  const plans = useMemo(() => list?.plans ?? [], [list]);
  const planId = params.get('plan') ?? plans[0]?.id ?? null;
  const { data: detail, error: detailError } = useApi<PlanResponse>(
    planId ? `/catalog/plans/${encodeURIComponent(planId)}` : null,
  );
  const plan = detail?.plan.id === planId ? detail.plan : undefined;
  const domainCode = params.get('domain') ?? plans.find((p) => p.id === planId)?.domains[0]?.code ?? null;
  const domain = plan?.domains.find((d) => d.code === domainCode);
  const focus = params.get('focus');

  const [expanded, setExpanded] = useState<React.Key[]>([]);
  // Plans are open from the start; the selected domain opens too.
  useEffect(() => {
    const keys = [
      ...plans.map((p) => `plan:${p.id}`),
      ...(planId && domainCode ? [domainKey(planId, domainCode)] : []),
    ];
    setExpanded((now) => [...new Set([...now, ...keys])]);
  }, [plans, planId, domainCode]);

  const treeData = useMemo<TreeDataNode[]>(
    () =>
      plans.map((p) => ({
        key: `plan:${p.id}`,
        selectable: false,
        title: (
          <span>
            <Typography.Text strong>{p.shortTitle}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {p.domains.length}个领域 · {p.counts.indicators}项指标
            </Typography.Text>
          </span>
        ),
        children: p.domains.map((d) => ({
          key: domainKey(p.id, d.code),
          title: d.name,
          children: (['goals', 'measures', 'indicators'] as const).map((s) => ({
            key: `section:${p.id}:${d.code}:${s}`,
            isLeaf: true,
            title: `${SECTION_LABELS[s]}（${d.counts[s]}）`,
          })),
        })),
      })),
    [plans],
  );

  const section = domain ? sectionOf(focus, domain) : null;
  const selectedKey = planId && domainCode && section ? `section:${planId}:${domainCode}:${section}` : undefined;

  function select(key: string) {
    const [kind, plan, code, section] = key.split(':');
    if (kind === 'domain' && plan && code) setParams({ plan, domain: code });
    if (kind === 'section' && plan && code && section) setParams({ plan, domain: code, focus: section });
  }

  async function exportXlsx() {
    setExporting(true);
    try {
      await download('/catalog/export.xlsx', '规划目标与监测指标.xlsx');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导出失败，请稍后再试');
    } finally {
      setExporting(false);
    }
  }

  const error = listError ?? detailError;
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <div style={{ flex: 1, minWidth: 280 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            规划目标
          </Typography.Title>
          <Typography.Text type="secondary">
            各规划的发展领域、主要目标、策略措施和监测指标，均取自规划原文
          </Typography.Text>
        </div>
        <SearchBox value={searchText} onChange={setSearchText} />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
          导出Excel
        </Button>
      </div>

      <SearchResults text={searchText} onClear={() => setSearchText('')} />

      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {!list && !error ? (
        <PageLoading />
      ) : (
        // On a phone the tree sits above the content (both full width); beside it from 768 px.
        <Row gutter={[16, 12]} align="top" wrap={phone}>
          <Col
            flex={phone ? '100%' : '300px'}
            style={phone ? undefined : { position: 'sticky', top: 16, alignSelf: 'flex-start' }}
          >
            <Card
              title="规划目录"
              size="small"
              styles={{
                body: { maxHeight: phone ? '40vh' : 'calc(100vh - 200px)', overflowY: 'auto', padding: '8px 4px' },
              }}
            >
              <Tree
                blockNode
                showLine
                treeData={treeData}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys)}
                selectedKeys={selectedKey ? [selectedKey] : []}
                onSelect={(_, info) => select(String(info.node.key))}
              />
            </Card>
          </Col>
          <Col flex={phone ? '100%' : 'auto'} style={{ minWidth: 0 }}>
            {domain && plan ? (
              <DomainContent
                planTitle={plan.title}
                domain={domain}
                focus={focus}
                onSection={(s) => planId && setParams({ plan: planId, domain: domain.code, focus: s })}
              />
            ) : plan ? (
              <Card>
                <Empty description={`“${plan.shortTitle}”中没有代码为 ${domainCode ?? ''} 的领域，请在左侧选择`} />
              </Card>
            ) : detailError ? null : (
              <PageLoading />
            )}
          </Col>
        </Row>
      )}
    </div>
  );
}
