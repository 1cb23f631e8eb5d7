import { afterEach, describe, expect, it } from '@jest/globals';
import { instantKey } from '@app/notifications/domain';
import {
  QueueProbe,
  awaitInbox,
  deadlinesMissedIn,
  deliveriesIn,
  deliveryCounts,
  issueDueIn,
  kindsInInbox,
  workerEnvOf,
  type IssuedCase,
} from '../support/reminders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';
import { startWebhookServer, type WebhookServer } from '../support/webhook-server.js';
import { startedWorker, stopAllChildren, type ChildRun } from '../support/worker-process.js';

// Exactly once across processes: the API in this process records (RUN_REMINDERS=false), `apps/worker/src/main.ts`
// runs as child processes on the same PostgreSQL schema and Redis queue prefix (JOB_LOCK_MS=2000, so that a job
// whose worker died is taken over within seconds). Deadlines are a few seconds ahead; each test may take up to a minute.

let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await stopAllChildren();
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

const apiWithQueues = async (): Promise<{ api: TestApp; probe: QueueProbe }> => {
  const api = await startTestApp('postgres', { RUN_REMINDERS: 'false' });
  const probe = QueueProbe.of(api.settings);
  // cleanups run last first: the engine stops before the probe deletes the prefix's keys
  cleanups.push(
    () => probe.close(),
    () => api.close(),
  );
  return { api, probe };
};

const webhookServer = async (): Promise<WebhookServer> => {
  const webhook = await startWebhookServer();
  cleanups.push(() => webhook.close());
  return webhook;
};

/** The keys of a case's reminder and deadline, for offset `label`. */
const keysOf = (issued: IssuedCase, label: string) => ({
  remind: `${issued.id}.remind.${label}.${instantKey(issued.notice.dueAt)}`,
  deadline: `${issued.id}.deadline.${instantKey(issued.notice.dueAt)}`,
});

/** Every (key|recipient|channel) a case's notice, reminder and deadline should end with, each once. */
const onceEach = (issued: IssuedCase, label: string, channels: string[]): Record<string, number> => {
  const kindergarten = `kindergarten:${issued.kindergarten.id}`;
  const { remind, deadline } = keysOf(issued, label);
  const deliveries = [`${issued.id}.notice|${kindergarten}`, `${remind}|${kindergarten}`, `${deadline}|${kindergarten}`, `${deadline}|supervisors`];
  return Object.fromEntries(deliveries.flatMap((delivery) => channels.map((channel) => [`${delivery}|${channel}`, 1])));
};

/** Waits until the deadline has reached both inboxes and nothing is left to run or retry. */
const allDelivered = async (api: TestApp, probe: QueueProbe, issued: IssuedCase, timeoutMs = 20_000): Promise<void> => {
  await awaitInbox(api, issued.steps.supervisor, issued.id, 'deadline-missed', timeoutMs);
  await awaitInbox(api, issued.director, issued.id, 'deadline-missed', timeoutMs);
  await waitUntil(() => probe.settled(), { timeoutMs, what: 'the queues to settle' });
};

