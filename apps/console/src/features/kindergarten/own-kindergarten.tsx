import type { ReactNode } from 'react';
import { PageEmpty } from '../../components/page-state';
import { useSession } from '../auth/session';

/** The director's pages are about the kindergarten the session carries; another role has none to show. */
export const OwnKindergarten = ({ children }: { children: (kindergartenId: string) => ReactNode }) => {
  const kindergartenId = useSession().data?.user.kindergartenId;
  return kindergartenId ? <>{children(kindergartenId)}</> : <PageEmpty>此页面供幼儿园账号使用</PageEmpty>;
};
