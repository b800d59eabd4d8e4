import { Alert, Card, Col, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { SUBMISSION_STATUS_LABELS } from '../../../../src/core/collection/workflow.ts';
import type { RoundDetail, RoundsResponse } from '../../../../src/features/collection/contract.ts';
import type { DocumentList } from '../../../../src/features/documents/contract.ts';
import type { Health } from '../../../../src/features/health/contract.ts';
import type { ReportList } from '../../../../src/features/reports/contract.ts';
import type { SupervisionList } from '../../../../src/features/supervision/contract.ts';
import { isOverdue } from '../../../../src/kernel/dates.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { sectionsFor } from '../../shell/sections.tsx';
import { type Overview, usePlanTitles } from '../analysis/common.tsx';
import { type CurrentUser, useUser } from '../auth/AuthContext.tsx';
import { type HomeTask, TaskList } from './tasks.tsx';

// The first screen answers "where are we?" for each role: the office sees the year at a glance, the statistics
// bureau its review queue, units and towns one list of their tasks, the district leader the 达标率 and the few
// indicators that need attention.

const pct = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;

/** Open rounds with every submission (the office and the statistics bureau see all units; a unit its own). */
function useOpenRounds() {
  const { data, error } = useApi<RoundsResponse>('/rounds');
  const [details, setDetails] = useState<RoundDetail[]>();
  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    Promise.all(data.rounds.filter((r) => r.status === 'open').map((r) => api<RoundDetail>(`/rounds/${r.id}`)))
      .then((list) => !cancelled && setDetails(list))
      .catch(() => !cancelled && setDetails([]));
    return () => {
      cancelled = true;
    };
  }, [data]);
  return { details, error };
}

const isLate = (d: RoundDetail, status: string) =>
  isOverdue(d.round.deadline) && !['submitted', 'approved'].includes(status);

export default function HomePage() {
  const user = useUser();
  switch (user.role) {
    case 'office':
      return <OfficeHome />;
    case 'admin':
      return <AdminHome user={user} />;
    case 'statistics':
      return <StatisticsHome />;
    case 'district_leader':
      return <LeaderHome />;
    default:
      return <WorkerHome user={user} />;
  }
}

