import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock, Settings } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { ProjectionRunner } from '@app/projections';
import { SqlDatabase } from '@app/sql';
import { EmailChannel } from './channels/email.channel.js';
import { NotificationChannels } from './channels/notification-channels.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { DeliveryReconciler } from './delivery-reconciler.js';
import { NotificationSources } from './notification-source.js';
import { CADENCE_QUEUE, DELIVERY_QUEUE, REMINDER_QUEUE, type ReminderJob } from './queues.js';
import { RedisLossWatch } from './redis-loss-watch.js';
import { ReminderRedis } from './reminder-redis.js';
import { ReminderProcessor } from './reminder.processor.js';
import { ReminderReconciler } from './reminder-reconciler.js';
import { reminderSchedulerProjection } from './reminder-scheduler.js';

/** The reminder scheduler following the log with its own checkpoint (see reminderSchedulerProjection). */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger('Reminders');
  private runner: ProjectionRunner | null = null;

  constructor(
    @Inject(NotificationSources) private readonly sources: NotificationSources,
    @InjectQueue(REMINDER_QUEUE) private readonly queue: Queue<ReminderJob>,
    @Inject(ReminderRedis) private readonly redis: ReminderRedis,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  start(): void {
    const scheduler = reminderSchedulerProjection({
      sources: this.sources,
      queue: this.queue,
      redis: this.redis.client,
      prefix: this.settings.QUEUE_PREFIX,
      now: () => this.clock.now(),
    });
    this.runner = new ProjectionRunner(scheduler, this.store, this.database, this.settings.DATABASE_SCHEMA, {
      log: (message) => this.logger.log(message),
      error: (message, error) => this.logger.error(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
    });
    this.runner.start();
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
  }
}

/** The workers that deliver notifications. */
@Injectable()
export class ReminderWorkers {
  constructor(
    @Inject(ReminderProcessor) private readonly reminders: ReminderProcessor,
    @Inject(DeliveryProcessor) private readonly deliveries: DeliveryProcessor,
    @Inject(ReminderRedis) private readonly redis: ReminderRedis,
  ) {}

  async close(): Promise<void> {
    // let running jobs finish; but a graceful close waits for ever on a Redis that is gone, so then force it
    // (an unfinished job goes back to the queue once its lock expires)
    const redisUp = this.redis.client.status === 'ready';
    await Promise.all([this.reminders.worker, this.deliveries.worker].map((worker) => worker.close(!redisUp)));
  }
}

/** The e-mail transports and the reminders' Redis connection, closed once everything that uses them has stopped. */
@Injectable()
export class ReminderConnections implements OnApplicationShutdown {
  constructor(
    @Inject(NotificationChannels) private readonly channels: NotificationChannels,
    @Inject(ReminderRedis) private readonly redis: ReminderRedis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    for (const channel of this.channels.all) if (channel instanceof EmailChannel) channel.close();
    await this.redis.close();
  }
}

/** Redis going away is logged (at most once a minute), not thrown: BullMQ reconnects by itself. */
@Injectable()
export class ReminderRedisErrors {
  private readonly logger = new Logger('Reminders');
  private lastLogged = 0;

  constructor(
    @InjectQueue(REMINDER_QUEUE) reminderQueue: Queue,
    @InjectQueue(DELIVERY_QUEUE) deliveryQueue: Queue,
    @InjectQueue(CADENCE_QUEUE) cadenceQueue: Queue,
    @Inject(ReminderProcessor) reminders: ReminderProcessor,
    @Inject(DeliveryProcessor) deliveries: DeliveryProcessor,
  ) {
    const onError = (error: Error): void => this.log(error);
    for (const queue of [reminderQueue, deliveryQueue, cadenceQueue]) queue.on('error', onError);
    for (const processor of [reminders, deliveries]) processor.onError = onError;
  }

  private log(error: Error): void {
    if (Date.now() - this.lastLogged < 60_000) return;
    this.lastLogged = Date.now();
    this.logger.warn(`Redis: ${error.message} (BullMQ keeps retrying)`);
  }
}

/** Rebuilds the delayed jobs and owed deliveries from the record at start, then starts the scheduler; stops it all. */
@Injectable()
export class RemindersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private readonly stopping = new AbortController();
  private starting: Promise<void> | null = null;

  constructor(
    @Inject(ReminderReconciler) private readonly reconciler: ReminderReconciler,
    @Inject(DeliveryReconciler) private readonly deliveryReconciler: DeliveryReconciler,
    @Inject(ReminderScheduler) private readonly scheduler: ReminderScheduler,
    @Inject(ReminderWorkers) private readonly workers: ReminderWorkers,
    @Inject(NotificationChannels) private readonly channels: NotificationChannels,
    @Inject(RedisLossWatch) private readonly lossWatch: RedisLossWatch,
  ) {}

  // in the background: a Redis that is down must not hold up the rest of the process (the API answers, readiness says why)
  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  private async start(): Promise<void> {
    for (let delay = 1_000; !this.stopping.signal.aborted; delay = Math.min(delay * 2, 30_000)) {
      try {
        // the marker first: Redis losing its data during the rebuild is then noticed afterwards
        await this.lossWatch.mark();
        await this.reconciler.reconcile();
        await this.deliveryReconciler.reconcile();
        break;
      } catch (error) {
        this.logger.warn(`cannot rebuild the reminders yet (${(error as Error).message}); retrying in ${delay / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
    if (this.stopping.signal.aborted) return;
    this.scheduler.start();
    this.lossWatch.start();
    const channels = this.channels.enabled.map((channel) => channel.name);
    this.logger.log(`reminder scheduler running; channels: inbox${channels.map((name) => `, ${name}`).join('')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    // a start still waiting for Redis is abandoned, not awaited
    await Promise.race([this.starting, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    await this.lossWatch.stop();
    await this.scheduler.stop();
    await this.workers.close();
  }
}
