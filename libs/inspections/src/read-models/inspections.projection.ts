import { kindergartenDecider, type KindergartenState } from '@app/kindergartens/domain';
import { streamTable, type Projection } from '@app/projections';
import { inspectionDecider, type InspectionState } from '../domain/inspection.decider.js';

const inspections = streamTable<InspectionState>({
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

/** The kindergartens' townships, for `?township=`: this projection's own copy, not another feature's table. */
const inspectionKindergartens = streamTable<KindergartenState>({
  category: 'kindergarten',
  table: 'rm_inspection_kindergartens',
  decider: kindergartenDecider,
  columns: { township: 'text' },
  toColumns: (state) => (state.status === 'registered' ? { township: state.township } : {}),
});

const tables = [inspections, inspectionKindergartens];

/**
 * Inspections for their list. The second migration (v1.1) adds the townships and the state v1.1 keeps (cancellation,
 * withdrawn findings): it empties the projection and resets its checkpoint, so the runner rebuilds it from the log.
 */
export const inspectionsProjection: Projection = {
  name: 'inspections',
  tables: tables.map((table) => table.table),
  categories: tables.map((table) => table.category),
  migrations: (s) => [
    inspections.create(s),
    `${inspectionKindergartens.create(s)};
     DELETE FROM ${s}.rm_inspections;
     DELETE FROM ${s}.projection_checkpoints WHERE name = 'inspections'`,
  ],
  async apply(tx, events, s) {
    for (const table of tables) await table.apply(tx, events, s);
  },
};
