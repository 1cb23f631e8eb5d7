import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OpenAssessmentHandler } from './application/open-assessment.js';
import { PlanRecord } from './application/plan-record.js';
import {
  GetAssessmentHandler,
  GetBulletinHandler,
  GetMonthlyReportHandler,
  ListMonthlyReportsHandler,
  ListPlanTasksHandler,
} from './application/plan-supervision.queries.js';
import { PublishBulletinHandler } from './application/publish-bulletin.js';
import { RegisterPlanTaskHandler, RegisterResponsibleUnitHandler } from './application/reference-data-commands.js';
import { SubmitMonthlyReportHandler } from './application/submit-monthly-report.js';
import { PlanSupervisionViews } from './read-models/plan-supervision-views.js';

/** Supervision of the plan itself (督导考核): its units and tasks, monthly reports, quarterly bulletins, annual assessments. */
@Module({
  imports: [CqrsModule],
  providers: [
    PlanRecord,
    RegisterResponsibleUnitHandler,
    RegisterPlanTaskHandler,
    SubmitMonthlyReportHandler,
    PublishBulletinHandler,
    OpenAssessmentHandler,
    ListPlanTasksHandler,
    ListMonthlyReportsHandler,
    GetMonthlyReportHandler,
    GetBulletinHandler,
    GetAssessmentHandler,
    PlanSupervisionViews,
  ],
  exports: [PlanRecord],
})
export class PlanSupervisionModule {}
