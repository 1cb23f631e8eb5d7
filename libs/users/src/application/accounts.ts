import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatShanghai } from '@app/calendar/domain';
import { CommandRunner, type CommandRequest } from '@app/commands';
import { Clock, Settings } from '@app/config';
import { EventStore, RuleViolationError, SYSTEM_ACTOR, type Actor } from '@app/event-sourcing';
import { actorOf, type Caller } from '@app/identity';
import { Townships } from '@app/kindergartens';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { responsibleUnitDecider, responsibleUnitStreamId } from '@app/plan-supervision/domain';
import { MAX_PASSWORD_LENGTH, passwordWeakness } from '../domain/password-policy.js';
import { signInLogDecider, signInStreamId, type SignInEvent } from '../domain/sign-in-log.js';
import type { UserCommand } from '../domain/user.commands.js';
import { userDecider, userStreamId } from '../domain/user.decider.js';
import type { UserProfile } from '../domain/user.events.js';
import { AccountRefusal } from './account-refusal.js';
import { AccountStore, type Contacts, type RegisteredUser } from './account-store.js';
import { PasswordHasher } from './password-hasher.js';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
// a session's last request is written at most this often: one write a minute, not one per request
const TOUCH_EVERY_MS = 60_000;

/** A user as answers show it: never a password or hash. */
export interface UserView {
  readonly id: string;
  readonly name: string;
  readonly role: UserProfile['role'];
  readonly kindergartenId?: string;
  readonly unitId?: string;
  readonly townships?: readonly string[];
  readonly enabled: boolean;
  readonly passwordChangeRequired: boolean;
  readonly serviceAccount: boolean;
  readonly email?: string;
  readonly phone?: string;
  /** The version of its `user-{id}` stream (the ETag). */
  readonly version: number;
}

export interface StartedSession {
  /** The opaque id for the cookie: only its hash is kept. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly user: RegisteredUser;
}

export interface ActiveSession {
  readonly idHash: string;
  readonly csrfToken: string;
  readonly method: 'password' | 'oidc';
  readonly user: RegisteredUser;
}

export type RegistrationInput = { userId: string; serviceAccount: boolean } & UserProfile & Contacts;

const hashOf = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

export const callerOf = (user: RegisteredUser): Caller => ({
  sub: user.id,
  role: user.role,
  name: user.name,
  ...(user.kindergartenId ? { kindergartenId: user.kindergartenId } : {}),
  ...(user.unitId ? { unitId: user.unitId } : {}),
  ...(user.townships ? { townships: user.townships } : {}),
  passwordChangeRequired: user.passwordChangeRequired,
});

export const viewOf = (user: RegisteredUser, version: number, contacts: Contacts = {}): UserView => ({
  id: user.id,
  name: user.name,
  role: user.role,
  ...(user.kindergartenId ? { kindergartenId: user.kindergartenId } : {}),
  ...(user.unitId ? { unitId: user.unitId } : {}),
  ...(user.townships ? { townships: user.townships } : {}),
  enabled: user.enabled,
  passwordChangeRequired: user.passwordChangeRequired,
  serviceAccount: user.serviceAccount,
  ...contacts,
  version,
});

/**
 * The accounts: the directory's use cases (register, update, disable, enable, reset), sign-in with lockout, the
 * password policy, and server-side sessions. Passwords, their hashes and session ids stay in AccountStore's tables.
 */
@Injectable()
export class Accounts {
  private readonly logger = new Logger('Accounts');

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(AccountStore) private readonly store: AccountStore,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(Townships) private readonly townships: Townships,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(EventStore) private readonly events: EventStore,
  ) {}

  /** A registered, enabled user, or null. */
  async findEnabledUser(userId: string): Promise<RegisteredUser | null> {
    const user = await this.store.user(userId);
    return user?.enabled ? user : null;
  }

  async user(userId: string): Promise<UserView | null> {
    const user = await this.store.user(userId);
    return user ? viewOf(user, user.version, (await this.store.contacts([userId])).get(userId)) : null;
  }

  async users(filter: { role?: string; kindergartenId?: string; unitId?: string; after?: string; limit: number }): Promise<UserView[]> {
    const users = await this.store.users(filter);
    const contacts = await this.store.contacts(users.map((user) => user.id));
    return users.map((user) => viewOf(user, user.version, contacts.get(user.id)));
  }

