import { inspectionDecider, type InspectionState } from '@app/inspections/domain';
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
  // unit_ids: the task's lead and responsible units, so that no query reads them out of `state`
  columns: { task_no: 'integer', unit_ids: 'text[]' },
  toColumns: (state) =>
    state.status === 'registered' ? { task_no: state.taskNo, unit_ids: [...new Set([...state.leadUnits, ...state.responsibleUnits])] } : {},
  upgrades: (s) => [
    `ALTER TABLE ${s}.rm_plan_tasks ADD COLUMN IF NOT EXISTS unit_ids text[];
     UPDATE ${s}.rm_plan_tasks SET unit_ids = ARRAY(
       SELECT jsonb_array_elements_text(state->'leadUnits') UNION SELECT jsonb_array_elements_text(state->'responsibleUnits'))
     WHERE task_no IS NOT NULL AND unit_ids IS NULL`,
  ],
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

/** The annual inspections' results, for the annual assessment (年度考核): the plan's own table of the inspections' streams. */
export const assessmentInspectionsProjection = aggregateStateProjection<InspectionState>({
  name: 'assessment-inspections',
  category: 'inspection',
  table: 'rm_assessment_inspections',
  decider: inspectionDecider,
  columns: { kindergarten_id: 'text', kind: 'text', year: 'integer', status: 'text', outcome: 'text', concluded_at: 'text' },
  toColumns: (state) =>
    state.status === 'none'
      ? {}
      : {
          kindergarten_id: state.kindergartenId,
          kind: state.kind,
          year: state.year,
          status: state.status,
          outcome: 'outcome' in state ? state.outcome : null,
          concluded_at: 'concludedAt' in state ? state.concludedAt : null,
        },
  indexes: (s) => [`CREATE INDEX rm_assessment_inspections_annual ON ${s}.rm_assessment_inspections (year, kindergarten_id) WHERE kind = 'annual'`],
});
