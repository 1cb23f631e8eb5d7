// "Record a finding" over HTTP (autocannon, the engine in its own process), next to raw appends of the same
// events to the same store from this process. Usage: npm run bench:api [-- --store pglite|postgres --seconds 10 --connections 16 --profile <dir>]
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
    inspections: { type: 'string', default: '200' },
    // a CPU profile of the engine process (node --cpu-prof), for finding where a command's time goes
    profile: { type: 'string' },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
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

const measureApi = async (env: Record<string, string>): Promise<{ rate: number; errors: number; p99: number }> => {
  const engine = await startEngine({ ...env, BENCH_USERS });
  try {
    const auth = new Authenticator(SECRET);
    const admin = auth.sign({ sub: 'bench-admin', role: 'admin' });
    const supervisor = auth.sign({ sub: 'bench-supervisor', role: 'supervisor' });
    const inspections: string[] = [];
    for (let k = 0; k < Math.ceil(INSPECTIONS / 20); k++) {
      const kindergartenId = `bench-${randomUUID().slice(0, 8)}`;
      await call(`${engine.url}/kindergartens`, admin, { id: kindergartenId, name: '基准测试幼儿园', township: '城关镇', ownership: 'public' });
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
    let next = 0;
    const result = await autocannon({
      url: engine.url,
      connections: CONNECTIONS,
      duration: SECONDS,
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
    return { rate: result['2xx'] / SECONDS, errors: result.non2xx + result.errors, p99: result.latency.p99 };
  } finally {
    await engine.stop();
  }
};

/** The same events appended straight to the same store, with as many concurrent writers as connections. */
const measureRaw = async (settings: Settings): Promise<number> => {
  const database = await openDatabase(settings);
  const store: EventStore = await openEventStore(settings, database, new Upcasters());
  try {
    const streams = Array.from({ length: INSPECTIONS }, () => `inspection-raw-${randomUUID()}`);
    const versions = new Map<string, number>();
    const metadata = {
      actor: { sub: 'bench', role: 'supervisor' },
      at: new Date().toISOString(),
      commandId: 'c',
      correlationId: 'r',
      causationId: null,
    };
    let appended = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const { seconds } = await timed(() =>
      Promise.all(
        Array.from({ length: CONNECTIONS }, async (_, w) => {
          for (let n = w; Date.now() < deadline; n += CONNECTIONS) {
            const streamId = streams[n % streams.length]!;
            const result = await store
              .appendToStream(streamId, [{ type: 'FindingRecorded', data: finding(n), metadata }], {
                expectedVersion: versions.get(streamId) ?? 0,
              })
              .catch(() => null);
            if (result) {
              versions.set(streamId, result.nextExpectedVersion);
              appended++;
            }
          }
        }),
      ),
    );
    return appended / seconds;
  } finally {
    await store.close();
    await database.close();
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
    const api = await measureApi(env);
    const raw = await measureRaw(loadSettings(env));
    rows.push({
      workload: `POST /inspections/{id}/findings, ${CONNECTIONS} connections, ${SECONDS} s (${api.errors} non-2xx, p99 ${api.p99} ms)`,
      subject: `API on ${kind}`,
      value: api.rate,
      unit: 'commands/s',
      baseline: { subject: `raw appends, ${CONNECTIONS} writers`, value: raw },
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const settings = loadSettings(env);
      const database = await openDatabase(settings);
      await database.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await database.close();
    }
  }
}
await report('api', rows, { seconds: SECONDS, connections: CONNECTIONS, inspections: INSPECTIONS });
