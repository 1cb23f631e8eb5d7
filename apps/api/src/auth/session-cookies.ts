import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Settings } from '@app/config';
import { Accounts, type RegisteredUser } from '@app/users';
import { SESSION_COOKIE } from './authenticator.js';

/** `{user, csrfToken, passwordChangeRequired}`: what a sign-in answers. */
export interface SignedIn {
  readonly user: { id: string; name: string; role: string; kindergartenId?: string; unitId?: string; townships?: readonly string[] };
  readonly csrfToken: string;
  readonly passwordChangeRequired: boolean;
}

export const meOf = (user: RegisteredUser) => ({
  id: user.id,
  name: user.name,
  role: user.role,
  ...(user.kindergartenId ? { kindergartenId: user.kindergartenId } : {}),
  ...(user.unitId ? { unitId: user.unitId } : {}),
  ...(user.townships ? { townships: user.townships } : {}),
});

/**
 * Sessions at the HTTP edge: a new session (a fresh id at every sign-in) in an `HttpOnly; SameSite=Strict; Path=/`
 * cookie, `Secure` over HTTPS (SESSION_COOKIE_SECURE). Password sign-in and single sign-on both start theirs here.
 */
@Injectable()
export class SessionCookies {
  constructor(
    @Inject(Accounts) private readonly accounts: Accounts,
    @Inject(Settings) private readonly settings: Settings,
  ) {}

  /** Starts a session for a registered, enabled user (found with Accounts.findEnabledUser) and sets its cookie on `reply`. */
  async start(user: RegisteredUser, method: 'password' | 'oidc', request: FastifyRequest, reply: FastifyReply): Promise<SignedIn> {
    const started = await this.accounts.startSession(user, method);
    return this.answer(started, request, reply, method);
  }

  /** Sets the cookie of a session Accounts started, and answers what a sign-in answers. */
  answer(started: { sessionId: string; csrfToken: string; user: RegisteredUser }, request: FastifyRequest, reply: FastifyReply, method: 'password' | 'oidc' = 'password'): SignedIn {
    void reply.setCookie(SESSION_COOKIE, started.sessionId, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: this.secure(request),
      maxAge: this.settings.SESSION_MAX_HOURS * 3600,
    });
    return {
      user: meOf(started.user),
      csrfToken: started.csrfToken,
      // a single sign-on user is never asked to change a password
      passwordChangeRequired: method === 'password' && started.user.passwordChangeRequired,
    };
  }

  clear(request: FastifyRequest, reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: this.secure(request) });
  }

  private secure(request: FastifyRequest): boolean {
    const setting = this.settings.SESSION_COOKIE_SECURE;
    // request.protocol believes X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY)
    return setting === 'always' || (setting === 'auto' && request.protocol === 'https');
  }
}
