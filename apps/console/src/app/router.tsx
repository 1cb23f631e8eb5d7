import { createBrowserRouter } from 'react-router';
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
          { path: '/owed', lazy: async () => ({ Component: (await import('../features/kindergarten/routes/owed')).Owed }) },
          {
            path: '/owed/statement',
            lazy: async () => ({ Component: (await import('../features/kindergarten/routes/statement')).Statement }),
          },
          { path: '/owed/:id', lazy: async () => ({ Component: (await import('../features/kindergarten/routes/owed-case')).OwedCasePage }) },
          { path: '/disclosure', lazy: async () => ({ Component: (await import('../features/kindergarten/routes/disclosure')).Disclosure }) },
          { path: '/audit/streams', lazy: async () => ({ Component: (await import('../features/audit/routes/stream-list')).StreamList }) },
          {
            path: '/audit/streams/:streamId',
            lazy: async () => ({ Component: (await import('../features/audit/routes/stream-page')).StreamPage }),
          },
          {
            path: '/audit/streams/:streamId/timeline',
            lazy: async () => ({ Component: (await import('../features/audit/routes/timeline-page')).TimelinePage }),
          },
          {
            path: '/audit/verification',
            lazy: async () => ({ Component: (await import('../features/audit/routes/verification-page')).VerificationPage }),
          },
          { path: '/audit/sign-ins', lazy: async () => ({ Component: (await import('../features/audit/routes/sign-in-log')).SignInLog }) },
          { path: '/audit/export', lazy: async () => ({ Component: (await import('../features/audit/routes/export-page')).ExportPage }) },
          { path: '/dashboard', lazy: async () => ({ Component: (await import('../features/supervision/routes/dashboard')).Dashboard }) },
          {
            path: '/inspections/schedule',
            lazy: async () => ({ Component: (await import('../features/supervision/routes/township-schedule')).TownshipSchedule }),
          },
          { path: '/plan', lazy: async () => ({ Component: (await import('../features/plan/routes/my-tasks')).MyTasks }) },
          { path: '/monthly-reports', lazy: async () => ({ Component: (await import('../features/plan/routes/monthly-reports')).MonthlyReports }) },
          { path: '/monthly-reports/:period', lazy: async () => ({ Component: (await import('../features/plan/routes/report-page')).ReportPage }) },
          {
            path: '/plan-supervision/monthly-reports',
            lazy: async () => ({ Component: (await import('../features/plan/routes/report-overview')).ReportOverview }),
          },
          { path: '/bulletins', lazy: async () => ({ Component: (await import('../features/plan/routes/bulletins')).Bulletins }) },
          { path: '/bulletins/:id', lazy: async () => ({ Component: (await import('../features/plan/routes/bulletin-page')).BulletinPage }) },
          {
            path: '/annual-assessments',
            lazy: async () => ({ Component: (await import('../features/plan/routes/annual-assessment')).AnnualAssessment }),
          },
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
  // the 404 page is a chunk of its own: antd's Result (with its pictures) stays off the sign-in page
  { path: '*', lazy: async () => ({ Component: (await import('./not-found')).NotFound }), HydrateFallback: PageLoading },
]);
