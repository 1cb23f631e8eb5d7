import { enrolmentDecider, type EnrolmentState } from '@app/enrolment/domain';
import { inspectionDecider, type InspectionState } from '@app/inspections/domain';
import { kindergartenDecider, type KindergartenState } from '@app/kindergartens/domain';
import { streamTable, streamTablesProjection } from '@app/projections';
import { isOpen, rectificationDecider, type RectificationState } from '@app/rectifications/domain';

/**
 * A kindergarten's overview (its lists and page, and the public list): the kindergarten, its enrolment, whether each
 * of its cases is open, and its concluded inspections, from the streams of four features, in tables of its own.
 */
export const kindergartenOverviewProjection = streamTablesProjection({
  name: 'kindergarten-overview',
  // v1.1: a closed kindergarten is shown as closed (no kindergarten was closed before, so existing rows need no rebuild)
  upgrades: (s) => [`ALTER TABLE ${s}.rm_kindergarten_overview ADD COLUMN IF NOT EXISTS closure jsonb`],
  tables: [
    streamTable<KindergartenState>({
      category: 'kindergarten',
      table: 'rm_kindergarten_overview',
      decider: kindergartenDecider,
      columns: { name: 'text', township: 'text', ownership: 'text', registered_at: 'text', disclosure: 'jsonb', closure: 'jsonb' },
      toColumns: (state) =>
        state.status === 'registered'
          ? {
              name: state.name,
              township: state.township,
              ownership: state.ownership,
              registered_at: state.registeredAt,
              disclosure: state.disclosure,
              closure: state.closure ?? null,
            }
          : {},
    }),
    streamTable<EnrolmentState>({
      category: 'enrolment',
      table: 'rm_kindergarten_overview_enrolment',
      decider: enrolmentDecider,
      columns: { status: 'text', rectification_id: 'text', effective_from: 'text', reason: 'text', suspended_at: 'text' },
      toColumns: (state) =>
        state.status === 'suspended'
          ? {
              status: state.status,
              rectification_id: state.rectificationId,
              effective_from: state.effectiveFrom,
              reason: state.reason,
              suspended_at: state.suspendedAt,
            }
          : { status: state.status },
    }),
    streamTable<RectificationState>({
      category: 'rectification',
      table: 'rm_kindergarten_overview_cases',
      decider: rectificationDecider.withoutDeliveries,
      columns: { kindergarten_id: 'text', open: 'boolean' },
      toColumns: (state) => (state.status === 'none' ? {} : { kindergarten_id: state.kindergartenId, open: isOpen(state) }),
      indexes: (s) => [`CREATE INDEX rm_kindergarten_overview_cases_open ON ${s}.rm_kindergarten_overview_cases (kindergarten_id) WHERE open`],
    }),
    streamTable<InspectionState>({
      category: 'inspection',
      table: 'rm_kindergarten_overview_inspections',
      decider: inspectionDecider,
      columns: { kindergarten_id: 'text', kind: 'text', year: 'integer', outcome: 'text', concluded_at: 'timestamptz' },
      toColumns: (state) =>
        state.status === 'concluded'
          ? { kindergarten_id: state.kindergartenId, kind: state.kind, year: state.year, outcome: state.outcome, concluded_at: state.concludedAt }
          : {},
      indexes: (s) => [
        `CREATE INDEX rm_kindergarten_overview_inspections_latest ON ${s}.rm_kindergarten_overview_inspections (kindergarten_id, kind, year DESC, concluded_at DESC)`,
      ],
    }),
  ],
});
