// A province on PostgreSQL: kindergartens in townships over five years, generated through the domain's own deciders
// and written with the store's batch append, then the measurements of issue 15 item 3, each printed with its target.
// Usage: npm run bench:scale [-- --scale 0.01 --writers 8 --seconds 5 --keep]   (--scale 1: 20,000 kindergartens)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { type Decider, type EventMetadata, type NewEvent } from '@app/event-sourcing';
import { PostgresEventStore } from '@app/event-store';
import { annualInspectionId, inspectionDecider, inspectionStreamId, type InspectionState } from '@app/inspections/domain';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { rectificationDecider, rectificationIdFor, rectificationStreamId } from '@app/rectifications/domain';
import { PostgresClient } from '@app/sql';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.01' },
    writers: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const SCALE = Number(args.scale);
const KINDERGARTENS = Math.max(100, Math.round(20_000 * SCALE));
const TOWNSHIPS = 100;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const CASE_SHARE = 0.3;
const SECRET = 'bench-secret-that-is-at-least-32-characters';
const schema = `bench_scale_${randomUUID().replaceAll('-', '').slice(0, 10)}`;

/** A deterministic pseudo-random sequence (mulberry32): the same province on every run. */
let seed = 15;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const supervisor = { sub: 'scale-supervisor', role: 'supervisor' };
const admin = { sub: 'scale-admin', role: 'admin' };
const metadataAt = (at: Date, actor: { sub: string; role: string }): EventMetadata => ({
  actor,
  at: at.toISOString(),
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: null,
});

/** Runs commands through a decider as the command path would, collecting the events of one stream. */
class StreamBuilder<C, E extends { type: string; data: object }, S, Ctx> {
  state: S;
  readonly events: NewEvent[] = [];
  constructor(private readonly decider: Decider<C & { type: string; data: object }, E, S, Ctx>) {
    this.state = decider.initialState();
  }
  run(command: C & { type: string; data: object }, context: Ctx, metadata: EventMetadata): this {
    for (const event of this.decider.decide(command, this.state, context)) {
      this.state = this.decider.evolve(this.state, event);
      this.events.push({ type: event.type, data: event.data, metadata });
    }
    return this;
  }
}

const day = (year: number, month: number, date: number, hour = 10) => new Date(Date.UTC(year, month - 1, date, hour - 8));
const FINDINGS = ['消防通道堵塞', '食品留样不全', '晨检记录缺失', '户外器械松动', '保育员资质不全', '药品管理混乱'];

