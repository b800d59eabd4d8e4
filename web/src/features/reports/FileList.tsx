import { App, Button, Table, Tag } from 'antd';
import type { ReportFile } from '../../../../src/features/reports/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { download } from '../../api/client.ts';

/** Generated versions, newest first, each downloadable again. */
export function FileList({ files }: { files: ReportFile[] }) {
  const { message } = App.useApp();
  return (
    <Table<ReportFile>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={files}
      locale={{ emptyText: '尚未生成' }}
      // On a phone the table scrolls inside its card instead of widening the page.
      scroll={{ x: 720 }}
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
        {
          title: '文件',
          dataIndex: 'fileName',
          render: (name: string, f) => (
            <Button
              type="link"
              size="small"
              style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left', padding: 0 }}
              onClick={() => download(`/reports/files/${f.id}`, name).catch((e: Error) => message.error(e.message))}
            >
              {name}
            </Button>
          ),
        },
        { title: '生成时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatBeijingTime(v) },
        { title: '生成人', dataIndex: 'createdBy', width: 100 },
        {
          title: '口径',
          dataIndex: 'basis',
          width: 170,
          render: (v: string, f) => (
            <>
              {v === 'approved' ? '已审核数据' : '含未审核数据'}
              {f.demo && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  演示数据
                </Tag>
              )}
            </>
          ),
        },
        {
          title: '大小',
          dataIndex: 'size',
          width: 90,
          render: (v: number) => `${Math.max(1, Math.round(v / 1024))} KB`,
        },
      ]}
    />
  );
}
