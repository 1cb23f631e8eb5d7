import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
  unchanged,
  unknownCommand,
  type Decider,
  type DecisionContext,
} from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import type { UserCommand } from './user.commands.js';
import type { UserEvent, UserProfile } from './user.events.js';

export type UserState =
  | { readonly status: 'unregistered' }
  | ({
      readonly status: 'registered';
      readonly id: string;
      readonly enabled: boolean;
      readonly serviceAccount: boolean;
      /** A one-time password (first, or reset) is waiting to be replaced by the user's own. */
      readonly passwordChangeRequired: boolean;
      readonly registeredAt: string;
    } & UserProfile);

export const USER_ID = /^[a-z0-9][a-z0-9._-]{1,62}$/;
/** The engine's own actor: no user may take its id. */
export const RESERVED_USER_IDS: readonly string[] = ['system'];

export const userStreamId = (userId: string): string => `user-${userId}`;

/** A profile as recorded: only the scope its role has, townships sorted and once each. */
export const normalizedProfile = (profile: UserProfile): UserProfile => {
  const { name, role } = profile;
  switch (role) {
    case 'kindergarten':
      if (!profile.kindergartenId) throw new RuleViolationError('validation-failed', 'A kindergarten user needs kindergartenId');
      return { name, role, kindergartenId: profile.kindergartenId };
    case 'department':
      if (!profile.unitId) throw new RuleViolationError('validation-failed', 'A department user needs unitId');
      return { name, role, unitId: profile.unitId };
    case 'supervisor':
      return profile.townships ? { name, role, townships: [...new Set(profile.townships)].sort() } : { name, role };
    default:
      return { name, role };
  }
};

const profileOf = (state: Extract<UserState, { status: 'registered' }>): UserProfile =>
  normalizedProfile({ name: state.name, role: state.role, kindergartenId: state.kindergartenId, unitId: state.unitId, townships: state.townships });

export const userDecider: Decider<UserCommand, UserEvent, UserState, DecisionContext> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state, { now, actor }) {
    if (command.type === 'RegisterUser') {
      if (state.status === 'registered') throw new ConflictError('user-exists', `User ${state.id} is already registered`);
      const { userId, serviceAccount, ...profile } = command.data;
      if (!USER_ID.test(userId) || RESERVED_USER_IDS.includes(userId)) {
        throw new RuleViolationError('validation-failed', `The user id ${userId} is reserved or not valid`);
      }
      return [{ type: 'UserRegistered', data: { userId, ...normalizedProfile(profile), serviceAccount, registeredAt: formatShanghai(now) } }];
    }
    if (state.status !== 'registered') throw new NotFoundError('not-found', 'No such user');
    const userId = state.id;
    switch (command.type) {
      case 'UpdateUser': {
        const profile = normalizedProfile(command.data);
        if (JSON.stringify(profile) === JSON.stringify(profileOf(state))) return [];
        return [{ type: 'UserUpdated', data: { userId, ...profile } }];
      }
      case 'DisableUser':
        if (actor.sub === userId) throw new ConflictError('cannot-disable-self', 'An administrator cannot disable its own account');
        return state.enabled ? [{ type: 'UserDisabled', data: { userId } }] : [];
      case 'EnableUser':
        return state.enabled ? [] : [{ type: 'UserEnabled', data: { userId } }];
      case 'ResetPassword':
        if (state.serviceAccount) throw new ConflictError('invalid-transition', 'A service account has no password');
        return [{ type: 'UserPasswordReset', data: { userId } }];
      case 'ChangePassword':
        if (state.serviceAccount) throw new ConflictError('invalid-transition', 'A service account has no password');
        return [{ type: 'UserPasswordChanged', data: { userId } }];
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered': {
        const { userId, registeredAt, serviceAccount, ...profile } = event.data;
        return { status: 'registered', id: userId, ...profile, enabled: true, serviceAccount, passwordChangeRequired: !serviceAccount, registeredAt };
      }
      case 'UserUpdated': {
        if (state.status !== 'registered') return state;
        const { userId: _, ...profile } = event.data;
        const { kindergartenId: _k, unitId: _u, townships: _t, ...rest } = state;
        return { ...rest, ...profile };
      }
      case 'UserDisabled':
        return state.status === 'registered' ? { ...state, enabled: false } : state;
      case 'UserEnabled':
        return state.status === 'registered' ? { ...state, enabled: true } : state;
      case 'UserPasswordReset':
        return state.status === 'registered' ? { ...state, passwordChangeRequired: true } : state;
      case 'UserPasswordChanged':
        return state.status === 'registered' ? { ...state, passwordChangeRequired: false } : state;
      default:
        return unchanged(event, state);
    }
  },
};
