import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Settings } from '@app/config';

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
