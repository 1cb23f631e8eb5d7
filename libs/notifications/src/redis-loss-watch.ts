import { Inject, Injectable, Logger } from '@nestjs/common';
import { Settings } from '@app/config';
import { redisDataLosses } from '@app/metrics';
import { DeliveryReconciler } from './delivery-reconciler.js';
import { ReminderRedis } from './reminder-redis.js';
import { ReminderReconciler } from './reminder-reconciler.js';

/** The key the scheduler owns: set before each rebuild, so that a Redis without it has lost (at least) what came after. */
// beside BullMQ's keys (`{prefix}:{queue}:…`, whose own `marker` it must not touch)
export const redisMarkerKey = (prefix: string): string => `${prefix}:notification-scheduler:marker`;

/**
 * Notices Redis losing its data while the engine runs (a FLUSHALL, a restart without persistence, a failover to an
 * empty replica): the scheduler's marker key is checked on every reconnect and every REDIS_LOSS_CHECK_MS, and when it is
 * gone the marker is set again and everything Redis held for the record is rebuilt from it (the reminders' delayed jobs,
 * the owed deliveries, and whatever else subscribed, e.g. the cadence's job schedulers), logged and counted in /metrics.
 */
@Injectable()
export class RedisLossWatch {
  private readonly logger = new Logger('Reminders');
  private readonly rebuilders: Array<{ name: string; rebuild: () => Promise<unknown> }> = [];
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  /** A loss seen whose rebuild has not succeeded yet: the next check rebuilds whatever the marker says. */
  private owed = false;
  private readonly onReady = (): void => void this.check();

  constructor(
    @Inject(ReminderRedis) private readonly redis: ReminderRedis,
    @Inject(ReminderReconciler) private readonly reminders: ReminderReconciler,
    @Inject(DeliveryReconciler) private readonly deliveries: DeliveryReconciler,
    @Inject(Settings) private readonly settings: Settings,
  ) {}

  /** Something else kept in Redis that must be put back after a loss (called after the reminders are rebuilt). */
  onLoss(name: string, rebuild: () => Promise<unknown>): void {
    this.rebuilders.push({ name, rebuild });
  }

  /** Sets the marker; call before the first rebuild, so that a loss during it is noticed afterwards. */
  async mark(): Promise<void> {
    await this.redis.client.set(redisMarkerKey(this.settings.QUEUE_PREFIX), new Date().toISOString());
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.settings.REDIS_LOSS_CHECK_MS);
    this.timer.unref();
    this.redis.client.on('ready', this.onReady);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.redis.client.off('ready', this.onReady);
    await this.checking;
  }

  /** One check (and rebuild when the marker is gone); one at a time; a Redis that does not answer is checked again later. */
  check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = null));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    if (!this.owed) {
      try {
        if ((await this.redis.client.exists(redisMarkerKey(this.settings.QUEUE_PREFIX))) === 1) return;
      } catch {
        return; // Redis is down: readiness says so, and the next reconnect or tick checks again
      }
      redisDataLosses.inc();
      this.logger.warn("Redis has lost the scheduler's data (its marker key is gone): rebuilding the reminders from the record");
      this.owed = true;
    }
    try {
      await this.mark();
      await this.reminders.reconcile();
      await this.deliveries.reconcile();
      for (const { name, rebuild } of this.rebuilders) {
        await rebuild().catch((error: unknown) => {
          throw new Error(`${name}: ${(error as Error).message}`);
        });
      }
      this.owed = false;
      this.logger.log('rebuilt what Redis had lost from the record');
    } catch (error) {
      this.logger.error(`cannot rebuild the reminders yet (${(error as Error).message}); retrying at the next check`);
    }
  }
}
