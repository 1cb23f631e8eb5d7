import { aggregateStateProjection } from '@app/projections';
import { inspectionDecider, type InspectionState } from '../domain/inspection.decider.js';

export const inspectionsProjection = aggregateStateProjection<InspectionState>({
  name: 'inspections',
  category: 'inspection',
  table: 'rm_inspections',
  decider: inspectionDecider,
  columns: { kindergarten_id: 'text', kind: 'text', year: 'integer', status: 'text', outcome: 'text', concluded_at: 'timestamptz' },
  toColumns: (state) =>
    state.status === 'none'
      ? {}
      : {
          kindergarten_id: state.kindergartenId,
          kind: state.kind,
          year: state.year,
          status: state.status,
          outcome: state.status === 'concluded' ? state.outcome : null,
          concluded_at: state.status === 'concluded' ? state.concludedAt : null,
        },
  indexes: (s) => [`CREATE INDEX rm_inspections_kindergarten ON ${s}.rm_inspections (kindergarten_id, year, kind)`],
});
