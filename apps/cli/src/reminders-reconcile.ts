// Rebuilds the reminders' delayed jobs from the event store, as the worker does when it starts: npm run reminders:reconcile
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, Settings, loadSettings } from '@app/config';
import { EngineCoreModule, NOTIFICATION_SOURCES } from '@app/composition-root';
import { DeliveryReconciler, ReminderReconciler, ReminderRedis, NotificationsModule } from '@app/notifications';

if (existsSync('.env')) process.loadEnvFile('.env');

/** The engine's core and the worker's notification sources, queues and reconcilers: no workers, scheduler or projection runners. */
@Module({})
class RemindersReconcileModule {
  static register(settings: Settings): DynamicModule {
    return {
      module: RemindersReconcileModule,
      imports: [
        // the sources read the case read model: on a store no worker has opened yet, its tables are created empty
        EngineCoreModule.register({ ...settings, RUN_WORKER: false }),
        NotificationsModule.forRoot({ sources: NOTIFICATION_SOURCES, workers: false }),
      ],
    };
  }
}

const main = async (): Promise<number> => {
  const settings = loadSettings();
  // the counts are this tool's output; the library's own log lines only when something is wrong
  const app = await NestFactory.createApplicationContext(RemindersReconcileModule.register(settings), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    // a Redis that is not there fails here, with its reason, instead of waiting for ever in BullMQ's reconnects
    await app
      .get(ReminderRedis)
      .client.ping()
      .catch((error: Error) => {
        throw new Error(`Redis (REDIS_URL) is not reachable: ${error.message}`);
      });
    const report = await app.get(ReminderReconciler).reconcile();
    const owed = await app.get(DeliveryReconciler).reconcile();
    console.log(
      `reminders reconciled (queue prefix ${settings.QUEUE_PREFIX}): desired ${report.desired}, added ${report.added}, ` +
        `removed ${report.removed}, unchanged ${report.kept} (${report.seconds} s)`,
    );
    console.log(
      `deliveries (e-mail, webhook) queued again for the last 24 h's notifications: ${owed.queued} (of ${owed.notifications} notifications)`,
    );
    return 0;
  } finally {
    await app.close();
  }
};

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
