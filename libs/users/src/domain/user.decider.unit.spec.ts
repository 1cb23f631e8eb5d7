import { describe, expect, it } from '@jest/globals';
import { ConflictError, fold, NotFoundError, RuleViolationError, type DecisionContext } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import { passwordWeakness } from './password-policy.js';
import { signInLogDecider, signInStreamId } from './sign-in-log.js';
import type { UserCommand } from './user.commands.js';
import { userDecider, userStreamId } from './user.decider.js';
import type { UserEvent } from './user.events.js';

// Monday 2025-03-03, 10:00 in Shanghai
const now = new Date('2025-03-03T02:00:00Z');
const context: DecisionContext = { now, actor: { sub: 'admin-li', role: 'admin', name: '李管理员' } };
const given = DeciderSpecification.for(userDecider, context);

const register = (data: Partial<Extract<UserCommand, { type: 'RegisterUser' }>['data']> = {}): UserCommand => ({
  type: 'RegisterUser',
  data: { userId: 'wang', serviceAccount: false, name: '王督学', role: 'supervisor', ...data },
});
const registered: UserEvent = {
  type: 'UserRegistered',
  data: { userId: 'wang', name: '王督学', role: 'supervisor', serviceAccount: false, registeredAt: '2025-03-03T10:00:00.000+08:00' },
};
const disabled: UserEvent = { type: 'UserDisabled', data: { userId: 'wang' } };

describe('User', () => {
  it('lives in the stream user-{id}', () => {
    expect(userStreamId('wang')).toBe('user-wang');
  });

  describe('when not registered', () => {
    it('registers it, stamped with the time in Shanghai, its one-time password to be changed', () => {
      given([]).when(register()).then([registered]);
      expect(fold(userDecider, [registered])).toMatchObject({ status: 'registered', enabled: true, passwordChangeRequired: true });
    });

    it('keeps only the scope the role has, townships sorted once each', () => {
      given([])
        .when(register({ townships: ['honghe', 'chengguan', 'honghe'], kindergartenId: 'kg-1' }))
        .then([{ ...registered, data: { ...registered.data, townships: ['chengguan', 'honghe'] } } as UserEvent]);
    });

    it('refuses the reserved id system', () => {
      given([]).when(register({ userId: 'system' })).thenThrows(RuleViolationError, 'validation-failed');
    });

    it('refuses a kindergarten user without its kindergarten', () => {
      given([]).when(register({ role: 'kindergarten' })).thenThrows(RuleViolationError, 'validation-failed');
    });

    it('refuses every other command: no such user', () => {
      given([]).when({ type: 'DisableUser', data: {} }).thenThrows(NotFoundError, 'not-found');
    });

    it('a service account needs no password change', () => {
      const event: UserEvent = { ...registered, data: { ...registered.data, serviceAccount: true } } as UserEvent;
      given([]).when(register({ serviceAccount: true })).then([event]);
      expect(fold(userDecider, [event])).toMatchObject({ passwordChangeRequired: false, serviceAccount: true });
    });
  });

  describe('when registered', () => {
    it('refuses a second registration', () => {
      given([registered]).when(register()).thenThrows(ConflictError, 'user-exists');
    });

    it('updates the profile, and does nothing when it is the same', () => {
      given([registered])
        .when({ type: 'UpdateUser', data: { name: '王督学', role: 'supervisor', townships: ['lamawan'] } })
        .then([{ type: 'UserUpdated', data: { userId: 'wang', name: '王督学', role: 'supervisor', townships: ['lamawan'] } }]);
      given([registered]).when({ type: 'UpdateUser', data: { name: '王督学', role: 'supervisor' } }).thenNothingHappened();
    });

    it('disables and enables, each once', () => {
      given([registered]).when({ type: 'DisableUser', data: {} }).then([disabled]);
      given([registered, disabled]).when({ type: 'DisableUser', data: {} }).thenNothingHappened();
      given([registered, disabled]).when({ type: 'EnableUser', data: {} }).then([{ type: 'UserEnabled', data: { userId: 'wang' } }]);
    });

    it('an administrator cannot disable itself', () => {
      DeciderSpecification.for(userDecider, { now, actor: { sub: 'wang', role: 'admin' } })([registered])
        .when({ type: 'DisableUser', data: {} })
        .thenThrows(ConflictError, 'cannot-disable-self');
    });

    it('a reset asks for a change again; a change clears it', () => {
      const changed: UserEvent = { type: 'UserPasswordChanged', data: { userId: 'wang' } };
      const reset: UserEvent = { type: 'UserPasswordReset', data: { userId: 'wang' } };
      given([registered]).when({ type: 'ChangePassword', data: {} }).then([changed]);
      expect(fold(userDecider, [registered, changed])).toMatchObject({ passwordChangeRequired: false });
      given([registered, changed]).when({ type: 'ResetPassword', data: {} }).then([reset]);
      expect(fold(userDecider, [registered, changed, reset])).toMatchObject({ passwordChangeRequired: true });
    });
  });
});

describe('the sign-in log', () => {
  it('is one stream per Shanghai date, recording what it is given', () => {
    expect(signInStreamId(new Date('2025-03-02T16:30:00Z'))).toBe('signins-2025-03-03');
    DeciderSpecification.for(signInLogDecider, context)([])
      .when({ type: 'RecordSignIn', data: { event: { type: 'UserSignInFailed', data: { username: 'wang', reason: 'wrong-password' } } } })
      .then([{ type: 'UserSignInFailed', data: { username: 'wang', reason: 'wrong-password' } }]);
  });
});

describe('the password policy', () => {
  it.each([
    ['Short-1a', 'has fewer than 10 characters'],
    ['alllowercaseletters', 'has fewer than three of lower case, upper case, digits and symbols'],
    ['ALLUPPERCASE123', 'has fewer than three of lower case, upper case, digits and symbols'],
    ['ALLUPPERCASE123!', null],
    ['Xx-WANG-2026', 'contains the username'],
    ['Qingshui-River-2026!', null],
    ['清水河县教育局督导室2026a', null],
  ])('%s: %s', (password, weakness) => {
    expect(passwordWeakness(password, 'wang')).toBe(weakness);
  });
});
