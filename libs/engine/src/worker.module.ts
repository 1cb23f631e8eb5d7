import { Module } from '@nestjs/common';
import { PlanCadenceModule, PlanSupervisionNotificationSource } from '@app/plan-supervision';
import { RectificationNotificationSource } from '@app/rectifications';
import { RemindersModule } from '@app/reminders';

/** Where this deployment's notifications come from; the reconcile CLI builds the same list and checks it against this one. */
export const NOTIFICATION_SOURCES = [RectificationNotificationSource, PlanSupervisionNotificationSource] as const;

/** The background work: notification scheduling and delivery, and the plan's cadence, on BullMQ (the projections run from the core module). */
@Module({
  imports: [RemindersModule.forRoot({ sources: [...NOTIFICATION_SOURCES] }), PlanCadenceModule],
})
export class EngineWorkerModule {}
