// Reminders on BullMQ: scheduling N delayed jobs through the engine's scheduler (the worker's Nest context following a
// freshly written log of rectification cases), next to a raw Queue.addBulk of exactly the same jobs; rebuilding them
// all with ReminderReconciler.reconcile() after the prefix's keys are deleted; and the lateness of reminders due
// within 10 s, on a bare BullMQ worker and through the engine's own reminder path (ReminderSent recorded − due time).
// Needs PostgreSQL and Redis; writes into a fresh schema and fresh queue prefixes, removed at the end.
// Usage: npm run bench:reminders [-- --jobs 100000 --lateness 2000 --engine-lateness 2000]
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { formatShanghai } from '@app/calendar/domain';
import { loadSettings, parseReminderOffsets, type Settings } from '@app/config';
import { fold, Upcasters, type EventStore, type NewEvent } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';
import { PROJECTIONS } from '@app/composition-root';
import { ProjectionWorkers, lowestCheckpoint, readCheckpoint } from '@app/projections';
import { rectificationDecider, rectificationNotifications } from '@app/rectifications/domain';
import { REMINDER_QUEUE, ReminderReconciler, reminderJob, type ReconcileReport } from '@app/notifications';
import { WorkerAppModule } from '../../apps/worker/src/worker-app.module.js';
import { ReminderProcessor } from '../../libs/notifications/src/reminder.processor.js';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({
  options: {
    jobs: { type: 'string', default: '100000' },
    lateness: { type: 'string', default: '2000' },
    'engine-lateness': { type: 'string' },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    redis: { type: 'string', default: process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379' },
    keep: { type: 'boolean', default: false },
  },
});
const OFFSETS = 'P7D,P1D';
/** Per case: the P7D and P1D reminders and the deadline (the notice is recorded as already delivered). */
const JOBS_PER_CASE = 3;
const CASES = Math.ceil(Number(args.jobs) / JOBS_PER_CASE);
const EXPECTED = CASES * JOBS_PER_CASE;
const LATENESS = Number(args.lateness);
const ENGINE_LATENESS = Number(args['engine-lateness'] ?? args.lateness);
const WINDOW_MS = 10_000;
const IN_FLIGHT = 16;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const stamp = Date.now();
const SCHEMA = `bench_reminders_${stamp}`;
const PREFIX = `bench-rem-${stamp}`;
const RAW_PREFIX = `bench-rem-raw-${stamp}`;
const LATE_PREFIX = `bench-rem-late-${stamp}`;

const settings: Settings = loadSettings({
  EVENT_STORE: 'postgres',
  DATABASE_URL: args.database,
  DATABASE_SCHEMA: SCHEMA,
  REDIS_URL: args.redis,
  QUEUE_PREFIX: PREFIX,
  RUN_WORKER: 'true',
  RUN_REMINDERS: 'true',
  REMINDER_OFFSETS: OFFSETS,
  LOG_LEVEL: 'warn',
});
const offsets = parseReminderOffsets(OFFSETS);
const connection = { url: args.redis!, maxRetriesPerRequest: null };
const redis = new Redis(args.redis!, { maxRetriesPerRequest: 3, connectionName: 'bench-reminders' });

const log = (message: string): void => console.log(`[${new Date().toISOString().slice(11, 23)}] ${message}`);

// ---------------------------------------------------------------------------------------------------------- data

const F1 = { code: 'F1', description: '消防通道堵塞', severity: 'critical' };
const F2 = { code: 'F2', description: '晨检记录缺失', severity: 'major' };

const metadata = (at: Date) => ({
  actor: { sub: 'bench', role: 'supervisor' },
  at: formatShanghai(at),
  commandId: crypto.randomUUID(),
  correlationId: crypto.randomUUID(),
  causationId: null,
});

/** A valid case stream: the notice, and its own notification already delivered to the inbox (so it wants no job now). */
const caseEvents = (rectificationId: string, n: number, issuedAt: Date, dueAt: Date): NewEvent[] => {
  const kindergartenId = `kg-bench-${n % 500}`;
  const inspectionId = `annual-2025-${rectificationId}`;
  const due = formatShanghai(dueAt);
  const issued = formatShanghai(issuedAt);
  return [
    {
      type: 'RectificationNoticeIssued',
      data: {
        rectificationId,
        kindergartenId,
        inspectionId,
        findings: [F1, F2],
        deadline: { dueAt: due },
        dueAt: due,
        publish: false,
        issuedAt: issued,
      },
      metadata: metadata(issuedAt),
    },
    {
      type: 'ReminderSent',
      data: {
        key: `${rectificationId}.notice`,
        kind: 'notice-issued',
        recipient: `kindergarten:${kindergartenId}`,
        channel: 'inbox',
        subject: `【限期整改通知】${kindergartenId}：请按期完成整改`,
        body: `经检查，你园存在以下问题，请于${due}前完成整改并报送整改报告：\n1. 消防通道堵塞（F1）\n2. 晨检记录缺失（F2）`,
        refs: { rectificationId, kindergartenId, inspectionId },
        sentAt: issued,
      },
      metadata: metadata(issuedAt),
    },
  ];
};

/** Appends the streams, IN_FLIGHT at a time. */
const appendAll = async (store: EventStore, streams: readonly { streamId: string; events: NewEvent[] }[]): Promise<number> => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < streams.length; i = next++)
        await store.appendToStream(streams[i]!.streamId, streams[i]!.events, { expectedVersion: 0 });
    }),
  );
  return (performance.now() - started) / 1000;
};

