import { streamCategory, type StoredEvent } from '@app/event-sourcing';
import type { Projection } from '@app/projections';
import type { Queue } from 'bullmq';
import pMap from 'p-map';
import type { Redis } from 'ioredis';
import type { DueNotification } from './domain/notification.js';
import type { NotificationSources } from './notification-source.js';
import type { ReminderJob } from './queues.js';

export const REMINDER_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
};

/**
 * A delayed job per pending notification: job id = the notification's key, delay = until it is due by the engine's
 * clock at `now`. BullMQ counts a delay from the job's `timestamp`, in this machine's time: the timestamp is the
 * machine time at which `now` was read (`readAt`), so a job added a while after `now` (late in a batch, at the end
 * of a long reconcile) still fires at its moment, not that much later.
 */
export const reminderJob = (streamId: string, notification: DueNotification, now: Date, readAt: number = Date.now()) => ({
  name: 'remind',
  data: { streamId, key: notification.key } satisfies ReminderJob,
  opts: { ...REMINDER_JOB_OPTIONS, jobId: notification.key, delay: Math.max(0, Date.parse(notification.dueAt) - now.getTime()), timestamp: readAt },
});

/** Streams whose notifications are recomputed at once, each a read of its stream and a few Redis round trips. */
const STREAMS_IN_FLIGHT = 16;
const ADD_BULK = 1_000;

/** The Redis set of a stream's scheduled keys: what to remove when they are no longer wanted. */
export const scheduledSetKey = (prefix: string, streamId: string): string => `${prefix}:reminders:scheduled:${streamId}`;

/**
 * Keeps BullMQ's delayed jobs equal to the notifications each stream should have: after events of a stream, its
 * pending notifications are added (an existing job id is left alone) and the ones it no longer wants are removed.
 * It follows the log like a projection, with its own checkpoint, so a restart neither skips nor loses a change.
 */
export const reminderSchedulerProjection = (deps: {
  sources: NotificationSources;
  queue: Queue<ReminderJob>;
  redis: Redis;
  prefix: string;
  now: () => Date;
}): Projection => ({
  name: 'reminder-scheduler',
  transactional: false,
  migrations: () => [],
  tables: [],
  async apply(_tx, events: readonly StoredEvent[]) {
    const streams = new Set(events.map((event) => event.streamId).filter((streamId) => deps.sources.for(streamCategory(streamId))));
    if (streams.size === 0) return;
    const now = deps.now();
    const readAt = Date.now();
    const redis = deps.redis;
    // what each stream wants now: the streams' reads overlap (a batch holds each stream once)
    const wants = await pMap(
      streams,
      async (streamId) => ({ streamId, notifications: await deps.sources.for(streamCategory(streamId))!.pending(streamId, now) }),
      { concurrency: STREAMS_IN_FLIGHT },
    );
    // what was scheduled for them, in one round trip
    const scheduled = await redis.pipeline(wants.map(({ streamId }) => ['smembers', scheduledSetKey(deps.prefix, streamId)])).exec();
    const jobs = wants.flatMap(({ streamId, notifications }) =>
      notifications.map((notification) => reminderJob(streamId, notification, now, readAt)),
    );
    for (let i = 0; i < jobs.length; i += ADD_BULK) await deps.queue.addBulk(jobs.slice(i, i + ADD_BULK));
    const stale = wants.flatMap(({ notifications }, i) => {
      const wanted = new Set(notifications.map((notification) => notification.key));
      return ((scheduled?.[i]?.[1] as string[] | undefined) ?? []).filter((key) => !wanted.has(key));
    });
    // an active job cannot be removed: it will find its notification stale and do nothing
    await pMap(stale, (key) => deps.queue.remove(key).catch(() => 0), { concurrency: STREAMS_IN_FLIGHT });
    const multi = redis.multi();
    for (const { streamId, notifications } of wants) {
      const setKey = scheduledSetKey(deps.prefix, streamId);
      multi.del(setKey);
      if (notifications.length > 0) multi.sadd(setKey, ...notifications.map((notification) => notification.key));
    }
    await multi.exec();
  },
});
