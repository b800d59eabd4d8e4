import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Dropdown, Grid, Layout, Menu, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../features/auth/AuthContext.tsx';
import { NoticeBell } from '../features/notices/NoticeBell.tsx';
import { CycleProvider, CycleSwitch, useCycle } from './cycle.tsx';
import { PageLoading } from './PageLoading.tsx';
import { SessionGuard } from './SessionGuard.tsx';
import { sectionsFor } from './sections.tsx';
import { useSite } from './site.ts';
import { MUTED_TEXT } from './theme.ts';

/** The signed-in shell: header, role-aware menu, and the page. Signed-out visitors go to the login page. */
export function AppLayout() {
  return (
    <CycleProvider>
      <Shell />
    </CycleProvider>
  );
}

function Shell() {
  const navigate = useNavigate();
  const location = useLocation();
  const { me, logout } = useAuth();
  const { systemName, health } = useSite();
  // Below 768 px (a phone, often inside WeCom): the menu moves into a drawer, the header keeps bell and logout.
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const { viewKey } = useCycle();

  if (me === undefined) return <PageLoading />;
  if (me === null)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.user.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;

  const sections = sectionsFor(me.user.role);
  const selected = sections.filter((s) => s.path !== '/' && location.pathname.startsWith(s.path)).map((s) => s.path);
  const belongsTo = me.user.unitName ?? me.user.areaName;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected.length ? selected : ['/']}
      items={sections.map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
      style={{ height: '100%', borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: phone ? 4 : 16,
          background: '#9f1f25',
          paddingInline: phone ? 8 : 24,
          position: phone ? 'sticky' : undefined,
          top: 0,
          zIndex: 200,
        }}
      >
        {phone && (
          <Button
            type="text"
            aria-label="菜单"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Typography.Title
          level={4}
          style={{
            color: '#fff',
            margin: 0,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            minWidth: 0,
            flex: phone ? 1 : undefined,
            fontSize: phone ? 15 : undefined,
          }}
        >
          {systemName}
        </Typography.Title>
        {health?.demo && !phone && <Tag color="gold">演示数据</Tag>}
        {!phone && <div style={{ flex: 1 }} />}
        <CycleSwitch canMakeCurrent={me.user.role === 'office' || me.user.role === 'admin'} compact={phone} />
        <NoticeBell />
        <Dropdown
          menu={{
            items: [
              ...(phone
                ? [
                    {
                      key: 'who',
                      disabled: true,
                      label: `${me.user.displayName} · ${me.user.roleLabel}${belongsTo ? ` · ${belongsTo}` : ''}`,
                    },
                  ]
                : []),
              { key: 'password', label: '修改密码', onClick: () => navigate('/password') },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void logout() },
            ],
          }}
          trigger={phone ? ['click'] : ['hover']}
        >
          <Button
            type="text"
            style={{ color: '#fff', flexShrink: 0 }}
            icon={<UserOutlined />}
            aria-label={phone ? `${me.user.displayName}：修改密码或退出登录` : undefined}
          >
            {phone ? null : `${me.user.displayName} · ${me.user.roleLabel}${belongsTo ? ` · ${belongsTo}` : ''}`}
          </Button>
        </Dropdown>
      </Layout.Header>
      {phone && (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={240}
          title={health?.demo ? <Tag color="gold">演示数据</Tag> : '菜单'}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        {!phone && (
          <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={56}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 8 : 24, background: '#f5f5f5', minWidth: 0 }}>
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
            <Outlet key={viewKey} />
          </Suspense>
          <SessionGuard />
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ textAlign: 'center', color: MUTED_TEXT }}>
        天平 Tianping{' '}
        {health ? `v${health.version} · ${health.engine === 'pglite' ? '嵌入式数据库' : 'PostgreSQL'}` : ''}
      </Layout.Footer>
    </Layout>
  );
}
