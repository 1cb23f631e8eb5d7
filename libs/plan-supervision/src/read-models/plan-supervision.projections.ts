import { aggregateStateProjection } from '@app/projections';
import { monthlyReportDecider, type MonthlyReportState } from '../domain/monthly-report.decider.js';
import { planTaskDecider, type PlanTaskState } from '../domain/plan-task.decider.js';
import { responsibleUnitDecider, type ResponsibleUnitState } from '../domain/responsible-unit.decider.js';

export const responsibleUnitsProjection = aggregateStateProjection<ResponsibleUnitState>({
  name: 'responsible-units',
  category: 'responsibleUnit',
  table: 'rm_responsible_units',
  decider: responsibleUnitDecider,
  columns: { name: 'text', registered_at: 'timestamptz' },
  toColumns: (state) => (state.status === 'registered' ? { name: state.name, registered_at: state.registeredAt } : {}),
});

export const planTasksProjection = aggregateStateProjection<PlanTaskState>({
  name: 'plan-tasks',
  category: 'planTask',
  table: 'rm_plan_tasks',
  decider: planTaskDecider,
  columns: { task_no: 'integer' },
  toColumns: (state) => (state.status === 'registered' ? { task_no: state.taskNo } : {}),
});

/** One row per `monthlyReport-{unitId}-{period}` stream; a stream holding only reminders has no unit or period columns. */
export const monthlyReportsProjection = aggregateStateProjection<MonthlyReportState>({
  name: 'monthly-reports',
  category: 'monthlyReport',
  table: 'rm_monthly_reports',
  decider: monthlyReportDecider.withoutDeliveries,
  columns: { unit_id: 'text', period: 'text', status: 'text', late: 'boolean' },
  toColumns: (state) =>
    state.status === 'pending'
      ? { status: state.status }
      : { unit_id: state.unitId, period: state.period, status: state.status, late: state.status === 'submitted' ? state.late : null },
  indexes: (s) => [`CREATE INDEX rm_monthly_reports_period ON ${s}.rm_monthly_reports (period, unit_id)`],
});
