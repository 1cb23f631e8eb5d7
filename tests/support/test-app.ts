import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadSettings, type Clock, type Settings } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import { actorOf, type Caller, type Role } from '@app/identity';
import { ReadModels } from '@app/projections';
import { Accounts } from '@app/users';
import { PgliteClient, SqlDatabase } from '@app/sql';
import { PostgresTestDatabase, preparePgliteTemplate, testDatabaseUrl } from '@app/sql/testing';
import { createApp } from '../../apps/api/src/app.js';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';

export type StoreKind = 'pglite' | 'postgres';

export interface TokenOptions {
  sub?: string;
  kindergartenId?: string;
  unitId?: string;
  townships?: string[];
  name?: string;
  expiresIn?: string;
}

/** Who the record shows registering the harness's users. */
const HARNESS: Caller = { sub: 'test-harness', role: 'admin', name: '测试夹具' };

/** The user a test token names by default: one per role and scope. */
export const defaultSub = (role: Role, claims: { kindergartenId?: string; unitId?: string }): string => {
  const scope = claims.kindergartenId ?? claims.unitId;
  return (scope ? `${role}-user-${scope}` : `${role}-user`).slice(0, 63);
};

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface Reply<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  /** Sent as is, not JSON-encoded. */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

export interface TestApp {
  readonly kind: StoreKind;
  readonly url: string;
  readonly settings: Settings;
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly database: SqlDatabase;
  /**
   * A bearer token for a user of the directory, registered there (a service account: tokens only) before the next
   * `call()` is sent. `sub` defaults to `${role}-user` (with the kindergarten or unit appended when one is given, so that
   * each scope is its own user); the name to the sub. The kindergarten or unit need not exist (a test of what a
   * stranger's caller sees): the harness registers the scope as given, which POST /users would refuse.
   */
  token(role: Role, claims?: TokenOptions): string;
  /** Resolves once every user named by a token so far is in the directory. */
  usersReady(): Promise<void>;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
  /** Stops the engine (as a process exit would) but keeps its data for the test to inspect. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh id for a test's own data. */
export const freshId = (prefix = 'kg'): string => `${prefix}-${randomUUID().slice(0, 8)}`;

/**
 * The real application over real HTTP, on a store of its own: a new PGlite folder (from the prepared template)
 * or a new PostgreSQL schema. Redis is the machine's; anything keyed there gets a fresh prefix.
 */
export const startTestApp = async (kind: StoreKind, env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> => {
  const cleanups: Array<() => Promise<unknown>> = [];
  let storeEnv: Record<string, string>;
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'engine-test-'));
    const template = new Blob([await readFile(await preparePgliteTemplate())]);
    await (await PgliteClient.open({ dataDir, template })).close();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    storeEnv = { EVENT_STORE: 'pglite', DATA_DIR: dataDir };
  } else {
    const database = PostgresTestDatabase.create(4);
    const schema = database.newSchema('e2e');
    cleanups.push(() => database.close());
    storeEnv = { EVENT_STORE: 'postgres', DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema, DATA_DIR: tmpdir() };
  }
  const settings = loadSettings({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    SEED_ON_EMPTY: 'false',
    // notifications append to the streams they are about: tests of them say so
    RUN_REMINDERS: 'false',
    QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    ...storeEnv,
    ...env,
  });
  const app = await createApp(settings, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${await app.getUrl()}/api/v1`.replace('[::1]', '127.0.0.1');
  const authenticator = new Authenticator(TEST_JWT_SECRET);
  const accounts = app.get(Accounts);
  const readModels = app.get(ReadModels);
  // what each harness user was registered as: the same sub asked for with another scope moves it there (UserUpdated)
  const registered = new Map<string, string>();
  const harnessRequest = () => {
    const now = new Date();
    return {
      caller: HARNESS,
      now,
      metadata: { actor: actorOf(HARNESS), at: formatShanghai(now), commandId: randomUUID(), correlationId: randomUUID(), causationId: null },
    };
  };
  // the registration under way (or done) per user: a second token for it waits for the same one, not for nothing
  const registering = new Map<string, Promise<void>>();
  const ensureUser = (profile: { userId: string; name: string; role: Role; kindergartenId?: string; unitId?: string; townships?: string[] }) => {
    const wanted = JSON.stringify(profile);
    const known = registered.get(profile.userId);
    if (known === wanted) return registering.get(profile.userId) ?? Promise.resolve();
    registered.set(profile.userId, wanted);
    const previous = registering.get(profile.userId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => writeUser(profile, known));
    registering.set(profile.userId, next);
    return next;
  };
  const writeUser = async (
    profile: { userId: string; name: string; role: Role; kindergartenId?: string; unitId?: string; townships?: string[] },
    known: string | undefined,
  ) => {
    const { userId, ...rest } = profile;
    const outcome = known
      ? await accounts.update(userId, rest, harnessRequest(), { checkScope: false })
      : (await accounts.register({ ...profile, serviceAccount: true }, harnessRequest(), { checkScope: false }).catch(async (error: { code?: string }) => {
          // registered by an earlier run of this helper on the same store (a restarted engine)
          if (error.code !== 'user-exists') throw error;
          return { outcome: await accounts.update(userId, rest, harnessRequest(), { checkScope: false }) };
        })).outcome;
    await readModels.catchUp(outcome.position, 'user');
  };
  // every registration asked for so far, finished: concurrent callers each wait for all of them, not only the first
  const usersReady = async (): Promise<void> => {
    for (;;) {
      const asked = [...registering.values()];
      await Promise.all(asked);
      if (registering.size === asked.length && [...registering.values()].every((registration, i) => registration === asked[i])) return;
    }
  };
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  const testApp: TestApp = {
    kind,
    url,
    settings,
    app,
    // the log's head is read once the harness's own user registrations are in: they are not what a test measures
    store: new Proxy(app.get(EventStore), {
      get(target, property) {
        if (property === 'headPosition') return async () => (await usersReady(), target.headPosition());
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }),
    database: app.get(SqlDatabase),
    token: (role, claims = {}) => {
      const { expiresIn, name, townships, ...scope } = claims;
      const sub = scope.sub ?? defaultSub(role, scope);
      const profile = {
        userId: sub,
        name: name ?? sub,
        role,
        ...(role === 'kindergarten' && scope.kindergartenId ? { kindergartenId: scope.kindergartenId } : {}),
        ...(role === 'department' && scope.unitId ? { unitId: scope.unitId } : {}),
        ...(role === 'supervisor' && townships ? { townships } : {}),
      };
      // a failed registration is reported by the next usersReady() or call(); not an unhandled rejection here
      ensureUser(profile).catch(() => undefined);
      return authenticator.sign(
        { sub, role, ...(scope.kindergartenId ? { kindergartenId: scope.kindergartenId } : {}), ...(scope.unitId ? { unitId: scope.unitId } : {}) },
        expiresIn ?? '1h',
      );
    },
    usersReady,
    call: async (method, path, options = {}) => {
      await usersReady();
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      let body: string | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(path.startsWith('http') ? path : `${url}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed as never };
    },
    stop,
    close: async () => {
      await stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
  // the default users of the roles without a scope (`${role}-user`) are in the directory from the start: their tokens
  // work anywhere, in a fetch of the test's own too
  for (const role of ['admin', 'supervisor', 'auditor'] as const) testApp.token(role);
  await testApp.usersReady();
  return testApp;
};
