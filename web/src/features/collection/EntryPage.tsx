import { ArrowLeftOutlined, HistoryOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Problem } from '../../../../src/core/collection/rules.ts';
import { unitCanEdit } from '../../../../src/core/collection/workflow.ts';
import type {
  SaveValuesResponse,
  SubmitProblem,
  Task,
  TaskIndicator,
  ValueRow,
} from '../../../../src/features/collection/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { ApiError, post, put } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { draftTime, readDraft, writeDraft } from '../../shell/localDraft.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { UnsavedGuard } from '../../shell/UnsavedGuard.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { DemoTag, RoundKindTag, StatusTag, useDemo } from './common.tsx';
import { EntryCards } from './EntryCards.tsx';
import { EntryTable, type EntryTableProps, type FieldErrors } from './EntryTable.tsx';
import { EventTimeline } from './EventTimeline.tsx';
import { ExcelPanel } from './ExcelPanel.tsx';
import {
  checkRow,
  type Draft,
  draftOf,
  type EntryRow,
  type InputField,
  inputOf,
  keyOf,
  locallySaved,
  rowsOf,
  sameDraft,
  savedOf,
  sexLabel,
} from './entryModel.ts';
import { HistoryDrawer } from './HistoryDrawer.tsx';

/** The state of one task's form: saved rows, drafts, and what the server said about the last save. */
export function useEntryState(task: Task | undefined) {
  const [saved, setSaved] = useState<Record<string, ValueRow>>({});
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  useEffect(() => {
    if (!task) return;
    const s = savedOf(task);
    setSaved(s);
    setDrafts(Object.fromEntries(rowsOf(task).map((r) => [r.key, draftOf(s[r.key])])));
  }, [task]);
  return { saved, setSaved, drafts, setDrafts };
}

