import { createSecretKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { Settings } from '@app/config';
import type { Role } from './caller.js';

/** What a bearer token says of its holder. */
export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly kindergartenId?: string;
  readonly unitId?: string;
  readonly name?: string;
}

/** Signs and verifies the engine's bearer tokens: HS256, exp and nbf honoured. */
export class BearerTokens {
  private readonly jwt: JwtService;

  constructor(secret: string) {
    // a KeyObject made once: given a string, jsonwebtoken first tries (and fails) to read it as a public key on every call
    this.jwt = new JwtService({
      secret: createSecretKey(Buffer.from(secret, 'utf8')) as never,
      verifyOptions: { algorithms: ['HS256'] },
      signOptions: { algorithm: 'HS256' },
    });
  }

  /** @throws Error saying why the token is not valid (signature, expiry, algorithm). */
  verify(token: string): Promise<Record<string, unknown>> {
    return this.jwt.verifyAsync<Record<string, unknown>>(token);
  }

  sign(claims: TokenClaims, expiresIn = '8h'): string {
    return this.jwt.sign({ ...claims }, { expiresIn: expiresIn as never });
  }
}

/**
 * The HS256 secret: AUTH_JWT_SECRET when set (required in production); otherwise, for a first run on a
 * developer's machine, a random secret kept in DATA_DIR so that `npm run token` and the engine agree.
 */
export const resolveJwtSecret = (settings: Settings): { secret: string; generated: boolean } => {
  if (settings.AUTH_JWT_SECRET) return { secret: settings.AUTH_JWT_SECRET, generated: false };
  if (settings.NODE_ENV === 'production') throw new Error('AUTH_JWT_SECRET is required in production');
  const dir = resolve(settings.DATA_DIR);
  const file = join(dir, 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return { secret: readFileSync(file, 'utf8').trim(), generated: true };
};
