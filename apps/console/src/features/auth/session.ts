import { useQuery } from '@tanstack/react-query';
import { api, data, setCsrfToken } from '../../api/client';
import type { Session } from '../../api/session-types';

export const sessionKeys = { me: ['auth', 'me'] as const };

// whether the signed-in session ended behind the page's back (not: nobody signed in yet), until the next sign-in
let ended = false;
export const sessionEnded = (): boolean => ended;
export const markSessionEnded = (value = true): void => {
  ended = value;
};

/** Who is signed in (null: nobody); the CSRF token for the session's writes comes with it. */
export const useSession = () =>
  useQuery({
    queryKey: sessionKeys.me,
    queryFn: async (): Promise<Session | null> => {
      const answer = await api.GET('/api/v1/auth/me');
      if (answer.response.status === 401) return null;
      const session = await data(Promise.resolve(answer));
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

/** Where to go after signing in: back where the person was, never off this site. */
export const safeNext = (next: string | null): string => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
