import { Alert, App, Button, Card, Input, Progress, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type {
  GenerateResponse,
  ReportDraftDetail,
  ReportList,
  ReportProgress,
} from '../../../../src/features/reports/contract.ts';
import { ApiError, postStreaming, put } from '../../api/client.ts';
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
const BASIS_OPTIONS = [
  { value: 'approved', label: '已审核数据' },
  { value: 'preliminary', label: '含未审核的初步数据' },
];

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
  const [progress, setProgress] = useState<ReportProgress>({ label: '', percent: 0 });
  const [basis, setBasis] = useState<'approved' | 'preliminary'>('approved');
  const draft = data?.draft;
  const plans = useApi<ReportList>('/reports').data?.plans;

  useEffect(() => {
    if (draft?.sections) setTexts(Object.fromEntries(draft.sections.map((s) => [s.key, s.text])));
  }, [draft]);

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
    setProgress({ label: '开始生成', percent: 0 });
    try {
      // The server tells each step as it does it (数据、文字、图表 one by one、排版), so the bar follows the real work.
      const { file } = await postStreaming<GenerateResponse, ReportProgress>(
        `/reports/drafts/${draft.id}/generate`,
        { basis },
        setProgress,
      );
      setProgress({ label: '已完成', percent: 100 });
      message.success(`已生成${file.fileName}`);
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
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
            <Select
              aria-label="数据口径"
              value={basis}
              onChange={setBasis}
              options={BASIS_OPTIONS}
              disabled={generating}
              style={{ minWidth: 180 }}
            />
            <Button type="primary" onClick={generate} loading={generating}>
              生成报告
            </Button>
            {changed.length > 0 && <Typography.Text type="warning">有 {changed.length} 处未保存的修改</Typography.Text>}
          </Space>
          {basis === 'preliminary' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              初步数据含成员单位已报送但统计部门尚未审核的数值，适合在最后一批数据审核完成前先行起草；报告中注明所用口径。
            </Typography.Paragraph>
          )}
          {generating && (
            <div style={{ marginTop: 16 }}>
              <Spin size="small" /> 正在生成报告：{progress.label}……
              <Progress percent={progress.percent} status="active" aria-label="报告生成进度" />
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
