import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { DocumentAttachment } from '../../../../src/features/documents/contract.ts';
import { del, download, request } from '../../api/client.ts';
import { applyError } from '../admin/common.tsx';
import { formatSize } from './types.ts';

const ACCEPT = '.pdf,.doc,.docx,.png,.jpg,.jpeg';

/** A document's attachments: download for everyone who may see it; upload and delete while it is a draft. */
export function Attachments({
  documentId,
  attachments,
  editable,
  onChange,
}: {
  documentId: number | null;
  attachments: DocumentAttachment[];
  editable: boolean;
  onChange?: () => void;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);

  async function upload(file: File) {
    if (documentId === null) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setUploading(true);
    try {
      await request(`/documents/${documentId}/attachments`, { method: 'POST', body: form });
      message.success(`已上传：${file.name}`);
      onChange?.();
    } catch (e) {
      message.error(applyError(e));
    } finally {
      setUploading(false);
    }
  }

  async function remove(a: DocumentAttachment) {
    try {
      await del(`/documents/attachments/${a.id}`);
      message.success(`已删除：${a.fileName}`);
      onChange?.();
    } catch (e) {
      message.error(applyError(e));
    }
  }

  return (
    <div>
      <List
        size="small"
        bordered
        locale={{ emptyText: '暂无附件' }}
        dataSource={attachments}
        renderItem={(a) => (
          <List.Item
            actions={
              editable
                ? [
                    <Popconfirm key="del" title={`删除附件“${a.fileName}”？`} onConfirm={() => void remove(a)}>
                      <Button type="link" danger size="small" icon={<DeleteOutlined />}>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Button
              type="link"
              size="small"
              icon={<PaperClipOutlined />}
              onClick={() =>
                void download(`/documents/attachments/${a.id}`, a.fileName).catch((e) => message.error(applyError(e)))
              }
            >
              {a.fileName}
            </Button>
            <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
          </List.Item>
        )}
      />
      {editable && (
        <div style={{ marginTop: 8, display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          {documentId === null ? (
            <Typography.Text type="secondary">先保存草稿，再上传附件。</Typography.Text>
          ) : (
            <Upload
              accept={ACCEPT}
              multiple
              showUploadList={false}
              customRequest={({ file }) => void upload(file as File)}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                上传附件
              </Button>
            </Upload>
          )}
          <Typography.Text type="secondary">
            支持 PDF、Word（.docx、.doc）、PNG、JPEG，每个不超过 20 MB；系统按文件内容识别类型。
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
