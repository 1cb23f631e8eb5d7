// Verification and export over a generated store of 1,000,000 events, on PostgreSQL and on the embedded store, with
// each measurement's peak RSS; a plain read of the same log is the baseline.
// Usage: npm run bench:audit [-- --events 1000000 --only postgres|pglite --fresh]
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
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

const measure = async (env: Record<string, string>, what: string) => {
  const { stdout } = await run(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', 'bench/audit/measure.ts', what], {
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { events: number; rate: number; peakRssMb: number; seconds: number };
};

const stores: Record<string, Record<string, string>> = {
  postgres: { EVENT_STORE: 'postgres', DATABASE_URL: args.database!, DATABASE_SCHEMA: `bench_audit_${EVENTS}` },
  pglite: { EVENT_STORE: 'pglite', DATA_DIR: join(DATA, `audit-${EVENTS}`) },
};

const rows: Row[] = [];
await mkdir(DATA, { recursive: true });
for (const [name, env] of Object.entries(stores)) {
  if (args.only && args.only !== name) continue;
  if (args.fresh && name === 'pglite' && existsSync(env['DATA_DIR']!)) await rm(env['DATA_DIR']!, { recursive: true });
  await generate(env);
  const read = await measure(env, 'read');
  for (const what of ['verify', 'export']) {
    const result = await measure(env, what);
    rows.push({
      workload: `${what} ${result.events.toLocaleString('en-US')} events (peak RSS ${Math.round(result.peakRssMb)} MB; plain read peak ${Math.round(read.peakRssMb)} MB)`,
      subject: name,
      value: result.rate,
      unit: 'events/s',
      baseline: { subject: 'plain read of the log', value: read.rate },
    });
  }
}
await report('audit', rows, { events: EVENTS });
