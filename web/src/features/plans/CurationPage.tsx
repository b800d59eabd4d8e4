import { CheckOutlined, CloseOutlined, DownloadOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeRuleShort } from '../../../../src/core/catalog/describe.ts';
import { RATE_FACTORS } from '../../../../src/core/catalog/wording.ts';
import type {
  CandidateEdits,
  CandidateReply,
  CandidateRow,
  CandidateStatus,
  DraftDetail,
  LocatedProblem,
  ProblemsReply,
  PublishReply,
} from '../../../../src/features/plans/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { ApiError, download, patch, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { UnsavedGuard } from '../../shell/UnsavedGuard.tsx';
import { PLAN_MANAGERS, RequireRoles } from '../admin/common.tsx';

// 整理规划草稿: for each domain, the goals and measures word for word with every candidate's quote highlighted,
// beside the candidates to accept, edit or reject. Every change is saved at once on the server; after each one the
// server checks the whole folder with the system's own validators and the problems appear at the candidate or
// field they name (the browser runs no validator of its own).

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请稍后再试');

const STATUS: Record<CandidateStatus, { label: string; color: string; mark: string }> = {
  pending: { label: '待定', color: 'gold', mark: '#fff1b8' },
  accepted: { label: '已采纳', color: 'green', mark: '#d9f7be' },
  rejected: { label: '不采纳', color: 'default', mark: '#f0f0f0' },
};

const RULE_KINDS: { value: string; label: string }[] = [
  { value: 'threshold', label: '达到目标值（threshold）' },
  { value: 'maintain', label: '保持（maintain）' },
  { value: 'relative_to_base', label: '较基期增减百分比（relative_to_base）' },
  { value: 'annual_step', label: '每年增减（annual_step）' },
  { value: 'relational', label: '与另一指标比较（relational）' },
  { value: 'count_per_body', label: '每个单位至少配备（count_per_body）' },
  { value: 'direction_only', label: '只有方向（direction_only）' },
];
const COMPARATORS = [
  { value: '>=', label: '≥ 不低于（以上）' },
  { value: '>', label: '> 高于' },
  { value: '<=', label: '≤ 不高于（以下）' },
  { value: '<', label: '< 低于' },
];

/** Chinese names of the fields a problem can name. */
const FIELD_LABELS: Record<string, string> = {
  code: '编号',
  name: '名称',
  unit: '单位',
  better: '方向',
  rule: '目标规则',
  'rule.kind': '目标类型',
  'rule.comparator': '比较符',
  'rule.value': '目标值',
  'rule.percent': '百分比',
  'rule.baseYear': '基数年',
  'rule.step': '每年幅度',
  'rule.reference': '对照指标',
  'rule.body': '配备对象',
  'rule.countUnit': '计数单位',
  'rule.wording': '方向措辞',
  quote: '原文',
  precision: '精度',
  limits: '上下限',
  floor: '波动阈值',
  disaggregations: '分解维度',
  counts: '分子分母',
  'counts.numerator': '分子',
  'counts.denominator': '分母',
  'counts.factor': '倍数',
  lead: '牵头单位',
  partners: '配合单位',
  predecessor: '上一周期',
  id: '标识',
  region: '地区',
  cycle: '周期',
  'cycle.start': '起始年',
  'cycle.end': '终止年',
  'cycle.baseYear': '基期年',
  title: '标题',
  shortTitle: '简称',
  issuer: '发文机关',
  issuedOn: '印发日期',
};
const fieldLabel = (field: string) => FIELD_LABELS[field] ?? (field || '整体');

/**
 * Form.Item props showing the server's problems of a field: rule.comparator at the comparator, a problem of the
 * whole rule at its kind, limits.0 at the lower limit. Fields without an item of their own show at the nearest one.
 */
function fieldErrors(problems: [string, string][]) {
  const by = new Map<string, string[]>();
  for (const [field, message] of problems) {
    const key = field === 'rule' ? 'rule.kind' : field === 'limits' ? 'limits.0' : field;
    by.set(key, [...(by.get(key) ?? []), message]);
  }
  return (field: string) => {
    const messages = by.get(field);
    return messages ? { validateStatus: 'error' as const, help: messages.join('；') } : {};
  };
}

interface EditForm {
  code: string;
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  rule: Record<string, unknown>;
  quote: string;
  precision: number | null;
  limits: [number | null, number | null];
  floor: number | null;
  disaggregations: ('sex' | 'area')[];
  lead: string | null;
  partners: string[];
  predecessor?: string;
  /** A rate reported as counts (孕产妇死亡率 = 孕产妇死亡数 ÷ 活产数 × 100000): units enter both counts. */
  withCounts: boolean;
  counts: { numerator?: string; denominator?: string; factor?: number | null };
}