/** 系统管理员: the sections and the system's state. */
function AdminHome({ user }: { user: CurrentUser }) {
  const { data: health } = useApi<Health>('/health');
  return (
    <div>
      <Headline>系统管理</Headline>
      <Row gutter={[16, 16]}>
        {sectionsFor(user.role)
          .filter((s) => s.path !== '/')
          .map((s) => (
            <Col key={s.path} xs={24} md={12} xl={8}>
              <Link to={s.path}>
                <Card
                  hoverable
                  size="small"
                  title={
                    <span>
                      {s.icon} {s.label}
                    </span>
                  }
                >
                  {s.summary}
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
      {health && (
        <Card size="small" style={{ marginTop: 16 }} title="系统状态">
          版本 {health.version} · {health.engine === 'pglite' ? '嵌入式数据库' : 'PostgreSQL 服务器'} · 数据库结构第{' '}
          {health.migrationLevel}/{health.migrationsAvailable} 版
        </Card>
      )}
    </div>
  );
}

function Headline({ children }: { children: React.ReactNode }) {
  return (
    <Typography.Title level={4} style={{ marginTop: 0 }} className="home-headline">
      {children}
    </Typography.Title>
  );
}

/** 办公室: the year at a glance. */
function OfficeHome() {
  const { details } = useOpenRounds();
  const { data: overview } = useApi<Overview>('/analysis/overview');
  const { data: supervision } = useApi<SupervisionList>('/supervision');
  const { data: reports } = useApi<ReportList>('/reports');
  const annual = details?.find((d) => d.round.kind === 'annual') ?? details?.[0];
  const openNotices = supervision?.notices.filter((n) => n.status !== 'closed') ?? [];
  const answered = openNotices.filter((n) => n.status === 'answered');
  const overdueNotices = openNotices.filter((n) => n.overdue);

  const needsMe: HomeTask[] = [
    ...(details ?? []).flatMap((d) => {
      const late = d.submissions.filter((s) => isLate(d, s.status));
      return late.length
        ? [
            {
              kind: '催报',
              title: `${d.round.title}：${late.length} 家逾期未报`,
              status: '待催报',
              tone: 'urgent' as const,
              due: d.round.deadline,
              link: `/collection/rounds/${d.round.id}`,
            },
          ]
        : [];
    }),
    ...answered.map((n) => ({
      kind: '督办',
      title: `${n.unitName}：${n.indicatorCode} ${n.indicatorName}`,
      status: '已反馈，待办结',
      tone: 'todo' as const,
      due: n.deadline,
      link: `/warnings/notices/${n.id}`,
    })),
  ];

  return (
    <div>
      <Headline>
        {annual
          ? `${annual.round.year}年度：${annual.submissions.filter((s) => s.status === 'approved').length}/${annual.submissions.length} 已通过，${annual.submissions.filter((s) => isLate(annual, s.status)).length} 家逾期`
          : '目前没有进行中的填报任务'}
        {overview ? `，${overview.warnings.length} 项预警` : ''}
        {supervision ? `，${openNotices.length} 份督办待办结` : ''}
      </Headline>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="需要我处理" size="small">
            <TaskList tasks={needsMe} loading={!details || !supervision} empty="今天没有需要您处理的事项" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="填报任务进度" size="small" extra={<Link to="/collection">全部任务</Link>}>
            <List
              loading={!details}
              dataSource={details ?? []}
              locale={{ emptyText: '没有进行中的填报任务' }}
              renderItem={(d) => {
                const approved = d.submissions.filter((s) => s.status === 'approved').length;
                const late = d.submissions.filter((s) => isLate(d, s.status)).length;
                return (
                  <List.Item>
                    <div style={{ width: '100%' }}>
                      <Space wrap>
                        <Link to={`/collection/rounds/${d.round.id}`}>{d.round.title}</Link>
                        <Typography.Text type="secondary">截止 {d.round.deadline}</Typography.Text>
                        {late > 0 && <Tag color="red">{late} 家逾期</Tag>}
                      </Space>
                      <Progress
                        percent={Math.round((approved / Math.max(1, d.submissions.length)) * 100)}
                        format={() => `${approved}/${d.submissions.length} 已通过`}
                        aria-label={`${d.round.title} 已通过 ${approved}/${d.submissions.length}`}
                      />
                    </div>
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Card title="预警" size="small" extra={<Link to="/warnings">预警督办</Link>}>
            <Statistic title="预警指标" value={overview?.warnings.length ?? '—'} suffix="项" />
            <WarningList overview={overview} max={4} />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Card title="督办" size="small" extra={<Link to="/warnings">全部督办</Link>}>
            <Space size="large" wrap>
              <Statistic title="未办结" value={supervision ? openNotices.length : '—'} suffix="份" />
              <Statistic title="已反馈待办结" value={supervision ? answered.length : '—'} suffix="份" />
              <Statistic
                title="逾期未反馈"
                value={supervision ? overdueNotices.length : '—'}
                suffix="份"
                styles={{ content: { color: overdueNotices.length ? '#cf1322' : undefined } }}
              />
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="报告草稿" size="small" extra={<Link to="/reports">报告</Link>}>
            <List
              size="small"
              loading={!reports}
              dataSource={(reports?.drafts ?? []).slice(0, 4)}
              locale={{ emptyText: <Typography.Text type="secondary">还没有报告草稿</Typography.Text> }}
              renderItem={(d) => {
                const kind = reports?.kinds.find((k) => k.kind === d.kind)?.label ?? d.kind;
                return (
                  <List.Item>
                    <Link to={`/reports/drafts/${d.id}`}>
                      {d.year}年 {kind}
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      第 {d.version} 版
                    </Typography.Text>
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function WarningList({ overview, max }: { overview: Overview | undefined; max: number }) {
  return (
    <List
      size="small"
      loading={!overview}
      dataSource={(overview?.warnings ?? []).slice(0, max)}
      locale={{ emptyText: '没有预警指标' }}
      renderItem={(w) => (
        <List.Item>
          <div>
            <Link to={`/analysis/indicators/${w.indicatorId}`}>
              {w.code} {w.name}
            </Link>
            <PlainReason unit={w.leadUnit?.name} reason={w.statusReason} />
          </div>
        </List.Item>
      )}
    />
  );
}

/**
 * A warning's reason in words people use — the first clause ("2024年为7.84，未达到目标≤6.00") — with the method's
 * numbers (序时进度, Theil–Sen, APR …) behind a 计算依据 expander.
 */
export function PlainReason({ unit, reason }: { unit?: string | undefined; reason: string }) {
  const [plain, ...method] = reason.split('；');
  return (
    <div style={{ fontSize: 12, color: '#595959' }}>
      {unit ? `${unit}：` : ''}
      {plain}
      {method.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer', color: '#595959' }}>计算依据</summary>
          {method.join('；')}
        </details>
      )}
    </div>
  );
}

/** 统计局: the review queue. */
function StatisticsHome() {
  const { details } = useOpenRounds();
  const { data: overview } = useApi<Overview>('/analysis/overview');
  const queue: HomeTask[] = (details ?? []).flatMap((d) =>
    d.submissions
      .filter((s) => s.status === 'submitted')
      .map((s) => ({
        kind: '审核',
        title: `${d.round.title} · ${s.reporterName}`,
        status: '待审核',
        tone: 'todo' as const,
        due: d.round.deadline,
        link: `/review/submissions/${s.id}?roundId=${d.round.id}`,
      })),
  );
  return (
    <div>
      <Headline>{details ? `待审核 ${queue.length} 份` : '…'}</Headline>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="审核队列" size="small" extra={<Link to="/review">数据审核</Link>}>
            <TaskList tasks={queue} loading={!details} empty="没有等待审核的数据" />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="预警指标" size="small" extra={<Link to="/warnings">预警督办</Link>}>
            <WarningList overview={overview} max={6} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** 区领导: 达标率 per plan and domain, and the indicators that need attention. */
function LeaderHome() {
  const { data: overview, error } = useApi<Overview>('/analysis/overview');
  const titles = usePlanTitles();
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const plans = (overview?.byPlan ?? []).map((p) => ({ ...p, group: titles.get(p.group) ?? p.group }));
  return (
    <div>
      <Headline>
        {overview
          ? `${plans.map((p) => `${p.group}达标率 ${pct(p.rate)}`).join('，')}；${overview.warnings.length} 项指标需要关注`
          : '…'}
      </Headline>
      <Row gutter={[16, 16]}>
        {plans.map((p) => (
          <Col xs={12} md={8} key={p.group}>
            <Card size="small">
              <Statistic title={`${p.group}达标率`} value={pct(p.rate)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                已达标 {p.met} / 可评估 {p.assessed} 项
              </Typography.Text>
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card title="各领域达标率" size="small" extra={<Link to="/analysis">监测分析</Link>}>
            <List
              size="small"
              loading={!overview}
              dataSource={overview?.byDomain ?? []}
              renderItem={(d) => (
                <List.Item>
                  <div style={{ width: '100%' }}>
                    <Link to={`/analysis/domains/${d.planId}/${d.domainCode}`}>{d.domainName}</Link>
                    <Progress
                      percent={d.rate === null ? 0 : Math.round(d.rate * 1000) / 10}
                      format={() => pct(d.rate)}
                      size="small"
                      aria-label={`${d.domainName} 达标率 ${pct(d.rate)}`}
                    />
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="需要关注的指标" size="small" extra={<Link to="/warnings">全部预警</Link>}>
            <WarningList overview={overview} max={6} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** 成员单位 and 镇街: one list of my tasks. */
function WorkerHome({ user }: { user: CurrentUser }) {
  const { details } = useOpenRounds();
  const isUnit = user.unitId !== null;
  const { data: supervision } = useApi<SupervisionList>(isUnit ? '/supervision' : null);
  const { data: documents } = useApi<DocumentList>(isUnit ? '/documents' : null);
  const isLeader = user.role === 'unit_leader';

  const tasks: HomeTask[] = [];
  for (const d of details ?? []) {
    const s = d.submissions[0];
    if (!s) continue;
    const late = isLate(d, s.status);
    const progress = `${s.progress.filled}/${s.progress.expected}`;
    const base = {
      kind: '数据填报',
      title: d.round.title,
      due: d.round.deadline,
      link: `/collection/rounds/${d.round.id}/entry`,
    };
    if (s.status === 'returned') tasks.push({ ...base, status: '被退回，请修改', tone: 'urgent' });
    else if (s.status === 'not_started' || s.status === 'in_progress')
      tasks.push({
        ...base,
        status: `${SUBMISSION_STATUS_LABELS[s.status]} ${progress}`,
        tone: late ? 'urgent' : 'todo',
      });
    else if (s.status === 'awaiting_confirmation')
      tasks.push({ ...base, status: isLeader ? '待您确认' : '待领导确认', tone: isLeader ? 'urgent' : 'waiting' });
    else if (s.status === 'submitted') tasks.push({ ...base, status: '待统计局审核', tone: 'waiting' });
    else tasks.push({ ...base, status: '已通过', tone: 'done' });
  }
  for (const n of supervision?.notices ?? []) {
    if (n.status === 'closed') continue;
    tasks.push({
      kind: '督办反馈',
      title: `${n.indicatorCode} ${n.indicatorName}`,
      status: n.status === 'issued' ? (n.overdue ? '逾期未反馈' : '待反馈') : '已反馈，待办结',
      tone: n.status === 'issued' ? (n.overdue ? 'urgent' : 'todo') : 'waiting',
      due: n.deadline,
      link: `/warnings/notices/${n.id}`,
    });
  }
  if (documents) {
    const year = Math.max(
      ...(details ?? []).filter((d) => d.round.kind === 'annual').map((d) => d.round.year),
      new Date().getFullYear() - 1,
    );
    const report = documents.documents.find((d) => d.kind === 'annual_work_report' && d.year === year);
    tasks.push({
      kind: '单位文档',
      title: `${year}年度工作报告`,
      status: report?.status === 'submitted' ? '已提交' : report ? '草稿未提交' : '未提交',
      tone: report?.status === 'submitted' ? 'done' : 'todo',
      link: '/collection/documents',
    });
  }
  const open = tasks.filter((t) => t.tone === 'urgent' || t.tone === 'todo');
  return (
    <div>
      <Headline>
        {details ? (open.length ? `${open.length} 项待办` : '目前没有待办事项') : '…'}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }}>
          {user.unitName ?? user.areaName}
        </Typography.Text>
      </Headline>
      <Card title="我的任务" size="small">
        <TaskList tasks={tasks} loading={!details} />
      </Card>
    </div>
  );
}
