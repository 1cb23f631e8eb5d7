import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueProbe, caseStream, deadlinesMissedIn, issueDueIn, type IssuedCase } from '../support/reminders.js';
import { RedisServer } from '../support/redis-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';

// Redis losing its data while the engine runs (FLUSHALL; a restart without persistence): the scheduler notices its
// marker key gone and rebuilds the pending reminders from the record, without a restart of the engine.

const CASES = 4;

const lostCount = async (root: string, admin: string): Promise<number> => {
  const response = await fetch(`${root}/metrics`, { headers: { authorization: `Bearer ${admin}` } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  return Number(/^reminders_redis_data_lost_total (\d+)/m.exec(text)?.[1] ?? 0);
};

describe('the engine, when Redis loses its data while cases are pending', () => {
  let redis: RedisServer;
  let app: TestApp;
  let probe: QueueProbe;
  let root: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    app = await startTestApp('pglite', {
      RUN_REMINDERS: 'true',
      REDIS_URL: redis.url,
      REMINDER_OFFSETS: 'PT1H',
      REDIS_LOSS_CHECK_MS: '500',
      LOG_LEVEL: process.env.G_LOG ?? 'silent',
    });
    probe = QueueProbe.of(app.settings);
    root = app.url.replace(/\/api\/v1$/, '');
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await app?.close();
    await probe?.close({ keepKeys: true });
    await redis?.stop();
  });

  /** Issues cases due `dueInMs` from now, waits until their notices are sent and each has its delayed jobs: those. */
  const issuePending = async (dueInMs: number): Promise<{ cases: IssuedCase[]; scheduled: string[] }> => {
    const cases: IssuedCase[] = [];
    for (let i = 0; i < CASES; i += 1) cases.push(await issueDueIn(app, dueInMs));
    const scheduled = await waitUntil(
      async () => {
        if (!(await probe.settled())) return null;
        const ids = await probe.pendingReminderIds();
        return cases.every((each) => ids.some((id) => id.includes(each.id))) ? ids : null;
      },
      { what: 'the delayed jobs of every case' },
    );
    return { cases, scheduled };
  };

  it('after FLUSHALL, puts the delayed jobs back, counts the loss, and every deadline is still recorded missed once', async () => {
    const before = await lostCount(root, app.token('admin'));
    const { cases, scheduled } = await issuePending(6_000);

    await probe.redis.flushall();
    // (no look at the emptied queue here: the engine's loss check runs every REDIS_LOSS_CHECK_MS and may already be
    // putting jobs back; that it noticed the loss is what the counter below proves)

    // back within a few checks, without a restart
    await waitUntil(async () => (await probe.pendingReminderIds()).length >= scheduled.length, { timeoutMs: 5_000, what: 'the jobs rebuilt' });
    expect(await probe.pendingReminderIds()).toEqual(expect.arrayContaining(scheduled));
    expect(await lostCount(root, app.token('admin'))).toBe(before + 1);

    for (const each of cases) {
      await waitUntil(async () => (await deadlinesMissedIn(app.store, caseStream(each.id))) > 0, {
        timeoutMs: 20_000,
        what: `DeadlineMissed for ${each.id}`,
      });
    }
    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });
    for (const each of cases) expect(await deadlinesMissedIn(app.store, caseStream(each.id))).toBe(1);
    // the engine stayed ready
    expect((await fetch(`${root}/health/ready`)).status).toBe(200);
  }, 60_000);

  it('after Redis restarts empty, notices it on reconnect and rebuilds', async () => {
    const before = await lostCount(root, app.token('admin'));
    const { scheduled } = await issuePending(60 * 60_000 * 3);

    await redis.stop();
    // down for a while, as in a real restart, so that every client has failed to reconnect a few times and backed off
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await redis.start();
    await waitUntil(async () => (await probe.pendingReminderIds()).length >= scheduled.length, { timeoutMs: 30_000, what: 'the jobs rebuilt' });
    expect(await probe.pendingReminderIds()).toEqual(expect.arrayContaining(scheduled));
    expect(await lostCount(root, app.token('admin'))).toBe(before + 1);
  }, 90_000);
});
