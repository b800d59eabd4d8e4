import { Layout, Menu, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Health } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { PageLoading } from './PageLoading.tsx';
import { SECTIONS } from './sections.tsx';

export const SYSTEM_NAME = '武清区妇女儿童发展规划监测评估系统';

export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const { data: health } = useApi<Health>('/health');
  const selected = SECTIONS.filter((s) => s.path !== '/' && location.pathname.startsWith(s.path)).map((s) => s.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#9f1f25' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {SYSTEM_NAME}
        </Typography.Title>
        {health?.demo && <Tag color="gold">演示数据</Tag>}
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={56}>
          <Menu
            mode="inline"
            selectedKeys={selected.length ? selected : ['/']}
            items={SECTIONS.map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
            onClick={({ key }) => navigate(key)}
            style={{ height: '100%', borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#f5f5f5' }}>
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
