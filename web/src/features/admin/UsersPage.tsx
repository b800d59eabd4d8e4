import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { User, UserList } from '../../../../src/features/admin/contract.ts';
import type { AreaList, UnitList } from '../../../../src/features/organisation/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { ROLE_LABELS, ROLES, type Role, roleNeedsUnit } from '../../../../src/kernel/roles.ts';
import { patch, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { useTableScroll } from '../../shell/useTableScroll.ts';
import { useAuth, useUser } from '../auth/AuthContext.tsx';
import { ADMIN_DIALOG, applyError, ErrorAlert, RequireRoles, USER_ADMINS } from './common.tsx';

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  areaId?: number | null;
  password?: string;
}

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** What the membership fields must be for a role: a unit, a town, or neither. */
function membership(role: Role | undefined): 'unit' | 'area' | 'none' {
  if (!role) return 'none';
  if (roleNeedsUnit(role)) return 'unit';
  return role === 'town_reporter' ? 'area' : 'none';
}

function isLocked(user: User, now = Date.now()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

function StatusTags({ user }: { user: User }) {
  const tags = [];
  if (user.disabled) tags.push(<Tag key="disabled">已停用</Tag>);
  if (isLocked(user)) {
    tags.push(
      <Tag key="locked" color="red">
        已锁定至 {formatBeijingTime(user.lockedUntil).slice(11)}
      </Tag>,
    );
  }
  if (user.mustChangePassword && !user.disabled) {
    tags.push(
      <Tag key="change" color="orange">
        须改密码
      </Tag>,
    );
  }
  if (tags.length === 0)
    tags.push(
      <Tag key="ok" color="green">
        正常
      </Tag>,
    );
  return (
    <Space size={[0, 4]} wrap>
      {tags}
    </Space>
  );
}

/** The password rules as configured on the server, in words. */
export function usePolicyText(): string {
  const { me } = useAuth();
  const policy = me?.passwordPolicy ?? { minLength: 8, minClasses: 3 };
  return `至少 ${policy.minLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类，不能包含用户名`;
}

export default function UsersPage() {
  return (
    <RequireRoles roles={USER_ADMINS}>
      <Users />
    </RequireRoles>
  );
}

function Users() {
  const tableScroll = useTableScroll();
  const { message, modal } = App.useApp();
  const me = useUser();
  const { data, error, loading, reload } = useApi<UserList>('/admin/users');
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'reset'; user: User }>();

  async function act(user: User, action: 'disable' | 'enable' | 'unlock') {
    try {
      if (action === 'unlock') await post(`/admin/users/${user.id}/unlock`);
      else await patch(`/admin/users/${user.id}`, { disabled: action === 'disable' });
      message.success(
        { disable: `已停用 ${user.username}`, enable: `已启用 ${user.username}`, unlock: `已解锁 ${user.username}` }[
          action
        ],
      );
      reload();
    } catch (e) {
      message.error(applyError(e));
    }
  }

  function closeDialog(changed: boolean) {
    setDialog(undefined);
    if (changed) reload();
  }

  function confirmDisable(user: User) {
    modal.confirm({
      title: `停用 ${user.displayName}（${user.username}）？`,
      content: '停用后该账号立即退出登录，不能再登录；可随时重新启用。',
      okText: '停用',
      okButtonProps: { danger: true },
      onOk: () => act(user, 'disable'),
    });
  }

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          用户
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          新建用户
        </Button>
      </Space>
      <ErrorAlert message={error?.message} />
      <Table<User>
        scroll={tableScroll}
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.users}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: '用户名',
            dataIndex: 'username',
            render: (v: string, u) => (
              <span>
                {v} {u.isDemo && <Tag color="gold">演示</Tag>}
              </span>
            ),
          },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
          { title: '单位/镇街', key: 'belongsTo', render: (_, u) => u.unitName ?? u.areaName ?? '—' },
          { title: '状态', key: 'status', render: (_, u) => <StatusTags user={u} /> },
          {
            title: '最近登录',
            dataIndex: 'lastLoginAt',
            render: (v: string | null) => formatBeijingTime(v) || '从未登录',
          },
          {
            title: '操作',
            key: 'actions',
            width: 260,
            render: (_, u) => (
              <Space size={0} wrap>
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  编辑
                </Button>
                {u.disabled ? (
                  <Button size="small" type="link" onClick={() => void act(u, 'enable')}>
                    启用
                  </Button>
                ) : (
                  <Button size="small" type="link" danger disabled={u.id === me.id} onClick={() => confirmDisable(u)}>
                    停用
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'reset', user: u })}>
                  重置密码
                </Button>
                {isLocked(u) && (
                  <Button size="small" type="link" onClick={() => void act(u, 'unlock')}>
                    解锁
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && <UserDialog onClose={closeDialog} />}
      {dialog?.kind === 'edit' && <UserDialog user={dialog.user} onClose={closeDialog} />}
      {dialog?.kind === 'reset' && <ResetDialog user={dialog.user} onClose={closeDialog} />}
    </div>
  );
}

