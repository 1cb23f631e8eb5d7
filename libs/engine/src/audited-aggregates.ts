import { AuditedAggregates, describeEvent } from '@app/audit';
import { enrolmentDecider } from '@app/enrolment';
import { inspectionDecider } from '@app/inspections';
import { kindergartenDecider } from '@app/kindergartens';
import { assessmentDecider, bulletinDecider, monthlyReportDecider, planTaskDecider, responsibleUnitDecider } from '@app/plan-supervision';
import { rectificationDecider } from '@app/rectifications';

const describe = (event: Parameters<typeof describeEvent>[0]) => describeEvent(event);

/** Every aggregate the record holds, as the auditor replays it: with the deciders that decide commands. */
export const AUDITED_AGGREGATES = new AuditedAggregates([
  { category: 'kindergarten', label: '幼儿园', decider: kindergartenDecider as never, describe },
  { category: 'inspection', label: '检查', decider: inspectionDecider as never, describe },
  { category: 'rectification', label: '整改事项', decider: rectificationDecider as never, describe },
  { category: 'enrolment', label: '招生状态', decider: enrolmentDecider as never, describe },
  { category: 'responsibleUnit', label: '责任单位', decider: responsibleUnitDecider as never, describe },
  { category: 'planTask', label: '重点任务', decider: planTaskDecider as never, describe },
  { category: 'monthlyReport', label: '月度进展报告', decider: monthlyReportDecider as never, describe },
  { category: 'bulletin', label: '季度通报', decider: bulletinDecider as never, describe },
  { category: 'assessment', label: '年度考核', decider: assessmentDecider as never, describe },
]);
