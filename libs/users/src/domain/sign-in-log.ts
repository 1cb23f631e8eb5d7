import { unknownCommand, type Command, type Decider, type DecisionContext, type Event } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';

export const SIGN_IN_FAILURE_REASONS = ['unknown-user', 'wrong-password', 'disabled', 'service-account', 'locked'] as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];

export type UserSignedIn = Event<'UserSignedIn', { userId: string; method: 'password' | 'oidc' }>;
/** `username` as typed (it may name nobody); never the password. */
export type UserSignInFailed = Event<'UserSignInFailed', { username: string; reason: SignInFailureReason }>;
export type UserSignedOut = Event<'UserSignedOut', { userId: string }>;
export type AccountLocked = Event<'AccountLocked', { username: string; lockedUntil: string }>;

export type SignInEvent = UserSignedIn | UserSignInFailed | UserSignedOut | AccountLocked;

export type SignInCommand = Command<'RecordSignIn', { event: SignInEvent }>;

/** One stream per Shanghai date: `signins-2026-12-03`. */
export const signInStreamId = (at: Date): string => `signins-${formatShanghai(at).slice(0, 10)}`;

/** The sign-in log: a day's stream records what happened, in order; there is nothing to refuse. */
export const signInLogDecider: Decider<SignInCommand, SignInEvent, { readonly count: number }, DecisionContext> = {
  initialState: () => ({ count: 0 }),
  decide(command) {
    if (command.type !== 'RecordSignIn') return unknownCommand(command as never);
    return [command.data.event];
  },
  evolve: (state) => ({ count: state.count + 1 }),
};