function UserDialog({ user, onClose }: { user?: User; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form) ?? user?.role;
  const { data: units } = useApi<UnitList>('/org/units');
  const { data: areas } = useApi<AreaList>('/org/areas');
  const policyText = usePolicyText();
  const needs = membership(role);

  async function save(values: UserForm) {
    const unitId = needs === 'unit' ? (values.unitId ?? null) : null;
    const areaId = needs === 'area' ? (values.areaId ?? null) : null;
    if (user) {
      await patch(`/admin/users/${user.id}`, { displayName: values.displayName, role: values.role, unitId, areaId });
      message.success('已保存');
    } else {
      await post('/admin/users', {
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        unitId,
        areaId,
        password: values.password,
      });
      message.success(`已新建用户 ${values.username}，首次登录须修改密码`);
    }
    onClose(true);
  }

  return (
    <FormDialog<UserForm>
      form={form}
      title={user ? `编辑用户：${user.username}` : '新建用户'}
      okText="保存"
      {...ADMIN_DIALOG}
      // The server names body.unitId for any membership problem; a town reporter's field is the town.
      explain={(f, e) => applyError(e, f, needs === 'area' ? { unitId: 'areaId' } : {})}
      save={save}
      onCancel={() => onClose(false)}
      initialValues={{
        username: user?.username ?? '',
        displayName: user?.displayName ?? '',
        role: user?.role,
        unitId: user?.unitId ?? undefined,
        areaId: user?.areaId ?? undefined,
      }}
    >
      <Form.Item
        label="用户名"
        name="username"
        extra={user ? '用户名不能修改' : '3–32 位字母、数字、下划线、点或连字符'}
        rules={[{ required: true, message: '请输入用户名' }]}
      >
        <Input disabled={!!user} autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLE_OPTIONS} placeholder="请选择角色" />
      </Form.Item>
      {needs === 'unit' && (
        <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择单位"
            options={units?.units
              .filter((u) => u.active || u.id === user?.unitId)
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      )}
      {needs === 'area' && (
        <Form.Item label="所属镇街" name="areaId" rules={[{ required: true, message: '请选择所属镇街' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择镇街"
            options={areas?.areas
              .filter((a) => a.active || a.id === user?.areaId)
              .map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
      )}
      {!user && (
        <Form.Item
          label="初始密码"
          name="password"
          extra={`${policyText}。用户首次登录须修改。`}
          rules={[{ required: true, message: '请设置初始密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      {user && user.role !== role && (
        <Alert type="info" showIcon title="修改角色后，该用户须重新登录" style={{ marginBottom: 8 }} />
      )}
    </FormDialog>
  );
}

function ResetDialog({ user, onClose }: { user: User; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const policyText = usePolicyText();

  async function save(values: { password: string }) {
    await post(`/admin/users/${user.id}/reset-password`, { password: values.password });
    message.success(`已重置 ${user.username} 的密码，下次登录须修改`);
    onClose(true);
  }

  return (
    <FormDialog<{ password: string }>
      form={form}
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置"
      {...ADMIN_DIALOG}
      save={save}
      onCancel={() => onClose(false)}
      intro={
        <Typography.Paragraph type="secondary">
          设置一个临时密码并告知本人。重置后该用户已登录的会话立即失效，锁定同时解除，下次登录须修改密码。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        label="临时密码"
        name="password"
        extra={policyText}
        rules={[{ required: true, message: '请设置临时密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDialog>
  );
}
