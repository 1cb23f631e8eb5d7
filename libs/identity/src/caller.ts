import type { Actor } from '@app/event-sourcing';

export const ROLES = ['admin', 'supervisor', 'kindergarten', 'department', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The registered user behind a request, as the directory knows it (whatever its token or session said). */
export interface Caller extends Actor {
  readonly sub: string;
  readonly role: Role;
  /** Set for role `kindergarten`: the only kindergarten this caller may see or act for. */
  readonly kindergartenId?: string;
  /** Set for role `department`: the responsible unit this caller reports for. */
  readonly unitId?: string;
  /** Set for a supervisor with a 责任区: the township ids it sees and acts on (absent: the whole county). */
  readonly townships?: readonly string[];
  readonly name?: string;
  /** A one-time password is still to be replaced: only /auth/* is open to it. */
  readonly passwordChangeRequired?: boolean;
}

/** Whether the caller may see a resource of this kindergarten; a kindergarten sees only its own. */
export const canSeeKindergarten = (caller: Caller, kindergartenId: string): boolean =>
  caller.role !== 'kindergarten' || caller.kindergartenId === kindergartenId;

/** Whether the caller's sight depends on the kindergarten at all: a kindergarten, or a supervisor with a 责任区. */
export const isScopedCaller = (caller: Caller): boolean => caller.role === 'kindergarten' || (caller.role === 'supervisor' && caller.townships !== undefined);

/**
 * The whole rule, for a kindergarten whose township (its register id, null when the register lacks it) is known: a
 * supervisor with a 责任区 sees the kindergartens of its townships only.
 */
export const canSeeKindergartenIn = (caller: Caller, kindergartenId: string, townshipId: string | null): boolean =>
  canSeeKindergarten(caller, kindergartenId) &&
  (caller.role !== 'supervisor' || caller.townships === undefined || (townshipId !== null && caller.townships.includes(townshipId)));

/** The actor recorded in events: who, in which role, under the directory's name. */
export const actorOf = (caller: Caller): Actor => ({ sub: caller.sub, role: caller.role, name: caller.name ?? caller.sub });