/** The counts as the plan file has them: empty parts left out, so the validator names what is missing. */
function countsOf(values: EditForm): Record<string, unknown> | undefined {
  if (!values.withCounts) return undefined;
  const { numerator, denominator, factor } = values.counts ?? {};
  return {
    ...(numerator?.trim() ? { numerator: numerator.trim() } : {}),
    ...(denominator?.trim() ? { denominator: denominator.trim() } : {}),
    ...(factor !== null && factor !== undefined ? { factor } : {}),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== null)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, x]) => [k, sortKeys(x)]),
  );
}

/** The fields of the rule kind: what the form shows and sends. */
const RULE_FIELDS: Record<string, string[]> = {
  threshold: ['comparator', 'value'],
  maintain: ['comparator', 'value'],
  relative_to_base: ['percent', 'baseYear'],
  annual_step: ['step'],
  relational: ['comparator', 'reference'],
  count_per_body: ['value', 'body', 'countUnit'],
  direction_only: ['wording'],
};

export default function CurationPage() {
  const { id } = useParams();
  const { message, modal } = App.useApp();
  const detail = useApi<DraftDetail>(`/plan-drafts/${id}`);
  const checks = useApi<ProblemsReply>(`/plan-drafts/${id}/problems`);
  const [rows, setRows] = useState<CandidateRow[]>([]);
  const [tab, setTab] = useState<string>();
  const [selected, setSelected] = useState<number>();
  const [editing, setEditing] = useState<CandidateRow>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (detail.data) setRows(detail.data.candidates);
  }, [detail.data]);

  const data = detail.data;
  const published = data?.draft.published ?? null;
  const problems = checks.data?.problems ?? [];
  const byCandidate = useMemo(() => {
    const map = new Map<number, LocatedProblem[]>();
    for (const p of problems) {
      if (p.target.kind !== 'candidate') continue;
      map.set(p.target.index, [...(map.get(p.target.index) ?? []), p]);
    }
    return map;
  }, [problems]);

  const progress = useMemo(() => {
    if (!data) return [];
    return data.progress.map((p) => {
      const mine = rows.filter((r) => r.drafted.plan === p.plan && r.drafted.domain === p.domain);
      return {
        ...p,
        accepted: mine.filter((r) => r.decision.status === 'accepted').length,
        rejected: mine.filter((r) => r.decision.status === 'rejected').length,
        problems: mine.reduce((n, r) => n + (byCandidate.get(r.index)?.length ?? 0), 0),
      };
    });
  }, [data, rows, byCandidate]);

  if (detail.error) {
    return (
      <RequireRoles roles={PLAN_MANAGERS}>
        <Result status="warning" title={errorText(detail.error)} extra={<Link to="/admin/plans">返回规划管理</Link>} />
      </RequireRoles>
    );
  }
  if (!data) return <Card loading />;

  const replaceRow = (row: CandidateRow) => setRows((old) => old.map((r) => (r.index === row.index ? row : r)));

  /** Saves one candidate's decision; problems are checked again afterwards. Refused: the server's field errors. */
  async function save(row: CandidateRow, body: Record<string, unknown>): Promise<true | Record<string, string>> {
    try {
      const reply = await patch<CandidateReply>(`/plan-drafts/${id}/candidates/${row.index}`, {
        revision: row.decision.revision,
        ...body,
      });
      replaceRow(reply.row);
      checks.reload();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_EDIT' && e.body.current) {
        replaceRow(e.body.current as CandidateRow);
      }
      message.error(errorText(e));
      return e instanceof ApiError ? e.fields : {};
    }
  }

  async function acceptDomain(plan: string, domain: string) {
    setBusy(true);
    try {
      const reply = await post<{ accepted: number }>(`/plan-drafts/${id}/accept-domain`, { plan, domain });
      message.success(`已采纳 ${reply.accepted} 个候选指标`);
      detail.reload();
      checks.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function publish(current: boolean) {
    setBusy(true);
    try {
      const reply = await post<PublishReply>(`/plan-drafts/${id}/publish`, { current });
      message.success(`已发布规划目录 ${reply.folderId}${reply.current ? '，并设为当前规划周期' : ''}`);
      detail.reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DRAFT_INVALID') checks.reload();
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function confirmPublish() {
    let current = true;
    modal.confirm({
      title: `发布规划目录 ${data?.settings.folder.id}？`,
      content: (
        <Space direction="vertical">
          <span>
            {`将作为新的规划周期导入本系统（${checks.data?.indicators ?? 0} 个监测指标），已有周期的数据、报告不受影响。发布后草稿不能再修改。`}
          </span>
          <Checkbox defaultChecked onChange={(e) => (current = e.target.checked)}>
            设为当前规划周期（新的填报任务、默认页面使用它）
          </Checkbox>
        </Space>
      ),
      okText: '发布',
      cancelText: '取消',
      onOk: () => publish(current),
    });
  }

  const domainTabs = data.plans.flatMap(({ file, plan }) =>
    plan.domains.map((domain) => {
      const p = progress.find((x) => x.plan === file && x.domain === domain.code);
      const decided = (p?.accepted ?? 0) + (p?.rejected ?? 0);
      const candidates = rows.filter((r) => r.drafted.plan === file && r.drafted.domain === domain.code);
      return {
        key: `${file}#${domain.code}`,
        label: (
          <Space size={4}>
            <span>
              {domain.code} {domain.name}
            </span>
            <Badge
              count={`${decided}/${p?.total ?? 0}`}
              color={p?.problems ? '#cf1322' : decided === p?.total ? '#389e0d' : '#8c8c8c'}
              aria-label={`已决定 ${decided}/${p?.total ?? 0}`}
            />
          </Space>
        ),
        children: (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={11}>
              <Card size="small" title="规划原文">
                <SourceText domain={domain} candidates={candidates} selected={selected} onSelect={setSelected} />
              </Card>
            </Col>
            <Col xs={24} lg={13}>
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text>
                    候选指标 {candidates.length} 个：已采纳 {p?.accepted ?? 0}，不采纳 {p?.rejected ?? 0}，待定{' '}
                    {(p?.total ?? 0) - decided}
                  </Typography.Text>
                  {!published && (
                    <Button
                      size="small"
                      disabled={decided === p?.total}
                      loading={busy}
                      onClick={() => acceptDomain(file, domain.code)}
                    >
                      采纳本领域全部待定候选
                    </Button>
                  )}
                </Space>
                {candidates.length === 0 && <Typography.Text type="secondary">本领域没有候选指标。</Typography.Text>}
                {candidates.map((row) => (
                  <CandidateCard
                    key={row.index}
                    row={row}
                    problems={byCandidate.get(row.index) ?? []}
                    units={data.units}
                    selected={selected === row.index}
                    readOnly={published !== null}
                    onSelect={() => setSelected(row.index)}
                    onStatus={(status) => save(row, { status })}
                    onEdit={() => setEditing(row)}
                  />
                ))}
              </Space>
            </Col>
          </Row>
        ),
      };
    }),
  );

  const otherProblems = problems.filter((p) => p.target.kind !== 'candidate');
  const candidateProblems = problems.length - otherProblems.length;
  const total = progress.reduce((n, p) => n + p.total, 0);
  const decided = progress.reduce((n, p) => n + p.accepted + p.rejected, 0);

  return (
    <RequireRoles roles={PLAN_MANAGERS}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Breadcrumb
          items={[
            { title: <Link to="/admin">系统管理</Link> },
            { title: <Link to="/admin/plans">规划管理</Link> },
            { title: data.settings.folder.name },
          ]}
        />
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            整理规划草稿
          </Typography.Title>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                download(`/plan-drafts/${id}/export.zip`, `${data.settings.folder.id}.zip`).catch((e) =>
                  message.error(errorText(e)),
                )
              }
            >
              导出 YAML（.zip）
            </Button>
            {!published && (
              <Button
                type="primary"
                disabled={!checks.data?.ok || checks.data.indicators === 0 || checks.data.blockers.length > 0}
                loading={busy}
                onClick={confirmPublish}
              >
                发布
              </Button>
            )}
          </Space>
        </Space>

        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { label: '规划文件', children: data.draft.fileName },
            {
              label: '生成',
              children: `${formatBeijingTime(data.draft.createdAt)} ${data.draft.createdBy ?? ''}`,
            },
            {
              label: '整理进度',
              children: `已决定 ${decided}/${total}，采纳 ${progress.reduce((n, p) => n + p.accepted, 0)}`,
            },
          ]}
        />

        {published && (
          <Alert
            type="success"
            showIcon
            title={`已于 ${formatBeijingTime(published.at)} 由 ${published.by ?? '—'} 发布为规划目录 ${published.folderId}`}
            description="发布的草稿是发布记录，只能查看和导出。"
          />
        )}
        <CheckSummary
          checks={checks.data}
          loading={checks.loading}
          candidateProblems={candidateProblems}
          otherProblems={otherProblems}
        />
        {data.warnings.length > 0 && !published && (
          <Alert
            type="info"
            showIcon
            title="草稿提示"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {data.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            }
          />
        )}

        <Collapse
          items={[
            {
              key: 'folder',
              label: `规划目录：${data.settings.folder.id}（${data.settings.folder.cycle.start}–${data.settings.folder.cycle.end}）`,
              children: (
                <SettingsForm
                  draftId={String(id)}
                  detail={data}
                  problems={otherProblems}
                  readOnly={published !== null}
                  onSaved={() => {
                    detail.reload();
                    checks.reload();
                  }}
                />
              ),
            },
            {
              key: 'organisation',
              label: `组织机构：${data.settings.organisation.units.length} 个成员单位，${data.settings.organisation.areas.length} 个镇街`,
              children: (
                <OrganisationPanel
                  draftId={String(id)}
                  detail={data}
                  problems={otherProblems.filter((p) => p.target.kind === 'organisation')}
                  readOnly={published !== null}
                  onSaved={() => {
                    detail.reload();
                    checks.reload();
                  }}
                />
              ),
            },
          ]}
        />

        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs items={domainTabs} activeKey={tab ?? domainTabs[0]?.key} onChange={setTab} />
        </Card>
      </Space>
      {editing && (
        <EditDialog
          row={rows.find((r) => r.index === editing.index) ?? editing}
          units={data.units}
          problems={byCandidate.get(editing.index) ?? []}
          onCancel={() => setEditing(undefined)}
          onSave={async (body) => {
            const result = await save(rows.find((r) => r.index === editing.index) ?? editing, body);
            if (result === true) setEditing(undefined);
            return result === true ? {} : result;
          }}
        />
      )}
    </RequireRoles>
  );
}

