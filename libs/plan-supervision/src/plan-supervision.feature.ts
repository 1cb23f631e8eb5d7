import { PlanSupervisionNotificationSource } from './application/plan-notification-source.js';
import { assessmentDecider } from './domain/assessment.decider.js';
import { bulletinDecider } from './domain/bulletin.decider.js';
import { monthlyReportDecider } from './domain/monthly-report.decider.js';
import { planTaskDecider } from './domain/plan-task.decider.js';
import { responsibleUnitDecider } from './domain/responsible-unit.decider.js';
import { PlanCadenceModule } from './plan-cadence.module.js';
import { PlanSupervisionModule } from './plan-supervision.module.js';
import {
  assessmentInspectionsProjection,
  monthlyReportsProjection,
  planTasksProjection,
  responsibleUnitsProjection,
} from './read-models/plan-supervision.projections.js';

/** The plan's supervision as the engine assembles it: its periods notify, and its cadence runs in the worker. */
export const planSupervisionFeature = {
  module: PlanSupervisionModule,
  workerModule: PlanCadenceModule,
  projections: [responsibleUnitsProjection, planTasksProjection, monthlyReportsProjection, assessmentInspectionsProjection],
  audit: [
    { category: 'responsibleUnit', label: '责任单位', decider: responsibleUnitDecider },
    { category: 'planTask', label: '重点任务', decider: planTaskDecider },
    { category: 'monthlyReport', label: '月度进展报告', decider: monthlyReportDecider },
    { category: 'bulletin', label: '季度通报', decider: bulletinDecider },
    { category: 'assessment', label: '年度考核', decider: assessmentDecider },
  ],
  notificationSource: PlanSupervisionNotificationSource,
};
