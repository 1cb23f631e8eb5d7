import { Button, Flex, Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';

const ITEMS = [
  { key: '/public', label: <Link to="/public">整改公示</Link> },
  { key: '/public/kindergartens', label: <Link to="/public/kindergartens">幼儿园名录</Link> },
];

/** The public pages (公示): phone first, no sign-in. */
export const PublicLayout = () => {
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', paddingInline: 16, height: 'auto', lineHeight: 'normal', borderBottom: '1px solid #f0f0f0' }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ paddingBlock: 12 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            清水河县教育局 · 幼儿园督导公示
          </Typography.Text>
          <Link to="/sign-in">
            <Button type="link">工作人员登录</Button>
          </Link>
        </Flex>
        <nav aria-label="公示栏目">
          <Menu mode="horizontal" selectedKeys={[pathname]} items={ITEMS} style={{ borderBottom: 'none' }} />
        </nav>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
};