describe('reminders across worker processes (postgres)', () => {
  it('a worker killed (SIGKILL) while the webhook delivery is in flight, then restarted: every notification recorded once', async () => {
    const { api, probe } = await apiWithQueues();
    const webhook = await webhookServer();
    // the reminder's first webhook call never answers: the worker is killed while it waits
    let hung = false;
    webhook.behave((_index, body) => {
      if (body?.kind !== 'rectification-reminder' || hung) return 200;
      hung = true;
      return 'hang';
    });
    const env = workerEnvOf(api, { REMINDER_OFFSETS: 'PT3S', WEBHOOK_URL: webhook.url });
    const first = await startedWorker(env);
    const issued = await issueDueIn(api, 6_000);
    const { remind } = keysOf(issued, 'PT3S');

    await waitUntil(() => webhook.requests.find((request) => request.answered === 'hang'), { what: 'the reminder at the webhook' });
    // in flight: the delivery job is active, the inbox has the reminder, the webhook delivery is not recorded
    const active = await probe.deliveries.getJobs(['active']);
    expect(active.map((job) => [job.data.key, job.data.channel])).toEqual([[remind, 'webhook']]);
    const before = deliveryCounts(await deliveriesIn(api.store, issued.stream));
    expect(before[`${remind}|kindergarten:${issued.kindergarten.id}|inbox`]).toBe(1);
    expect(before[`${remind}|kindergarten:${issued.kindergarten.id}|webhook`]).toBeUndefined();
    expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await startedWorker(env);
    await allDelivered(api, probe, issued);
    expect(deliveryCounts(await deliveriesIn(api.store, issued.stream))).toEqual(onceEach(issued, 'PT3S', ['inbox', 'webhook']));
    expect(await deadlinesMissedIn(api.store, issued.stream)).toBe(1);
    expect(await kindsInInbox(api, issued.director, issued.id)).toEqual(['deadline-missed', 'rectification-reminder', 'notice-issued']);
    // the receiver saw the reminder twice (the call cut off by the crash, then the retry), under one idempotency key
    const calls = webhook.requests.filter((request) => request.body.key === remind);
    expect(calls.map((request) => request.answered)).toEqual(['hang', 200]);
    expect(new Set(calls.map((request) => request.headers['idempotency-key'])).size).toBe(1);
    // the same job, taken over by the second worker once the dead one's lock had expired (a stall, not a failure)
    const job = await probe.deliveries.getJob(active[0]!.id!);
    expect(job).toMatchObject({ returnvalue: 'sent', stalledCounter: 1 });
    await second.stop();
  }, 60_000);

  it('two workers side by side, every job duplicated under other ids: each notification recorded once, DeadlineMissed once', async () => {
    const { api, probe } = await apiWithQueues();
    const webhook = await webhookServer();
    const env = workerEnvOf(api, { REMINDER_OFFSETS: 'PT3S', WEBHOOK_URL: webhook.url });
    const workers: ChildRun[] = await Promise.all([startedWorker(env), startedWorker(env)]);
    const cases: IssuedCase[] = [];
    for (let i = 0; i < 3; i += 1) cases.push(await issueDueIn(api, 7_000));
    const wanted = cases.flatMap((issued) => Object.values(keysOf(issued, 'PT3S'))).sort();
    await waitUntil(async () => JSON.stringify(await probe.pendingReminderIds()) === JSON.stringify(wanted), {
      what: 'the reminder and deadline jobs of the three cases',
    });
    // a retried or duplicated job must record nothing twice: two more copies of each, due at the same moment,
    // so that both workers run the same notification at once
    for (const job of await probe.reminders.getJobs(['delayed'])) {
      const delay = Math.max(0, job.timestamp + job.delay - Date.now());
      for (const copy of [1, 2]) await probe.reminders.add('remind', job.data, { jobId: `${job.id}.copy${copy}`, delay, removeOnComplete: true });
    }
    expect(await probe.pendingReminderIds()).toHaveLength(wanted.length * 3);

    for (const issued of cases) await allDelivered(api, probe, issued);
    for (const issued of cases) {
      expect(deliveryCounts(await deliveriesIn(api.store, issued.stream))).toEqual(onceEach(issued, 'PT3S', ['inbox', 'webhook']));
      expect(await deadlinesMissedIn(api.store, issued.stream)).toBe(1);
    }
    // nothing sent twice either: one webhook call per notification and recipient
    const calls = webhook.requests.map((request) => request.headers['idempotency-key'] as string);
    expect(calls.length).toBe(cases.length * 4);
    expect(new Set(calls).size).toBe(calls.length);
    expect(webhook.requests.every((request) => request.answered === 200)).toBe(true);
    await Promise.all(workers.map((worker) => worker.stop()));
  }, 60_000);

  it('Redis loses the queue prefix’s keys; the worker restarted puts every pending reminder back, and each fires once', async () => {
    const { api, probe } = await apiWithQueues();
    const env = workerEnvOf(api, { REMINDER_OFFSETS: 'PT8S' });
    const first = await startedWorker(env);
    const cases: IssuedCase[] = [];
    for (let i = 0; i < 3; i += 1) cases.push(await issueDueIn(api, 20_000));
    const wanted = cases.flatMap((issued) => Object.values(keysOf(issued, 'PT8S'))).sort();
    await waitUntil(async () => JSON.stringify(await probe.pendingReminderIds()) === JSON.stringify(wanted), {
      what: 'the reminder and deadline jobs of the three cases',
    });
    // the notices are out, so that nothing but the reminders and deadlines is pending
    for (const issued of cases) await awaitInbox(api, issued.director, issued.id, 'notice-issued');
    const before = await probe.pendingReminderIds();
    const dueBefore = await dueTimes(probe);

    // the worker stops (its scheduler would otherwise add the jobs of events it has yet to follow), then Redis
    // loses this prefix's keys (only these: other tests share the Redis)
    await first.stop();
    expect(await probe.deleteAllKeys()).toBeGreaterThan(0);
    expect(await probe.keyCount()).toBe(0);
    expect(await probe.pendingReminderIds()).toEqual([]);
    const second = await startedWorker(env);
    expect(second.messages().find((message) => message.startsWith('reconciled reminders'))).toMatch(
      /^reconciled reminders: 6 wanted, 6 added, 0 stale removed /,
    );
    expect(cases.every((issued) => Date.now() < issued.dueAt - 8_000)).toBe(true);
    expect(await probe.pendingReminderIds()).toEqual(before);
    // at the same moments (each job's delay counts from when it was added again)
    const dueAfter = await dueTimes(probe);
    for (const id of before) expect(Math.abs(dueAfter[id]! - dueBefore[id]!)).toBeLessThan(1_000);

    // the scheduler's own bookkeeping is back too: an extension moves the first case's jobs, the old ones go
    const [moved] = cases;
    const newDue = new Date(moved!.dueAt + 2_000).toISOString();
    const requested = await api.call('POST', `/rectifications/${moved!.id}/extension-requests`, {
      token: moved!.director,
      body: { requestedDueAt: newDue, reason: '需更换消防设施' },
    });
    expect(requested.status).toBe(201);
    // the supervisors are told of the request (v1.1) before they decide it
    await awaitInbox(api, moved!.steps.supervisor, moved!.id, 'extension-requested', 5_000);
    const granted = await api.call('POST', `/rectifications/${moved!.id}/extension-decision`, {
      token: moved!.steps.supervisor,
      body: { approve: true, reason: '同意' },
    });
    expect(granted.status).toBe(200);
    const old = keysOf(moved!, 'PT8S');
    // the case as it is now: its keys carry the new deadline
    const extended = { ...moved!, notice: granted.body, dueAt: Date.parse(granted.body.dueAt) };
    const renewed = keysOf(extended, 'PT8S');
    await waitUntil(
      async () => {
        const ids = await probe.pendingReminderIds();
        return ids.includes(renewed.remind) && ids.includes(renewed.deadline) && !ids.includes(old.remind) && !ids.includes(old.deadline);
      },
      { what: 'the first case’s jobs moved to its new deadline' },
    );

    for (const issued of [extended, ...cases.slice(1)]) await allDelivered(api, probe, issued, 25_000);
    const recorded = deliveryCounts(await deliveriesIn(api.store, extended.stream));
    expect(recorded).toEqual({
      ...onceEach(extended, 'PT8S', ['inbox']),
      [`${extended.id}.extension.${instantKey(granted.body.extension.decidedAt)}|kindergarten:${extended.kindergarten.id}|inbox`]: 1,
      [`${extended.id}.extension-request.${instantKey(granted.body.extension.requestedAt)}|supervisors|inbox`]: 1,
    });
    for (const issued of cases.slice(1)) {
      expect(deliveryCounts(await deliveriesIn(api.store, issued.stream))).toEqual(onceEach(issued, 'PT8S', ['inbox']));
    }
    for (const issued of cases) expect(await deadlinesMissedIn(api.store, issued.stream)).toBe(1);
    await second.stop();
  }, 60_000);
});

/** Job id → when it is due (ms since the epoch), as BullMQ holds it. */
const dueTimes = async (probe: QueueProbe): Promise<Record<string, number>> =>
  Object.fromEntries((await probe.reminders.getJobs(['delayed'])).map((job) => [job.id!, job.timestamp + job.delay]));