function CheckSummary(props: {
  checks: ProblemsReply | undefined;
  loading: boolean;
  candidateProblems: number;
  otherProblems: LocatedProblem[];
}) {
  const { checks, candidateProblems, otherProblems } = props;
  if (!checks) return <Alert type="info" showIcon title="正在校验……" />;
  if (checks.ok && checks.blockers.length > 0) {
    return (
      <Alert
        type="warning"
        showIcon
        title="规划目录校验通过，但不能作为新的规划周期发布"
        description={checks.blockers.join(' ')}
      />
    );
  }
  if (checks.ok && checks.indicators === 0) {
    return <Alert type="info" showIcon title="规划目录校验通过，但还没有采纳任何候选指标：请逐领域采纳后再发布" />;
  }
  if (checks.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={`校验通过：${checks.indicators} 个采纳的监测指标，规划目录可以导出和发布`}
        description={checks.notes.length > 0 ? checks.notes.join(' ') : undefined}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={`校验发现 ${checks.problems.length} 个问题，改正后才能发布`}
      description={
        <>
          {candidateProblems > 0 && (
            <div>{candidateProblems} 个问题在候选指标上，已标在各领域的指标旁（领域标签显示为红色）。</div>
          )}
          {otherProblems.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {otherProblems.map((p) => (
                <li key={`${p.file}|${p.path}|${p.message}`}>
                  {p.file}
                  {p.line !== undefined ? ` 第 ${p.line} 行` : ''} {p.path}：{p.message}
                </li>
              ))}
            </ul>
          )}
          <div style={{ color: '#8c8c8c' }}>先报告格式问题，改正后再检查措辞、数字和责任分工。</div>
        </>
      }
    />
  );
}

