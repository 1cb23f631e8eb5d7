// What accounts cost: one argon2id hash and verification (ms), a sign-in over HTTP, and an authenticated request's
// throughput by session cookie and by bearer token next to the old token-only check (the JWT verified, nothing read).
// Usage: npm run bench:auth [-- --seconds 5 --connections 8 --hashes 10]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadSettings } from '@app/config';
import { BearerTokens } from '@app/identity/tokens';
import { Accounts, PasswordHasher } from '@app/users';
import { createApp } from '../../apps/api/src/app.js';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { registerBenchUsers } from '../support/bench-users.js';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '8' }, hashes: { type: 'string', default: '10' } },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const HASHES = Number(args.hashes);
const SECRET = 'bench-secret-that-is-at-least-32-characters';
const PASSWORD = 'Bench-Password-2026';

const mean = async (times: number, work: () => Promise<unknown>): Promise<number> => {
  const { seconds } = await timed(async () => {
    for (let i = 0; i < times; i++) await work();
  });
  return (seconds * 1000) / times;
};

const rows: Row[] = [];
const hasher = new PasswordHasher();
const hash = await hasher.hash(PASSWORD);
rows.push({ workload: 'argon2id (64 MiB, t=3)', subject: 'hash', value: await mean(HASHES, () => hasher.hash(PASSWORD)), unit: 'ms', lowerIsBetter: true });
rows.push({ workload: 'argon2id (64 MiB, t=3)', subject: 'verify', value: await mean(HASHES, () => hasher.verify(hash, PASSWORD)), unit: 'ms', lowerIsBetter: true });

const dataDir = await mkdtemp(join(tmpdir(), 'bench-auth-'));
const app = await createApp(
  loadSettings({ EVENT_STORE: 'pglite', DATA_DIR: dataDir, LOG_LEVEL: 'warn', AUTH_JWT_SECRET: SECRET, SEED_ON_EMPTY: 'false', RUN_REMINDERS: 'false', NODE_ENV: 'test' }),
);
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1`;
  // admin's first sign-in: change the development password, then sign in for the measurements
  const signIn = (password: string) =>
    fetch(`${url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  const first = await signIn('Admin-Initial-1');
  const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const changed = await fetch(`${url}/auth/password`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: 'Admin-Initial-1', newPassword: PASSWORD }),
  });
  if (changed.status !== 204) throw new Error(`password change: ${changed.status}`);
  rows.push({ workload: 'POST /auth/sign-in (HTTP, sequential)', subject: 'sign-in', value: await mean(HASHES, () => signIn(PASSWORD)), unit: 'ms', lowerIsBetter: true });

  await registerBenchUsers(app, [{ id: 'bench-auditor', role: 'auditor' }]);
  const token = new BearerTokens(SECRET).sign({ sub: 'bench-auditor', role: 'auditor' }, '1h');
  const session = (await signIn(PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;

  // in process: the old check (the JWT verified, the caller taken from its claims) next to the new ones
  const authenticator = new Authenticator(SECRET);
  authenticator.useDirectory(app.get(Accounts));
  const tokens = new BearerTokens(SECRET);
  const N = 2_000;
  const old = await timed(async () => {
    for (let i = 0; i < N; i++) await tokens.verify(token);
  });
  const bearer = await timed(async () => {
    for (let i = 0; i < N; i++) await authenticator.authenticate({ headers: { authorization: `Bearer ${token}` } });
  });
  const cookieCheck = await timed(async () => {
    for (let i = 0; i < N; i++) await authenticator.authenticate({ headers: { cookie: session } });
  });
  const oldRate = N / old.seconds;
  rows.push({ workload: 'authenticate one request (in process)', subject: 'bearer: JWT + directory', value: N / bearer.seconds, unit: 'req/s', baseline: { subject: 'old: JWT only', value: oldRate } });
  rows.push({ workload: 'authenticate one request (in process)', subject: 'session cookie', value: N / cookieCheck.seconds, unit: 'req/s', baseline: { subject: 'old: JWT only', value: oldRate } });

  // over HTTP: a cheap authenticated GET, where authentication is most of the work
  const load = async (headers: Record<string, string>) =>
    (await autocannon({ url: `${url}/calendar/2026`, connections: CONNECTIONS, duration: SECONDS, headers }))['2xx'] / SECONDS;
  const bearerRate = await load({ authorization: `Bearer ${token}` });
  const cookieRate = await load({ cookie: session });
  rows.push({ workload: 'GET /calendar/2026 (HTTP)', subject: 'bearer token', value: bearerRate, unit: 'req/s' });
  rows.push({ workload: 'GET /calendar/2026 (HTTP)', subject: 'session cookie', value: cookieRate, unit: 'req/s', baseline: { subject: 'bearer token', value: bearerRate } });
} finally {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}
await report('auth', rows, { seconds: SECONDS, connections: CONNECTIONS, hashes: HASHES });
