import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { REFERENCE_SCOPE_LABELS, REFERENCE_SCOPES, type ReferenceScope } from '../../../../src/core/reference.ts';
import type {
  ReferenceEntry,
  ReferenceImportResponse,
  ReferenceIndicator,
  ReferenceListResponse,
} from '../../../../src/features/reference/contract.ts';
import { ApiError, api, del, download, put } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { useBasis } from './common.tsx';
import { AnalysisTabs } from './OverviewPage.tsx';

// 对比数据: the 天津市 and 全国 figures the district's values are compared with on the indicator pages and in the
// reports. Everyone reads; the office edits a row in place, or fills the downloaded table in Excel and imports it.

type Draft = Record<ReferenceScope, { value: number | null; source: string }>;

function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : '操作失败，请稍后再试';
}

/** The year shown first: the latest with any figure, else the cycle's last. */
function defaultYear(list: ReferenceListResponse): number | undefined {
  const years = list.indicators.flatMap((i) => i.values.map((v) => v.year));
  return years.length ? Math.max(...years) : list.years.at(-1);
}

export default function ReferencePage() {
  const user = useUser();
  const canEdit = user.role === 'office';
  const { message } = App.useApp();
  const tableScroll = useTableScroll();
  const [basis] = useBasis();
  const { data, error, loading, reload } = useApi<ReferenceListResponse>('/reference-values');
  const [plan, setPlan] = useState<string>();
  const [year, setYear] = useState<number>();
  const [editing, setEditing] = useState<{ code: string; draft: Draft }>();
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [importProblems, setImportProblems] = useState<{ message: string; lines: string[] }>();

  const shownYear = year ?? (data ? defaultYear(data) : undefined);
  const shownPlan = plan ?? data?.plans[0]?.id;
  const rows = useMemo(() => (data?.indicators ?? []).filter((i) => i.planId === shownPlan), [data, shownPlan]);
  if (loading && !data) return <PageLoading />;

  const figure = (i: ReferenceIndicator, scope: ReferenceScope): ReferenceEntry | undefined =>
    i.values.find((v) => v.scope === scope && v.year === shownYear);

  function startEdit(i: ReferenceIndicator) {
    const draft = Object.fromEntries(
      REFERENCE_SCOPES.map((s) => {
        const f = figure(i, s);
        return [s, { value: f?.value ?? null, source: f?.source ?? '' }];
      }),
    ) as Draft;
    setEditing({ code: i.code, draft });
  }

  async function save(i: ReferenceIndicator, draft: Draft) {
    // Checked before the first request, so that one scope is not saved while the other is refused.
    const missing = REFERENCE_SCOPES.find((s) => draft[s].value !== null && !draft[s].source.trim());
    if (missing) {
      message.error(`请填写${REFERENCE_SCOPE_LABELS[missing]}数据来源`);
      return;
    }
    setSaving(true);
    try {
      for (const scope of REFERENCE_SCOPES) {
        const path = `/reference-values/${i.code}/${scope}/${shownYear}`;
        const { value, source } = draft[scope];
        if (value !== null) await put(path, { value, source });
        // A cleared value removes the stored figure.
        else if (figure(i, scope)) await del(path);
      }
      setEditing(undefined);
      message.success(`${i.name} ${shownYear}年对比数据已保存`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
      reload();
    }
  }

  async function upload(file: File) {
    setUploading(true);
    setImportProblems(undefined);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const result = await api<ReferenceImportResponse>('/reference-values/import', { method: 'POST', body: form });
      message.success(
        `已导入 ${result.applied} 项对比数据${result.unchanged ? `，${result.unchanged} 项与已保存的相同` : ''}`,
      );
      reload();
    } catch (e) {
      const fields = e instanceof ApiError ? ((e.body as { fields?: { message: string }[] }).fields ?? []) : [];
      setImportProblems({ message: errorText(e), lines: fields.map((f) => f.message) });
    } finally {
      setUploading(false);
    }
  }

  const valueCell = (i: ReferenceIndicator, scope: ReferenceScope) => {
    if (editing?.code === i.code) {
      const d = editing.draft[scope];
      const set = (patch: Partial<Draft[ReferenceScope]>) =>
        setEditing({ code: i.code, draft: { ...editing.draft, [scope]: { ...d, ...patch } } });
      return (
        <Space direction="vertical" size={4} style={{ width: 220 }}>
          <InputNumber
            aria-label={`${REFERENCE_SCOPE_LABELS[scope]}数值`}
            value={d.value}
            precision={i.precision}
            step={10 ** -i.precision}
            addonAfter={i.unit}
            style={{ width: '100%' }}
            onChange={(v) => set({ value: v })}
          />
          <Input
            aria-label={`${REFERENCE_SCOPE_LABELS[scope]}数据来源`}
            placeholder="数据来源，如《2024年天津市妇女儿童发展规划统计监测报告》"
            value={d.source}
            maxLength={200}
            onChange={(e) => set({ source: e.target.value })}
          />
        </Space>
      );
    }
    const f = figure(i, scope);
    if (!f) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <div>
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{f.value.toFixed(i.precision)}</span>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, maxWidth: 260 }}>
          {f.source}
        </Typography.Text>
      </div>
    );
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="监测分析" styles={{ body: { paddingBlock: 0 } }}>
        <AnalysisTabs active="references" basis={basis} />
      </Card>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Card size="small" title="对比数据（天津市、全国）">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          各指标的天津市、全国数值及其数据来源。指标页和年度、终期报告据此将本区数值与天津市、全国比较；没有对比数据的年份不作比较。
          两个规划中的同一统计指标共用一组对比数据。
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Select
              aria-label="规划"
              style={{ width: 160 }}
              value={shownPlan}
              options={(data?.plans ?? []).map((p) => ({ value: p.id, label: p.shortTitle }))}
              onChange={(v) => {
                setPlan(v);
                setEditing(undefined);
              }}
            />
            <Select
              aria-label="年份"
              style={{ width: 110 }}
              value={shownYear}
              options={(data?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(v) => {
                setYear(v);
                setEditing(undefined);
              }}
            />
          </Space>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void download('/reference-values/template.xlsx', '对比数据（天津市、全国）.xlsx').catch((e) =>
                  message.error(errorText(e)),
                )
              }
            >
              {canEdit ? '下载模板（含已有数据）' : '导出Excel'}
            </Button>
            {canEdit && (
              <Upload
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading}>
                  导入Excel
                </Button>
              </Upload>
            )}
          </Space>
        </Space>
        {importProblems && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setImportProblems(undefined)}
            title={importProblems.message.replace(/：.*$/, '')}
            description={
              importProblems.lines.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 200, overflow: 'auto' }}>
                  {importProblems.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                importProblems.message
              )
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<ReferenceIndicator>
          data-testid="reference-table"
          scroll={tableScroll}
          rowKey="code"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (n) => `共 ${n} 项指标` }}
          columns={[
            { title: '编号', dataIndex: 'code', width: 76 },
            {
              title: '指标',
              render: (_, i) => (
                <span>
                  {i.name}
                  {i.sameAs && (
                    <Tag style={{ marginInlineStart: 6 }} title="两个规划中的同一统计指标，共用一组对比数据">
                      同 {i.sameAs}
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: '单位', dataIndex: 'unit', width: 70 },
            ...REFERENCE_SCOPES.map((scope) => ({
              title: `${REFERENCE_SCOPE_LABELS[scope]}（${shownYear ?? ''}年）`,
              key: scope,
              width: 200,
              render: (_: unknown, i: ReferenceIndicator) => valueCell(i, scope),
            })),
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, i: ReferenceIndicator) =>
                      editing?.code === i.code ? (
                        <Space size={4}>
                          <Button
                            type="primary"
                            size="small"
                            loading={saving}
                            onClick={() => void save(i, editing.draft)}
                          >
                            保存
                          </Button>
                          <Button size="small" onClick={() => setEditing(undefined)}>
                            取消
                          </Button>
                        </Space>
                      ) : (
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={`编辑 ${i.code}`}
                          onClick={() => startEdit(i)}
                        >
                          编辑
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
