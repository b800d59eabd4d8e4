import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, lastRequestTime } from '../api/client.ts';
import { useAuth } from '../features/auth/AuthContext.tsx';

// Nothing typed is lost to the idle timeout:
// - while the user works (keys, taps) the session is kept alive, at most one request every 5 minutes;
// - two minutes before an idle session ends, a warning with 继续工作;
// - once it has ended, the page stays (with its form) and a dialog asks for the password again, in place.

const KEEP_ALIVE_MS = 5 * 60_000;
const WARN_BEFORE_MS = 2 * 60_000;
// The server moves its idle clock at most once a minute: count from a minute earlier than our last request.
const SERVER_SLACK_MS = 60_000;

export function SessionGuard() {
  const { me, expired, login } = useAuth();
  const idleMs = (me?.sessionIdleMinutes ?? 30) * 60_000;
  const [warning, setWarning] = useState<number>();

  useEffect(() => {
    if (!me || expired) return;
    let lastActivity = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    const timer = window.setInterval(() => {
      const now = Date.now();
      const endsAt = lastRequestTime() - SERVER_SLACK_MS + idleMs;
      if (now - lastActivity < 60_000 && now - lastRequestTime() > KEEP_ALIVE_MS && endsAt - now > 10_000) {
        void api('/auth/me').catch(() => undefined);
        return;
      }
      setWarning(endsAt - now <= WARN_BEFORE_MS ? Math.max(0, endsAt - now) : undefined);
    }, 5_000);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
      window.clearInterval(timer);
    };
  }, [me, expired, idleMs]);

  if (!me) return null;
  if (expired) return <SignInAgain username={me.user.username} login={login} />;
  if (warning === undefined) return null;
  return (
    <Modal
      open
      title="即将自动退出登录"
      closable={false}
      maskClosable={false}
      footer={
        <Button
          type="primary"
          onClick={() => {
            setWarning(undefined);
            void api('/auth/me').catch(() => undefined);
          }}
        >
          继续工作
        </Button>
      }
    >
      <Typography.Paragraph>
        您已有一段时间没有操作，约 {Math.max(1, Math.ceil(warning / 60_000))} 分钟后将自动退出登录。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        点击“继续工作”保持登录。即使退出，页面上填写的内容也会保留，重新输入密码即可继续。
      </Typography.Paragraph>
    </Modal>
  );
}

function SignInAgain({ username, login }: { username: string; login: (u: string, p: string) => Promise<void> }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await login(username, password);
      setPassword('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="登录已超时，请重新登录"
      closable={false}
      maskClosable={false}
      keyboard={false}
      okText="登录并继续"
      cancelButtonProps={{ style: { display: 'none' } }}
      okButtonProps={{ loading: busy, disabled: !password }}
      onOk={() => void submit()}
      className="session-expired"
    >
      <Typography.Paragraph>
        为保护数据安全，长时间未操作后会自动退出登录。页面上已填写、尚未保存的内容仍在，重新输入密码后可继续保存或提交。
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label="用户名">
          <Input value={username} disabled />
        </Form.Item>
        <Form.Item label="密码" htmlFor="session-password">
          <Input.Password
            id="session-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void submit()}
            autoComplete="current-password"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
