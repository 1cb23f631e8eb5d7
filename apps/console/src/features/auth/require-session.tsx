import { Navigate, Outlet, useLocation } from 'react-router';
import { PageError, PageLoading } from '../../components/page-state';
import { sessionEnded, useSession } from './session';

/** Signed-in pages: nobody → sign-in (then back here); a first sign-in → the password change first. */
export const RequireSession = () => {
  const location = useLocation();
  const session = useSession();
  const here = `${location.pathname}${location.search}`;
  if (session.isPending) return <PageLoading />;
  if (session.error) return <PageError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={`/sign-in?${sessionEnded() ? 'expired=1&' : ''}next=${encodeURIComponent(here)}`} replace />;
  if (session.data.passwordChangeRequired && location.pathname !== '/password') {
    return <Navigate to={`/password?next=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
};
