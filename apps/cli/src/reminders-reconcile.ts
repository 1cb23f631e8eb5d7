// Rebuilds the reminders' delayed jobs from the event store, as the worker does when it starts: npm run reminders:reconcile
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createCalendar, loadCalendarOverrides } from '@app/calendar';
import { ConfigurationError, SystemClock, loadSettings } from '@app/config';
import { NOTIFICATION_SOURCES, PROJECTIONS } from '@app/engine';
import { Upcasters } from '@app/event-sourcing';
import { CommandRunner } from '@app/commands';
import { openDatabase, openEventStore } from '@app/event-store';
import { PlanSupervisionNotificationSource } from '@app/plan-supervision';
import { migrateProjections } from '@app/projections';
import { RectificationNotificationSource } from '@app/rectifications';
import {
  DELIVERY_QUEUE,
  Deliveries,
  DeliveryReconciler,
  EmailChannel,
  NotificationChannels,
  NotificationSources,
  REMINDER_QUEUE,
  ReminderReconciler,
  ReminderRedis,
  WebhookChannel,
  loadContacts,
  type DeliveryJob,
  type ReminderJob,
} from '@app/reminders';

if (existsSync('.env')) process.loadEnvFile('.env');

// the counts are this tool's output; the library's own log lines only when something is wrong
Logger.overrideLogger(['error', 'warn']);

const main = async (): Promise<number> => {
  const settings = loadSettings();
  const database = await openDatabase(settings);
  const store = await openEventStore(settings, database, new Upcasters());
  const redis = new ReminderRedis(settings.REDIS_URL);
  const queue = new Queue<ReminderJob>(REMINDER_QUEUE, {
    connection: { url: settings.REDIS_URL, maxRetriesPerRequest: null },
    prefix: settings.QUEUE_PREFIX,
  });
  const deliveryQueue = new Queue<DeliveryJob>(DELIVERY_QUEUE, {
    connection: { url: settings.REDIS_URL, maxRetriesPerRequest: null },
    prefix: settings.QUEUE_PREFIX,
  });
  for (const each of [queue, deliveryQueue]) each.on('error', () => undefined);
  const channels = new NotificationChannels([new EmailChannel(settings, loadContacts(settings.CONTACTS_FILE)), new WebhookChannel(settings)]);
  try {
    // a Redis that is not there fails here, with its reason, instead of waiting for ever in BullMQ's reconnects
    await redis.client.ping().catch((error: Error) => {
      throw new Error(`Redis (REDIS_URL) is not reachable: ${error.message}`);
    });
    // the sources read the case read model: on a store no worker has opened yet, its tables are created empty
    await migrateProjections(database, settings.DATABASE_SCHEMA, PROJECTIONS);
    const executor = new CommandRunner(store);
    const overrides = settings.CALENDAR_OVERRIDES_FILE ? await loadCalendarOverrides(resolve(settings.CALENDAR_OVERRIDES_FILE)) : undefined;
    // the worker's sources (libs/engine/src/worker.module.ts): a job no source wants would be removed as stale
    const sources = new NotificationSources([
      new RectificationNotificationSource(executor, store, database, createCalendar(overrides), settings),
      new PlanSupervisionNotificationSource(executor, store, settings),
    ]);
    const missing = NOTIFICATION_SOURCES.filter((type) => !sources.all.some((source) => source instanceof type));
    if (missing.length > 0)
      throw new Error(
        `this tool does not build every source the worker has (${missing.map((type) => type.name).join(', ')}): it would remove their jobs`,
      );
    const clock = new SystemClock();
    const reconciler = new ReminderReconciler(sources, queue, clock, settings, redis);
    const report = await reconciler.reconcile();
    const owed = await new DeliveryReconciler(database, settings, clock, sources, channels, new Deliveries(deliveryQueue, channels)).reconcile();
    console.log(
      `reminders reconciled (queue prefix ${settings.QUEUE_PREFIX}): desired ${report.desired}, added ${report.added}, ` +
        `removed ${report.removed}, unchanged ${report.kept} (${report.seconds} s)`,
    );
    console.log(
      `deliveries (e-mail, webhook) queued again for the last 24 h's notifications: ${owed.queued} (of ${owed.notifications} notifications)`,
    );
    return 0;
  } finally {
    await Promise.all([queue, deliveryQueue].map((each) => each.close().catch(() => undefined)));
    for (const channel of channels.all) if (channel instanceof EmailChannel) channel.close();
    await redis.close();
    await store.close();
    await database.close();
  }
};

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
