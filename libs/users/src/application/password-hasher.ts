import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { MAX_PASSWORD_LENGTH } from '../domain/password-policy.js';

/** argon2id, 64 MiB, 3 passes: about 120 ms a hash on the team's machines (bench/auth measures it). */
// algorithm 2 is Argon2id (the package's Algorithm is a const enum, which isolated modules cannot read)
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

/** Hashes and verifies passwords (argon2id, memory-hard); refuses over-long ones before any work. */
@Injectable()
export class PasswordHasher {
  // what an unknown username is checked against, so that it costs what a known one does
  private readonly dummy: Promise<string> = hash(randomBytes(16).toString('hex'), ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    if (password.length > MAX_PASSWORD_LENGTH) throw new Error('password too long to hash');
    return hash(password, ARGON2_OPTIONS);
  }

  /** False for a missing hash too, after the same work. */
  async verify(stored: string | null, password: string): Promise<boolean> {
    if (password.length > MAX_PASSWORD_LENGTH) return false;
    if (stored === null) {
      await verify(await this.dummy, password);
      return false;
    }
    return verify(stored, password);
  }

  /** A one-time password the engine generates: 16 characters of four kinds. */
  oneTimePassword(): string {
    return `${randomBytes(12).toString('base64url')}-a7Q`;
  }
}
