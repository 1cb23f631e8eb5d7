import type { Actor } from '@app/event-sourcing';

export const ROLES = ['admin', 'supervisor', 'kindergarten', 'department', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated user behind a request, from the bearer token's claims. */
export interface Caller extends Actor {
  readonly sub: string;
  readonly role: Role;
  /** Set for role `kindergarten`: the only kindergarten this caller may see or act for. */
  readonly kindergartenId?: string;
  /** Set for role `department`: the responsible unit this caller reports for. */
  readonly unitId?: string;
  readonly name?: string;
}

/** Whether the caller may see a resource of this kindergarten; a kindergarten sees only its own. */
export const canSeeKindergarten = (caller: Caller, kindergartenId: string): boolean =>
  caller.role !== 'kindergarten' || caller.kindergartenId === kindergartenId;

/** The actor recorded in events: who, in which role, never more. */
export const actorOf = (caller: Caller): Actor => ({ sub: caller.sub, role: caller.role });
