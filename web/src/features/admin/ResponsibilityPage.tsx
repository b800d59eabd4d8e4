import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  Form,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import type { ListedUnit, UnitList } from '../../../../src/features/organisation/contract.ts';
import type {
  ImportConfirmResponse,
  ImportPreviewResponse,
  ResponsibilityItem as Item,
  PreviewRow,
  ResponsibilityList,
  ResponsibilitySummary,
  RowStatus,
  UnitSummary,
} from '../../../../src/features/responsibility/contract.ts';
import type { Role } from '../../../../src/kernel/roles.ts';
import { ApiError, api, download, post, put } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { useUser } from '../auth/AuthContext.tsx';

// 目标管理责任制: each measure and indicator with its lead unit (牵头单位) and partner units (配合单位). Everyone
// may look (unit roles see their own unit's items, the server decides); the office and the administrator edit
// one item in a dialog or many at once through the exported Excel table (preview first, then confirm).

const MANAGERS: Role[] = ['office', 'admin'];

const KIND_LABEL = { indicator: '监测指标', measure: '策略措施' } as const;

const STATUS: Record<RowStatus, { label: string; color: string; background: string }> = {
  new: { label: '新增', color: 'green', background: '#f6ffed' },
  changed: { label: '有修改', color: 'blue', background: '#e6f4ff' },
  unchanged: { label: '无变化', color: 'default', background: 'transparent' },
  invalid: { label: '无法导入', color: 'red', background: '#fff1f0' },
};

function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : '操作失败，请稍后再试';
}

