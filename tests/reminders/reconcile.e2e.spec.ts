import { afterEach, describe, expect, it } from '@jest/globals';
import { Worker } from 'bullmq';
import { REMINDER_QUEUE, scheduledSetKey } from '@app/notifications';
import { instantKey } from '@app/notifications/domain';
import { QueueProbe, issueDueIn, type IssuedCase } from '../support/reminders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';
import { finished, runTs, stopAllChildren } from '../support/worker-process.js';

// `npm run reminders:reconcile` (apps/cli/src/reminders-reconcile.ts) as a child process, on the schema and queue
// prefix an engine in this process used: it rebuilds the delayed jobs from the event store after Redis lost them.

const OFFSETS = 'PT30M,PT10M';
const HOUR = 3_600_000;

let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await stopAllChildren();
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Runs the command with the engine's settings; its exit code and output. */
const reconcile = (app: TestApp) =>
  finished(
    runTs('apps/cli/src/reminders-reconcile.ts', {
      NODE_ENV: 'test',
      EVENT_STORE: 'postgres',
      DATABASE_URL: app.settings.DATABASE_URL!,
      DATABASE_SCHEMA: app.settings.DATABASE_SCHEMA,
      REDIS_URL: app.settings.REDIS_URL,
      QUEUE_PREFIX: app.settings.QUEUE_PREFIX,
      REMINDER_OFFSETS: OFFSETS,
    }),
  );

/** Leaves a job failed for good under its key, as a worker whose every attempt threw would. */
const failOnce = async (probe: QueueProbe, data: { streamId: string; key: string }): Promise<void> => {
  await probe.reminders.add('remind', data, { jobId: data.key, attempts: 1 });
  const worker = new Worker(
    REMINDER_QUEUE,
    async () => {
      throw new Error('the event store is unreachable');
    },
    { connection: { url: probe.redisUrl, maxRetriesPerRequest: null }, prefix: probe.prefix },
  );
  try {
    await waitUntil(async () => (await probe.reminders.getJobState(data.key)) === 'failed', { what: `${data.key} to fail` });
  } finally {
    await worker.close();
  }
};

const keysOf = (issued: IssuedCase): string[] => {
  const due = instantKey(issued.notice.dueAt);
  return [`${issued.id}.remind.PT30M.${due}`, `${issued.id}.remind.PT10M.${due}`, `${issued.id}.deadline.${due}`];
};

describe('npm run reminders:reconcile', () => {
  it('after the queue prefix’s keys are gone, puts every pending reminder back at its time (a failed one too), removes a stale job, and prints the counts', async () => {
    const app = await startTestApp('postgres', { RUN_REMINDERS: 'true', REMINDER_OFFSETS: OFFSETS });
    const probe = QueueProbe.of(app.settings);
    cleanups.push(
      () => probe.close(),
      () => app.close(),
    );
    // deadlines an hour ahead: reminders at 30 and 10 minutes before, nothing fires during the test
    const cases = [await issueDueIn(app, HOUR), await issueDueIn(app, HOUR)];
    const wanted = cases.flatMap(keysOf).sort();
    await waitUntil(async () => JSON.stringify(await probe.pendingReminderIds()) === JSON.stringify(wanted), {
      what: 'the engine to schedule the two cases’ jobs',
    });
    const before = await probe.pendingReminderIds();
    // the engine stops; Redis loses this prefix's keys (only these: other tests share the Redis)
    await app.stop();
    expect(await probe.deleteAllKeys()).toBeGreaterThan(0);
    expect(await probe.pendingReminderIds()).toEqual([]);
    // and somebody's job that no case wants
    const stale = 'rc-gone.deadline.20250101T000000_000Z';
    await probe.reminders.add('remind', { streamId: 'rectification-rc-gone', key: stale }, { jobId: stale, delay: HOUR });
    // and one of the wanted jobs left failed (its attempts used up while, say, the store was down): BullMQ ignores a
    // new job under the id of one it still keeps, so the reconcile must put it back explicitly
    const [failedId] = keysOf(cases[0]!);
    await failOnce(probe, { streamId: cases[0]!.stream, key: failedId! });
    expect(await probe.reminders.getJobState(failedId!)).toBe('failed');

    const first = await reconcile(app);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/desired 6, added 6, removed 1, unchanged 0 /);
    const after = await probe.reminders.getJobs(['delayed']);
    expect(after.map((job) => job.id).sort()).toEqual(before);
    // each at its moment: the offset before the deadline
    for (const issued of cases) {
      const [thirty, ten, deadline] = keysOf(issued);
      const dueOf = (id: string) => after.find((job) => job.id === id)!;
      for (const [id, offset] of [
        [thirty!, 30 * 60_000],
        [ten!, 10 * 60_000],
        [deadline!, 0],
      ] as const) {
        const job = dueOf(id);
        expect(Math.abs(job.timestamp + job.delay - (issued.dueAt - offset))).toBeLessThan(2_000);
        expect(job.data).toEqual({ streamId: issued.stream, key: id });
      }
      // the scheduler's record of each case's jobs is back too (it removes them when the case moves on)
      expect((await probe.redis.smembers(scheduledSetKey(app.settings.QUEUE_PREFIX, issued.stream))).sort()).toEqual(keysOf(issued).sort());
    }

    // again: nothing to do
    const second = await reconcile(app);
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/desired 6, added 0, removed 0, unchanged 6 /);
    expect(await probe.pendingReminderIds()).toEqual(before);
  }, 60_000);

  it('with Redis unreachable: a clear message and a non-zero exit', async () => {
    const app = await startTestApp('postgres', { RUN_REMINDERS: 'false' });
    cleanups.push(() => app.close());
    const run = await finished(
      runTs('apps/cli/src/reminders-reconcile.ts', {
        NODE_ENV: 'test',
        EVENT_STORE: 'postgres',
        DATABASE_URL: app.settings.DATABASE_URL!,
        DATABASE_SCHEMA: app.settings.DATABASE_SCHEMA,
        // nothing listens on port 1
        REDIS_URL: 'redis://127.0.0.1:1',
        QUEUE_PREFIX: app.settings.QUEUE_PREFIX,
      }),
    );
    expect(run.code).toBe(2);
    expect(run.output).toContain('Redis (REDIS_URL) is not reachable');
  }, 60_000);
});
