import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Clock, type Settings } from '@app/config';
import type { EventStore } from '@app/event-sourcing';
import { DELIVERY_QUEUE, REMINDER_QUEUE, redisReconnectDelay } from '@app/notifications';
import { type ReminderSent } from '@app/notifications/domain';
import { TEST_JWT_SECRET, type TestApp } from './test-app.js';
import { waitUntil } from './wait.js';
import { workflow } from './workflow.js';
import type { WorkerEnv } from './worker-process.js';

export type Delivery = ReminderSent['data'];

/** A clock that can be set back or forward while the engine runs (clocks of two machines that disagree). */
export class AdjustableClock extends Clock {
  offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** The case's `rectification-…` stream. */
export const caseStream = (rectificationId: string): string => `rectification-${rectificationId}`;

/** Every `ReminderSent` recorded in a stream, in order. */
export const deliveriesIn = async (store: EventStore, streamId: string): Promise<Delivery[]> =>
  (await store.readStream(streamId)).filter((event) => event.type === 'ReminderSent').map((event) => event.data as Delivery);

/** How many `DeadlineMissed` a stream holds. */
export const deadlinesMissedIn = async (store: EventStore, streamId: string): Promise<number> =>
  (await store.readStream(streamId)).filter((event) => event.type === 'DeadlineMissed').length;

/** `key|recipient|channel` → how many times it was recorded. */
export const deliveryCounts = (deliveries: readonly Delivery[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const { key, recipient, channel } of deliveries)
    counts[`${key}|${recipient}|${channel}`] = (counts[`${key}|${recipient}|${channel}`] ?? 0) + 1;
  return counts;
};

/** The deliveries recorded more than once (there must be none). */
export const duplicates = (deliveries: readonly Delivery[]): string[] =>
  Object.entries(deliveryCounts(deliveries))
    .filter(([, count]) => count > 1)
    .map(([delivery, count]) => `${delivery} ×${count}`);

/** The kinds of the deliveries recorded on one channel, in order. */
export const kindsOn = (deliveries: readonly Delivery[], channel: Delivery['channel'], recipient?: string): string[] =>
  deliveries.filter((delivery) => delivery.channel === channel && (!recipient || delivery.recipient === recipient)).map((delivery) => delivery.kind);

/** A case on a new kindergarten's failed inspection (finding S-01), due `dueInMs` from now; `kindergartenId` to choose its id. */
export const issueDueIn = async (
  app: TestApp,
  dueInMs: number,
  options: { kindergartenId?: string; beforeIssue?: (kindergarten: { id: string }) => Promise<unknown> } = {},
) => {
  const steps = workflow(app);
  const kindergarten = await steps.registerKindergarten(options.kindergartenId ? { id: options.kindergartenId } : {});
  await options.beforeIssue?.(kindergarten);
  const inspection = await steps.inspection(kindergarten.id, 'annual', 2025);
  await steps.finding(inspection.id, 'S-01');
  await steps.conclude(inspection.id, 'failed', '存在安全隐患，限期整改');
  const reply = await app.call('POST', '/rectifications', {
    token: steps.supervisor,
    body: {
      kindergartenId: kindergarten.id,
      inspectionId: inspection.id,
      findingCodes: ['S-01'],
      deadline: { dueAt: new Date(Date.now() + dueInMs).toISOString() },
      publish: false,
    },
  });
  if (reply.status !== 201) throw new Error(`issue: ${reply.status} ${JSON.stringify(reply.body)}`);
  const notice = reply.body;
  return {
    steps,
    kindergarten,
    notice,
    id: notice.id as string,
    stream: caseStream(notice.id as string),
    dueAt: Date.parse(notice.dueAt),
    director: steps.kindergartenToken(kindergarten.id),
  };
};
export type IssuedCase = Awaited<ReturnType<typeof issueDueIn>>;

/** The caller's inbox through the API. */
export const inboxOf = async (app: TestApp, token: string): Promise<any[]> => {
  const reply = await app.call('GET', '/inbox?limit=1000', { token });
  if (reply.status !== 200) throw new Error(`GET /inbox answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body.items as any[];
};

/** The first inbox item of `kind` about the case, once there is one. */
export const awaitInbox = (app: TestApp, token: string, rectificationId: string, kind: string, timeoutMs = 10_000): Promise<any> =>
  waitUntil(async () => (await inboxOf(app, token)).find((item) => item.kind === kind && item.refs.rectificationId === rectificationId), {
    timeoutMs,
    intervalMs: 50,
    what: `${kind} for ${rectificationId} in the inbox`,
  });

/** The kinds in the caller's inbox about the case, newest first. */
export const kindsInInbox = async (app: TestApp, token: string, rectificationId: string): Promise<string[]> =>
  (await inboxOf(app, token)).filter((item) => item.refs.rectificationId === rectificationId).map((item) => item.kind);

/** A worker process's settings for the test app's store and queues (PostgreSQL only: a PGlite folder has one owner). */
export const workerEnvOf = (app: TestApp, env: Record<string, string> = {}): WorkerEnv => {
  if (app.kind !== 'postgres' || !app.settings.DATABASE_URL) throw new Error('a worker process needs the app on PostgreSQL');
  return {
    DATABASE_URL: app.settings.DATABASE_URL,
    DATABASE_SCHEMA: app.settings.DATABASE_SCHEMA,
    QUEUE_PREFIX: app.settings.QUEUE_PREFIX,
    REDIS_URL: app.settings.REDIS_URL,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  };
};

/** The reminder and delivery queues of a prefix, as seen from outside the engine, and its Redis keys. */
export class QueueProbe {
  readonly reminders: Queue;
  readonly deliveries: Queue;
  readonly redis: Redis;

  constructor(
    readonly redisUrl: string,
    readonly prefix: string,
  ) {
    const connection = { url: redisUrl, maxRetriesPerRequest: null, retryStrategy: redisReconnectDelay };
    this.reminders = new Queue(REMINDER_QUEUE, { connection, prefix });
    this.deliveries = new Queue(DELIVERY_QUEUE, { connection, prefix });
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  }

  static of(settings: Pick<Settings, 'REDIS_URL' | 'QUEUE_PREFIX'>): QueueProbe {
    return new QueueProbe(settings.REDIS_URL, settings.QUEUE_PREFIX);
  }

  /** The ids of the reminder jobs waiting to run (delayed or ready). */
  async pendingReminderIds(): Promise<string[]> {
    const jobs = await this.reminders.getJobs(['delayed', 'wait', 'prioritized']);
    return jobs.map((job) => job.id!).sort();
  }

  /** Nothing running or ready to run, and no delivery waiting for a retry (future reminders may still be delayed). */
  async settled(): Promise<boolean> {
    const reminders = await this.reminders.getJobCounts('active', 'wait', 'prioritized');
    const deliveries = await this.deliveries.getJobCounts('active', 'wait', 'prioritized', 'delayed');
    return [...Object.values(reminders), ...Object.values(deliveries)].every((count) => count === 0);
  }

  /** Deletes every Redis key of this prefix (BullMQ's and the scheduler's), as if Redis had lost its data; nothing else. */
  async deleteAllKeys(): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await this.redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  }

  async keyCount(): Promise<number> {
    let count = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      count += keys.length;
    } while (cursor !== '0');
    return count;
  }

  /** Closes the connections and, unless told otherwise, deletes the prefix's keys: tests leave Redis as they found it. */
  async close(options: { keepKeys?: boolean } = {}): Promise<void> {
    if (!options.keepKeys) await this.deleteAllKeys().catch(() => 0);
    await Promise.all([this.reminders.close(), this.deliveries.close()]);
    this.redis.disconnect();
  }
}
