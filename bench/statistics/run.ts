// GET /statistics/overview's query over the statistics projection holding a county of 20,000 kindergartens' worth of
// rows, next to the floor: one grouped count of the kindergartens table alone.
// Usage: npm run bench:statistics [-- --kindergartens 20000 --queries 200 --only postgres|pglite]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Settings } from '@app/config';
import type { StoredEvent } from '@app/event-sourcing';
import { Statistics, statisticsProjection } from '@app/overviews';
import { migrateProjections } from '@app/projections';
import { PgliteClient, PostgresClient, quoteSchema, type SqlDatabase } from '@app/sql';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({
  options: {
    kindergartens: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '200' },
    only: { type: 'string' },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const KINDERGARTENS = Number(args.kindergartens);
const QUERIES = Number(args.queries);
const TOWNSHIPS = Array.from({ length: 16 }, (_, i) => `乡镇${String(i + 1).padStart(2, '0')}`);
const YEARS = [2024, 2025, 2026];
const BATCH = 2000;

const metadata = {
  actor: { sub: 'bench', role: 'supervisor' },
  at: '2025-03-03T09:00:00.000+08:00',
  commandId: 'c',
  correlationId: 'r',
  causationId: null,
};
let position = 0;
const event = (streamId: string, version: number, type: string, data: object): StoredEvent => ({
  streamId,
  version,
  position: ++position,
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata,
  prevHash: '',
  hash: '',
  recordedAt: new Date('2025-03-03T01:00:00Z'),
});

/**
 * One kindergarten's record: registered, an annual inspection each year (one in eight failed, one in fifty still
 * scheduled, one in a hundred cancelled), a case for each failed one in every state the engine knows, and one
 * suspension in fifty.
 */
function* county(): Generator<StoredEvent> {
  for (let k = 0; k < KINDERGARTENS; k++) {
    const kg = `kg-${k}`;
    yield event(`kindergarten-${kg}`, 1, 'KindergartenRegistered', {
      kindergartenId: kg,
      name: `幼儿园${k}`,
      township: TOWNSHIPS[k % TOWNSHIPS.length],
      ownership: 'public',
      registeredAt: '2024-01-02T09:00:00.000+08:00',
    });
    for (const year of YEARS) {
      const id = `annual-${year}-${kg}`;
      const scheduledAt = `${year}-03-01T09:00:00.000+08:00`;
      yield event(`inspection-${id}`, 1, 'InspectionScheduled', {
        inspectionId: id,
        kindergartenId: kg,
        kind: 'annual',
        year,
        scheduledOn: `${year}-03-10`,
        scheduledAt,
      });
      const roll = (k * 7 + year) % 100;
      if (roll === 0) {
        yield event(`inspection-${id}`, 2, 'InspectionCancelled', { inspectionId: id, reason: '重复', cancelledAt: scheduledAt });
        continue;
      }
      if (roll < 3) continue;
      const failed = roll < 15;
      if (failed)
        yield event(`inspection-${id}`, 2, 'FindingRecorded', {
          inspectionId: id,
          code: 'S-01',
          description: '消防通道堵塞',
          severity: 'major',
          recordedAt: scheduledAt,
        });
      yield event(`inspection-${id}`, failed ? 3 : 2, 'InspectionConcluded', {
        inspectionId: id,
        outcome: failed ? 'failed' : 'passed',
        summary: '结论',
        concludedAt: `${year}-03-10T15:00:00.000+08:00`,
      });
      if (!failed) continue;
      const rc = `rc-${id}`;
      const at = `${year}-03-11T10:00:00.000+08:00`;
      yield event(`rectification-${rc}`, 1, 'RectificationNoticeIssued', {
        rectificationId: rc,
        kindergartenId: kg,
        inspectionId: id,
        findings: [{ code: 'S-01', description: '消防通道堵塞', severity: 'major' }],
        deadline: { workingDays: 10 },
        dueAt: `${year}-03-25T23:59:59.999+08:00`,
        publish: true,
        issuedAt: at,
      });
      const next = [
        ['NoticeAcknowledged', { rectificationId: rc, acknowledgedAt: at }],
        ['DeadlineMissed', { rectificationId: rc, dueAt: at, recordedAt: at }],
        ['FollowUpFailed', { rectificationId: rc, inspectionId: `f-${rc}`, inspectionConcludedAt: at, recordedAt: at }],
        ['NoticeWithdrawn', { rectificationId: rc, reason: '撤销', withdrawnAt: at }],
        ['FollowUpPassed', { rectificationId: rc, inspectionId: `f-${rc}`, inspectionConcludedAt: at, recordedAt: at }],
      ] as const;
      const [type, data] = next[roll % next.length]!;
      yield event(`rectification-${rc}`, 2, type, data);
      if (type === 'FollowUpFailed' && year === 2026) {
        yield event(`enrolment-${kg}`, 1, 'EnrolmentSuspended', {
          kindergartenId: kg,
          rectificationId: rc,
          effectiveFrom: '2026-05-01',
          reason: '整改后仍不达标',
          suspendedAt: at,
        });
      }
    }
  }
}

const seed = async (database: SqlDatabase, schema: string): Promise<{ events: number; seconds: number }> => {
  await migrateProjections(database, schema, [statisticsProjection]);
  let events = 0;
  const { seconds } = await timed(async () => {
    let batch: StoredEvent[] = [];
    const flush = async () => {
      await database.transaction((tx) => statisticsProjection.apply(tx, batch, quoteSchema(schema)));
      events += batch.length;
      batch = [];
    };
    for (const item of county()) {
      batch.push(item);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  });
  await database.exec(`VACUUM ANALYZE ${statisticsProjection.tables.map((table) => `${quoteSchema(schema)}.${table}`).join(', ')}`);
  return { events, seconds };
};

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** p50 and p99 of `QUERIES` runs (after 10 to warm up), in ms. */
const latencies = async (work: () => Promise<unknown>): Promise<{ p50: number; p99: number }> => {
  for (let i = 0; i < 10; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) times.push((await timed(work)).seconds * 1000);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
};

const measure = async (name: string, database: SqlDatabase, schema: string, rows: Row[]): Promise<void> => {
  const seeded = await seed(database, schema);
  const statistics = new Statistics(database, { now: () => new Date() }, { DATABASE_SCHEMA: schema } as Settings);
  const check = await statistics.overview(2025);
  if (check.totals.kindergartens !== KINDERGARTENS) throw new Error(`seeded ${check.totals.kindergartens} kindergartens, not ${KINDERGARTENS}`);
  console.log(
    `${name}: ${seeded.events.toLocaleString('en-US')} events applied in ${seeded.seconds.toFixed(1)} s; 2025 totals ${JSON.stringify(check.totals)}`,
  );
  const floor = await latencies(() =>
    database.query(`SELECT township, count(*) FROM ${quoteSchema(schema)}.rm_statistics_kindergartens WHERE NOT closed GROUP BY township`),
  );
  const whole = await latencies(() => statistics.overview(2025));
  const scoped = await latencies(() => statistics.overview(2025, TOWNSHIPS.slice(0, 3)));
  for (const [workload, measured] of [
    ['the whole county', whole],
    ['3 townships (a supervisor’s 责任区)', scoped],
  ] as const) {
    for (const p of ['p50', 'p99'] as const) {
      rows.push({
        workload: `overview ${workload}, ${p}`,
        subject: name,
        value: measured[p],
        unit: 'ms',
        lowerIsBetter: true,
        baseline: { subject: 'one grouped count of kindergartens', value: floor[p] },
      });
    }
  }
  rows.push({ workload: 'seed through the projection', subject: name, value: seeded.events / seeded.seconds, unit: 'events/s' });
};

const rows: Row[] = [];
if (!args.only || args.only === 'postgres') {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const database = new PostgresClient({ connectionString: args.database, maxConnections: 8 });
  try {
    await measure('postgres', database, schema, rows);
  } finally {
    await database.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await database.close();
  }
}
if (!args.only || args.only === 'pglite') {
  const dir = await mkdtemp(join(tmpdir(), 'bench-statistics-'));
  const database = await PgliteClient.open({ dataDir: dir });
  try {
    await measure('pglite', database, 'public', rows);
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
await report('statistics', rows, { kindergartens: KINDERGARTENS, queries: QUERIES, townships: TOWNSHIPS.length, years: YEARS });
