import { Result } from 'antd';
import { createBrowserRouter } from 'react-router';
import { NavButton } from '../components/nav-button';
import { PageLoading } from '../components/page-state';

// every page is its own chunk: a role downloads only the pages it opens
export const router = createBrowserRouter([
  {
    path: '/public',
    lazy: async () => ({ Component: (await import('../features/public/public-layout')).PublicLayout }),
    HydrateFallback: PageLoading,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/public/routes/notice-board')).NoticeBoard }) },
      { path: 'kindergartens', lazy: async () => ({ Component: (await import('../features/public/routes/register')).Register }) },
    ],
  },
  { path: '/sign-in', lazy: async () => ({ Component: (await import('../features/auth/routes/sign-in')).SignIn }), HydrateFallback: PageLoading },
  {
    lazy: async () => ({ Component: (await import('../features/auth/require-session')).RequireSession }),
    HydrateFallback: PageLoading,
    children: [
      { path: '/password', lazy: async () => ({ Component: (await import('../features/auth/routes/password')).PasswordChange }) },
      {
        lazy: async () => ({ Component: (await import('../features/shell/app-layout')).AppLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/shell/app-layout')).RoleHome }) },
          { path: '/inbox', lazy: async () => ({ Component: (await import('../features/inbox/routes/inbox')).Inbox }) },
          {
            path: '/kindergartens',
            lazy: async () => ({ Component: (await import('../features/supervision/routes/kindergarten-list')).KindergartenList }),
          },
          {
            path: '/kindergartens/:id',
            lazy: async () => ({ Component: (await import('../features/supervision/routes/kindergarten-page')).KindergartenPage }),
          },
          {
            path: '/inspections/:id',
            lazy: async () => ({ Component: (await import('../features/supervision/routes/inspection-page')).InspectionPage }),
          },
          { path: '/cases/:id', lazy: async () => ({ Component: (await import('../features/supervision/routes/case-page')).CasePage }) },
          { path: '/system/users', lazy: async () => ({ Component: (await import('../features/admin/routes/users')).Users }) },
          {
            path: '/system/kindergartens',
            lazy: async () => ({ Component: (await import('../features/admin/routes/kindergartens')).AdminKindergartens }),
          },
          { path: '/system/units', lazy: async () => ({ Component: (await import('../features/admin/routes/units')).Units }) },
          { path: '/system/calendar', lazy: async () => ({ Component: (await import('../features/admin/routes/calendar')).Calendar }) },
        ],
      },
    ],
  },
  {
    path: '*',
    Component: () => (
      <Result
        status="404"
        title="页面不存在"
        extra={
          <NavButton to="/" type="primary">
            返回首页
          </NavButton>
        }
      />
    ),
  },
]);