/** Every stream of one kindergarten over the five years. */
const kindergartenStreams = (k: number): { streamId: string; events: NewEvent[] }[] => {
  const kindergartenId = `kg-${String(k).padStart(6, '0')}`;
  const township = `乡镇${String((k % TOWNSHIPS) + 1).padStart(3, '0')}`;
  const streams: { streamId: string; events: NewEvent[] }[] = [];
  const registered = day(2021, 1, 4);
  const kindergarten = new StreamBuilder(kindergartenDecider).run(
    { type: 'RegisterKindergarten', data: { kindergartenId, name: `第${k}幼儿园`, township, ownership: k % 3 === 0 ? 'private' : 'public' } },
    { now: registered, actor: admin },
    metadataAt(registered, admin),
  );
  for (const year of YEARS) {
    const at = day(year, 3, 1);
    kindergarten.run(
      {
        type: 'PublishDisclosure',
        data: { teachers: 8 + (k % 20), caregivers: 4 + (k % 7), children: 90 + (k % 200), monthlyFeeYuan: 600 + (k % 15) * 50, notes: null },
      },
      { now: at, actor: { sub: `director-${kindergartenId}`, role: 'kindergarten', kindergartenId } as never },
      metadataAt(at, { sub: `director-${kindergartenId}`, role: 'kindergarten' }),
    );
  }
  streams.push({ streamId: kindergartenStreamId(kindergartenId), events: kindergarten.events });
  for (const year of YEARS) {
    const inspectionId = annualInspectionId(kindergartenId, year);
    const scheduled = day(year, 4, 1 + (k % 25));
    const withCase = random() < CASE_SHARE;
    const findings = withCase ? 1 + Math.floor(random() * 3) : random() < 0.3 ? 1 : 0;
    const inspection = new StreamBuilder(inspectionDecider).run(
      { type: 'ScheduleInspection', data: { inspectionId, kindergartenId, kind: 'annual', year, scheduledOn: scheduled.toISOString().slice(0, 10) } },
      { now: scheduled, actor: supervisor, kindergartenRegistered: true },
      metadataAt(scheduled, supervisor),
    );
    const visited = day(year, 5, 1 + (k % 25));
    for (let f = 0; f < findings; f++) {
      inspection.run(
        { type: 'RecordFinding', data: { code: `F${f + 1}`, description: FINDINGS[(k + f) % FINDINGS.length]!, severity: f === 0 ? 'major' : 'minor' } },
        { now: visited, actor: supervisor, kindergartenRegistered: true },
        metadataAt(visited, supervisor),
      );
    }
    const outcome = withCase ? 'failed' : 'passed';
    inspection.run(
      { type: 'ConcludeInspection', data: { outcome, summary: withCase ? '存在问题，需整改' : '符合要求' } },
      { now: visited, actor: supervisor, kindergartenRegistered: true },
      metadataAt(visited, supervisor),
    );
    streams.push({ streamId: inspectionStreamId(inspectionId), events: inspection.events });
    // a safety inspection each quarter besides the annual one, now and then with a minor finding
    for (let quarter = 1; quarter <= 4; quarter++) {
      const safetyId = `safety-${year}-q${quarter}-${kindergartenId}`;
      const on = day(year, quarter * 3 - 1, 10 + (k % 15));
      const safety = new StreamBuilder(inspectionDecider).run(
        { type: 'ScheduleInspection', data: { inspectionId: safetyId, kindergartenId, kind: 'safety', year, scheduledOn: on.toISOString().slice(0, 10) } },
        { now: on, actor: supervisor, kindergartenRegistered: true },
        metadataAt(on, supervisor),
      );
      if (random() < 0.2) {
        safety.run(
          { type: 'RecordFinding', data: { code: 'S1', description: FINDINGS[k % FINDINGS.length]!, severity: 'minor' } },
          { now: on, actor: supervisor, kindergartenRegistered: true },
          metadataAt(on, supervisor),
        );
      }
      safety.run(
        { type: 'ConcludeInspection', data: { outcome: 'passed', summary: '安全检查完成' } },
        { now: on, actor: supervisor, kindergartenRegistered: true },
        metadataAt(on, supervisor),
      );
      streams.push({ streamId: inspectionStreamId(safetyId), events: safety.events });
    }
    if (!withCase) continue;
    const rectificationId = rectificationIdFor(inspectionId);
    const director = { sub: `director-${kindergartenId}`, role: 'kindergarten', kindergartenId };
    const context = (now: Date, actor: object) =>
      ({ now, actor, calendar: { deadline: () => ({ dueDate: '', dueAt: '' }) }, kindergartenRegistered: true, inspection: inspection.state as InspectionState }) as never;
    const issued = day(year, 5, 10);
    const dueAt = day(year, 6, 30, 17);
    const codes = Array.from({ length: findings }, (_, f) => `F${f + 1}`);
    const rectification = new StreamBuilder(rectificationDecider).run(
      { type: 'IssueNotice', data: { rectificationId, kindergartenId, inspectionId, findingCodes: codes, deadline: { dueAt: dueAt.toISOString() }, publish: k % 2 === 0 } },
      context(issued, supervisor),
      metadataAt(issued, supervisor),
    );
    // the last year's cases are still open: the reminders have something to reconcile
    const stage = year === YEARS.at(-1) ? Math.floor(random() * 3) : 4;
    const acknowledged = day(year, 5, 12);
    if (stage >= 1) rectification.run({ type: 'AcknowledgeNotice', data: {} }, context(acknowledged, director), metadataAt(acknowledged, director));
    const submitted = day(year, 6, 20);
    if (stage >= 2) {
      rectification.run(
        {
          type: 'SubmitReport',
          data: { summary: '已完成整改', actions: codes.map((code) => ({ findingCode: code, action: '已整改到位' })), evidence: [] },
        },
        context(submitted, director),
        metadataAt(submitted, director),
      );
    }
    const reviewed = day(year, 6, 25);
    if (stage >= 3) rectification.run({ type: 'ReviewReport', data: { decision: 'accept', comment: '整改到位' } }, context(reviewed, supervisor), metadataAt(reviewed, supervisor));
    streams.push({ streamId: rectificationStreamId(rectificationId), events: rectification.events });
  }
  return streams;
};

