import { enrolmentDecider, type EnrolmentState } from '@app/enrolment/domain';
import { inspectionDecider, type InspectionState } from '@app/inspections/domain';
import { streamCategory } from '@app/event-sourcing';
import { streamTable, streamTablesProjection, type StreamTable } from '@app/projections';
import { rectificationDecider, type RectificationState } from '@app/rectifications/domain';

interface KindergartenRow {
  version: number;
  township: string | null;
  closed: boolean;
}

/**
 * Each kindergarten's township and whether it is closed, and nothing else: every count is joined on this table, so
 * its rows stay narrow (a stream table would carry the whole state). Kept by the contract's event names.
 */
const kindergartensTable: StreamTable = {
  category: 'kindergarten',
  table: 'rm_statistics_kindergartens',
  create: (s) =>
    `CREATE TABLE ${s}.rm_statistics_kindergartens (id text PRIMARY KEY, version integer NOT NULL, township text, closed boolean NOT NULL);
     CREATE INDEX rm_statistics_kindergartens_township ON ${s}.rm_statistics_kindergartens (township) WHERE NOT closed`,
  async apply(tx, events, s) {
    const mine = events.filter((event) => streamCategory(event.streamId) === 'kindergarten');
    if (mine.length === 0) return;
    const id = (streamId: string) => streamId.slice('kindergarten-'.length);
    const current = await tx.query<{ id: string } & KindergartenRow>(
      `SELECT id, version, township, closed FROM ${s}.rm_statistics_kindergartens WHERE id = ANY($1::text[])`,
      [[...new Set(mine.map((event) => id(event.streamId)))]],
    );
    const rows = new Map<string, KindergartenRow>(current.map(({ id: key, ...row }) => [key, { ...row, version: Number(row.version) }]));
    const changed = new Set<string>();
    for (const event of mine) {
      const key = id(event.streamId);
      const row = rows.get(key) ?? { version: 0, township: null, closed: false };
      if (event.version <= row.version) continue;
      const data = event.data as { township?: unknown };
      const township =
        (event.type === 'KindergartenRegistered' || event.type === 'KindergartenUpdated') && typeof data.township === 'string'
          ? data.township
          : row.township;
      rows.set(key, { version: event.version, township, closed: row.closed || event.type === 'KindergartenClosed' });
      changed.add(key);
    }
    if (changed.size === 0) return;
    await tx.query(
      `INSERT INTO ${s}.rm_statistics_kindergartens (id, version, township, closed)
       SELECT id, version, township, closed FROM jsonb_to_recordset($1::jsonb) AS record(id text, version integer, township text, closed boolean)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, township = EXCLUDED.township, closed = EXCLUDED.closed
       WHERE ${s}.rm_statistics_kindergartens.version < EXCLUDED.version`,
      [JSON.stringify([...changed].map((key) => ({ id: key, ...rows.get(key) })))],
    );
  },
};

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
    kindergartensTable,
    streamTable<InspectionState>({
      category: 'inspection',
      table: 'rm_statistics_inspections',
      decider: inspectionDecider,
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
      decider: rectificationDecider.withoutDeliveries,
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
