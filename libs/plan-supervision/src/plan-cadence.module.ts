import { Module } from '@nestjs/common';
import { CadenceProcessor } from './application/cadence.processor.js';
import { CadenceLifecycle } from './application/cadence-lifecycle.js';
import { PlanCadence } from './application/plan-cadence.js';
import { PlanSupervisionModule } from './plan-supervision.module.js';

/** The plan's cadence on BullMQ (needs the reminders module): its job schedulers and the worker that runs their jobs. */
@Module({
  imports: [PlanSupervisionModule],
  providers: [PlanCadence, CadenceProcessor, CadenceLifecycle],
  exports: [PlanCadence, CadenceLifecycle],
})
export class PlanCadenceModule {}
