import { BullModule, InjectQueue } from '@nestjs/bullmq';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type Type,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock, Settings } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { ProjectionRunner } from '@app/projections';
import { SqlDatabase } from '@app/sql';
import { EmailChannel, loadContacts } from './channels/email.channel.js';
import { NotificationChannels } from './channels/notification-channels.js';
import { WebhookChannel } from './channels/webhook.channel.js';
import { Deliveries } from './deliveries.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { DeliveryReconciler } from './delivery-reconciler.js';
import { NotificationSource, NotificationSources } from './notification-source.js';
import { CADENCE_QUEUE, DELIVERY_QUEUE, REMINDER_QUEUE, type ReminderJob } from './queues.js';
import { ReminderRedis } from './reminder-redis.js';
import { ReminderProcessor } from './reminder.processor.js';
import { ReminderReconciler } from './reminder-reconciler.js';
import { reminderSchedulerProjection } from './reminder-scheduler.js';

/** Starts the scheduler following the log, and rebuilds the delayed jobs from the record at start. */
@Injectable()
class RemindersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private runner: ProjectionRunner | null = null;

  constructor(
    @Inject(NotificationSources) private readonly sources: NotificationSources,
    @InjectQueue(REMINDER_QUEUE) private readonly queue: Queue<ReminderJob>,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ReminderReconciler) private readonly reconciler: ReminderReconciler,
    @Inject(DeliveryReconciler) private readonly deliveryReconciler: DeliveryReconciler,
    @Inject(NotificationChannels) private readonly channels: NotificationChannels,
    @Inject(ReminderRedis) private readonly redis: ReminderRedis,
    @Inject(ReminderProcessor) private readonly reminders: ReminderProcessor,
    @Inject(DeliveryProcessor) private readonly deliveries: DeliveryProcessor,
    @InjectQueue(DELIVERY_QUEUE) deliveryQueue: Queue,
    @InjectQueue(CADENCE_QUEUE) cadenceQueue: Queue,
  ) {
    // Redis going away is logged (at most once a minute), not thrown: BullMQ reconnects by itself
    let lastLogged = 0;
    const onError = (error: Error): void => {
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      this.logger.warn(`Redis: ${error.message} (BullMQ keeps retrying)`);
    };
    for (const each of [this.queue, deliveryQueue, cadenceQueue]) each.on('error', onError);
    for (const processor of [reminders, deliveries]) processor.onError = onError;
  }

  private readonly stopping = new AbortController();
  private starting: Promise<void> | null = null;

  // in the background: a Redis that is down must not hold up the rest of the process (the API answers, readiness says why)
  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  private async start(): Promise<void> {
    for (let delay = 1_000; !this.stopping.signal.aborted; delay = Math.min(delay * 2, 30_000)) {
      try {
        await this.reconciler.reconcile();
        await this.deliveryReconciler.reconcile();
        break;
      } catch (error) {
        this.logger.warn(`cannot rebuild the reminders yet (${(error as Error).message}); retrying in ${delay / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
    if (this.stopping.signal.aborted) return;
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
    const channels = this.channels.enabled.map((channel) => channel.name);
    this.logger.log(`reminder scheduler running; channels: inbox${channels.map((name) => `, ${name}`).join('')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    // a start still waiting for Redis is abandoned, not awaited
    await Promise.race([this.starting, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    await this.runner?.stop();
    // let running jobs finish; but a graceful close waits for ever on a Redis that is gone, so then force it
    // (an unfinished job goes back to the queue once its lock expires)
    const redisUp = this.redis.client.status === 'ready';
    await Promise.all([this.reminders.worker, this.deliveries.worker].map((worker) => worker.close(!redisUp)));
    for (const channel of this.channels.all) if (channel instanceof EmailChannel) channel.close();
    await this.redis.close();
  }
}

/**
 * Notifications on BullMQ: the scheduler (delayed jobs = the pending notifications of the record), the workers that
 * deliver them (inbox, then e-mail and webhook), and the reconciler. Sources say where notifications come from.
 */
@Global()
@Module({})
export class RemindersModule {
  static forRoot(options: { sources: Type<NotificationSource>[] }): DynamicModule {
    return {
      module: RemindersModule,
      imports: [
        BullModule.forRootAsync({
          inject: [Settings],
          useFactory: (settings: Settings) => ({
            connection: { url: settings.REDIS_URL, maxRetriesPerRequest: null },
            prefix: settings.QUEUE_PREFIX,
          }),
        }),
        BullModule.registerQueue({ name: REMINDER_QUEUE }, { name: DELIVERY_QUEUE }, { name: CADENCE_QUEUE }),
      ],
      providers: [
        ...options.sources,
        { provide: NotificationSources, inject: options.sources, useFactory: (...sources: NotificationSource[]) => new NotificationSources(sources) },
        {
          provide: NotificationChannels,
          inject: [Settings],
          useFactory: (settings: Settings) =>
            new NotificationChannels([new EmailChannel(settings, loadContacts(settings.CONTACTS_FILE)), new WebhookChannel(settings)]),
        },
        { provide: ReminderRedis, inject: [Settings], useFactory: (settings: Settings) => new ReminderRedis(settings.REDIS_URL) },
        Deliveries,
        ReminderProcessor,
        DeliveryProcessor,
        ReminderReconciler,
        DeliveryReconciler,
        RemindersLifecycle,
      ],
      exports: [NotificationSources, NotificationChannels, Deliveries, ReminderReconciler, DeliveryReconciler, BullModule],
    };
  }
}
