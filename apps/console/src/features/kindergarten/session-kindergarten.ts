import { useSession } from '../auth/session';

/** The signed-in director's kindergarten (the session carries it for role kindergarten). */
export const useOwnKindergartenId = (): string => useSession().data?.user.kindergartenId ?? '';
