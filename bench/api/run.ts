// "Record a finding" over HTTP (autocannon, the engine in its own process), next to raw appends of the same events
// to a store of the same kind (its own schema or folder) from this process, in alternating rounds.
// Usage: npm run bench:api [-- --store pglite|postgres --seconds 10 --rounds 3 --connections 16 --profile <dir>]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadSettings, type Settings } from '@app/config';
import { Upcasters, type EventStore } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    inspections: { type: 'string', default: '200' },
    // a CPU profile of the engine process (node --cpu-prof), for finding where a command's time goes
    profile: { type: 'string' },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
const INSPECTIONS = Number(args.inspections);
const SECRET = 'bench-secret-that-is-at-least-32-characters';

const startEngine = async (env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> => {
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
  const child = spawn(process.execPath, [...profile, '--no-warnings', '--import', '@swc-node/register/esm-register', 'bench/api/serve.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`engine exited with ${code}`)));
  });
  return {
    url: `${url}/api/v1`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

const call = async (url: string, token: string, body: object): Promise<{ id: string }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
};

const finding = (n: number) => ({ code: `F${n}`, description: '消防通道堆放杂物，影响疏散', severity: 'major' });

const BENCH_USERS = JSON.stringify([
  { id: 'bench-admin', role: 'admin' },
  { id: 'bench-supervisor', role: 'supervisor' },
]);

/** The API's rate over one autocannon run of `seconds`. */
const apiRound = async (url: string, supervisor: string, inspections: readonly string[], seconds: number, from: number) => {
  let next = from;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          const n = next++;
          return { ...request, path: `/api/v1/inspections/${inspections[n % inspections.length]}/findings`, body: JSON.stringify(finding(n)) };
        },
      },
    ],
  });
  return { ok: result['2xx'], errors: result.non2xx + result.errors, p99: result.latency.p99, sent: next - from };
};

/** The same events appended straight to a store of the same kind (its own schema or folder), as many writers as connections. */
const rawRound = async (store: EventStore, streams: readonly string[], versions: Map<string, number>, seconds: number) => {
  const metadata = { actor: { sub: 'bench', role: 'supervisor' }, at: new Date().toISOString(), commandId: 'c', correlationId: 'r', causationId: null };
  let appended = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, w) => {
      for (let n = w; Date.now() < deadline; n += CONNECTIONS) {
        const streamId = streams[n % streams.length]!;
        const result = await store
          .appendToStream(streamId, [{ type: 'FindingRecorded', data: finding(n), metadata }], { expectedVersion: versions.get(streamId) ?? 0 })
          .catch(() => null);
        if (result) {
          versions.set(streamId, result.nextExpectedVersion);
          appended++;
        }
      }
    }),
  );
  return appended;
};

/**
 * The API and the raw appends in alternating rounds (the machine's drift hits both alike); the engine stays up and
 * idle while the raw writers run on a store of their own.
 */
const measure = async (env: Record<string, string>, rawSettings: Settings): Promise<{ api: number; raw: number; errors: number; p99: number }> => {
  const engine = await startEngine({ ...env, BENCH_USERS });
  const database = await openDatabase(rawSettings);
  const store: EventStore = await openEventStore(rawSettings, database, new Upcasters());
  try {
    const auth = new Authenticator(SECRET);
    const admin = auth.sign({ sub: 'bench-admin', role: 'admin' });
    const supervisor = auth.sign({ sub: 'bench-supervisor', role: 'supervisor' });
    const inspections: string[] = [];
    for (let k = 0; k < Math.ceil(INSPECTIONS / 20); k++) {
      const kindergartenId = `bench-${randomUUID().slice(0, 8)}`;
      await call(`${engine.url}/kindergartens`, admin, { id: kindergartenId, name: `基准测试幼儿园${kindergartenId}`, township: '城关镇', ownership: 'public' });
      for (let i = 0; i < 20 && inspections.length < INSPECTIONS; i++) {
        const inspection = await call(`${engine.url}/inspections`, supervisor, {
          kindergartenId,
          kind: 'safety',
          year: 2025,
          scheduledOn: '2025-03-10',
        });
        inspections.push(inspection.id);
      }
    }
    const streams = Array.from({ length: INSPECTIONS }, () => `inspection-raw-${randomUUID()}`);
    const versions = new Map<string, number>();
    const seconds = SECONDS / ROUNDS;
    const totals = { api: 0, apiSeconds: 0, raw: 0, rawSeconds: 0, errors: 0, p99: 0, sent: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const api = await timed(() => apiRound(engine.url, supervisor, inspections, seconds, totals.sent));
      totals.api += api.result.ok;
      totals.apiSeconds += seconds;
      totals.errors += api.result.errors;
      totals.p99 = Math.max(totals.p99, api.result.p99);
      totals.sent += api.result.sent;
      const raw = await timed(() => rawRound(store, streams, versions, seconds));
      totals.raw += raw.result;
      totals.rawSeconds += raw.seconds;
    }
    return { api: totals.api / totals.apiSeconds, raw: totals.raw / totals.rawSeconds, errors: totals.errors, p99: totals.p99 };
  } finally {
    await store.close();
    await database.close();
    await engine.stop();
  }
};

const rows: Row[] = [];
for (const kind of args.store === 'both' ? ['pglite', 'postgres'] : [args.store!]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-api-'));
  const schema = `bench_api_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const env: Record<string, string> =
    kind === 'pglite'
      ? { EVENT_STORE: 'pglite', DATA_DIR: dataDir }
      : { EVENT_STORE: 'postgres', DATABASE_URL: args.database!, DATABASE_SCHEMA: schema, DATA_DIR: dataDir };
  Object.assign(env, { LOG_LEVEL: 'warn', AUTH_JWT_SECRET: SECRET, SEED_ON_EMPTY: 'false', NODE_ENV: 'production', ADMIN_INITIAL_PASSWORD: 'Bench-Admin-Initial-1' });
  try {
    const rawSettings = loadSettings({ ...env, DATA_DIR: `${dataDir}-raw`, ...(kind === 'postgres' ? { DATABASE_SCHEMA: `${schema}_raw` } : {}) });
    const result = await measure(env, rawSettings);
    rows.push({
      workload: `POST /inspections/{id}/findings, ${CONNECTIONS} connections, ${SECONDS} s in ${ROUNDS} rounds (${result.errors} non-2xx, p99 ${result.p99} ms)`,
      subject: `API on ${kind}`,
      value: result.api,
      unit: 'commands/s',
      baseline: { subject: `raw appends, ${CONNECTIONS} writers`, value: result.raw },
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}-raw`, { recursive: true, force: true });
    if (kind === 'postgres') {
      const settings = loadSettings(env);
      const database = await openDatabase(settings);
      await database.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_raw" CASCADE`);
      await database.close();
    }
  }
}
await report('api', rows, { seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, inspections: INSPECTIONS });