  /** Registers a user; answers its one-time password (none for a service account), shown once and never kept in clear. */
  async register(input: RegistrationInput, request: CommandRequest, options: { checkScope?: boolean; initialPassword?: string } = {}) {
    const { userId, serviceAccount, email, phone, ...given } = input;
    const profile = options.checkScope === false ? given : await this.checkedProfile(given);
    const outcome = await this.runner.execute(
      userDecider,
      userStreamId(userId),
      { type: 'RegisterUser', data: { userId, serviceAccount, ...profile } },
      { context: { now: request.now, actor: actorOf(request.caller) }, metadata: request.metadata },
    );
    let initialPassword: string | null = null;
    if (!serviceAccount) {
      // a documented sample password (seeds) is one-time too: to be changed at first sign-in
      initialPassword = options.initialPassword ?? this.hasher.oneTimePassword();
      await this.store.setPassword(userId, await this.hasher.hash(initialPassword), request.now, false);
    }
    await this.store.setContacts(userId, { email, phone });
    return { outcome, initialPassword };
  }

  async update(userId: string, input: UserProfile & Contacts, request: CommandRequest, options: { checkScope?: boolean } = {}) {
    const { email, phone, ...given } = input;
    const profile = options.checkScope === false ? given : await this.checkedProfile(given);
    const outcome = await this.run(userId, { type: 'UpdateUser', data: profile }, request);
    await this.store.setContacts(userId, { email, phone });
    return outcome;
  }

  /** Disabling ends the user's sessions at once (its tokens stop at the next request: the directory says disabled). */
  async disable(userId: string, request: CommandRequest) {
    const outcome = await this.run(userId, { type: 'DisableUser', data: {} }, request);
    await this.store.endSessionsOf(userId);
    return outcome;
  }

  /** Enabling also lifts a sign-in lock on the username. */
  async enable(userId: string, request: CommandRequest) {
    const outcome = await this.run(userId, { type: 'EnableUser', data: {} }, request);
    await this.store.unlock(userId);
    return outcome;
  }

  async resetPassword(userId: string, request: CommandRequest) {
    const outcome = await this.run(userId, { type: 'ResetPassword', data: {} }, request);
    const initialPassword = this.hasher.oneTimePassword();
    await this.store.setPassword(userId, await this.hasher.hash(initialPassword), request.now, false);
    return { outcome, initialPassword };
  }

  /** The user's own new password: the policy, then the record, then the hash; its other sessions end, `keep` stays. */
  async changePassword(caller: Caller, currentPassword: string, newPassword: string, request: CommandRequest, keep?: ActiveSession) {
    if (currentPassword.length > MAX_PASSWORD_LENGTH || newPassword.length > MAX_PASSWORD_LENGTH) {
      throw new AccountRefusal(400, 'validation-failed', `A password has at most ${MAX_PASSWORD_LENGTH} characters`);
    }
    const hashes = await this.store.passwordHashes(caller.sub);
    if (!(await this.hasher.verify(hashes?.hash ?? null, currentPassword))) {
      throw new AccountRefusal(401, 'invalid-credentials', 'The current password is not right');
    }
    const weakness = passwordWeakness(newPassword, caller.sub);
    if (weakness) throw new AccountRefusal(422, 'weak-password', `The new password ${weakness}`);
    for (const old of [hashes!.hash, ...hashes!.previous]) {
      if (await this.hasher.verify(old, newPassword)) {
        throw new AccountRefusal(422, 'weak-password', 'The new password must differ from the current one and the two before it');
      }
    }
    const hash = await this.hasher.hash(newPassword);
    const outcome = await this.run(caller.sub, { type: 'ChangePassword', data: {} }, request);
    await this.store.setPassword(caller.sub, hash, request.now, true);
    await this.store.endSessionsOf(caller.sub, keep?.idHash);
    return outcome;
  }

