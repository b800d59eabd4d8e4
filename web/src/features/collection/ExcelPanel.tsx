import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type {
  PreviewRow,
  RowContent,
  RowStatus,
  UploadConfirmResponse,
  UploadPreviewResponse,
} from '../../../../src/features/collection/contract.ts';
import { ApiError, api, download, post } from '../../api/client.ts';

// The Excel round trip of the entry page: download the unit's prefilled template, fill it offline, upload it,
// see what would change row by row (nothing is written yet), then confirm — all rows or none.

/** A preview as the panel shows it: the server's answer, or the rows of a refused file (no token then). */
type Preview = Pick<UploadPreviewResponse, 'counts' | 'rows' | 'fileName'> & { previewToken?: string };

const STATUS: Record<RowStatus, { label: string; color: string }> = {
  new: { label: '新增', color: 'green' },
  changed: { label: '修改', color: 'blue' },
  unchanged: { label: '未变', color: 'default' },
  invalid: { label: '有误', color: 'red' },
};

const SEX: Record<string, string> = { total: '合计', female: '女', male: '男' };

const show = (c: RowContent | null | undefined) =>
  c?.value === null || c?.value === undefined ? '—' : String(c.value);

export function ExcelPanel({ roundId, onImported }: { roundId: number; onImported: () => void }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'upload' | 'confirm' | 'template'>();
  const [showUnchanged, setShowUnchanged] = useState(false);

  async function upload(file: File) {
    setBusy('upload');
    setError(undefined);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setPreview(await api<Preview>(`/rounds/${roundId}/upload/preview`, { method: 'POST', body: form }));
    } catch (e) {
      if (e instanceof ApiError) {
        // A refused file still shows every row at fault, when the server could read it.
        const refused = e.body.preview as Preview | undefined;
        setError(e.message);
        setPreview(
          refused ? { ...refused, fileName: file.name } : { counts: emptyCounts(), rows: [], fileName: file.name },
        );
      } else setError('上传失败，请稍后再试');
    } finally {
      setBusy(undefined);
    }
  }

  async function confirm() {
    if (!preview?.previewToken) return;
    setBusy('confirm');
    try {
      const res = await post<UploadConfirmResponse>(`/rounds/${roundId}/upload/confirm`, {
        previewToken: preview.previewToken,
      });
      message.success(
        `已导入 ${res.written} 条数据${res.warnings ? `，其中 ${res.warnings} 条有审核提示，请填写说明` : ''}`,
      );
      setPreview(undefined);
      onImported();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败，请稍后再试');
    } finally {
      setBusy(undefined);
    }
  }

  const rows = (preview?.rows ?? []).filter((r) => showUnchanged || r.status !== 'unchanged');
  const counts = preview?.counts;

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'template'}
        onClick={() => {
          setBusy('template');
          download(`/rounds/${roundId}/template.xlsx`, '填报模板.xlsx')
            .catch((e: Error) => message.error(e.message))
            .finally(() => setBusy(undefined));
        }}
      >
        下载Excel模板
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy === 'upload'}>
          上传Excel
        </Button>
      </Upload>
      <Modal
        open={preview !== undefined}
        title={`导入预览${preview?.fileName ? `：${preview.fileName}` : ''}`}
        width={1000}
        onCancel={() => {
          setPreview(undefined);
          setError(undefined);
        }}
        footer={[
          <Button key="cancel" onClick={() => setPreview(undefined)}>
            取消
          </Button>,
          <Button
            key="confirm"
            type="primary"
            disabled={!preview?.previewToken || (counts?.new ?? 0) + (counts?.changed ?? 0) === 0}
            loading={busy === 'confirm'}
            onClick={() => void confirm()}
          >
            确认导入{counts ? `（${counts.new + counts.changed} 条）` : ''}
          </Button>,
        ]}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {counts && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color="green">新增 {counts.new}</Tag>
            <Tag color="blue">修改 {counts.changed}</Tag>
            <Tag>未变 {counts.unchanged}</Tag>
            <Tag color="red">有误 {counts.invalid}</Tag>
            {counts.warnings > 0 && <Tag color="orange">审核提示 {counts.warnings}</Tag>}
            <Checkbox checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)}>
              显示未变化的行
            </Checkbox>
          </Space>
        )}
        <Typography.Paragraph type="secondary">
          预览不写入任何数据；点击“确认导入”后一次性写入全部新增和修改的行，任何一行出错则全部不写入。
        </Typography.Paragraph>
        <Table<PreviewRow>
          size="small"
          bordered
          rowKey={(r) => `${r.row}-${r.code}-${r.sex}-${r.year}`}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ y: 420 }}
          columns={[
            { title: '行', dataIndex: 'row', width: 56 },
            { title: '指标', render: (_, r) => `${r.code} ${r.name}` },
            { title: '性别', width: 60, render: (_, r) => SEX[r.sex] ?? r.sex },
            { title: '年份', dataIndex: 'year', width: 64 },
            {
              title: '状态',
              width: 70,
              render: (_, r) => <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>,
            },
            {
              title: '原值 → 新值',
              width: 150,
              render: (_, r) => (r.status === 'changed' ? `${show(r.old)} → ${show(r.new)}` : show(r.new ?? r.old)),
            },
            {
              title: '问题 / 提示',
              render: (_, r) => (
                <>
                  {r.problems?.map((p) => (
                    <Typography.Text key={p} type="danger" style={{ display: 'block' }}>
                      {p}
                    </Typography.Text>
                  ))}
                  {r.warnings?.map((w) => (
                    <Typography.Text key={w} type="warning" style={{ display: 'block' }}>
                      {w}
                    </Typography.Text>
                  ))}
                </>
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}

function emptyCounts(): Preview['counts'] {
  return { new: 0, changed: 0, unchanged: 0, invalid: 0, empty: 0, warnings: 0 };
}