/** The jobs the scheduler should hold for a stream, as it would add them (same name, data and options). */
const jobsOf = (streamId: string, events: readonly NewEvent[], now: Date) => {
  const state = fold(rectificationDecider, events as never);
  return rectificationNotifications(state, offsets, now).map((notification) => reminderJob(streamId, notification, now));
};

// --------------------------------------------------------------------------------------------------------- redis

const deleteKeys = async (prefix: string): Promise<number> => {
  let deleted = 0;
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 2000);
    cursor = nextCursor;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
};

const percentile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1)!, min: sorted[0]! };
};

/**
 * BullMQ fires a delayed job at job.timestamp (when it was added) + delay; the scheduler computes the delay from the
 * `now` it read earlier. Skew = when BullMQ will fire − when the notification is due, on a random sample of keys.
 */
const dueSkew = async (queue: Queue, dueByKey: ReadonlyMap<string, number>, sample = 2_000) => {
  const keys = [...dueByKey.keys()];
  const skews: number[] = [];
  for (let i = 0; i < Math.min(sample, keys.length); i++) {
    const key = keys[Math.floor(Math.random() * keys.length)]!;
    const job = await queue.getJob(key);
    if (job) skews.push(job.timestamp + (job.opts.delay ?? 0) - dueByKey.get(key)!);
  }
  return summary(skews);
};

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number, pollMs = 100): Promise<number> => {
  const started = performance.now();
  for (;;) {
    if (await check()) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(pollMs);
  }
};

// ------------------------------------------------------------------------------------------------------- the run

const [, hz] = (await redis.config('GET', 'hz')) as [string, string];
const [, dynamicHz] = (await redis.config('GET', 'dynamic-hz')) as [string, string];
const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
log(
  `Redis ${redisVersion}: CONFIG GET hz = ${hz} (dynamic-hz ${dynamicHz}); ${CASES.toLocaleString('en-US')} cases → ${EXPECTED.toLocaleString('en-US')} jobs`,
);
log(`schema ${SCHEMA}, queue prefix ${PREFIX}`);

const admin = new pg.Client({ connectionString: args.database });
await admin.connect();
const database = await openDatabase(settings);
const store = await openEventStore(settings, database, new Upcasters());
const rows: Row[] = [];
const notes: Record<string, unknown> = {
  redis: { version: redisVersion, hz: Number(hz), dynamicHz },
  jobs: EXPECTED,
  cases: CASES,
  offsets: OFFSETS,
};
let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
const queues: Queue[] = [];
let lateWorker: Worker | null = null;

