import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Area, AreaList } from '../../../../src/features/organisation/contract.ts';
import { patch, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { ADMIN_DIALOG, applyError, CodeAndNameItems, ErrorAlert, ORG_MANAGERS, RequireRoles } from './common.tsx';

export const AREA_KIND_LABELS: Record<Area['kind'], string> = { street: '街道', town: '镇' };

interface AreaForm {
  code: string;
  name: string;
  kind: Area['kind'];
  active: boolean;
}

export default function AreasPage() {
  return (
    <RequireRoles roles={ORG_MANAGERS}>
      <Areas />
    </RequireRoles>
  );
}

function Areas() {
  const tableScroll = useTableScroll();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<AreaList>('/org/areas');
  const [editing, setEditing] = useState<Area | 'new' | undefined>();

  async function toggleActive(row: Area) {
    try {
      await patch(`/org/areas/${row.id}`, { active: !row.active });
      message.success(row.active ? `已停用 ${row.name}` : `已启用 ${row.name}`);
      reload();
    } catch (e) {
      message.error(applyError(e));
    }
  }

  const streets = data?.areas.filter((a) => a.kind === 'street').length ?? 0;
  const towns = data?.areas.filter((a) => a.kind === 'town').length ?? 0;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            镇街
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">
              {streets} 个街道、{towns} 个镇
            </Typography.Text>
          )}
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增镇街
        </Button>
      </Space>
      <ErrorAlert message={error?.message} />
      <Table<Area>
        scroll={tableScroll}
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.areas}
        pagination={false}
        columns={[
          { title: '代码', dataIndex: 'code', width: 140 },
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: Area['kind']) => AREA_KIND_LABELS[k] },
          {
            title: '状态',
            dataIndex: 'active',
            width: 100,
            render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_, row) => (
              <Space size="small">
                <Button size="small" type="link" onClick={() => setEditing(row)}>
                  编辑
                </Button>
                <Button size="small" type="link" danger={row.active} onClick={() => void toggleActive(row)}>
                  {row.active ? '停用' : '启用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <AreaDialog
          area={editing === 'new' ? undefined : editing}
          onClose={(changed) => {
            setEditing(undefined);
            if (changed) reload();
          }}
        />
      )}
    </div>
  );
}

function AreaDialog({ area, onClose }: { area: Area | undefined; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AreaForm>();

  async function save(values: AreaForm) {
    if (area) await patch(`/org/areas/${area.id}`, { name: values.name, active: values.active });
    else await post('/org/areas', { code: values.code, name: values.name, kind: values.kind });
    message.success(area ? '已保存' : `已新增 ${values.name}`);
    onClose(true);
  }

  return (
    <FormDialog<AreaForm>
      form={form}
      title={area ? `编辑镇街：${area.name}` : '新增镇街'}
      okText="保存"
      {...ADMIN_DIALOG}
      save={save}
      onCancel={() => onClose(false)}
      initialValues={{
        code: area?.code ?? '',
        name: area?.name ?? '',
        kind: area?.kind ?? 'town',
        active: area?.active ?? true,
      }}
    >
      <CodeAndNameItems existing={!!area} example="yangcun" />
      <Form.Item label="类型" name="kind" extra={area ? '类型创建后不能修改' : undefined}>
        <Radio.Group disabled={!!area}>
          <Radio value="street">街道</Radio>
          <Radio value="town">镇</Radio>
        </Radio.Group>
      </Form.Item>
      {area && (
        <Form.Item label="启用" name="active" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      )}
    </FormDialog>
  );
}
