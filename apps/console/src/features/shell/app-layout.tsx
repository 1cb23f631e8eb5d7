import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, data, setCsrfToken } from '../../api/client';
import { problemMessage } from '../../api/problems';
import { PageLoading } from '../../components/page-state';
// dayjs in Chinese and Asia/Shanghai for every signed-in page (antd's date pickers too); the sign-in page needs none
import '../../lib/time';
import { ROLE, label } from '../../lib/labels';
import { useSession } from '../auth/session';
import { useUnreadCount } from '../inbox/api';
import { MENU } from './menu';

/** The signed-in layout (with Ant Design's App for messages and dialogs, which the public and sign-in pages need not download). */
export const AppLayout = () => (
  <App>
    <Shell />
  </App>
);

/** The role's menu, who is signed in, unread messages, sign-out. */
const Shell = () => {
  const session = useSession().data;
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const unread = useUnreadCount();
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const signOut = useMutation({
    mutationFn: () => data(api.POST('/api/v1/auth/sign-out')),
    onSuccess: async () => {
      setCsrfToken(undefined);
      await navigate('/sign-in', { replace: true });
      queries.clear();
    },
    onError: (error) => void message.error(problemMessage(error)),
  });
  // the session is being forgotten (signed out, expired): the sign-in page is on its way
  if (!session) return <PageLoading />;
  const entries = MENU[session.user.role];
  const selected = entries.filter((entry) => pathname.startsWith(entry.path)).map((entry) => entry.path);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', paddingInline: 16, borderBottom: '1px solid #f0f0f0' }}>
        <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {screens.md ? '清水河县幼儿园督导整改平台' : '督导整改平台'}
          </Typography.Text>
          <Flex align="center" gap={8}>
            <Link to="/inbox" aria-label={`消息，${unread.data ?? 0} 条未读`}>
              <Badge count={unread.data ?? 0} size="small">
                <span style={{ paddingInline: 4 }}>消息</span>
              </Badge>
            </Link>
            {screens.sm && (
              <Typography.Text>
                {session.user.name}（{label(ROLE, session.user.role)}）
              </Typography.Text>
            )}
            <Button size="small" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              退出登录
            </Button>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={180} zeroWidthTriggerStyle={{ top: 8 }}>
          <nav aria-label="功能菜单">
            <Menu
              mode="inline"
              selectedKeys={selected}
              items={entries.map((entry) => ({ key: entry.path, label: <Link to={entry.path}>{entry.label}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        {/* below md the menu folds into a button at the content's top left: the page starts below it */}
        <Layout.Content style={{ padding: screens.md ? 16 : '56px 12px 16px' }}>
          <main>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};

/** `/`: the role's first page. */
export const RoleHome = () => {
  const session = useSession().data;
  return session ? <Navigate to={MENU[session.user.role][0].path} replace /> : <PageLoading />;
};
