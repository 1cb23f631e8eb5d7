import type { Event } from '@app/event-sourcing';

export const USER_ROLES = ['admin', 'supervisor', 'kindergarten', 'department', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Who a user is and what it may act for: the directory's truth for role and scope. */
export interface UserProfile {
  readonly name: string;
  readonly role: UserRole;
  /** Role kindergarten: the kindergarten it acts for. */
  readonly kindergartenId?: string;
  /** Role department: the responsible unit it acts for. */
  readonly unitId?: string;
  /** Role supervisor: the townships of its 责任区; absent, the whole county. */
  readonly townships?: readonly string[];
}

export type UserRegistered = Event<'UserRegistered', { userId: string; serviceAccount: boolean; registeredAt: string } & UserProfile>;
export type UserUpdated = Event<'UserUpdated', { userId: string } & UserProfile>;
export type UserDisabled = Event<'UserDisabled', { userId: string }>;
export type UserEnabled = Event<'UserEnabled', { userId: string }>;
/** An administrator set a one-time password (never recorded here): it must be changed at the next sign-in. */
export type UserPasswordReset = Event<'UserPasswordReset', { userId: string }>;
/** The user chose a password of its own (never recorded here). */
export type UserPasswordChanged = Event<'UserPasswordChanged', { userId: string }>;

export type UserEvent = UserRegistered | UserUpdated | UserDisabled | UserEnabled | UserPasswordReset | UserPasswordChanged;
