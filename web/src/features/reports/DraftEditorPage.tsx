import { Alert, App, Button, Card, Input, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { GenerateResponse, ReportDraftDetail, ReportList } from '../../../../src/features/reports/contract.ts';
import { ApiError, post, put } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../admin/common.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { FileList } from './FileList.tsx';
import { scopeLabel } from './types.ts';

const EDITORS = ['office', 'statistics'];
const KIND_LABELS: Record<string, string> = {
  annual_monitoring: '年度监测报告',
  final_monitoring: '终期监测报告',
  annual_evaluation: '年度评估报告',
  final_evaluation: '终期评估报告',
  stat_tables: '统计报表',
};
/** A report with charts takes several seconds; the bar creeps towards this and completes when the answer comes. */
const EXPECTED_MS = 15_000;

/** A report's texts as editable sections (prefilled with the drafted text), 保存, 生成报告 and the versions. */
export default function DraftEditorPage() {
  const { id } = useParams();
  const user = useUser();
  const canEdit = EDITORS.includes(user.role);
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<ReportDraftDetail>(`/reports/drafts/${id}`);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [progress, setProgress] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval>>(undefined);
  const draft = data?.draft;
  const plans = useApi<ReportList>('/reports').data?.plans;

  useEffect(() => {
    if (draft?.sections) setTexts(Object.fromEntries(draft.sections.map((s) => [s.key, s.text])));
  }, [draft]);
  useEffect(() => () => clearInterval(timer.current), []);

  const changed = (draft?.sections ?? []).filter((s) => texts[s.key] !== undefined && texts[s.key] !== s.text);

  const save = async (): Promise<boolean> => {
    if (!draft || changed.length === 0) return true;
    setSaving(true);
    try {
      await put(`/reports/drafts/${draft.id}`, {
        sections: Object.fromEntries(changed.map((s) => [s.key, texts[s.key]])),
        version: draft.version,
      });
      message.success('已保存');
      reload();
      return true;
    } catch (e) {
      message.error(
        e instanceof ApiError && e.status === 409 ? '报告已被他人修改，请刷新页面后再编辑' : (e as Error).message,
      );
      return false;
    } finally {
      setSaving(false);
    }
  };

  const reset = async (key: string) => {
    if (!draft) return;
    try {
      await put(`/reports/drafts/${draft.id}`, { sections: { [key]: null }, version: draft.version });
      reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const generate = async () => {
    if (!draft || !(await save())) return;
    setGenerating(true);
    setProgress(0);
    const started = Date.now();
    timer.current = setInterval(() => {
      setProgress(Math.min(95, Math.round((100 * (Date.now() - started)) / EXPECTED_MS)));
    }, 300);
    try {
      const { file } = await post<GenerateResponse>(`/reports/drafts/${draft.id}/generate`, {});
      setProgress(100);
      message.success(`已生成${file.fileName}`);
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      clearInterval(timer.current);
      setGenerating(false);
    }
  };

  if (loading && !data) return <Spin />;
  if (!draft) return <ErrorAlert message={error?.message ?? '报告不存在'} />;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        {draft.year}年 {KIND_LABELS[draft.kind]}（{scopeLabel(draft.scope, plans)}）
      </Typography.Title>
      {canEdit && (
        <Card>
          <Space wrap>
            <Button onClick={save} loading={saving} disabled={changed.length === 0 || generating}>
              保存
            </Button>
            <Button type="primary" onClick={generate} loading={generating}>
              生成报告
            </Button>
            {changed.length > 0 && <Typography.Text type="warning">有 {changed.length} 处未保存的修改</Typography.Text>}
          </Space>
          {generating && (
            <div style={{ marginTop: 16 }}>
              <Spin size="small" /> 正在生成报告（汇总数据、起草文字、绘制图表、排版）……
              <Progress percent={progress} status="active" aria-label="报告生成进度" />
            </div>
          )}
        </Card>
      )}
      <Card title="已生成的版本">
        <FileList files={data?.files ?? []} />
      </Card>
      {(draft.sections ?? []).length === 0 ? (
        <Alert type="info" title="统计报表没有文字部分，直接生成即可。" />
      ) : (
        <Card title="报告文字（系统按当前数据起草，可修改；修改过的部分在以后生成时保持不变）">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {(draft.sections ?? []).map((s) => (
              <div key={s.key}>
                <Space>
                  <Typography.Text strong>{s.label}</Typography.Text>
                  {s.edited && <Tag color="blue">已修改</Tag>}
                  {canEdit && s.edited && (
                    <Button size="small" type="link" onClick={() => reset(s.key)}>
                      恢复为系统起草
                    </Button>
                  )}
                </Space>
                <Input.TextArea
                  aria-label={s.label}
                  value={texts[s.key] ?? s.text}
                  readOnly={!canEdit}
                  autoSize={{ minRows: s.key.endsWith('.heading') ? 1 : 3, maxRows: 16 }}
                  onChange={(e) => setTexts((t) => ({ ...t, [s.key]: e.target.value }))}
                />
              </div>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
