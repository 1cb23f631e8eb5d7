import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { Settings } from '@app/config';
import { EmailChannel } from './channels/email.channel.js';
import { NotificationChannels } from './channels/notification-channels.js';
import { NoRecipientAddresses, RecipientAddresses } from './channels/recipient-addresses.js';
import { WebhookChannel } from './channels/webhook.channel.js';
import { Deliveries } from './deliveries.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { DeliveryReconciler } from './delivery-reconciler.js';
import { NotificationSource, NotificationSources } from './notification-source.js';
import { CADENCE_QUEUE, DELIVERY_QUEUE, REMINDER_QUEUE, applyJobLock } from './queues.js';
import { RedisLossWatch } from './redis-loss-watch.js';
import { ReminderRedis, redisReconnectDelay } from './reminder-redis.js';
import { ReminderProcessor } from './reminder.processor.js';
import { ReminderReconciler } from './reminder-reconciler.js';
import { ReminderConnections, ReminderRedisErrors, ReminderScheduler, ReminderWorkers, RemindersLifecycle } from './reminders-lifecycle.js';

const JOB_LOCK_MS = Symbol('JOB_LOCK_MS');

/**
 * Notifications on BullMQ: the scheduler (delayed jobs = the pending notifications of the record), the workers that
 * deliver them (inbox, then e-mail and webhook), and the reconciler. Sources say where notifications come from.
 */
@Global()
@Module({})
export class NotificationsModule {
  /**
   * `workers: false` (a CLI): the queues, sources and reconcilers only, without workers, scheduler or start-up work.
   * `addresses`: the module providing RecipientAddresses (the user directory), else nobody gets e-mail.
   */
  static forRoot(options: { sources: readonly Type<NotificationSource>[]; workers?: boolean; addresses?: Type }): DynamicModule {
    const sources = [...options.sources];
    const background = [
      ReminderProcessor,
      DeliveryProcessor,
      // before the workers are made (when the module initialises): their lock from the validated settings
      { provide: JOB_LOCK_MS, inject: [Settings], useFactory: (settings: Settings) => applyJobLock(settings.JOB_LOCK_MS) },
      ReminderScheduler,
      ReminderWorkers,
      ReminderRedisErrors,
      RedisLossWatch,
      RemindersLifecycle,
    ];
    return {
      module: NotificationsModule,
      imports: [
        BullModule.forRootAsync({
          inject: [Settings],
          useFactory: (settings: Settings) => ({
            connection: { url: settings.REDIS_URL, maxRetriesPerRequest: null, retryStrategy: redisReconnectDelay },
            prefix: settings.QUEUE_PREFIX,
          }),
        }),
        BullModule.registerQueue({ name: REMINDER_QUEUE }, { name: DELIVERY_QUEUE }, { name: CADENCE_QUEUE }),
        ...(options.addresses ? [options.addresses] : []),
      ],
      providers: [
        ...sources,
        { provide: NotificationSources, inject: sources, useFactory: (...sources: NotificationSource[]) => new NotificationSources(sources) },
        ...(options.addresses ? [] : [{ provide: RecipientAddresses, useClass: NoRecipientAddresses }]),
        {
          provide: NotificationChannels,
          inject: [Settings, RecipientAddresses],
          useFactory: (settings: Settings, addresses: RecipientAddresses) =>
            new NotificationChannels([new EmailChannel(settings, addresses), new WebhookChannel(settings)]),
        },
        { provide: ReminderRedis, inject: [Settings], useFactory: (settings: Settings) => new ReminderRedis(settings.REDIS_URL) },
        Deliveries,
        ReminderReconciler,
        DeliveryReconciler,
        ReminderConnections,
        ...(options.workers === false ? [] : background),
      ],
      exports: [
        NotificationSources,
        NotificationChannels,
        Deliveries,
        ReminderReconciler,
        DeliveryReconciler,
        BullModule,
        ...(options.workers === false ? [] : [RedisLossWatch]),
      ],
    };
  }
}