/** The goals and measures of a domain, each candidate's quote marked in its status colour. */
function SourceText(props: {
  domain: DraftDetail['plans'][number]['plan']['domains'][number];
  candidates: CandidateRow[];
  selected: number | undefined;
  onSelect: (index: number) => void;
}) {
  const { domain, candidates, selected, onSelect } = props;
  const item = (kind: 'goal' | 'measure', number: number, text: string) => {
    const marks = candidates
      .filter((c) => c.candidate.source.kind === kind && c.candidate.source.number === number)
      .map((c) => ({ row: c, at: text.indexOf(c.candidate.quote), length: c.candidate.quote.length }))
      .filter((m) => m.at >= 0 && m.length > 0)
      .sort((a, b) => a.at - b.at || b.length - a.length);
    const parts: ReactNode[] = [];
    let pos = 0;
    for (const m of marks) {
      if (m.at < pos) continue; // overlaps an earlier mark (one quote, several candidates)
      if (m.at > pos) parts.push(text.slice(pos, m.at));
      const sharing = marks.filter((x) => x.at === m.at && x.length === m.length).map((x) => x.row);
      const isSelected = sharing.some((r) => r.index === selected);
      parts.push(
        <mark
          key={m.at}
          title={sharing
            .map((r) => `${r.candidate.code} ${r.candidate.name}（${STATUS[r.decision.status].label}）`)
            .join('；')}
          onClick={() => onSelect(m.row.index)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') onSelect(m.row.index);
          }}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the mark selects its candidate from the keyboard too
          tabIndex={0}
          style={{
            background: STATUS[m.row.decision.status].mark,
            outline: isSelected ? '2px solid #1677ff' : undefined,
            cursor: 'pointer',
            padding: '0 1px',
            textDecoration: m.row.decision.status === 'rejected' ? 'line-through' : undefined,
          }}
        >
          {text.slice(m.at, m.at + m.length)}
        </mark>,
      );
      pos = m.at + m.length;
    }
    if (pos < text.length) parts.push(text.slice(pos));
    return parts;
  };
  return (
    <div style={{ lineHeight: 1.9 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        主要目标
      </Typography.Title>
      <ol style={{ paddingLeft: 22 }}>
        {domain.goals.map((g) => (
          <li key={g.number}>{item('goal', g.number, g.text)}</li>
        ))}
      </ol>
      <Typography.Title level={5}>策略措施</Typography.Title>
      <ol style={{ paddingLeft: 22 }}>
        {domain.measures.map((m) => (
          <li key={m.number} style={{ whiteSpace: 'pre-line' }}>
            {item('measure', m.number, m.text)}
          </li>
        ))}
      </ol>
    </div>
  );
}

function unitName(units: DraftDetail['units'], code: string | null): string {
  if (!code) return '未定';
  return units.find((u) => u.code === code)?.name ?? code;
}

function CandidateCard(props: {
  row: CandidateRow;
  problems: LocatedProblem[];
  units: DraftDetail['units'];
  selected: boolean;
  readOnly: boolean;
  onSelect: () => void;
  onStatus: (status: CandidateStatus) => void;
  onEdit: () => void;
}) {
  const { row, problems, units, selected, readOnly } = props;
  const c = row.candidate;
  const status = STATUS[row.decision.status];
  const edited = Object.keys(row.decision.edits).length > 0;
  const rule = describeRuleShort(c.rule, { unit: c.unit, better: c.better, quote: c.quote });
  return (
    <Card
      size="small"
      onClick={props.onSelect}
      aria-label={`候选指标 ${c.code}`}
      style={{
        borderColor: problems.length > 0 ? '#ff4d4f' : selected ? '#1677ff' : undefined,
        opacity: row.decision.status === 'rejected' ? 0.7 : 1,
      }}
      title={
        <Space wrap size={4}>
          <Tag>{c.code}</Tag>
          <span style={{ whiteSpace: 'normal' }}>{c.name}</span>
        </Space>
      }
      extra={
        <Space size={4}>
          {edited && <Tag color="blue">已修改</Tag>}
          <Tag color={status.color}>{status.label}</Tag>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { label: '目标', children: `${rule}（${c.better === 'higher' ? '越高越好' : '越低越好'}，单位 ${c.unit}）` },
          {
            label: '原文',
            children: `${c.quote}（${c.source.kind === 'goal' ? '主要目标' : '策略措施'}第 ${c.source.number} 条）`,
          },
          ...(c.counts
            ? [
                {
                  label: '分子分母',
                  children: `${c.counts.numerator ?? '？'} ÷ ${c.counts.denominator ?? '？'} × ${c.counts.factor ?? '？'}`,
                },
              ]
            : []),
          ...(c.predecessor
            ? [{ label: '上一周期', children: `延续 ${c.predecessor}（其末年数值为本周期基期值）` }]
            : []),
          {
            label: '责任单位',
            children: `牵头：${unitName(units, row.decision.lead)}；配合：${
              row.decision.partners.map((p) => unitName(units, p)).join('、') || '无'
            }`,
          },
        ]}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {problems.map((p) => (
                <li key={`${p.path}|${p.message}`}>
                  <b>{fieldLabel(p.target.kind === 'candidate' ? p.target.field : '')}</b>：{p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {!readOnly && (
        <Space wrap style={{ marginTop: 8 }}>
          {row.decision.status !== 'accepted' && (
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              aria-label={`采纳 ${c.code}`}
              onClick={(e) => {
                e.stopPropagation();
                props.onStatus('accepted');
              }}
            >
              采纳
            </Button>
          )}
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={`修改 ${c.code}`}
            onClick={(e) => {
              e.stopPropagation();
              props.onEdit();
            }}
          >
            修改
          </Button>
          {row.decision.status !== 'rejected' && (
            <Button
              size="small"
              icon={<CloseOutlined />}
              aria-label={`不采纳 ${c.code}`}
              onClick={(e) => {
                e.stopPropagation();
                props.onStatus('rejected');
              }}
            >
              不采纳
            </Button>
          )}
          {row.decision.status !== 'pending' && (
            <Button
              size="small"
              type="text"
              icon={<RollbackOutlined />}
              aria-label={`改回待定 ${c.code}`}
              onClick={(e) => {
                e.stopPropagation();
                props.onStatus('pending');
              }}
            >
              改回待定
            </Button>
          )}
        </Space>
      )}
      {row.decision.updatedBy && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6, fontSize: 12 }}>
          {row.decision.updatedBy} 于 {formatBeijingTime(row.decision.updatedAt)} 修改
        </Typography.Text>
      )}
    </Card>
  );
}

function EditDialog(props: {
  row: CandidateRow;
  units: DraftDetail['units'];
  problems: LocatedProblem[];
  onCancel: () => void;
  /** Resolves with the server's field errors when it refused the edit (nothing saved), else with none. */
  onSave: (body: Record<string, unknown>) => Promise<Record<string, string>>;
}) {
  const { row, units, problems } = props;
  const [form] = Form.useForm<EditForm>();
  const [saving, setSaving] = useState(false);
  /** What the server refused at save, by form field (its `edits.` prefix dropped); cleared by the next change. */
  const [refused, setRefused] = useState<Record<string, string>>({});
  const kind = Form.useWatch(['rule', 'kind'], form) as string | undefined;
  const withCounts = Form.useWatch('withCounts', form) as boolean | undefined;
  const c = row.candidate;
  const initial: EditForm = {
    code: c.code,
    name: c.name,
    unit: c.unit,
    better: c.better,
    rule: { ...c.rule },
    quote: c.quote,
    precision: c.precision,
    limits: c.limits,
    floor: c.floor,
    disaggregations: c.disaggregations,
    predecessor: c.predecessor,
    lead: row.decision.lead,
    partners: row.decision.partners,
    withCounts: c.counts !== undefined,
    counts: { ...c.counts },
  };

  // The server's problems at the fields they name (passed to the items, not set on the form: they are the last
  // check's verdict, not the browser's); they stay until the next check says otherwise.
  const problemAt = fieldErrors(problems.map((p) => [p.target.kind === 'candidate' ? p.target.field : '', p.message]));
  const errorAt = (field: string) =>
    refused[field] ? { validateStatus: 'error' as const, help: refused[field] } : problemAt(field);

  const unitOptions = units.map((u) => ({
    value: u.code,
    label: u.source === 'system' ? `${u.name}（本系统）` : u.name,
  }));

  async function submit() {
    const values = form.getFieldsValue(true) as EditForm;
    const ruleKind = String(values.rule.kind);
    const rule: Record<string, unknown> = { kind: ruleKind };
    for (const f of RULE_FIELDS[ruleKind] ?? []) {
      const v = values.rule[f];
      if (v !== undefined && v !== null && v !== '') rule[f] = v;
    }
    // Only what differs from the draft is stored as an edit: the drafted value stays visible as such.
    const drafted = row.drafted as unknown as Record<string, unknown>;
    const candidate: Record<string, unknown> = {
      code: values.code,
      name: values.name,
      unit: values.unit,
      better: values.better,
      rule,
      quote: values.quote,
      precision: values.precision,
      limits: values.limits,
      floor: values.floor,
      disaggregations: values.disaggregations,
      // A cleared field is no predecessor at all, not an empty code.
      predecessor: values.predecessor?.trim() || undefined,
      counts: countsOf(values),
    };
    const edits: CandidateEdits & Record<string, unknown> = {};
    for (const [k, v] of Object.entries(candidate)) if (!same(v, drafted[k])) edits[k] = v;
    setSaving(true);
    try {
      const fields = await props.onSave({
        status: 'accepted',
        edits,
        lead: values.lead ?? null,
        partners: values.partners ?? [],
      });
      setRefused(
        Object.fromEntries(Object.entries(fields).map(([field, text]) => [field.replace(/^edits\./, ''), text])),
      );
    } finally {
      setSaving(false);
    }
  }

  const ruleField = (name: string, label: string, node: ReactNode) => (
    <Form.Item key={name} label={label} name={['rule', name]} {...errorAt(`rule.${name}`)}>
      {node}
    </Form.Item>
  );
  const ruleInputs: Record<string, ReactNode> = {
    comparator: ruleField('comparator', '比较符', <Select options={COMPARATORS} aria-label="比较符" />),
    value: ruleField('value', '目标值', <InputNumber style={{ width: '100%' }} aria-label="目标值" />),
    percent: ruleField('percent', '增减百分比（%）', <InputNumber style={{ width: '100%' }} aria-label="增减百分比" />),
    baseYear: ruleField('baseYear', '基数年', <InputNumber style={{ width: '100%' }} aria-label="基数年" />),
    step: ruleField('step', '每年幅度', <InputNumber style={{ width: '100%' }} aria-label="每年幅度" />),
    reference: ruleField('reference', '对照指标（编号或名称）', <Input aria-label="对照指标" />),
    body: ruleField('body', '配备对象', <Input aria-label="配备对象" />),
    countUnit: ruleField('countUnit', '计数单位（名、次）', <Input aria-label="计数单位" />),
    wording: ruleField('wording', '方向措辞（如 逐步提高）', <Input aria-label="方向措辞" />),
  };

  return (
    <Modal
      open
      title={`修改候选指标 ${c.code}`}
      width={720}
      okText="保存并采纳"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        原文（{c.source.kind === 'goal' ? '主要目标' : '策略措施'}第 {c.source.number} 条）：{row.drafted.quote}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        requiredMark={false}
        onValuesChange={() => setRefused({})}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label="编号" name="code" {...errorAt('code')}>
              <Input aria-label="编号" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item label="名称" name="name" {...errorAt('name')}>
              <Input aria-label="名称" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="单位" name="unit" {...errorAt('unit')}>
              <Input aria-label="单位" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="精度（小数位）" name="precision" {...errorAt('precision')}>
              <InputNumber min={0} max={6} style={{ width: '100%' }} aria-label="精度" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="方向" name="better" {...errorAt('better')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'higher', label: '越高越好' },
                  { value: 'lower', label: '越低越好' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="目标类型" name={['rule', 'kind']} {...errorAt('rule.kind')}>
              <Select options={RULE_KINDS} aria-label="目标类型" />
            </Form.Item>
          </Col>
          {(RULE_FIELDS[kind ?? ''] ?? []).map((f) => (
            <Col key={f} xs={24} sm={6}>
              {ruleInputs[f]}
            </Col>
          ))}
          <Col xs={24}>
            <Form.Item label="原文（须逐字取自上面的条目）" name="quote" {...errorAt('quote')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label="原文" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="分解维度" name="disaggregations" {...errorAt('disaggregations')}>
              <Checkbox.Group
                options={[
                  { value: 'sex', label: '分性别' },
                  { value: 'area', label: '分镇街' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item label="下限" name={['limits', 0]} {...errorAt('limits.0')}>
              <InputNumber style={{ width: '100%' }} aria-label="下限" placeholder="不限" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item label="上限" name={['limits', 1]} {...errorAt('limits.1')}>
              <InputNumber style={{ width: '100%' }} aria-label="上限" placeholder="不限" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="withCounts"
              valuePropName="checked"
              style={{ marginBottom: withCounts ? 8 : undefined }}
              {...errorAt('counts')}
            >
              <Checkbox
                onChange={(e) => {
                  // The usual factor of the unit (/10万 → 100000, ‰ → 1000, % → 100) as a start.
                  const factor = RATE_FACTORS[String(form.getFieldValue('unit') ?? '').trim()];
                  if (e.target.checked && form.getFieldValue(['counts', 'factor']) == null && factor !== undefined) {
                    form.setFieldValue(['counts', 'factor'], factor);
                  }
                }}
              >
                按分子、分母填报（如 孕产妇死亡率 = 孕产妇死亡数 ÷ 活产数 × 100000）
              </Checkbox>
            </Form.Item>
          </Col>
          {withCounts && (
            <>
              <Col xs={24} sm={9}>
                <Form.Item label="分子（名称）" name={['counts', 'numerator']} {...errorAt('counts.numerator')}>
                  <Input aria-label="分子" placeholder="如 孕产妇死亡数" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={9}>
                <Form.Item label="分母（名称）" name={['counts', 'denominator']} {...errorAt('counts.denominator')}>
                  <Input aria-label="分母" placeholder="如 活产数" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={6}>
                <Form.Item
                  label="倍数"
                  name={['counts', 'factor']}
                  extra="数值 = 分子 ÷ 分母 × 倍数"
                  {...errorAt('counts.factor')}
                >
                  <InputNumber min={0} style={{ width: '100%' }} aria-label="倍数" />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item
              label="上一周期指标（编号）"
              name="predecessor"
              extra="同一统计指标在上一周期的编号：其末年数值即本周期的基期值"
              {...errorAt('predecessor')}
            >
              <Input aria-label="上一周期指标" placeholder="无" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="牵头单位" name="lead" {...errorAt('lead')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={unitOptions}
                aria-label="牵头单位"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="配合单位" name="partners" {...errorAt('partners')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={unitOptions}
                aria-label="配合单位"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function SettingsForm(props: {
  draftId: string;
  detail: DraftDetail;
  problems: LocatedProblem[];
  readOnly: boolean;
  onSaved: () => void;
}) {
  const { detail, problems, readOnly } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const folder = detail.settings.folder;

  const problemAt = fieldErrors(
    problems.flatMap((p): [string, string][] => {
      const t = p.target;
      if (t.kind === 'folder') return [[`folder.${t.field}`, p.message]];
      if (t.kind === 'plan') return [[`plans.${t.file}.${t.field}`, p.message]];
      return [];
    }),
  );
  /** What the server refused at save (a previous cycle not in this system …), by field; cleared by the next change. */
  const [refused, setRefused] = useState<Record<string, string>>({});
  const errorAt = (field: string) =>
    refused[field] ? { validateStatus: 'error' as const, help: refused[field] } : problemAt(field);

  const [dirty, setDirty] = useState(false);

  async function submit(): Promise<boolean> {
    const values = form.getFieldsValue(true);
    setSaving(true);
    try {
      await patch(`/plan-drafts/${props.draftId}/settings`, {
        revision: detail.settingsRevision,
        folder: { ...values.folder, predecessor: values.folder.predecessor?.trim() || undefined },
        plans: values.plans,
      });
      message.success('规划目录信息已保存');
      setDirty(false);
      props.onSaved();
      return true;
    } catch (e) {
      if (e instanceof ApiError) setRefused(e.fields);
      message.error(errorText(e));
      return false;
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={readOnly}
      onValuesChange={() => {
        setDirty(true);
        setRefused({});
      }}
      initialValues={{
        folder: {
          id: folder.id,
          name: folder.name,
          region: folder.region,
          cycle: folder.cycle,
          predecessor: folder.predecessor,
        },
        plans: Object.fromEntries(
          detail.plans.map(({ file, plan }) => [
            file,
            {
              id: plan.id,
              title: plan.title,
              shortTitle: plan.shortTitle,
              issuer: plan.issuer,
              issuedOn: plan.issuedOn,
            },
          ]),
        ),
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            label="规划目录标识"
            name={['folder', 'id']}
            extra="小写字母、数字和连字符，如 demo-2026-2030"
            {...errorAt('folder.id')}
          >
            <Input aria-label="规划目录标识" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="名称" name={['folder', 'name']} {...errorAt('folder.name')}>
            <Input aria-label="规划目录名称" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="地区" name={['folder', 'region']} {...errorAt('folder.region')}>
            <Input aria-label="地区" />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label="起始年" name={['folder', 'cycle', 'start']} {...errorAt('folder.cycle.start')}>
            <InputNumber style={{ width: '100%' }} aria-label="起始年" />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label="终止年" name={['folder', 'cycle', 'end']} {...errorAt('folder.cycle.end')}>
            <InputNumber style={{ width: '100%' }} aria-label="终止年" />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label="基期年" name={['folder', 'cycle', 'baseYear']} {...errorAt('folder.cycle.baseYear')}>
            <InputNumber style={{ width: '100%' }} aria-label="基期年" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="上一周期（规划目录标识）"
            name={['folder', 'predecessor']}
            extra="本系统中上一周期的规划目录，如 wuqing-2021-2025：指标可写明延续其中哪个指标"
            {...errorAt('folder.predecessor')}
          >
            <Input aria-label="上一周期" placeholder="无" />
          </Form.Item>
        </Col>
      </Row>
      {detail.plans.map(({ file }) => (
        <Card key={file} size="small" title={`规划 ${file}`} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="规划标识" name={['plans', file, 'id']} {...errorAt(`plans.${file}.id`)}>
                <Input aria-label={`${file} 规划标识`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label="标题" name={['plans', file, 'title']} {...errorAt(`plans.${file}.title`)}>
                <Input aria-label={`${file} 标题`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="简称" name={['plans', file, 'shortTitle']} {...errorAt(`plans.${file}.shortTitle`)}>
                <Input aria-label={`${file} 简称`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="发文机关" name={['plans', file, 'issuer']} {...errorAt(`plans.${file}.issuer`)}>
                <Input aria-label={`${file} 发文机关`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="印发日期"
                name={['plans', file, 'issuedOn']}
                extra="如 2026-06-30"
                {...errorAt(`plans.${file}.issuedOn`)}
              >
                <Input aria-label={`${file} 印发日期`} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      ))}
      {!readOnly && (
        <Button type="primary" loading={saving} onClick={submit}>
          保存规划目录信息
        </Button>
      )}
      <UnsavedGuard dirty={dirty} what="规划目录信息" onSave={submit} />
    </Form>
  );
}

function OrganisationPanel(props: {
  draftId: string;
  detail: DraftDetail;
  problems: LocatedProblem[];
  readOnly: boolean;
  onSaved: () => void;
}) {
  const { detail, problems, readOnly } = props;
  const { message } = App.useApp();
  const org = detail.settings.organisation;
  const [saving, setSaving] = useState(false);
  const systemUnits = detail.units.filter((u) => u.source === 'system').length;

  async function importUnits() {
    setSaving(true);
    try {
      const reply = await post<{ unitsAdded: number; areasAdded: number }>(
        `/plan-drafts/${props.draftId}/organisation/import`,
      );
      message.success(`已并入 ${reply.unitsAdded} 个成员单位、${reply.areasAdded} 个镇街`);
      props.onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {org.committee.name}；办公室：{org.office.name}；监测组牵头：
        {org.monitoringAndEvaluation.monitoringGroup.leadUnit}
      </Typography.Text>
      <div>
        成员单位：
        {org.units.map((u) => (
          <Tag key={u.code}>{u.name}</Tag>
        ))}
      </div>
      <div>
        镇街：
        {org.areas.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          org.areas.map((a) => <Tag key={a.code}>{a.name}</Tag>)
        )}
      </div>
      <Typography.Text type="secondary">
        {'选作牵头或配合单位的本系统单位会自动写入 organisation.yaml。新一轮规划沿用本区的单位和镇街时，可一次并入。'}
      </Typography.Text>
      {problems.map((p) => (
        <Alert key={`${p.path}|${p.message}`} type="error" showIcon title={`${p.path}：${p.message}`} />
      ))}
      {!readOnly && (
        <Popconfirm
          title="并入本系统的成员单位和镇街？"
          description={`本系统还有 ${systemUnits} 个单位不在草稿中；按代码并入，草稿已有的不变。`}
          okText="并入"
          cancelText="取消"
          onConfirm={importUnits}
        >
          <Button loading={saving}>并入本系统的成员单位和镇街</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
