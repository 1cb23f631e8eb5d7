import { Flex, Layout, Typography } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { NavButton } from '../../components/nav-button';

const SECTIONS = [
  { path: '/public', label: '整改公示' },
  { path: '/public/kindergartens', label: '幼儿园名录' },
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
          <NavButton to="/sign-in" type="link">
            工作人员登录
          </NavButton>
        </Flex>
        <nav aria-label="公示栏目">
          <Flex gap={8} style={{ paddingBottom: 12 }}>
            {SECTIONS.map((section) => (
              <NavButton
                key={section.path}
                to={section.path}
                type={pathname === section.path ? 'primary' : 'default'}
                aria-current={pathname === section.path ? 'page' : undefined}
              >
                {section.label}
              </NavButton>
            ))}
          </Flex>
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