const rows: Row[] = [];
const figure = (workload: string, value: number, unit: string, target: string, met: boolean, why = '', baseline?: Row['baseline']) =>
  rows.push({
    workload: `${workload} — target ${target}: ${met ? 'met' : `NOT met${why ? ` (${why})` : ''}`}`,
    subject: 'engine',
    value,
    unit,
    lowerIsBetter: unit === 'ms' || unit === 'MB' || unit === 's',
    ...(baseline ? { baseline } : {}),
  });

const env = {
  EVENT_STORE: 'postgres',
  DATABASE_URL: args.database!,
  DATABASE_SCHEMA: schema,
  AUTH_JWT_SECRET: SECRET,
  SEED_ON_EMPTY: 'false',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  DATA_DIR: tmpdir(),
  QUEUE_PREFIX: `bench-scale-${schema}`,
  // 16 clients from one address: the public board's per-address limit would answer 429s
  PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
};

/** Runs a TypeScript entry point as a child; resolves with its peak RSS (MB, from GNU time) and output. */
const child = (file: string, argv: string[] = []) =>
  new Promise<{ seconds: number; peakMb: number; output: string }>((resolve, reject) => {
    const started = performance.now();
    const run = spawn('/usr/bin/time', ['-f', 'PEAK %M', process.execPath, '--no-warnings', '--import', '@swc-node/register/esm-register', file, ...argv], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.on('exit', (code) => {
      const peak = /PEAK (\d+)/.exec(output);
      if (code !== 0) reject(new Error(`${file} exited with ${code}: ${output.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak ? Number(peak[1]) / 1024 : NaN, output });
    });
  });

/** The reconcile's jobs are this bench's own: its queue prefix is emptied afterwards. */
const removeQueueKeys = async (): Promise<void> => {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
};

const database = new PostgresClient({ connectionString: args.database!, maxConnections: Number(args.writers) + 2 });
const store = await PostgresEventStore.connect({ client: database, schema, listen: false });
try {
  // 1. generation: every stream of a kindergarten decided in memory, then appended stream by stream (one batch each)
  let events = 0;
  let nextKindergarten = 0;
  const generated = await timed(() =>
    Promise.all(
      Array.from({ length: Number(args.writers) }, async () => {
        while (nextKindergarten < KINDERGARTENS) {
          for (const { streamId, events: batch } of kindergartenStreams(nextKindergarten++)) {
            await store.appendToStream(streamId, batch, { expectedVersion: 'no-stream' });
            events += batch.length;
          }
        }
      }),
    ),
  );
  const perKindergarten = events / KINDERGARTENS;
  figure(
    `generate ${KINDERGARTENS.toLocaleString('en-US')} kindergartens × ${YEARS.length} years (${events.toLocaleString('en-US')} events, ${perKindergarten.toFixed(1)} per kindergarten; at scale 1 ≈ ${Math.round((perKindergarten * 20_000) / 1000).toLocaleString('en-US')}k)`,
    events / generated.seconds,
    'events/s',
    'none',
    true,
  );

  // 2. whole-store verification
  const verified = await timed(() => store.verifyAll());
  if (!verified.result.ok) throw new Error('the generated store does not verify');
  const verifyRate = events / verified.seconds;
  // the machine's own floor in the same run: the log read page by page, nothing hashed
  const plain = await timed(async () => {
    for (let after = 0; ; ) {
      const page = await database.query<{ position: string }>(`SELECT * FROM "${schema}".events WHERE position > $1 ORDER BY position LIMIT 5000`, [after]);
      if (page.length === 0) return;
      after = Number(page.at(-1)!.position);
    }
  });
  figure('verify the whole store (in process)', verifyRate, 'events/s', '≥ 100,000 events/s', verifyRate >= 100_000, undefined, {
    subject: 'plain paged read of the log',
    value: events / plain.seconds,
  });

  // 3. projections rebuilt from zero (the CLI, as an operator runs it)
  const rebuilt = await child('apps/cli/src/projections-rebuild.ts');
  const atScale1 = (rebuilt.seconds * 20_000) / KINDERGARTENS;
  figure(
    `rebuild every projection from zero (CLI; at scale 1 ≈ ${Math.round(atScale1)} s by proportion)`,
    rebuilt.seconds,
    's',
    '≤ 600 s at scale 1',
    atScale1 <= 600,
  );

  // 4. reminders reconciled for every open case (CLI, its own queue prefix; the keys are removed afterwards)
  const reconciled = await child('apps/cli/src/reminders-reconcile.ts');
  const jobs = /desired (\d+)/.exec(reconciled.output)?.[1] ?? '?';
  figure(`reconcile the reminders of every open case (CLI with its start-up; ${jobs} reminder jobs)`, reconciled.seconds, 's', '≤ 60 s', reconciled.seconds <= 60);
  await removeQueueKeys();

  // 5. reads with 16 concurrent clients against the engine in its own process
  const engine = spawn(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', 'bench/api/serve.ts'], {
    env: { ...process.env, ...env, RUN_REMINDERS: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      engine.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /READY (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      engine.on('exit', (code) => reject(new Error(`engine exited with ${code}`)));
    });
    const token = new Authenticator(SECRET).sign({ sub: 'scale-supervisor', role: 'supervisor' });
    const rss = async () => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${engine.pid}/status`, 'utf8'))![1]) / 1024;
    const reads: [string, (n: number) => string][] = [
      // the contract's statistics endpoint is not in this build: the county-wide overdue list stands in for the dashboard
    ['the county-wide list of overdue cases (dashboard)', () => '/api/v1/rectifications?overdue=true'],
      ['a filtered case list (open cases of one kindergarten)', (n) => `/api/v1/rectifications?status=issued&kindergartenId=kg-${String(n % KINDERGARTENS).padStart(6, '0')}`],
      ['a kindergarten page', (n) => `/api/v1/kindergartens/kg-${String(n % KINDERGARTENS).padStart(6, '0')}`],
      ['the public notices board (no token)', () => '/api/v1/public/notices'],
    ];
    let peakRss = await rss();
    const load = (path: (n: number) => string) => {
      let n = 0;
      return autocannon({
        url,
        connections: 16,
        duration: Number(args.seconds),
        requests: [{ method: 'GET', headers: { authorization: `Bearer ${token}` }, setupRequest: (request) => ({ ...request, path: path(n++) }) }],
      });
    };
    // the floor in the same run: the same process answering without the database, under the same 16 clients
    const floor = await load(() => '/health/live');
    for (const [name, path] of reads) {
      const result = await load(path);
      peakRss = Math.max(peakRss, await rss());
      const errors = result.non2xx + result.errors;
      figure(
        `${name}: p50 ${result.latency.p50} ms, ${Math.round(result.requests.average)} req/s${errors ? `, ${errors} errors` : ''}`,
        result.latency.p99,
        'ms',
        'p99 ≤ 100 ms',
        result.latency.p99 <= 100 && errors === 0,
        '',
        { subject: `GET /health/live, no database (p50 ${floor.latency.p50} ms)`, value: floor.latency.p99 },
      );
    }
    figure('API process RSS (highest seen during the reads)', peakRss, 'MB', '≤ 512 MB', peakRss <= 512);
  } finally {
    engine.kill('SIGTERM');
    await new Promise((resolve) => engine.once('exit', resolve));
  }

  // 6. the audit export of the whole store (the CLI from source; bench:audit measures the compiled one), peak RSS
  const exported = await child('apps/cli/src/audit.ts', ['export', '--out', '/dev/null']);
  figure(
    `audit export of the whole store (${Math.round(events / exported.seconds).toLocaleString('en-US')} events/s with start-up)`,
    exported.peakMb,
    'MB',
    '< 300 MB peak RSS',
    exported.peakMb < 300,
  );
} finally {
  if (!args.keep) await database.exec(`DROP SCHEMA "${schema}" CASCADE`);
  await store.close();
  await database.close();
}
await report('scale', rows, { scale: SCALE, kindergartens: KINDERGARTENS, townships: TOWNSHIPS, years: YEARS.length, schema: args.keep ? schema : null });
