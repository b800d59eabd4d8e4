import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ListedUnit, UnitList, UnitReply } from '../../../../src/features/organisation/contract.ts';
import { api, patch, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { ADMIN_DIALOG, applyError, CodeAndNameItems, ErrorAlert, ORG_MANAGERS, RequireRoles } from './common.tsx';

interface UnitForm {
  code: string;
  name: string;
  contactName?: string;
  contactPhone?: string;
  active: boolean;
  /** When the name changes: 机构更名 keeps the old name for finished years; a correction does not. */
  renameKind?: 'rename' | 'correct';
}

/**
 * The unit list with contacts. The list endpoint gives names and states; contacts come from each unit's detail
 * (the office and the administrator may read them all) unless the list already carries them.
 */
function useUnitsWithContacts() {
  const list = useApi<UnitList>('/org/units');
  const [units, setUnits] = useState<ListedUnit[]>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    const base = list.data?.units;
    if (!base) return;
    if (base.every((u) => 'contactName' in u)) {
      setUnits(base);
      return;
    }
    let cancelled = false;
    Promise.all(base.map((u) => api<UnitReply>(`/org/units/${u.id}`).then((r) => ({ ...u, ...r.unit }))))
      .then((full) => !cancelled && setUnits(full))
      .catch((e: Error) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [list.data]);
  return { units, error: list.error ?? error, loading: list.loading || (!!list.data && !units), reload: list.reload };
}

export default function UnitsPage() {
  return (
    <RequireRoles roles={ORG_MANAGERS}>
      <Units />
    </RequireRoles>
  );
}

function Units() {
  const tableScroll = useTableScroll();
  const { message, modal } = App.useApp();
  const { units, error, loading, reload } = useUnitsWithContacts();
  const [editing, setEditing] = useState<ListedUnit | 'new' | undefined>();
  const [confirming, setConfirming] = useState(false);
  const unconfirmed = units?.filter((u) => !u.confirmed) ?? [];

  function confirmAll() {
    modal.confirm({
      title: '确认成员单位名单',
      content: `将 ${unconfirmed.length} 个待确认单位标记为已确认。确认前请核对名称、联络员和电话。`,
      okText: '全部确认',
      onOk: async () => {
        setConfirming(true);
        try {
          for (const u of unconfirmed) await patch(`/org/units/${u.id}`, { confirmed: true });
          message.success('名单已确认');
        } catch (e) {
          message.error(applyError(e));
        } finally {
          setConfirming(false);
          reload();
        }
      },
    });
  }

  async function toggleActive(unit: ListedUnit) {
    try {
      await patch(`/org/units/${unit.id}`, { active: !unit.active });
      message.success(unit.active ? `已停用 ${unit.name}` : `已启用 ${unit.name}`);
      reload();
    } catch (e) {
      message.error(applyError(e));
    }
  }

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          成员单位
        </Typography.Title>
        <Space>
          {unconfirmed.length > 0 && (
            <Button icon={<CheckOutlined />} loading={confirming} onClick={confirmAll}>
              全部确认
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增单位
          </Button>
        </Space>
      </Space>
      {unconfirmed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="默认名单，请办公室确认"
          description={`名单来自规划文本的默认设置，还有 ${unconfirmed.length} 个单位待确认。请核对名称、补充联络员和电话后点“全部确认”。`}
        />
      )}
      <ErrorAlert message={error?.message} />
      <Table<ListedUnit>
        scroll={tableScroll}
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={units}
        pagination={false}
        columns={[
          { title: '代码', dataIndex: 'code', width: 100 },
          { title: '名称', dataIndex: 'name' },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 120,
            render: (kind: ListedUnit['kind']) => (kind === 'office' ? '妇儿工委办公室' : '成员单位'),
          },
          { title: '联络员', dataIndex: 'contactName', width: 120, render: (v?: string | null) => v || '—' },
          { title: '电话', dataIndex: 'contactPhone', width: 150, render: (v?: string | null) => v || '—' },
          {
            title: '状态',
            dataIndex: 'active',
            width: 80,
            render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          {
            title: '名单',
            dataIndex: 'confirmed',
            width: 90,
            render: (confirmed: boolean) =>
              confirmed ? <Tag color="blue">已确认</Tag> : <Tag color="orange">待确认</Tag>,
          },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_, unit) => (
              <Space size="small">
                <Button size="small" type="link" onClick={() => setEditing(unit)}>
                  编辑
                </Button>
                {unit.kind === 'member' && (
                  <Button size="small" type="link" danger={unit.active} onClick={() => void toggleActive(unit)}>
                    {unit.active ? '停用' : '启用'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UnitDialog
          unit={editing === 'new' ? undefined : editing}
          onClose={(changed) => {
            setEditing(undefined);
            if (changed) reload();
          }}
        />
      )}
    </div>
  );
}

function UnitDialog({ unit, onClose }: { unit: ListedUnit | undefined; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const name = Form.useWatch('name', form);
  const renaming = unit !== undefined && name !== undefined && name.trim() !== '' && name.trim() !== unit.name;

  async function save(values: UnitForm) {
    if (unit) {
      await patch(`/org/units/${unit.id}`, {
        name: values.name,
        ...(renaming ? { keepFormerName: values.renameKind !== 'correct' } : {}),
        contactName: values.contactName?.trim() || null,
        contactPhone: values.contactPhone?.trim() || null,
        active: values.active,
      });
      message.success('已保存');
    } else {
      const { unit: created } = await post<UnitReply>('/org/units', { code: values.code, name: values.name });
      if (values.contactName || values.contactPhone) {
        await patch(`/org/units/${created.id}/contact`, {
          contactName: values.contactName?.trim() || null,
          contactPhone: values.contactPhone?.trim() || null,
        });
      }
      message.success(`已新增 ${created.name}`);
    }
    onClose(true);
  }

  return (
    <FormDialog<UnitForm>
      form={form}
      title={unit ? `编辑单位：${unit.name}` : '新增成员单位'}
      okText="保存"
      {...ADMIN_DIALOG}
      save={save}
      onCancel={() => onClose(false)}
      initialValues={{
        code: unit?.code ?? '',
        name: unit?.name ?? '',
        contactName: unit?.contactName ?? '',
        contactPhone: unit?.contactPhone ?? '',
        active: unit?.active ?? true,
        renameKind: 'rename',
      }}
    >
      <CodeAndNameItems existing={!!unit} example="wjw" />
      {renaming && (
        <Form.Item label="名称变更" name="renameKind">
          <Radio.Group
            options={[
              { value: 'rename', label: `机构更名：已结束年度的分析和报告仍称“${unit.name}”` },
              { value: 'correct', label: '更正名称（如错别字）：所有年度一律用新名称' },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item label="联络员" name="contactName">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="电话" name="contactPhone">
        <Input maxLength={30} />
      </Form.Item>
      {unit && unit.kind === 'member' && (
        <Form.Item label="启用" name="active" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      )}
    </FormDialog>
  );
}
