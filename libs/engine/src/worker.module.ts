import { Module } from '@nestjs/common';
import { PlanCadenceModule, PlanSupervisionNotificationSource } from '@app/plan-supervision';
import { RectificationNotificationSource } from '@app/rectifications';
import { RemindersModule } from '@app/reminders';

/** The background work: notification scheduling and delivery, and the plan's cadence, on BullMQ (the projections run from the core module). */
@Module({
  imports: [RemindersModule.forRoot({ sources: [RectificationNotificationSource, PlanSupervisionNotificationSource] }), PlanCadenceModule],
})
export class EngineWorkerModule {}
