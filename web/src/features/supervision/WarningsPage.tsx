import { Alert, App, Button, Card, Checkbox, Result, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { NoticeStatus, SupervisionList, SupervisionRow } from '../../../../src/features/supervision/contract.ts';
import { useApi } from '../../api/useApi.ts';
import { AnalysisMeta, basisQuery, type Overview, useBasis, type WarningItem } from '../analysis/common.tsx';
import { WarningTable } from '../analysis/WarningTable.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { AnswerDialog, canReadNotices, IssueDialog, isUnitRole } from './common.tsx';
import { NoticeTable } from './NoticeTable.tsx';

/** 预警督办: tabs 预警指标, 督办单 (office, statistics, leaders) or 本单位督办 (member units). */
export default function WarningsPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [basis, setBasis] = useBasis();
  const { data, error, loading } = useApi<Overview>(`/analysis/overview${basisQuery(basis)}`);
  if (!canReadNotices(user.role)) {
    return <Result status="403" title="无权访问" subTitle={`您的角色（${user.roleLabel}）不能使用预警督办。`} />;
  }
  const unit = isUnitRole(user.role);
  const tab = params.get('tab') ?? (unit ? 'mine' : 'warnings');
  const setTab = (key: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  return (
    <Card title="预警督办" extra={<AnalysisMeta head={data} basis={basis} onBasis={setBasis} />}>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          ...(unit ? [{ key: 'mine', label: `本单位督办`, children: <UnitNotices /> }] : []),
          {
            key: 'warnings',
            label: (
              <span>
                预警指标 <Tag style={{ marginInlineStart: 4 }}>{data?.warnings.length ?? 0}</Tag>
              </span>
            ),
            children: <WarningsTab warnings={data?.warnings ?? []} loading={loading} />,
          },
          ...(!unit ? [{ key: 'notices', label: '督办单', children: <AllNotices /> }] : []),
        ]}
      />
    </Card>
  );
}

function WarningsTab({ warnings, loading }: { warnings: WarningItem[]; loading: boolean }) {
  const user = useUser();
  const [basis] = useBasis();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [issuing, setIssuing] = useState<WarningItem>();
  const [kind, setKind] = useState<string>('all');
  const [ownOnly, setOwnOnly] = useState(isUnitRole(user.role));
  const { data: open, reload } = useApi<SupervisionList>('/supervision');
  const openByIndicator = new Map<number, SupervisionRow>();
  for (const n of open?.notices ?? []) if (n.status !== 'closed') openByIndicator.set(n.indicatorId, n);

  const shown = warnings.filter(
    (w) =>
      (kind === 'all' || w.kinds.includes(kind as WarningItem['kinds'][number])) &&
      (!ownOnly || w.leadUnit?.id === user.unitId),
  );
  const office = user.role === 'office';
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="预警类型"
          value={kind}
          onChange={setKind}
          style={{ width: 160 }}
          options={[
            { value: 'all', label: '全部预警' },
            { value: '预计达标困难', label: '预计达标困难' },
            { value: '波动较大', label: '波动较大' },
          ]}
        />
        {user.unitId !== null && (
          <Checkbox checked={ownOnly} onChange={(e) => setOwnOnly(e.target.checked)}>
            只看本单位牵头的指标
          </Checkbox>
        )}
        <Typography.Text type="secondary">
          共 {shown.length} 项。预警由系统按监测数据自动判断，
          {office ? '可就预警指标向牵头单位发起督办。' : '由妇儿工委办公室督办。'}
        </Typography.Text>
      </Space>
      <WarningTable
        warnings={shown}
        basis={basis}
        loading={loading}
        pageSize={15}
        action={(w) => {
          const existing = openByIndicator.get(w.indicatorId);
          if (existing)
            return (
              <Button size="small" type="link" onClick={() => navigate(`/warnings/notices/${existing.id}`)}>
                督办中
              </Button>
            );
          if (!office) return <Typography.Text type="secondary">未督办</Typography.Text>;
          return (
            <Button size="small" danger onClick={() => setIssuing(w)} disabled={!w.leadUnit}>
              发起督办
            </Button>
          );
        }}
      />
      {issuing && (
        <IssueDialog
          open
          indicator={{
            id: issuing.indicatorId,
            code: issuing.code,
            name: issuing.name,
            leadUnit: issuing.leadUnit,
            summary: issuing.summary,
            reasons: issuing.reasons,
          }}
          onClose={() => setIssuing(undefined)}
          onIssued={() => {
            setIssuing(undefined);
            message.success(`督办单已发给${issuing.leadUnit?.name ?? '牵头单位'}`);
            reload();
          }}
        />
      )}
    </>
  );
}

function AllNotices() {
  const [status, setStatus] = useState<NoticeStatus | 'all'>('all');
  const [overdue, setOverdue] = useState(false);
  const query = new URLSearchParams();
  if (status !== 'all') query.set('status', status);
  if (overdue) query.set('overdue', 'true');
  const { data, error, loading } = useApi<SupervisionList>(`/supervision${query.size ? `?${query}` : ''}`);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="督办状态"
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: '全部状态' },
            { value: 'issued', label: '待整改' },
            { value: 'answered', label: '已反馈' },
            { value: 'closed', label: '已办结' },
          ]}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          只看逾期未反馈
        </Checkbox>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <NoticeTable notices={data?.notices ?? []} loading={loading} />
    </>
  );
}

function UnitNotices() {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<SupervisionList>('/supervision');
  const [answering, setAnswering] = useState<SupervisionRow>();
  const notices = data?.notices ?? [];
  const waiting = notices.filter((n) => n.status === 'issued').length;
  return (
    <>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本单位有 ${waiting} 份督办单待反馈整改情况，请在整改期限前反馈。`}
        />
      )}
      <NoticeTable
        notices={notices}
        loading={loading}
        emptyText="本单位暂无督办单"
        action={(n) =>
          n.status === 'issued' ? (
            <Button size="small" type="primary" onClick={() => setAnswering(n)}>
              反馈整改情况
            </Button>
          ) : null
        }
      />
      {answering && (
        <AnswerDialog
          open
          notice={answering}
          onClose={() => setAnswering(undefined)}
          onAnswered={() => {
            setAnswering(undefined);
            message.success('整改情况已反馈');
            reload();
          }}
        />
      )}
    </>
  );
}
