import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { whenSessionEnds } from '../api/client';
import { ApiProblem } from '../api/problems';
import { markSessionEnded, sessionKeys } from '../features/auth/session';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a refusal will not change on retry; a network hiccup may
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// the session ended (idle, expired, signed out elsewhere): sign in again, then come back here
// (RequireSession sends the person on, saying why: a second navigation of ours would race its own)
whenSessionEnds(() => {
  if (router.state.location.pathname === '/sign-in') return;
  markSessionEnded();
  queryClient.setQueryData(sessionKeys.me, null);
});

// Ant Design's defaults, darkened where its secondary texts and links fall short of WCAG AA contrast (axe checks every page)
const theme = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

export const App = () => (
  <ConfigProvider locale={zhCN} theme={theme}>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </ConfigProvider>
);
