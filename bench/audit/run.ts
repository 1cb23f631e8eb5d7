// Verification and export over a generated store of 1,000,000 events, on PostgreSQL and on the embedded store, run
// as an auditor runs them (the compiled CLI, a process of its own, its peak RSS from GNU time); a plain read of the
// same log, in process, is the baseline. Rates include the tool's start-up.
// Usage: npm run bench:audit [-- --events 1000000 --only postgres|pglite --fresh]
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { loadSettings } from '@app/config';
import { Upcasters } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';
import { report, type Row } from '../support/report.js';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    only: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const EVENTS = Number(args.events);
const DATA = join(process.cwd(), 'bench', 'results', 'data');

const metadata = () => ({
  actor: { sub: 'wang', role: 'supervisor' },
  at: '2025-03-03T10:00:00.000+08:00',
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: null,
});

/** A record shaped like the real one: cases of a dozen events with Chinese text. */
const generate = async (env: Record<string, string>): Promise<void> => {
  const settings = loadSettings({ ...env, LOG_LEVEL: 'silent' });
  const database = await openDatabase(settings);
  const store = await openEventStore(settings, database, new Upcasters());
  try {
    const existing = await store.headPosition();
    if (existing > 0 && !args.fresh) return;
    let written = 0;
    const started = Date.now();
    while (written < EVENTS) {
      const streams = Array.from({ length: 40 }, () => `rectification-rc-${randomUUID()}`);
      await Promise.all(
        streams.map((streamId) =>
          store.appendToStream(
            streamId,
            Array.from({ length: 25 }, (_, i) => ({
              type: i === 0 ? 'RectificationNoticeIssued' : 'RectificationReportSubmitted',
              data: {
                rectificationId: streamId.slice(14),
                summary: `第${i}次整改报告：已清理消防通道并设置禁止堆放标识`,
                actions: [{ findingCode: 'S-01', action: '已整改' }],
                late: false,
              },
              metadata: metadata(),
            })),
          ),
        ),
      );
      written += 1000;
      if (written % 100_000 === 0) console.log(`generated ${written} events (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  } finally {
    await store.close();
    await database.close();
  }
};

const measure = async (env: Record<string, string>) => {
  const { stdout } = await run(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', 'bench/audit/measure.ts'], {
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { events: number; rate: number; peakRssMb: number; seconds: number };
};

const stores: Record<string, { env: Record<string, string>; cli: string[] }> = {
  postgres: {
    env: { EVENT_STORE: 'postgres', DATABASE_URL: args.database!, DATABASE_SCHEMA: `bench_audit_${EVENTS}` },
    cli: ['--store', 'postgres', '--database-url', args.database!, '--schema', `bench_audit_${EVENTS}`],
  },
  pglite: {
    env: { EVENT_STORE: 'pglite', DATA_DIR: join(DATA, `audit-${EVENTS}`) },
    cli: ['--store', 'pglite', '--data-dir', join(DATA, `audit-${EVENTS}`)],
  },
};

/** The auditor's tool as deployed (compiled, `npm run build`), under GNU time for its peak RSS. */
const cli = async (args: string[]): Promise<{ seconds: number; peakRssMb: number; stdout: string }> => {
  const started = performance.now();
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, 'dist/apps/cli/apps/cli/src/audit.js', ...args], {
    env: { ...process.env, NODE_OPTIONS: '' },
    maxBuffer: 16 << 20,
  }).catch((error: { stdout: string; stderr: string; code: number }) => {
    // a stream that does not exist is an error (exit 2) after the store was opened; anything else fails the measurement
    if (args.includes('bench-no-such-stream') && error.code === 2) return error;
    throw error;
  });
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1]);
  return { seconds, peakRssMb: kb / 1024, stdout };
};

if (!existsSync('/usr/bin/time'))
  throw new Error('bench/audit measures peak RSS with GNU time (/usr/bin/time): install it (Debian: apt-get install time)');
console.log('building the CLI (nest build cli)…');
await run('npx', ['nest', 'build', 'cli']);

const rows: Row[] = [];
await mkdir(DATA, { recursive: true });
for (const [name, { env, cli: storeArgs }] of Object.entries(stores)) {
  if (args.only && args.only !== name) continue;
  if (args.fresh && name === 'pglite' && existsSync(env['DATA_DIR']!)) await rm(env['DATA_DIR']!, { recursive: true });
  if (args.fresh && name === 'postgres') {
    const client = new pg.Client({ connectionString: args.database });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${env['DATABASE_SCHEMA']}" CASCADE`);
    await client.end();
  }
  await generate(env);
  const read = await measure(env);
  // the tool with the store open and nothing read: what the store itself costs (PGlite's WASM instance is large)
  const idle = await cli(['verify', '--stream', 'bench-no-such-stream', ...storeArgs]);
  const verify = await cli(['verify', ...storeArgs]);
  const checked = Number(/(\d+) events checked/.exec(verify.stdout)?.[1]);
  const exported = await cli(['export', '--out', '/dev/null', ...storeArgs]);
  const lines = Number(/exported (\d+) events/.exec(exported.stdout)?.[1]);
  for (const [what, result, events] of [
    ['verify', verify, checked],
    ['export', exported, lines],
  ] as const) {
    rows.push({
      workload: `${what} ${events.toLocaleString('en-US')} events, \`npm run audit -- ${what}\` (peak RSS ${Math.round(result.peakRssMb)} MB; the tool with the store open, nothing read: ${Math.round(idle.peakRssMb)} MB)`,
      subject: name,
      value: events / result.seconds,
      unit: 'events/s',
      baseline: { subject: 'plain read of the log, in process', value: read.rate },
    });
  }
}
await report('audit', rows, { events: EVENTS });