  /**
   * Username and password to a new session. Unknown user, wrong password, disabled account and service account all
   * cost one argon2 verification and answer the same 401; 5 failures in 15 minutes lock the username (423).
   */
  async signIn(username: string, password: string): Promise<StartedSession> {
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new AccountRefusal(400, 'validation-failed', `A password has at most ${MAX_PASSWORD_LENGTH} characters`);
    }
    const now = this.clock.now();
    const lockedUntil = await this.store.lockedUntil(username, now);
    if (lockedUntil) {
      await this.log({ type: 'UserSignInFailed', data: { username, reason: 'locked' } }, now, SYSTEM_ACTOR);
      throw this.locked(lockedUntil, now);
    }
    const user = await this.store.user(username);
    const hashes = user && !user.serviceAccount ? await this.store.passwordHashes(user.id) : null;
    const matches = await this.hasher.verify(hashes?.hash ?? null, password);
    const reason = !user ? 'unknown-user' : user.serviceAccount ? 'service-account' : !matches ? 'wrong-password' : !user.enabled ? 'disabled' : null;
    if (reason) {
      await this.log({ type: 'UserSignInFailed', data: { username, reason } }, now, SYSTEM_ACTOR);
      const locked = await this.store.recordFailure(username, now, LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS);
      if (locked) await this.log({ type: 'AccountLocked', data: { username, lockedUntil: formatShanghai(locked) } }, now, SYSTEM_ACTOR);
      throw new AccountRefusal(401, 'invalid-credentials', 'The username or password is not right');
    }
    await this.store.clearFailures(username);
    return this.startSession(user!, 'password');
  }

  /** A new session for a registered, enabled user (password sign-in, or single sign-on), recorded in the sign-in log. */
  async startSession(user: RegisteredUser, method: 'password' | 'oidc'): Promise<StartedSession> {
    const now = this.clock.now();
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.store.createSession(hashOf(sessionId), user.id, csrfToken, method, now);
    await this.log({ type: 'UserSignedIn', data: { userId: user.id, method } }, now, actorOf(callerOf(user)));
    return { sessionId, csrfToken, user };
  }

  /** The live session with this id and its enabled user, or null (unknown, ended, idle too long, too old, user disabled). */
  async session(sessionId: string): Promise<ActiveSession | null> {
    const idHash = hashOf(sessionId);
    const row = await this.store.session(idHash);
    if (!row) return null;
    const now = this.clock.now();
    const idle = now.getTime() - row.lastSeenAt.getTime() > this.settings.SESSION_IDLE_MINUTES * 60_000;
    const old = now.getTime() - row.createdAt.getTime() > this.settings.SESSION_MAX_HOURS * 3_600_000;
    if (idle || old || !row.user?.enabled) {
      await this.store.endSession(idHash);
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.store.touchSession(idHash, now);
    return { idHash, csrfToken: row.csrfToken, method: row.method, user: row.user };
  }

  async signOut(session: ActiveSession): Promise<void> {
    await this.store.endSession(session.idHash);
    await this.log({ type: 'UserSignedOut', data: { userId: session.user.id } }, this.clock.now(), actorOf(callerOf(session.user)));
  }

  /** Creates `admin` when the directory is empty (first start), with ADMIN_INITIAL_PASSWORD, to be changed at first sign-in. */
  async bootstrapAdmin(): Promise<boolean> {
    if ((await this.events.listStreams({ category: 'user', limit: 1 })).length > 0) return false;
    const password = this.settings.ADMIN_INITIAL_PASSWORD ?? DEVELOPMENT_ADMIN_PASSWORD;
    const now = this.clock.now();
    try {
      await this.runner.execute(
        userDecider,
        userStreamId('admin'),
        { type: 'RegisterUser', data: { userId: 'admin', serviceAccount: false, name: '系统管理员', role: 'admin' } },
        { context: { now, actor: SYSTEM_ACTOR }, metadata: systemMetadata(now) },
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'user-exists') return false;
      throw error;
    }
    await this.store.setPassword('admin', await this.hasher.hash(password), now, false);
    this.logger.log('created user admin (the password of ADMIN_INITIAL_PASSWORD, to be changed at first sign-in)');
    return true;
  }

  private locked(until: Date, now: Date): AccountRefusal {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new AccountRefusal(423, 'account-locked', `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minutes`, seconds);
  }

  private async checkedProfile(profile: UserProfile): Promise<UserProfile> {
    if (profile.role === 'kindergarten' && profile.kindergartenId) {
      const { state } = await this.runner.load(kindergartenDecider, kindergartenStreamId(profile.kindergartenId));
      if (state.status !== 'registered') throw new RuleViolationError('unknown-kindergarten', `No kindergarten ${profile.kindergartenId}`);
    }
    if (profile.role === 'department' && profile.unitId) {
      const { state } = await this.runner.load(responsibleUnitDecider, responsibleUnitStreamId(profile.unitId));
      if (state.status !== 'registered') throw new RuleViolationError('unknown-unit', `No responsible unit ${profile.unitId}`);
    }
    if (profile.role === 'supervisor' && profile.townships) {
      const ids = profile.townships.map((township) => {
        const id = this.townships.idOf(township);
        if (!id) throw new RuleViolationError('unknown-township', `No township ${township}`);
        return id;
      });
      return { ...profile, townships: ids };
    }
    return profile;
  }

  private run(userId: string, command: UserCommand, request: CommandRequest) {
    return this.runner.execute(userDecider, userStreamId(userId), command, {
      context: { now: request.now, actor: actorOf(request.caller) },
      metadata: request.metadata,
      expectedVersion: request.expectedVersion,
    });
  }

  private async log(event: SignInEvent, now: Date, actor: Actor): Promise<void> {
    await this.runner.execute(
      signInLogDecider,
      signInStreamId(now),
      { type: 'RecordSignIn', data: { event } },
      { context: { now, actor }, metadata: { ...systemMetadata(now), actor } },
    );
  }
}

/** The development default of ADMIN_INITIAL_PASSWORD (production refuses to start without the setting). */
export const DEVELOPMENT_ADMIN_PASSWORD = 'Admin-Initial-1';

const systemMetadata = (now: Date) => ({
  actor: SYSTEM_ACTOR,
  at: formatShanghai(now),
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: null,
});