export default function ResponsibilityPage() {
  const user = useUser();
  const tableScroll = useTableScroll();
  const canEdit = MANAGERS.includes(user.role);
  const { message } = App.useApp();

  const [plan, setPlan] = useState<string>();
  const [domain, setDomain] = useState<string>();
  const [unit, setUnit] = useState<number>();
  const [missingLead, setMissingLead] = useState(false);

  const query = new URLSearchParams();
  if (plan) query.set('plan', plan);
  if (domain) query.set('domain', domain);
  if (unit) query.set('unit', String(unit));
  if (missingLead) query.set('missingLead', 'true');
  const list = useApi<ResponsibilityList>(`/responsibility${query.size ? `?${query}` : ''}`);
  // The whole list (no filters) names the plans and domains for the filter menus.
  const all = useApi<ResponsibilityList>('/responsibility');
  const summary = useApi<ResponsibilitySummary>('/responsibility/summary');
  const units = useApi<UnitList>('/org/units');

  const [editing, setEditing] = useState<Item>();
  const [preview, setPreview] = useState<ImportPreviewResponse>();
  const [uploading, setUploading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const reloadAll = () => {
    list.reload();
    all.reload();
    summary.reload();
  };

  const plans = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of all.data?.items ?? []) seen.set(i.plan.id, i.plan.shortTitle);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [all.data]);
  const domains = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of all.data?.items ?? []) {
      if (!plan || i.plan.id === plan) seen.set(i.domain.code, i.domain.name);
    }
    return [...seen].map(([value, name]) => ({ value, label: `${value} ${name}` }));
  }, [all.data, plan]);
  const unitOptions = (units.data?.units ?? []).map((u) => ({
    value: u.id,
    label: u.active ? u.name : `${u.name}（已停用）`,
  }));

  async function exportExcel() {
    setExporting(true);
    try {
      await download('/responsibility/export.xlsx', '目标管理责任分工表.xlsx');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  }

  async function upload(file: File) {
    setUploading(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setPreview(await api<ImportPreviewResponse>('/responsibility/import/preview', { method: 'POST', body: form }));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setUploading(false);
    }
  }

  const withoutLead = summary.data?.totals.withoutLead ?? 0;

  return (
    <div>
      <Typography.Title level={3}>责任分工</Typography.Title>
      <Typography.Paragraph type="secondary">
        {'目标管理责任制：每条策略措施和每个监测指标有一个牵头单位，可有多个配合单位。' +
          '系统提供的默认分工须由区妇儿工委办公室确认或修改；修改后以此处为准，系统重启不会覆盖。'}
      </Typography.Paragraph>

      {list.error && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}

      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={48} wrap>
          <Statistic title="策略措施" value={summary.data?.totals.measures ?? '—'} suffix="条" />
          <Statistic title="监测指标" value={summary.data?.totals.indicators ?? '—'} suffix="个" />
          <Statistic
            title="缺少牵头单位"
            value={summary.data ? withoutLead : '—'}
            suffix="项"
            styles={{ content: { color: withoutLead > 0 ? '#cf1322' : '#389e0d' } }}
          />
          {withoutLead > 0 && !missingLead && (
            <Button danger size="small" onClick={() => setMissingLead(true)}>
              查看缺少牵头单位的条目
            </Button>
          )}
        </Space>
        {summary.data && (
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'units',
                label: '各单位牵头、配合数量',
                children: <UnitSummaryTable units={summary.data.units} onPick={(id) => setUnit(id)} />,
              },
            ]}
          />
        )}
      </Card>

      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Select
              aria-label="规划"
              placeholder="全部规划"
              allowClear
              style={{ width: 150 }}
              value={plan}
              options={plans}
              onChange={(v) => {
                setPlan(v);
                setDomain(undefined);
              }}
            />
            <Select
              aria-label="领域"
              placeholder="全部领域"
              allowClear
              style={{ width: 200 }}
              value={domain}
              options={domains}
              onChange={setDomain}
            />
            <Select
              aria-label="单位"
              placeholder="全部单位"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              value={unit}
              options={unitOptions}
              onChange={setUnit}
            />
            <Checkbox checked={missingLead} onChange={(e) => setMissingLead(e.target.checked)}>
              仅显示缺少牵头单位
            </Checkbox>
          </Space>
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()}>
              导出Excel
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

        <Table<Item>
          rowKey={(i) => `${i.kind}-${i.id}`}
          size="small"
          scroll={tableScroll}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: missingLead ? '没有缺少牵头单位的条目' : '没有符合条件的条目' }}
          columns={[
            { title: '领域', width: 130, render: (_, i) => i.domain.name },
            {
              title: '类型',
              width: 90,
              render: (_, i) => <Tag color={i.kind === 'indicator' ? 'cyan' : 'purple'}>{KIND_LABEL[i.kind]}</Tag>,
            },
            { title: '编号', dataIndex: 'code', width: 80 },
            { title: '内容/指标', dataIndex: 'name' },
            {
              title: '牵头单位',
              width: 150,
              render: (_, i) =>
                i.lead ? <Tag color="blue">{i.lead.name}</Tag> : <Tag color="error">缺少牵头单位</Tag>,
            },
            {
              title: '配合单位',
              width: 300,
              render: (_, i) =>
                i.partners.length ? (
                  <Space size={[0, 4]} wrap>
                    {i.partners.map((p) => (
                      <Tag key={p.unitId}>{p.name}</Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    width: 80,
                    render: (_: unknown, i: Item) => (
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={`编辑 ${i.code}`}
                        onClick={() => setEditing(i)}
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

      {editing && (
        <EditDialog
          item={editing}
          units={(units.data?.units ?? []).filter((u) => u.active)}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            message.success('责任分工已保存');
            reloadAll();
          }}
        />
      )}
      {preview && (
        <ImportPreview
          preview={preview}
          onClose={() => setPreview(undefined)}
          onApplied={(n) => {
            setPreview(undefined);
            message.success(n > 0 ? `已导入 ${n} 条修改` : '没有需要导入的修改');
            reloadAll();
          }}
        />
      )}
    </div>
  );
}

function UnitSummaryTable({ units, onPick }: { units: UnitSummary[]; onPick: (unitId: number) => void }) {
  const tableScroll = useTableScroll();
  return (
    <Table<UnitSummary>
      rowKey="unitId"
      size="small"
      pagination={false}
      scroll={{ y: 320, ...tableScroll }}
      dataSource={units}
      columns={[
        {
          title: '单位',
          render: (_, u) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(u.unitId)}>
              {u.name}
              {u.active ? '' : '（已停用）'}
            </Button>
          ),
        },
        { title: '牵头指标', dataIndex: 'leadIndicators', width: 100, align: 'right' },
        { title: '配合指标', dataIndex: 'partnerIndicators', width: 100, align: 'right' },
        { title: '牵头措施', dataIndex: 'leadMeasures', width: 100, align: 'right' },
        { title: '配合措施', dataIndex: 'partnerMeasures', width: 100, align: 'right' },
      ]}
    />
  );
}

interface EditForm {
  leadUnitId?: number;
  partnerUnitIds: number[];
}

function EditDialog({
  item,
  units,
  onClose,
  onSaved,
}: {
  item: Item;
  units: ListedUnit[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<EditForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const lead = Form.useWatch('leadUnitId', form);
  const options = units.map((u) => ({ value: u.id, label: u.name }));

  async function save() {
    const values = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      await put(`/responsibility/${item.kind}/${item.id}`, {
        leadUnitId: values.leadUnitId,
        partnerUnitIds: values.partnerUnitIds ?? [],
      });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`编辑责任分工：${item.code}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Tag color={item.kind === 'indicator' ? 'cyan' : 'purple'}>{KIND_LABEL[item.kind]}</Tag>
        {item.domain.name} · {item.name}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{ leadUnitId: item.lead?.unitId, partnerUnitIds: item.partners.map((p) => p.unitId) }}
      >
        <Form.Item name="leadUnitId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <Select
            placeholder="选择一个牵头单位"
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            onChange={(value: number) =>
              form.setFieldValue(
                'partnerUnitIds',
                (form.getFieldValue('partnerUnitIds') as number[] | undefined)?.filter((p) => p !== value) ?? [],
              )
            }
          />
        </Form.Item>
        <Form.Item name="partnerUnitIds" label="配合单位" extra="可选多个；牵头单位不能同时作为配合单位">
          <Select
            mode="multiple"
            placeholder="选择配合单位"
            showSearch={{ optionFilterProp: 'label' }}
            options={options.filter((o) => o.value !== lead)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportPreview({
  preview,
  onClose,
  onApplied,
}: {
  preview: ImportPreviewResponse;
  onClose: () => void;
  onApplied: (n: number) => void;
}) {
  const [onlyNotable, setOnlyNotable] = useState(true);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string>();
  const toApply = preview.counts.new + preview.counts.changed;
  const rows = onlyNotable ? preview.rows.filter((r) => r.status !== 'unchanged') : preview.rows;

  async function confirm() {
    setApplying(true);
    setError(undefined);
    try {
      const { applied } = await post<ImportConfirmResponse>('/responsibility/import/confirm', {
        previewToken: preview.previewToken,
      });
      onApplied(applied);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setApplying(false);
    }
  }

  const units = (a: { lead: string | null; partners: string[] } | null) =>
    a ? (
      <span>
        <b>{a.lead ?? '（无牵头单位）'}</b>
        {a.partners.length ? `；配合：${a.partners.join('、')}` : ''}
      </span>
    ) : (
      '—'
    );

  return (
    <Modal
      open
      width={1100}
      title={`导入预览：${preview.fileName}`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" disabled={toApply === 0} loading={applying} onClick={() => void confirm()}>
            确认导入{toApply > 0 ? `（${toApply} 条）` : ''}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {(['new', 'changed', 'unchanged', 'invalid'] as const).map((s) => (
          <Tag key={s} color={STATUS[s].color}>
            {STATUS[s].label} {preview.counts[s]}
          </Tag>
        ))}
        <Checkbox checked={onlyNotable} onChange={(e) => setOnlyNotable(e.target.checked)}>
          只看有变化和无法导入的行
        </Checkbox>
      </Space>
      {preview.counts.invalid > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${preview.counts.invalid} 行无法导入，确认导入时将跳过这些行；请在 Excel 中改正后重新上传。`}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        预览不会写入任何内容；点击“确认导入”后，全部修改在一次操作中写入（要么全部成功，要么都不写入）。预览 10
        分钟内有效。
      </Typography.Paragraph>
      <Table<PreviewRow>
        rowKey={(r) => `${r.sheet}-${r.row}`}
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 行` }}
        onRow={(r) => ({ style: { background: STATUS[r.status].background } })}
        locale={{ emptyText: '与系统中的分工完全一致，没有需要导入的修改' }}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 110 },
          { title: '行', dataIndex: 'row', width: 50 },
          { title: '编号', dataIndex: 'code', width: 80 },
          { title: '内容/指标', dataIndex: 'name', width: 200, render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            width: 90,
            render: (_, r) => <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>,
          },
          {
            title: '变化 / 原因',
            render: (_, r) =>
              r.status === 'invalid' ? (
                <Typography.Text type="danger">{r.reasons.join('；')}</Typography.Text>
              ) : r.status === 'unchanged' ? (
                units(r.before)
              ) : (
                <span>
                  {r.status === 'changed' && (
                    <>
                      <Typography.Text delete type="secondary">
                        {units(r.before)}
                      </Typography.Text>
                      {' → '}
                    </>
                  )}
                  {units(r.after)}
                </span>
              ),
          },
        ]}
      />
    </Modal>
  );
}
