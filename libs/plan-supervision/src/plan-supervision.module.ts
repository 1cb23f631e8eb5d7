import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@app/commands';
import { InspectionsModule } from '@app/inspections';
import { PlanRecord } from './application/plan-record.js';
import { PlanSupervisionCommands } from './application/plan-supervision-commands.js';
import {
  GetAssessmentHandler,
  GetBulletinHandler,
  ListBulletinsHandler,
  GetMonthlyReportHandler,
  ListMonthlyReportsHandler,
  ListPlanTasksHandler,
} from './application/plan-supervision.queries.js';
import { PlanSupervisionViews } from './read-models/plan-supervision-views.js';

/** Supervision of the plan itself (督导考核): its units and tasks, monthly reports, quarterly bulletins, annual assessments. */
@Module({
  // the annual assessment schedules its inspections through the inspections' own use case
  imports: [CqrsModule, CommandsModule, InspectionsModule],
  providers: [
    PlanRecord,
    PlanSupervisionCommands,
    ListPlanTasksHandler,
    ListMonthlyReportsHandler,
    GetMonthlyReportHandler,
    GetBulletinHandler,
    ListBulletinsHandler,
    GetAssessmentHandler,
    PlanSupervisionViews,
  ],
  exports: [PlanRecord, PlanSupervisionCommands],
})
export class PlanSupervisionModule {}