try {
  // 1. the record: CASES cases, due in about 30 days (not measured)
  const now = new Date();
  const cases = Array.from({ length: CASES }, (_, n) => {
    const streamId = `rectification-rc-bench-${n}`;
    const issuedAt = new Date(now.getTime() - HOUR - (n % 3600) * 1000);
    const dueAt = new Date(now.getTime() + 30 * DAY + (n % 86_400) * 1000);
    return { streamId, events: caseEvents(streamId.slice('rectification-'.length), n, issuedAt, dueAt) };
  });
  const jobs = cases.flatMap(({ streamId, events }) => jobsOf(streamId, events, now));
  if (jobs.length !== EXPECTED)
    throw new Error(`the policy wants ${jobs.length} jobs, not ${EXPECTED}: the generated cases are not what this bench assumes`);
  const dueOf = new Map(jobs.map((job) => [job.opts.jobId, now.getTime() + job.opts.delay]));
  const appendSeconds = await appendAll(store, cases);
  const head = await store.headPosition();
  log(
    `appended ${CASES.toLocaleString('en-US')} cases (${(2 * CASES).toLocaleString('en-US')} events) in ${appendSeconds.toFixed(1)} s (${IN_FLIGHT} in flight; not measured)`,
  );
  notes['generation'] = { events: 2 * CASES, seconds: appendSeconds };

  // 2. the worker's context: the scheduler follows the log from its start
  const reminderQueue = new Queue(REMINDER_QUEUE, { connection, prefix: PREFIX });
  queues.push(reminderQueue);
  const startupReconciles: ReconcileReport[] = [];
  const originalReconcile = ReminderReconciler.prototype.reconcile;
  ReminderReconciler.prototype.reconcile = async function (this: ReminderReconciler) {
    const result = await originalReconcile.call(this);
    startupReconciles.push(result);
    return result;
  };
  // the engine's reminder jobs, as its processor takes them: when BullMQ handed them over, for step 5b
  const pickedUp = new Map<string, { processedOn: number; entered: number; bullmqDue: number }>();
  const originalProcess = ReminderProcessor.prototype.process;
  ReminderProcessor.prototype.process = function (this: ReminderProcessor, job: Job, token?: string) {
    if (!pickedUp.has(job.data.key as string))
      pickedUp.set(job.data.key as string, {
        processedOn: job.processedOn ?? Number.NaN,
        entered: Date.now(),
        bullmqDue: job.timestamp + (job.opts.delay ?? 0),
      });
    return originalProcess.call(this, job as never, token);
  };
  const started = performance.now();
  app = await NestFactory.createApplicationContext(WorkerAppModule.register(settings), { logger: ['error', 'warn'] });
  const contextSeconds = (performance.now() - started) / 1000;
  ReminderReconciler.prototype.reconcile = originalReconcile;
  const projectionWorkers = app.get(ProjectionWorkers);
  let readModelsSeconds = Number.NaN;
  void Promise.all(projectionWorkers.runners.map((runner) => runner.caughtUp)).then(() => (readModelsSeconds = (performance.now() - started) / 1000));
  let lastLog = performance.now();
  await waitFor(
    'the delayed jobs',
    async () => {
      const delayed = await reminderQueue.getDelayedCount();
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`  ${delayed.toLocaleString('en-US')} delayed jobs after ${((lastLog - started) / 1000).toFixed(0)} s`);
      }
      return delayed >= EXPECTED;
    },
    30 * 60_000,
  );
  const scheduleSeconds = (performance.now() - started) / 1000;
  const schedulerCheckpoint = await readCheckpoint(database, SCHEMA, 'reminder-scheduler');
  log(
    `scheduler: ${EXPECTED.toLocaleString('en-US')} delayed jobs ${scheduleSeconds.toFixed(1)} s after start (context up in ${contextSeconds.toFixed(1)} s; ` +
      `the start's reconcile found ${startupReconciles[0]?.desired ?? '?'} and added ${startupReconciles[0]?.added ?? '?'}; scheduler checkpoint ${schedulerCheckpoint === head ? 'at' : 'NOT at'} the head)`,
  );
  const scheduledSkew = await dueSkew(reminderQueue, dueOf);
  log(
    `  BullMQ's due − the notification's due, ${scheduledSkew.n} sampled jobs: p50 ${scheduledSkew.p50} ms, p99 ${scheduledSkew.p99} ms, max ${scheduledSkew.max} ms`,
  );
  notes['schedulerDueSkewMs'] = scheduledSkew;
  // the reconcile reads the read models: they must have caught up
  await waitFor(
    'the read models',
    async () =>
      (await lowestCheckpoint(
        database,
        SCHEMA,
        PROJECTIONS.map((p) => p.name),
      )) >= head,
    30 * 60_000,
  );
  if (Number.isNaN(readModelsSeconds)) readModelsSeconds = (performance.now() - started) / 1000;
  log(`read models caught up ${readModelsSeconds.toFixed(1)} s after start`);

  // 3. baseline: the same jobs, raw addBulk in chunks of 1,000, on a fresh prefix
  const rawQueue = new Queue(REMINDER_QUEUE, { connection, prefix: RAW_PREFIX });
  queues.push(rawQueue);
  await rawQueue.waitUntilReady();
  const raw = await timed(async () => {
    for (let i = 0; i < jobs.length; i += 1_000) await rawQueue.addBulk(jobs.slice(i, i + 1_000));
  });
  const rawDelayed = await rawQueue.getDelayedCount();
  if (rawDelayed !== EXPECTED) throw new Error(`raw addBulk left ${rawDelayed} delayed jobs, not ${EXPECTED}`);
  log(`raw addBulk: ${EXPECTED.toLocaleString('en-US')} jobs in ${raw.seconds.toFixed(2)} s`);
  rows.push({
    workload: `schedule ${EXPECTED.toLocaleString('en-US')} reminders (${CASES.toLocaleString('en-US')} cases): worker start → all delayed jobs (incl. Nest start, folding each case from the store)`,
    subject: 'reminder scheduler (worker context)',
    value: EXPECTED / scheduleSeconds,
    unit: 'jobs/s',
    baseline: { subject: 'raw Queue.addBulk ×1,000', value: EXPECTED / raw.seconds },
  });
  rows.push({
    workload: `read models (all ${PROJECTIONS.length}) catch up on the same ${(2 * CASES).toLocaleString('en-US')} events, same process, meanwhile`,
    subject: 'projection runner',
    value: readModelsSeconds,
    unit: 's',
    lowerIsBetter: true,
  });

  // 4. reconcile after the prefix's keys are gone (SCAN + UNLINK of `<prefix>:*`, not FLUSHALL: Redis is shared)
  const deleted = await deleteKeys(PREFIX);
  const afterFlush = await reminderQueue.getDelayedCount();
  const reconciler = app.get(ReminderReconciler);
  const reconciled = await timed(() => reconciler.reconcile());
  const delayedAfter = await reminderQueue.getDelayedCount();
  log(
    `reconcile after deleting ${deleted} keys (delayed ${afterFlush}): ${reconciled.seconds.toFixed(2)} s, ` +
      `desired ${reconciled.result.desired}, added ${reconciled.result.added}, removed ${reconciled.result.removed}; delayed now ${delayedAfter}`,
  );
  const reconciledSkew = await dueSkew(reminderQueue, dueOf);
  log(
    `  BullMQ's due − the notification's due, ${reconciledSkew.n} sampled jobs: p50 ${reconciledSkew.p50} ms, p99 ${reconciledSkew.p99} ms, max ${reconciledSkew.max} ms`,
  );
  notes['reconcileDueSkewMs'] = reconciledSkew;
  if (delayedAfter !== EXPECTED) log(`  WARNING: ${delayedAfter} delayed jobs after the reconcile, expected ${EXPECTED}`);
  notes['reconcile'] = { deletedKeys: deleted, ...reconciled.result, delayedAfter, expected: EXPECTED };
  rows.push({
    workload: `reconcile ${EXPECTED.toLocaleString('en-US')} from the record after deleting ${PREFIX}:* (desired ${reconciled.result.desired}, added ${reconciled.result.added}, removed ${reconciled.result.removed}; delayed after: ${delayedAfter})`,
    subject: 'ReminderReconciler.reconcile()',
    value: reconciled.seconds,
    unit: 's',
    lowerIsBetter: true,
    baseline: { subject: 'raw Queue.addBulk of the same jobs', value: raw.seconds },
  });

  // 5a. lateness of bare BullMQ delayed jobs, due at random within the next 10 s
  const lateQueue = new Queue('lateness', { connection, prefix: LATE_PREFIX });
  queues.push(lateQueue);
  const bare: number[] = [];
  let bareEarly = 0;
  lateWorker = new Worker(
    'lateness',
    async (job: Job) => {
      const lateness = job.processedOn! - (job.timestamp + (job.opts.delay ?? 0));
      if (lateness < 0) bareEarly++;
      bare.push(lateness);
    },
    { connection, prefix: LATE_PREFIX, concurrency: 50 },
  );
  await lateWorker.waitUntilReady();
  for (let i = 0; i < LATENESS; i += 1_000)
    await lateQueue.addBulk(
      Array.from({ length: Math.min(1_000, LATENESS - i) }, (_, j) => ({
        name: 'late',
        data: { n: i + j },
        opts: { delay: Math.round(Math.random() * WINDOW_MS), removeOnComplete: true },
      })),
    );
  await waitFor('the bare jobs', async () => bare.length >= LATENESS, WINDOW_MS + 60_000);
  await lateWorker.close();
  lateWorker = null;
  const bareStats = summary(bare);
  log(
    `bare BullMQ lateness over ${bareStats.n}: p50 ${bareStats.p50} ms, p99 ${bareStats.p99} ms, max ${bareStats.max} ms (min ${bareStats.min}; ${bareEarly} early)`,
  );

  // 5b. the engine's path: cases whose P1D reminder falls due within a 10 s window (deadline = issue + 1 day + 0–10 s, so
  // P7D is skipped); the window opens once they can all have been appended and scheduled (rates measured above)
  let engineStats: ReturnType<typeof summary> | null = null;
  if (ENGINE_LATENESS > 0) {
    const lead = Math.ceil(
      2_000 + 1.5 * ((ENGINE_LATENESS / CASES) * appendSeconds * 1000 + ((2 * ENGINE_LATENESS) / (EXPECTED / scheduleSeconds)) * 1000),
    );
    const windowStart = Date.now() + lead;
    const issuedAt = new Date();
    const late = Array.from({ length: ENGINE_LATENESS }, (_, n) => {
      const streamId = `rectification-rc-late-${n}`;
      const reminderDue = windowStart + Math.round(Math.random() * WINDOW_MS);
      return { streamId, reminderDue, events: caseEvents(streamId.slice('rectification-'.length), n, issuedAt, new Date(reminderDue + DAY)) };
    });
    const dueByKey = new Map<string, number>();
    for (const { streamId, events, reminderDue } of late) {
      const wanted = jobsOf(streamId, events, issuedAt);
      const reminder = wanted.find((job) => job.data.key.includes('.remind.P1D.'));
      if (wanted.length !== 2 || !reminder) throw new Error(`a late case wants ${wanted.map((job) => job.data.key).join(', ')}`);
      dueByKey.set(reminder.data.key, reminderDue);
    }
    const before = await reminderQueue.getDelayedCount();
    log(`engine path: ${ENGINE_LATENESS} cases with a reminder due in ${(lead / 1000).toFixed(1)}–${((lead + WINDOW_MS) / 1000).toFixed(1)} s`);
    await appendAll(store, late);
    const appendedBy = Date.now();
    const scheduledIn = await waitFor(
      'the late cases’ jobs',
      async () => (await reminderQueue.getDelayedCount()) >= before + 2 * ENGINE_LATENESS || Date.now() > windowStart + WINDOW_MS,
      120_000,
      20,
    );
    const scheduledBy = Date.now();
    log(
      `  appended by window start ${((appendedBy - windowStart) / 1000).toFixed(2)} s, all scheduled by ${((scheduledBy - windowStart) / 1000).toFixed(2)} s ` +
        `(negative: before the first is due; ${scheduledIn.toFixed(1)} s after the appends)`,
    );
    const s = `"${SCHEMA}"`;
    const count = async () =>
      Number(
        (
          await database.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM ${s}.events WHERE type = 'ReminderSent' AND version > 2 AND stream_id LIKE 'rectification-rc-late-%'`,
          )
        )[0]!.n,
      );
    await waitFor('the engine’s ReminderSent', async () => (await count()) >= ENGINE_LATENESS, lead + WINDOW_MS + 120_000, 200);
    const sent = await database.query<{ key: string; recorded_at: Date; at: string }>(
      `SELECT data->>'key' AS key, recorded_at, metadata->>'at' AS at FROM ${s}.events
       WHERE type = 'ReminderSent' AND version > 2 AND stream_id LIKE 'rectification-rc-late-%'`,
    );
    const recorded = sent.map((row) => new Date(row.recorded_at).getTime() - dueByKey.get(row.key)!);
    const decided = sent.map((row) => Date.parse(row.at) - dueByKey.get(row.key)!);
    engineStats = summary(recorded);
    const decidedStats = summary(decided);
    const pickup = summary(sent.map((row) => pickedUp.get(row.key)!.processedOn - dueByKey.get(row.key)!));
    const entered = summary(sent.map((row) => pickedUp.get(row.key)!.entered - dueByKey.get(row.key)!));
    const skew = summary(sent.map((row) => pickedUp.get(row.key)!.bullmqDue - dueByKey.get(row.key)!));
    const afterBullmqDue = summary(sent.map((row) => pickedUp.get(row.key)!.processedOn - pickedUp.get(row.key)!.bullmqDue));
    log(
      `  engine lateness (recorded_at − due) over ${engineStats.n}: p50 ${engineStats.p50} ms, p99 ${engineStats.p99} ms, max ${engineStats.max} ms; ` +
        `(metadata.at − due): p50 ${decidedStats.p50}, p99 ${decidedStats.p99}, max ${decidedStats.max} ms`,
    );
    log(
      `  of which BullMQ (job.processedOn − due): p50 ${pickup.p50}, p99 ${pickup.p99}, max ${pickup.max} ms; ` +
        `processor entered − due: p50 ${entered.p50}, p99 ${entered.p99}, max ${entered.max} ms`,
    );
    log(
      `  BullMQ's own due (job.timestamp + delay) − the reminder's due: p50 ${skew.p50}, p99 ${skew.p99}, max ${skew.max} ms; ` +
        `processedOn − BullMQ's own due: p50 ${afterBullmqDue.p50}, p99 ${afterBullmqDue.p99}, max ${afterBullmqDue.max} ms`,
    );
    notes['engineLateness'] = {
      cases: ENGINE_LATENESS,
      leadMs: lead,
      appendedRelativeToWindowMs: appendedBy - windowStart,
      scheduledRelativeToWindowMs: scheduledBy - windowStart,
      recordedAt: engineStats,
      metadataAt: decidedStats,
      bullmqProcessedOn: pickup,
      processorEntered: entered,
      bullmqDueSkew: skew,
      processedOnAfterBullmqDue: afterBullmqDue,
    };
  }
  notes['bareLateness'] = { ...bareStats, early: bareEarly, workerConcurrency: 50 };

  for (const [label, key] of [
    ['p50', 'p50'],
    ['p99', 'p99'],
    ['max', 'max'],
  ] as const) {
    rows.push({
      workload: `lateness ${label}, reminders due at random within 10 s (Redis hz ${hz})`,
      subject: engineStats ? `engine: ReminderSent recorded_at − due (${engineStats.n} cases)` : `bare BullMQ Worker (${bareStats.n} jobs)`,
      value: engineStats ? engineStats[key] : bareStats[key],
      unit: 'ms',
      lowerIsBetter: true,
      ...(engineStats ? { baseline: { subject: `bare BullMQ Worker, processedOn − due (${bareStats.n} jobs)`, value: bareStats[key] } } : {}),
    });
  }

  console.log(`\nRedis ${redisVersion}: CONFIG GET hz → ${hz} (dynamic-hz ${dynamicHz})`);
  await report('reminders', rows, notes);
  const scheduleRatio = EXPECTED / scheduleSeconds / (EXPECTED / raw.seconds);
  console.log(
    [
      `targets: scheduling ≥ 50 % of raw addBulk: ${(scheduleRatio * 100).toFixed(0)} % ${scheduleRatio >= 0.5 ? 'met' : 'NOT met'}`,
      `p99 lateness < 250 ms: bare ${bareStats.p99} ms${engineStats ? `, engine ${engineStats.p99} ms` : ''} ${(engineStats ?? bareStats).p99 < 250 ? 'met' : 'NOT met'}`,
      `reconcile of ${EXPECTED.toLocaleString('en-US')} < 60 s: ${reconciled.seconds.toFixed(1)} s ${reconciled.seconds < 60 ? 'met' : 'NOT met'}`,
    ].join('\n'),
  );
  console.log('2 shared cores: figures are noisy, from one run each.');
} finally {
  await lateWorker?.close(true).catch(() => undefined);
  if (app) await Promise.race([app.close(), sleep(30_000)]).catch((error: unknown) => log(`closing the context: ${String(error)}`));
  for (const queue of queues) await queue.close().catch(() => undefined);
  if (!args.keep) {
    for (const prefix of [PREFIX, RAW_PREFIX, LATE_PREFIX]) await deleteKeys(prefix);
    await store.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    log(`removed schema ${SCHEMA} and the keys of ${PREFIX}, ${RAW_PREFIX}, ${LATE_PREFIX}`);
  } else {
    await store.close().catch(() => undefined);
    await database.close().catch(() => undefined);
  }
  await admin.end();
  redis.disconnect();
}
process.exit(0);
