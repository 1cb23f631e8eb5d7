import { timingSafeEqual } from 'node:crypto';
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '@app/identity';
import { BearerTokens, type TokenClaims } from '@app/identity/tokens';
import { callerOf, type Accounts, type ActiveSession } from '@app/users';
import { ProblemError } from '../http/problems/problem-details.js';

const SUB = /^[a-z0-9][a-z0-9._-]{1,62}$/;
export const SESSION_COOKIE = 'sid';
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Who is calling, and through which session when it is a cookie. */
export interface Authentication {
  readonly caller: Caller;
  readonly session?: ActiveSession;
}

type RequestLike = Pick<FastifyRequest, 'headers'> & { cookies?: Record<string, string | undefined> };

/**
 * Every caller is a registered, enabled user of the directory: a bearer token (HS256, `exp` required, lifetime capped,
 * `nbf` honoured) names it by `sub`, and any role or scope claim must equal the directory's; a session cookie names it
 * through the server-side session. The Caller is the directory's (name, role, scope), never the token's.
 */
export class Authenticator {
  private readonly tokens: BearerTokens;
  private readonly maxLifetimeSeconds: number;
  private accounts?: Accounts;

  constructor(secret: string, options: { maxLifetimeHours?: number } = {}) {
    this.tokens = new BearerTokens(secret);
    this.maxLifetimeSeconds = (options.maxLifetimeHours ?? 24) * 3600;
  }

  /** The directory the callers are found in (the application's, once it is built). */
  useDirectory(accounts: Accounts): void {
    this.accounts = accounts;
  }

  async authenticate(request: RequestLike): Promise<Authentication> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return { caller: await this.bearer(authorization) };
    const cookies = request.cookies ?? (request.headers.cookie ? fastifyCookie.parse(request.headers.cookie) : {});
    const sessionId = cookies[SESSION_COOKIE];
    if (sessionId === undefined) throw unauthenticated('Sign in, or send a bearer token');
    const session = SESSION_ID.test(sessionId) ? await this.directory().session(sessionId) : null;
    if (!session) throw unauthenticated('The session has ended: sign in again');
    // a single sign-on user is never asked to change a password
    return { caller: { ...callerOf(session.user), passwordChangeRequired: session.method === 'password' && session.user.passwordChangeRequired }, session };
  }

  /** A cookie-authenticated write must prove it comes from the engine's own pages: `X-CSRF-Token` equal to the session's. */
  static csrfHolds(request: Pick<FastifyRequest, 'headers'>, session: ActiveSession): boolean {
    const given = request.headers['x-csrf-token'];
    if (typeof given !== 'string') return false;
    const [a, b] = [Buffer.from(given), Buffer.from(session.csrfToken)];
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async bearer(authorization: string): Promise<Caller> {
    // the scheme is case-insensitive (RFC 9110 §11.1): `bearer` and `BEARER` are the same scheme
    const match = /^Bearer +([A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]*)$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header is not a bearer token');
    let claims: Record<string, unknown>;
    try {
      claims = await this.tokens.verify(match[1]!);
    } catch (error) {
      throw unauthenticated(`The token is not valid: ${(error as Error).message}`);
    }
    this.checkLifetime(claims);
    const { sub } = claims;
    if (typeof sub !== 'string' || !SUB.test(sub)) throw unauthenticated('The token has no valid sub claim');
    const user = await this.directory().findEnabledUser(sub);
    if (!user) throw unauthenticated('The token’s sub is not a registered, enabled user');
    for (const [claim, value] of [
      ['role', user.role],
      ['kindergartenId', user.kindergartenId],
      ['unitId', user.unitId],
    ] as const) {
      if (claims[claim] !== undefined && claims[claim] !== value) throw unauthenticated(`The token’s ${claim} claim disagrees with the directory`);
    }
    return callerOf(user);
  }

  /** A token without `exp` would be valid for ever: refused, as is one living longer than AUTH_TOKEN_MAX_HOURS. */
  private checkLifetime(claims: Record<string, unknown>): void {
    const { exp, iat } = claims;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw unauthenticated('The token has no exp claim: tokens must expire');
    const now = Math.floor(Date.now() / 1000);
    // from when it was issued, or (without iat, or with an iat in the future) from now
    const issued = typeof iat === 'number' && Number.isFinite(iat) && iat <= now ? iat : now;
    if (exp - issued > this.maxLifetimeSeconds) {
      throw unauthenticated(`The token lives longer than ${this.maxLifetimeSeconds / 3600} h (AUTH_TOKEN_MAX_HOURS)`);
    }
  }

  private directory(): Accounts {
    if (!this.accounts) throw new Error('Authenticator used before the directory was given (useDirectory)');
    return this.accounts;
  }

  sign(claims: TokenClaims, expiresIn = '8h'): string {
    return this.tokens.sign(claims, expiresIn);
  }
}

const unauthenticated = (detail: string): ProblemError => ProblemError.of(401, 'unauthenticated', detail);
