import { ROLES, type Caller, type Role } from '@app/identity';
import { BearerTokens, type TokenClaims } from '@app/identity/tokens';
import { ProblemError } from '../http/problems/problem-details.js';

const SUB = /^[\p{L}\p{N}._@:-]{1,128}$/u;
const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Verifies bearer tokens (HS256, exp required and honoured, lifetime capped, nbf honoured) and turns their claims into a Caller. */
export class Authenticator {
  private readonly tokens: BearerTokens;
  private readonly maxLifetimeSeconds: number;

  constructor(secret: string, options: { maxLifetimeHours?: number } = {}) {
    this.tokens = new BearerTokens(secret);
    this.maxLifetimeSeconds = (options.maxLifetimeHours ?? 24) * 3600;
  }

  async authenticate(authorization: string | undefined): Promise<Caller> {
    // the scheme is case-insensitive (RFC 9110 §11.1): `bearer` and `BEARER` are the same scheme
    const match = /^Bearer +([A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]*)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated(authorization ? 'The Authorization header is not a bearer token' : 'A bearer token is required');
    let claims: Record<string, unknown>;
    try {
      claims = await this.tokens.verify(match[1]!);
    } catch (error) {
      throw unauthenticated(`The token is not valid: ${(error as Error).message}`);
    }
    this.checkLifetime(claims);
    return callerFrom(claims);
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

  sign(claims: TokenClaims, expiresIn = '8h'): string {
    return this.tokens.sign(claims, expiresIn);
  }
}

const unauthenticated = (detail: string): ProblemError => ProblemError.of(401, 'unauthenticated', detail);

const callerFrom = (claims: Record<string, unknown>): Caller => {
  const { sub, role, kindergartenId, unitId, name } = claims;
  if (typeof sub !== 'string' || !SUB.test(sub)) throw unauthenticated('The token has no valid sub claim');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw unauthenticated('The token has no valid role claim');
  if (role === 'kindergarten' && (typeof kindergartenId !== 'string' || !ID.test(kindergartenId))) {
    throw unauthenticated('A kindergarten token needs a kindergartenId claim');
  }
  if (role === 'department' && (typeof unitId !== 'string' || !ID.test(unitId))) throw unauthenticated('A department token needs a unitId claim');
  if (name !== undefined && (typeof name !== 'string' || name.length > 100)) throw unauthenticated('The name claim is not valid');
  return {
    sub,
    role: role as Role,
    ...(role === 'kindergarten' ? { kindergartenId: kindergartenId as string } : {}),
    ...(role === 'department' ? { unitId: unitId as string } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
};
