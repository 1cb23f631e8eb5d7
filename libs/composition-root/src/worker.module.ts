import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { UsersModule } from '@app/users';
import { FEATURE_WORKER_MODULES, NOTIFICATION_SOURCES } from './features.js';

/** The background work: notification scheduling and delivery, and the features' own (the plan's cadence), on BullMQ (the projections run from the core module). */
@Module({
  // e-mail goes to each recipient user's own address: the directory's
  imports: [NotificationsModule.forRoot({ sources: [...NOTIFICATION_SOURCES], addresses: UsersModule }), ...FEATURE_WORKER_MODULES],
})
export class EngineWorkerModule {}