/** 填报: the unit's (or town's) form for a round; read-only for others and once submitted. */
export default function EntryPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const user = useUser();
  const demo = useDemo();
  const { message, modal } = App.useApp();
  const roundId = Number(id);
  const viewing = search.get('unitId')
    ? `unitId=${search.get('unitId')}`
    : search.get('areaId')
      ? `areaId=${search.get('areaId')}`
      : '';
  const { data: task, error, loading, reload } = useApi<Task>(`/rounds/${roundId}/task${viewing ? `?${viewing}` : ''}`);
  const { saved, setSaved, drafts, setDrafts } = useEntryState(task);

  const [serverErrors, setServerErrors] = useState<Record<string, FieldErrors>>({});
  const [serverWarnings, setServerWarnings] = useState<Record<string, Problem[]>>({});
  const [conflicts, setConflicts] = useState<Record<string, ValueRow | null>>({});
  const [topError, setTopError] = useState<string>();
  const [problems, setProblems] = useState<SubmitProblem[]>();
  const [busy, setBusy] = useState<string>();
  const [history, setHistory] = useState<{ value: ValueRow; row: EntryRow }>();
  const [eventsOpen, setEventsOpen] = useState(false);
  const [eventsVersion, setEventsVersion] = useState(0);
  const [highlight, setHighlight] = useState<string>();
  const [sendBack, setSendBack] = useState(false);
  const [sendBackReason, setSendBackReason] = useState('');

  const rows = useMemo(() => (task ? rowsOf(task) : []), [task]);
  const barRef = useRef<HTMLDivElement>(null);
  const [barHeight, setBarHeight] = useState(0);
  // The table's header sticks under the action bar, whatever the bar's height (an error may be showing).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure once the task has loaded
  useEffect(() => {
    const el = barRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setBarHeight(el.offsetHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [task]);
  const status = task?.submission.status;
  const isReporter = user.role === 'unit_reporter' || user.role === 'town_reporter';
  const editable = Boolean(
    task && isReporter && !viewing && status && unitCanEdit(status) && task.round.status === 'open',
  );
  const dirtyRows = rows.filter((r) => drafts[r.key] && !sameDraft(drafts[r.key] as Draft, draftOf(saved[r.key])));
  const phone = Grid.useBreakpoint().md === false;

  // Unsaved rows are kept in this browser as the user types and restored when the form is opened again, unless
  // someone changed the saved value meanwhile (then the saved one wins, and the page says so).
  const draftKey = `entry.${user.id}.${roundId}`;
  const restoredRef = useRef(false);
  const [restored, setRestored] = useState<{ count: number; skipped: number; at: string }>();
  useEffect(() => {
    if (!task || restoredRef.current) return;
    restoredRef.current = true;
    if (!editable) return;
    const stored = readDraft<Record<string, { draft: Draft; version: number }>>(draftKey);
    if (!stored) return;
    const s = savedOf(task);
    const keys = new Set(rowsOf(task).map((r) => r.key));
    const take: Record<string, Draft> = {};
    let skipped = 0;
    for (const [key, kept] of Object.entries(stored.data)) {
      if (!keys.has(key)) continue;
      if ((s[key]?.version ?? 0) !== kept.version) skipped++;
      else take[key] = kept.draft;
    }
    const count = Object.keys(take).length;
    if (count > 0) setDrafts((d) => ({ ...d, ...take }));
    if (count > 0 || skipped > 0) setRestored({ count, skipped, at: stored.savedAt });
  }, [task, editable, draftKey, setDrafts]);
  useEffect(() => {
    if (!editable || !restoredRef.current || Object.keys(drafts).length === 0) return;
    const timer = window.setTimeout(() => {
      const dirty = rows.filter((r) => drafts[r.key] && !sameDraft(drafts[r.key] as Draft, draftOf(saved[r.key])));
      writeDraft(
        draftKey,
        dirty.length
          ? Object.fromEntries(dirty.map((r) => [r.key, { draft: drafts[r.key], version: saved[r.key]?.version ?? 0 }]))
          : undefined,
      );
    }, 300);
    return () => window.clearTimeout(timer);
  }, [drafts, saved, rows, editable, draftKey]);

  const onChange = useCallback(
    (key: string, patch: Partial<Draft>) => {
      setDrafts((d) => ({ ...d, [key]: { ...(d[key] ?? draftOf(saved[key])), ...patch } }));
      // The user is acting on what the server said: its message for this row no longer applies.
      setServerErrors((e) => {
        if (!e[key]) return e;
        const next = { ...e };
        const fields = { ...next[key] };
        for (const f of Object.keys(patch)) delete fields[f as InputField];
        delete fields.row;
        next[key] = fields;
        return next;
      });
    },
    [setDrafts, saved],
  );

  function scrollTo(key: string) {
    setHighlight(key);
    document
      .querySelector(`[data-row-key="${CSS.escape(key)}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  /** Saves the changed rows; false when the server refused them (its messages are then on the form). */
  async function save(): Promise<boolean> {
    if (!task) return false;
    setTopError(undefined);
    const batch = dirtyRows;
    if (batch.length === 0) {
      message.info('没有需要保存的修改');
      return true;
    }
    setBusy('save');
    try {
      const res = await put<SaveValuesResponse>(`/rounds/${roundId}/values`, {
        values: batch.map((r) => inputOf(r, drafts[r.key] as Draft, saved[r.key])),
      });
      // What is saved is known now, before the reload: a 提交 right after must not save again (locallySaved).
      setSaved((prev) => {
        const next = { ...prev };
        for (const s of res.saved) {
          const row = batch[s.index];
          if (row) next[row.key] = locallySaved(prev[row.key], row, drafts[row.key] as Draft, s);
        }
        return next;
      });
      const warnings: Record<string, Problem[]> = {};
      for (const s of res.saved) {
        const row = batch[s.index];
        if (row && s.warnings.length) warnings[row.key] = s.warnings;
      }
      setServerWarnings((w) => {
        const next = { ...w };
        for (const r of batch) delete next[r.key];
        return { ...next, ...warnings };
      });
      setServerErrors({});
      setConflicts({});
      const changed = res.saved.filter((s) => s.changed).length;
      const warned = Object.keys(warnings).length;
      if (warned > 0) message.warning(`已保存 ${changed} 条数据，其中 ${warned} 条有审核提示，请填写说明`);
      else message.success(`已保存 ${changed} 条数据`);
      reload();
      setEventsVersion((v) => v + 1);
      return true;
    } catch (e) {
      handleSaveError(e, batch);
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  function handleSaveError(e: unknown, batch: EntryRow[]) {
    if (!(e instanceof ApiError)) {
      setTopError('保存失败，请稍后再试');
      return;
    }
    setTopError(e.message);
    const list = (e.body.fields ?? []) as { field: string; message: string }[];
    const errors: Record<string, FieldErrors> = {};
    for (const f of list) {
      const m = /^(?:body\.)?values\.(\d+)(?:\.(\w+))?$/.exec(f.field);
      const row = m ? batch[Number(m[1])] : undefined;
      if (!row) continue;
      const field = (m?.[2] ?? 'row') as InputField | 'row';
      const known = ['value', 'numerator', 'denominator', 'source', 'caliberNote', 'comment', 'explanation'];
      const at = known.includes(field) ? field : 'row';
      errors[row.key] = { ...errors[row.key], [at]: f.message };
    }
    setServerErrors(errors);
    if (e.code === 'CONFLICT') {
      const found = (e.body.conflicts ?? []) as { index: number; current: ValueRow | null }[];
      setConflicts(
        Object.fromEntries(found.flatMap((c) => (batch[c.index] ? [[batch[c.index]?.key, c.current]] : []))),
      );
    }
    const first = Object.keys(errors)[0] ?? (e.code === 'CONFLICT' ? undefined : undefined);
    if (first) scrollTo(first);
  }

  function takeLatest(key: string) {
    const current = conflicts[key];
    setSaved((s) => {
      const next = { ...s };
      if (current) next[key] = current;
      else delete next[key];
      return next;
    });
    setDrafts((d) => ({ ...d, [key]: draftOf(current ?? undefined) }));
    setConflicts((c) => {
      const next = { ...c };
      delete next[key];
      return next;
    });
  }

  function keepMine(key: string) {
    // Overwrite: save against the current version next time, keeping the typed values.
    const current = conflicts[key];
    setSaved((s) => {
      const next = { ...s };
      if (current) next[key] = current;
      else delete next[key];
      return next;
    });
    setConflicts((c) => {
      const next = { ...c };
      delete next[key];
      return next;
    });
  }

  async function act(action: 'submit' | 'confirm' | 'send_back', reason?: string) {
    if (!task) return;
    setBusy(action);
    setTopError(undefined);
    try {
      await post(`/submissions/${task.submission.id}/actions`, { action, ...(reason ? { reason } : {}) });
      setProblems(undefined);
      message.success(
        action === 'submit'
          ? task.submission.unitId !== null
            ? '已提交，等待本单位领导确认'
            : '已报送统计局审核'
          : action === 'confirm'
            ? '已确认，报送统计局审核'
            : '已退回填报员修改',
      );
      reload();
      setEventsVersion((v) => v + 1);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SUBMIT_BLOCKED') {
        setProblems((e.body.problems ?? []) as SubmitProblem[]);
        setTopError(undefined);
      } else setTopError(e instanceof ApiError ? e.message : '操作失败，请稍后再试');
    } finally {
      setBusy(undefined);
    }
  }

  async function submit() {
    if (dirtyRows.length > 0 && !(await save())) return;
    const hard = rows.some((r) => checkRow(r, drafts, saved).some((p) => p.level === 'hard'));
    if (hard) {
      setTopError('表中还有红色标出的错误，请修改后再提交');
      return;
    }
    modal.confirm({
      title: '确认提交本单位数据？',
      content:
        task?.submission.unitId !== null
          ? '提交后由本单位领导确认，确认后报送区统计局审核；提交后不能再修改，除非被退回。'
          : '提交后报送区统计局审核；提交后不能再修改，除非被退回。',
      okText: '提交',
      cancelText: '取消',
      onOk: () => act('submit'),
    });
  }

  if (loading && !task) return <PageLoading />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!task) return null;

  const s = task.submission;
  const isLeader = user.role === 'unit_leader' && !viewing;
  const counts = {
    expected: rows.length,
    filled: rows.filter((r) => {
      const d = drafts[r.key] ?? draftOf(saved[r.key]);
      return d.value !== null || d.explanation.trim() !== '';
    }).length,
  };
  const warningRows = rows.filter((r) => {
    const d = drafts[r.key] ?? draftOf(saved[r.key]);
    const soft = checkRow(r, drafts, saved).some((p) => p.level === 'soft' && p.code !== 'S_MISSING');
    return (soft || serverWarnings[r.key]?.length) && !d.explanation.trim();
  }).length;
  // What the form shows, the same on a phone (cards) and a desktop (table).
  const formProps: EntryTableProps = {
    task,
    saved,
    drafts,
    editable,
    onChange,
    serverErrors,
    serverWarnings,
    conflicts,
    onUseLatest: takeLatest,
    onKeepMine: keepMine,
    showMissing: problems !== undefined,
    onHistory: (value, row) => setHistory({ value, row }),
    highlight,
  };
  const problemRowKey = (p: SubmitProblem) =>
    keyOf({ indicatorId: p.indicatorId, year: p.year, areaId: task.items[0]?.areaId ?? null, sex: p.sex as never });

  const entryActions = (
    <>
      {!phone && (
        <ExcelPanel
          roundId={roundId}
          onImported={() => {
            reload();
            setEventsVersion((v) => v + 1);
          }}
        />
      )}
      <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void save()}>
        保存草稿{dirtyRows.length ? `（${dirtyRows.length}）` : ''}
      </Button>
      <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void submit()}>
        提交
      </Button>
    </>
  );

  return (
    <Card styles={phone ? { body: { padding: 8 } } : undefined}>
      {editable && (
        <UnsavedGuard dirty={dirtyRows.length > 0} what={`${dirtyRows.length} 条数据`} onSave={save} keptLocally />
      )}
      <div
        ref={barRef}
        style={{
          position: phone ? 'static' : 'sticky',
          top: 0,
          zIndex: 100,
          background: '#fff',
          margin: '-12px -4px 8px',
          padding: '12px 4px 8px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          <div style={{ flex: 1, fontSize: 16, fontWeight: 600 }}>
            <Space wrap>
              <Button
                type="text"
                size="small"
                icon={<ArrowLeftOutlined />}
                aria-label="返回"
                onClick={() => navigate(viewing ? `/collection/rounds/${roundId}` : '/collection')}
              />
              <span>{task.round.title}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {s.reporterName}
              </Typography.Text>
              <StatusTag status={s.status} />
              <DemoTag show={demo} />
            </Space>
          </div>
          <Space>
            <Button icon={<HistoryOutlined />} onClick={() => setEventsOpen(true)}>
              流程记录
            </Button>
            {editable && !phone && entryActions}
            {isLeader && s.status === 'awaiting_confirmation' && (
              <>
                <Button danger onClick={() => setSendBack(true)}>
                  退回修改
                </Button>
                <Popconfirm
                  title="确认提交"
                  description="确认本单位数据无误，报送区统计局审核？"
                  okText="确认提交"
                  cancelText="取消"
                  onConfirm={() => act('confirm')}
                >
                  <Button type="primary" loading={busy === 'confirm'}>
                    确认提交
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        </div>
        {topError && <Alert type="error" showIcon title={topError} style={{ marginTop: 8 }} closable />}
      </div>
      {restored && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestored(undefined) }}
          style={{ marginBottom: 8 }}
          className="draft-restored"
          title={
            restored.count > 0
              ? `已恢复您 ${draftTime(restored.at)} 填写但尚未保存的 ${restored.count} 条数据，请核对后保存。`
              : '您上次未保存的修改没有恢复：这些数据已被他人修改，页面显示的是最新保存的值。'
          }
          description={
            restored.count > 0 && restored.skipped > 0
              ? `另有 ${restored.skipped} 条已被他人修改，显示的是最新保存的值。`
              : undefined
          }
          action={
            restored.count > 0 ? (
              <Button
                size="small"
                onClick={() => {
                  writeDraft(draftKey, undefined);
                  setDrafts(Object.fromEntries(rows.map((r) => [r.key, draftOf(saved[r.key])])));
                  setRestored(undefined);
                }}
              >
                放弃这些修改
              </Button>
            ) : undefined
          }
        />
      )}
      <Descriptions size="small" column={{ xs: 2, sm: 3, md: 5 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="类型">
          <RoundKindTag kind={task.round.kind} />
        </Descriptions.Item>
        <Descriptions.Item label="截止日期">{task.round.deadline}</Descriptions.Item>
        <Descriptions.Item label="指标">{task.items.length} 项</Descriptions.Item>
        <Descriptions.Item label="已填">
          {counts.filled}/{counts.expected}
        </Descriptions.Item>
        <Descriptions.Item label="最后更新">{formatBeijingTime(s.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <StatusNotice task={task} editable={editable} isLeader={isLeader} />
      {problems && problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblems(undefined) }}
          style={{ marginBottom: 8 }}
          title={`还有 ${problems.length} 处问题，不能提交。红色为错误，须修改；橙色为审核提示，须在“说明”栏填写原因（强制上报）。`}
          description={
            <ol
              style={{ margin: 0, paddingInlineStart: 20, maxHeight: 180, overflow: 'auto' }}
              className="submit-problems"
            >
              {problems.map((p) => (
                <li key={`${p.indicatorId}-${p.year}-${p.sex}-${p.message}`}>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => scrollTo(problemRowKey(p))}
                  >
                    {p.code}
                    {task.years.length > 1 ? ` ${p.year}年` : ''}
                    {p.sex !== 'total' ? `（${sexLabel(p.sex as never)}）` : ''}
                  </Button>{' '}
                  {p.message}
                </li>
              ))}
            </ol>
          }
        />
      )}
      {editable && warningRows > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${warningRows} 条数据有审核提示（橙色），请核实；确认无误的，在“说明”栏写明原因后方可提交。`}
        />
      )}
      {phone ? <EntryCards {...formProps} /> : <EntryTable {...formProps} stickyOffset={barHeight} />}
      {phone && editable && (
        <div
          className="entry-actions-bottom"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 100,
            background: '#fff',
            borderTop: '1px solid #f0f0f0',
            margin: '8px -8px -8px',
            padding: 8,
            display: 'flex',
            gap: 8,
            justifyContent: 'flex-end',
          }}
        >
          {entryActions}
        </div>
      )}
      <HistoryDrawer
        value={history?.value}
        {...(history ? { indicator: history.row.item.indicator as TaskIndicator } : {})}
        title={
          history
            ? `${history.row.item.indicator.code} ${history.row.item.indicator.name} ${history.row.year}年${history.row.item.sexes.length > 1 ? `（${sexLabel(history.row.sex)}）` : ''}`
            : ''
        }
        onClose={() => setHistory(undefined)}
      />
      <Drawer title={`流程记录 · ${s.reporterName}`} open={eventsOpen} onClose={() => setEventsOpen(false)} size={420}>
        <EventTimeline submissionId={s.id} version={eventsVersion} />
      </Drawer>
      <Modal
        title="退回填报员修改"
        open={sendBack}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !sendBackReason.trim(), loading: busy === 'send_back' }}
        onCancel={() => setSendBack(false)}
        onOk={async () => {
          await act('send_back', sendBackReason.trim());
          setSendBack(false);
          setSendBackReason('');
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>请写明需要修改的内容，填报员将看到此原因。</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={sendBackReason}
          maxLength={1000}
          aria-label="退回原因"
          placeholder="退回原因（必填）"
          onChange={(e) => setSendBackReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}

/** What the status means for the person looking at the form, in one line. */
function StatusNotice({ task, editable, isLeader }: { task: Task; editable: boolean; isLeader: boolean }) {
  const s = task.submission;
  const style = { marginBottom: 8 };
  switch (s.status) {
    case 'not_started':
    case 'in_progress':
      return editable ? (
        <Alert
          type="info"
          showIcon
          style={style}
          title="逐项填写本期数据，可随时保存草稿；全部填写并通过审核公式后点击“提交”。"
          description={s.reason ? `单位领导退回意见：${s.reason}` : undefined}
        />
      ) : s.reason ? (
        <Alert type="warning" showIcon style={style} title={`单位领导退回意见：${s.reason}`} />
      ) : null;
    case 'returned':
      return (
        <Alert
          type="error"
          showIcon
          style={style}
          title={`被退回${s.reason ? `：${s.reason}` : ''}`}
          description={editable ? '请按退回原因修改标红的数据，保存后重新提交。' : undefined}
        />
      );
    case 'awaiting_confirmation':
      return (
        <Alert
          type="warning"
          showIcon
          style={style}
          title={isLeader ? '填报员已提交，请审阅后确认提交或退回修改。' : '已提交，等待本单位领导确认。'}
        />
      );
    case 'submitted':
      return <Alert type="info" showIcon style={style} title="已报送区统计局，等待审核。" />;
    case 'approved':
      return (
        <Alert type="success" showIcon style={style} title="审核通过，数据已锁定。如需更正请联系区统计局重新打开。" />
      );
  }
}
