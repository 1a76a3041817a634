import { useQueryClient } from '@tanstack/react-query';
import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { UserMenu } from '../features/account/UserMenu';
import { ME_KEY, useUser } from '../features/auth/session';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useI18n } from '../i18n/use-i18n';
import { navItems } from './nav-items';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const user = useUser();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // Each navigation re-checks the session, so a disabled or expired one is refused at once.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [location.pathname, queryClient]);

  const selected = location.pathname === '/' ? '/' : location.pathname.replace(/\/$/, '');
  const tenantName = user.tenant?.name ?? t('layout.platform');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 24px', fontSize: 20, fontWeight: 600, color: '#c8102e' }}>{t('app.name')}</div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={['admin']}
          items={navItems(user.role, t)}
          onClick={({ key }) => void navigate(key)}
          data-testid="side-nav"
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong data-testid="tenant-name">
            {tenantName}
          </Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
            <NotificationBell />
            <UserMenu />
          </div>
        </Header>
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
