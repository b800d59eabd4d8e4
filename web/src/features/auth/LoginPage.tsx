import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useSite } from '../../shell/site.ts';
import { useAuth } from './AuthContext.tsx';

interface DemoAccount {
  username: string;
  password: string;
  roleLabel: string;
  belongsTo: string;
}

export default function LoginPage() {
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { data: demo } = useApi<{ accounts: DemoAccount[] }>('/auth/demo-accounts');
  const { systemName } = useSite();

  if (me) return <Navigate to={me.user.mustChangePassword ? '/password' : next} replace />;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      await login(values.username, values.password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(160deg, #9f1f25 0%, #5c1115 100%)',
        padding: '8vh 16px',
      }}
    >
      <div
        style={{
          maxWidth: 880,
          margin: '0 auto',
          display: 'flex',
          flexWrap: 'wrap',
          gap: 24,
          justifyContent: 'center',
        }}
      >
        <Card style={{ width: 420 }}>
          <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
            {systemName}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            请使用本单位分配的账号登录
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        </Card>
        {demo && demo.accounts.length > 0 && (
          <Card
            style={{ width: 440 }}
            title={
              <span>
                演示账号 <Tag color="gold">演示数据</Tag>
              </span>
            }
          >
            <Typography.Paragraph type="secondary">仅在演示模式下显示。点击一行填入账号。</Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              rowKey="username"
              dataSource={demo.accounts}
              onRow={(a) => ({
                onClick: () => form.setFieldsValue({ username: a.username, password: a.password }),
                style: { cursor: 'pointer' },
              })}
              columns={[
                { title: '用户名', dataIndex: 'username' },
                { title: '角色', dataIndex: 'roleLabel' },
                { title: '单位/镇街', dataIndex: 'belongsTo' },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              演示密码：{demo.accounts[0]?.password}
            </Typography.Paragraph>
          </Card>
        )}
      </div>
    </div>
  );
}
