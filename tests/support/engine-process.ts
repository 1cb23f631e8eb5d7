import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { Role } from '@app/identity';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { freePort } from './postgres-cluster.js';
import { TEST_JWT_SECRET } from './test-app.js';
import { runTs, type ChildRun } from './worker-process.js';

export interface EngineProcess {
  readonly run: ChildRun;
  /** http://127.0.0.1:<port> */
  readonly root: string;
  /** The API's base: `${root}/api/v1`. */
  readonly url: string;
  token(role: Role, claims?: { sub?: string; kindergartenId?: string; unitId?: string }): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Resolves once it logs that it listens. */
  listening(): Promise<void>;
}

/** Starts `npm start`'s entry point (API, projections, reminders in one process) as a child, on the store `env` names. */
export const startEngine = async (env: Record<string, string>): Promise<EngineProcess> => {
  const port = await freePort();
  const run = runTs('apps/api/src/main.ts', {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    SEED_ON_EMPTY: 'false',
    QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    DATA_DIR: tmpdir(),
    ...env,
  });
  let ended = false;
  void run.exited.then(() => (ended = true));
  const authenticator = new Authenticator(TEST_JWT_SECRET);
  const root = `http://127.0.0.1:${port}`;
  return {
    run,
    root,
    url: `${root}/api/v1`,
    token: (role, claims = {}) => authenticator.sign({ sub: `${role}-user`, role, ...claims }, '1h'),
    alive: () => !ended,
    listening: async () => void (await run.waitForLog(/^listening on http:/, 60_000)),
  };
};
