import { Module } from '@nestjs/common';
import { RectificationNotificationSource } from '@app/rectifications';
import { RemindersModule } from '@app/reminders';

/** The background work: notification scheduling and delivery on BullMQ (the projections run from the core module). */
@Module({
  imports: [RemindersModule.forRoot({ sources: [RectificationNotificationSource] })],
})
export class EngineWorkerModule {}
