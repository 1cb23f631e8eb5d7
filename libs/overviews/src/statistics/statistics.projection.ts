import { enrolmentDecider, type EnrolmentState } from '@app/enrolment/domain';
import { inspectionDecider, type InspectionState } from '@app/inspections/domain';
import { kindergartenDecider, type KindergartenState } from '@app/kindergartens/domain';
import { streamTable, streamTablesProjection } from '@app/projections';
import { rectificationDecider, type RectificationState } from '@app/rectifications/domain';

interface Folding<S> {
  initialState(): S;
  evolve(state: S, event: never): S;
}

/**
 * The aggregate's own fold, with a final status for the events named here: v1.1's corrections (`InspectionCancelled`,
 * `NoticeWithdrawn`, `KindergartenClosed`) count by their contract names whether or not the aggregate knows them yet.
 */
const withFinalStatus = <S extends { status: string }>(decider: Folding<S>, finalStatus: Readonly<Record<string, string>>): Folding<S> => ({
  initialState: () => decider.initialState(),
  evolve: (state, event) => {
    const next = decider.evolve(state, event);
    const status = finalStatus[(event as { type: string }).type];
    return status && next.status !== 'none' && next.status !== 'unregistered' ? { ...next, status } : next;
  },
});

/** The year of a time the engine wrote (`YYYY-…+08:00`): its year in Asia/Shanghai. */
const writtenYear = (time: string): number => Number(time.slice(0, 4));

/**
 * The county's statistics (`GET /statistics/overview`): per kindergarten its township, per inspection its year and
 * result, per case the year of issue, its status and whether overdue, per enrolment whether suspended; from the
 * streams of four features, in tables of its own, counted by township when read.
 */
export const statisticsProjection = streamTablesProjection({
  name: 'statistics',
  tables: [
    streamTable<KindergartenState>({
      category: 'kindergarten',
      table: 'rm_statistics_kindergartens',
      decider: withFinalStatus(kindergartenDecider, { KindergartenClosed: 'closed' }),
      columns: { township: 'text', closed: 'boolean' },
      toColumns: (state) => (state.status === 'unregistered' ? {} : { township: state.township, closed: (state.status as string) === 'closed' }),
      indexes: (s) => [`CREATE INDEX rm_statistics_kindergartens_township ON ${s}.rm_statistics_kindergartens (id) INCLUDE (township, closed)`],
    }),
    streamTable<InspectionState>({
      category: 'inspection',
      table: 'rm_statistics_inspections',
      decider: withFinalStatus(inspectionDecider, { InspectionCancelled: 'cancelled' }),
      columns: { kindergarten_id: 'text', year: 'integer', result: 'text' },
      toColumns: (state) =>
        state.status === 'none'
          ? {}
          : { kindergarten_id: state.kindergartenId, year: state.year, result: state.status === 'concluded' ? state.outcome : state.status },
      indexes: (s) => [`CREATE INDEX rm_statistics_inspections_year ON ${s}.rm_statistics_inspections (year) INCLUDE (kindergarten_id, result)`],
    }),
    streamTable<RectificationState>({
      category: 'rectification',
      table: 'rm_statistics_cases',
      decider: withFinalStatus(rectificationDecider.withoutDeliveries, { NoticeWithdrawn: 'withdrawn' }),
      columns: { kindergarten_id: 'text', year: 'integer', status: 'text', overdue: 'boolean' },
      toColumns: (state) =>
        state.status === 'none'
          ? {}
          : { kindergarten_id: state.kindergartenId, year: writtenYear(state.issuedAt), status: state.status, overdue: state.overdue },
      indexes: (s) => [`CREATE INDEX rm_statistics_cases_year ON ${s}.rm_statistics_cases (year) INCLUDE (kindergarten_id, status, overdue)`],
    }),
    streamTable<EnrolmentState>({
      category: 'enrolment',
      table: 'rm_statistics_enrolment',
      decider: enrolmentDecider,
      columns: { suspended: 'boolean' },
      toColumns: (state) => ({ suspended: state.status === 'suspended' }),
      indexes: (s) => [`CREATE INDEX rm_statistics_enrolment_suspended ON ${s}.rm_statistics_enrolment (id) WHERE suspended`],
    }),
  ],
});
