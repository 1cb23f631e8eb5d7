import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { FEATURE_WORKER_MODULES, NOTIFICATION_SOURCES } from './features.js';

/** The background work: notification scheduling and delivery, and the features' own (the plan's cadence), on BullMQ (the projections run from the core module). */
@Module({
  imports: [NotificationsModule.forRoot({ sources: [...NOTIFICATION_SOURCES] }), ...FEATURE_WORKER_MODULES],
})
export class EngineWorkerModule {}
