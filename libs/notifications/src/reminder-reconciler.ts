import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import pMap from 'p-map';
import { Clock, Settings } from '@app/config';
import { NotificationSources } from './notification-source.js';
import { REMINDER_QUEUE, type ReminderJob } from './queues.js';
import { ReminderRedis } from './reminder-redis.js';
import { reminderJob, scheduledSetKey } from './reminder-scheduler.js';

export interface ReconcileReport {
  readonly desired: number;
  readonly added: number;
  readonly removed: number;
  readonly kept: number;
  readonly seconds: number;
}

const WAITING = ['delayed', 'wait', 'prioritized'] as const;
const PAGE = 5_000;

/**
 * Redis holds nothing the event store cannot rebuild: recomputes every pending notification from the record, adds
 * the jobs that are missing, removes the ones nobody wants any more, and rebuilds the per-stream bookkeeping.
 */
@Injectable()
export class ReminderReconciler {
  private readonly logger = new Logger('Reminders');

  constructor(
    @Inject(NotificationSources) private readonly sources: NotificationSources,
    @InjectQueue(REMINDER_QUEUE) private readonly queue: Queue<ReminderJob>,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(ReminderRedis) private readonly redis: ReminderRedis,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const started = performance.now();
    const now = this.clock.now();
    const readAt = Date.now();
    const desired = new Map<string, ReturnType<typeof reminderJob>>();
    const byStream = new Map<string, string[]>();
    for (const source of this.sources.all) {
      for await (const { streamId, notifications } of source.allPending(now)) {
        for (const notification of notifications) desired.set(notification.key, reminderJob(streamId, notification, now, readAt));
        byStream.set(
          streamId,
          notifications.map((notification) => notification.key),
        );
      }
    }
    const existing = new Set<string>();
    for (let start = 0; ; start += PAGE) {
      const ids = await this.queue.getRanges([...WAITING], start, start + PAGE - 1, true);
      if (ids.length === 0) break;
      for (const id of ids) existing.add(id);
    }
    const active = new Set(await this.queue.getRanges(['active'], 0, -1, true));
    const stale = [...existing].filter((id) => !desired.has(id));
    await pMap(stale, (id) => this.queue.remove(id).catch(() => 0), { concurrency: 32 });
    const missing = [...desired.entries()].filter(([id]) => !existing.has(id) && !active.has(id)).map(([, job]) => job);
    // a job kept as failed (attempts used up) holds its id, and BullMQ ignores a new job under it: the record still
    // wants the notification, so the failed one makes way
    const failed = new Set(await this.queue.getRanges(['failed'], 0, -1, true));
    for (const job of missing) if (failed.has(job.opts.jobId)) await this.queue.remove(job.opts.jobId).catch(() => 0);
    for (let i = 0; i < missing.length; i += 1_000) await this.queue.addBulk(missing.slice(i, i + 1_000));
    const redis = this.redis.client;
    const prefix = this.settings.QUEUE_PREFIX;
    const entries = [...byStream.entries()];
    for (let i = 0; i < entries.length; i += 1_000) {
      const multi = redis.multi();
      for (const [streamId, keys] of entries.slice(i, i + 1_000)) {
        multi.del(scheduledSetKey(prefix, streamId));
        if (keys.length > 0) multi.sadd(scheduledSetKey(prefix, streamId), ...keys);
      }
      await multi.exec();
    }
    const report = {
      desired: desired.size,
      added: missing.length,
      removed: stale.length,
      kept: desired.size - missing.length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    };
    this.logger.log(`reconciled reminders: ${report.desired} wanted, ${report.added} added, ${report.removed} stale removed (${report.seconds} s)`);
    return report;
  }
}
