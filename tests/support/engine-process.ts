import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { CommandRunner } from '@app/commands';
import { formatShanghai } from '@app/calendar/domain';
import { loadSettings } from '@app/config';
import { Upcasters } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';
import type { Role } from '@app/identity';
import { userDecider, userStreamId } from '@app/users/domain';
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
  /** A token for a user of the directory; `usersReady()` registers it (a service account) in the engine's store. */
  token(role: Role, claims?: { sub?: string; kindergartenId?: string; unitId?: string }): string;
  /** Resolves once every user named by a token so far is in the engine's directory (the engine's store must be up). */
  usersReady(): Promise<void>;
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
  const wanted = new Map<string, { role: Role; token: string; kindergartenId?: string; unitId?: string }>();
  const ready = new Set<string>();
  const root = `http://127.0.0.1:${port}`;
  return {
    run,
    root,
    url: `${root}/api/v1`,
    token: (role, claims = {}) => {
      const token = authenticator.sign({ sub: `${role}-user`, role, ...claims }, '1h');
      wanted.set(claims.sub ?? `${role}-user`, { role, token, ...claims });
      return token;
    },
    usersReady: async () => {
      const users = [...wanted].filter(([sub]) => !ready.has(sub));
      if (users.length === 0) return;
      const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', AUTH_JWT_SECRET: TEST_JWT_SECRET, DATA_DIR: tmpdir(), ...env });
      const database = await openDatabase(settings);
      const store = await openEventStore(settings, database, new Upcasters());
      try {
        const runner = new CommandRunner(store);
        for (const [sub, { role, kindergartenId, unitId }] of users) {
          const now = new Date();
          const actor = { sub: 'test-harness', role: 'admin', name: '测试夹具' };
          // the engine's own stream, as POST /users would write it (the harness's scope need not exist)
          await runner
            .execute(
              userDecider,
              userStreamId(sub),
              { type: 'RegisterUser', data: { userId: sub, serviceAccount: true, name: sub, role, ...(kindergartenId ? { kindergartenId } : {}), ...(unitId ? { unitId } : {}) } },
              { context: { now, actor }, metadata: { actor, at: formatShanghai(now), commandId: randomUUID(), correlationId: randomUUID(), causationId: null } },
            )
            .catch((error: { code?: string }) => {
              if (error.code !== 'user-exists') throw error;
            });
        }
      } finally {
        await store.close().catch(() => undefined);
        await database.close().catch(() => undefined);
      }
      // the engine's directory follows its log: wait until it knows every one of them
      for (const [sub, { token }] of users) {
        const deadline = Date.now() + 30_000;
        while ((await fetch(`${root}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status !== 200) {
          if (Date.now() > deadline) throw new Error(`the engine's directory never showed ${sub}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        ready.add(sub);
      }
    },
    alive: () => !ended,
    listening: async () => void (await run.waitForLog(/^listening on http:/, 60_000)),
  };
};
