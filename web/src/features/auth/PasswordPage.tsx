import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, post, setCsrfToken } from '../../api/client.ts';
import { useAuth } from './AuthContext.tsx';

export default function PasswordPage() {
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const policy = me?.passwordPolicy;

  async function submit(values: { currentPassword: string; newPassword: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const { csrfToken } = await post<{ csrfToken: string }>('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setCsrfToken(csrfToken);
      await refresh();
      navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        form.setFields(Object.entries(e.fields).map(([name, message]) => ({ name, errors: [message] })) as never);
      } else setError('修改失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card style={{ maxWidth: 480 }} title="修改密码">
      {me?.user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="首次登录、密码被重置或已过期，请先修改密码后再使用系统。"
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Typography.Paragraph type="secondary">
        密码至少 {policy?.minLength ?? 8} 位，须包含大写字母、小写字母、数字、符号中的至少 {policy?.minClasses ?? 3}{' '}
        类，且不能包含用户名。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
