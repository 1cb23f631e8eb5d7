import { streamCategory, type StoredEvent } from '@app/event-sourcing';
import type { Projection } from '@app/projections';
import type { Queue } from 'bullmq';
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

/** A delayed job per pending notification: job id = the notification's key, delay = until it is due. */
export const reminderJob = (streamId: string, notification: DueNotification, now: Date) => ({
  name: 'remind',
  data: { streamId, key: notification.key } satisfies ReminderJob,
  opts: { ...REMINDER_JOB_OPTIONS, jobId: notification.key, delay: Math.max(0, Date.parse(notification.dueAt) - now.getTime()) },
});

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
    const redis = deps.redis;
    for (const streamId of streams) {
      const notifications = await deps.sources.for(streamCategory(streamId))!.pending(streamId, now);
      const setKey = scheduledSetKey(deps.prefix, streamId);
      const wanted = new Set(notifications.map((notification) => notification.key));
      const stale = (await redis.smembers(setKey)).filter((key) => !wanted.has(key));
      if (notifications.length > 0) await deps.queue.addBulk(notifications.map((notification) => reminderJob(streamId, notification, now)));
      // an active job cannot be removed: it will find its notification stale and do nothing
      for (const key of stale) await deps.queue.remove(key).catch(() => 0);
      const multi = redis.multi().del(setKey);
      if (wanted.size > 0) multi.sadd(setKey, ...wanted);
      await multi.exec();
    }
  },
});
