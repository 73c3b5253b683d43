import { Avatar, Button, Dropdown, Flex, Layout, Menu, Typography } from 'antd';
import { AlertOutlined, AuditOutlined, CalendarOutlined, GiftOutlined, HeartOutlined, NotificationOutlined, LikeOutlined, DownOutlined, KeyOutlined, LogoutOutlined, MailOutlined, MergeOutlined, ProfileOutlined, RiseOutlined, TeamOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout } from '../data/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

/** Side navigation, a header with the language switch and the user menu, and the page. */
export function AppShell() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const section = useLocation().pathname.split('/')[1] || 'customers';

  const nav = [
    { key: 'customers', icon: <TeamOutlined />, label: t('nav.customers') },
    { key: 'bookings', icon: <ProfileOutlined />, label: t('nav.bookings') },
    { key: 'complaints', icon: <AlertOutlined />, label: t('nav.complaints') },
    ...(user.role === 'agent' ? [] : [{ key: 'visits', icon: <CalendarOutlined />, label: t('nav.visits') }]),
    ...(user.role === 'agent'
      ? []
      : [
          { key: 'touchpoints', icon: <GiftOutlined />, label: t('nav.touchpoints') },
          { key: 'nps', icon: <LikeOutlined />, label: t('nav.nps') },
        ]),
    { key: 'tiers', icon: <RiseOutlined />, label: t('nav.tiers') },
    { key: 'lifecycle', icon: <HeartOutlined />, label: t('nav.lifecycle') },
    ...(user.role === 'agent' ? [] : [{ key: 'duplicates', icon: <MergeOutlined />, label: t('nav.duplicates') }]),
    ...(user.role === 'admin' || user.role === 'manager' ? [{ key: 'imports', icon: <UploadOutlined />, label: t('nav.import') }] : []),
    ...(user.role === 'admin' || user.role === 'manager' ? [{ key: 'campaigns', icon: <NotificationOutlined />, label: t('nav.campaigns') }] : []),
    ...(user.role === 'admin'
      ? [
          { key: 'users', icon: <UserOutlined />, label: t('nav.users') },
          { key: 'api-keys', icon: <KeyOutlined />, label: t('nav.apiKeys') },
          { key: 'audit', icon: <AuditOutlined />, label: t('nav.audit') },
          { key: 'messages', icon: <MailOutlined />, label: t('nav.messages') },
        ]
      : []),
  ];
  const userMenu = {
    items: [
      { key: 'who', disabled: true, label: <Typography.Text type="secondary">{user.email}</Typography.Text> },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('user.signOut'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
    },
  };

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={64} theme="light" style={{ borderInlineEnd: '1px solid rgba(5,5,5,0.06)' }}>
        <Flex align="center" style={{ height: 56, paddingInline: 20 }}>
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {t('app.title')}
          </Typography.Text>
        </Flex>
        <Menu mode="inline" selectedKeys={[section]} items={nav} onClick={({ key }) => navigate('/' + key)} style={{ borderInlineEnd: 'none' }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', height: 56, lineHeight: '56px', paddingInline: 24, borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
          <Flex justify="end" align="center" gap={16} style={{ height: '100%' }}>
            <NotificationBell />
            <LanguageSwitch />
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" aria-label={t('user.menu')} data-testid="user-menu" style={{ height: 40 }}>
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{user.name}</span>
                <Typography.Text type="secondary">{t(`role.${user.role}`)}</Typography.Text>
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto', padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
