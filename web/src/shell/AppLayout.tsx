import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Layout, Menu, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../features/auth/AuthContext.tsx';
import { NoticeBell } from '../features/notices/NoticeBell.tsx';
import { PageLoading } from './PageLoading.tsx';
import { sectionsFor } from './sections.tsx';
import { useSite } from './site.ts';

/** The signed-in shell: header, role-aware menu, and the page. Signed-out visitors go to the login page. */
export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const { me, logout } = useAuth();
  const { systemName, health } = useSite();

  if (me === undefined) return <PageLoading />;
  if (me === null)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.user.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;

  const sections = sectionsFor(me.user.role);
  const selected = sections.filter((s) => s.path !== '/' && location.pathname.startsWith(s.path)).map((s) => s.path);
  const belongsTo = me.user.unitName ?? me.user.areaName;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#9f1f25', paddingInline: 24 }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {systemName}
        </Typography.Title>
        {health?.demo && <Tag color="gold">演示数据</Tag>}
        <div style={{ flex: 1 }} />
        <NoticeBell />
        <Dropdown
          menu={{
            items: [
              { key: 'password', label: '修改密码', onClick: () => navigate('/password') },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void logout() },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />}>
            {me.user.displayName} · {me.user.roleLabel}
            {belongsTo ? ` · ${belongsTo}` : ''}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={56}>
          <Menu
            mode="inline"
            selectedKeys={selected.length ? selected : ['/']}
            items={sections.map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
            onClick={({ key }) => navigate(key)}
            style={{ height: '100%', borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#f5f5f5' }}>
          {me.passwordExpiryWarning && (
            <Alert
              type="warning"
              showIcon
              closable
              style={{ marginBottom: 16 }}
              title={me.passwordExpiryWarning}
              action={
                <Button size="small" onClick={() => navigate('/password')}>
                  修改密码
                </Button>
              }
            />
          )}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
        天平 Tianping{' '}
        {health ? `v${health.version} · ${health.engine === 'pglite' ? '嵌入式数据库' : 'PostgreSQL'}` : ''}
      </Layout.Footer>
    </Layout>
  );
}
