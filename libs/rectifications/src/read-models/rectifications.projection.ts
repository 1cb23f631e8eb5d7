import { kindergartenDecider, type KindergartenState } from '@app/kindergartens/domain';
import { streamTable, type Projection } from '@app/projections';
import { rectificationDecider, type RectificationState } from '../domain/rectification.decider.js';

const cases = streamTable<RectificationState>({
  category: 'rectification',
  table: 'rm_rectifications',
  decider: rectificationDecider,
  // what the case has delivered is not part of its row's state: the reconciler reads it to skip inbox deliveries made
  apart: { field: 'sent', column: 'delivered' },
  columns: {
    kindergarten_id: 'text',
    inspection_id: 'text',
    status: 'text',
    due_at: 'timestamptz',
    overdue: 'boolean',
    publish: 'boolean',
    issued_at: 'timestamptz',
    document_no: 'text',
  },
  toColumns: (state) =>
    state.status === 'none'
      ? {}
      : {
          kindergarten_id: state.kindergartenId,
          inspection_id: state.inspectionId,
          status: state.status,
          due_at: state.dueAt,
          overdue: state.overdue,
          publish: state.publish,
          issued_at: state.issuedAt,
          document_no: state.documentNo,
        },
  indexes: (s) => [
    `CREATE INDEX rm_rectifications_kindergarten ON ${s}.rm_rectifications (kindergarten_id, status)`,
    `CREATE INDEX rm_rectifications_status ON ${s}.rm_rectifications (status, due_at)`,
    `CREATE INDEX rm_rectifications_published ON ${s}.rm_rectifications (issued_at) WHERE publish`,
  ],
});

/** The kindergartens' townships and names, for `?township=` and `?q=`: this projection's own copy. */
const caseKindergartens = streamTable<KindergartenState>({
  category: 'kindergarten',
  table: 'rm_rectification_kindergartens',
  decider: kindergartenDecider,
  columns: { township: 'text', name: 'text' },
  toColumns: (state) => (state.status === 'registered' ? { township: state.township, name: state.name } : {}),
  indexes: (s) => [`CREATE INDEX rm_rectification_kindergartens_township ON ${s}.rm_rectification_kindergartens (township)`],
});

const tables = [cases, caseKindergartens];

/**
 * Rectification cases for their list and for the reminder reconciler. The third migration (v1.1: document numbers,
 * townships, withdrawn notices) empties the projection and resets its checkpoint, so the runner rebuilds it from the log.
 */
export const rectificationsProjection: Projection = {
  name: 'rectifications',
  tables: tables.map((table) => table.table),
  categories: tables.map((table) => table.category),
  migrations: (s) => [
    // the columns of v1, then what later versions added
    cases.create(s).replace(', document_no text', ''),
    `ALTER TABLE ${s}.rm_rectifications ADD COLUMN delivered jsonb`,
    `ALTER TABLE ${s}.rm_rectifications ADD COLUMN document_no text;
     CREATE INDEX rm_rectifications_issued ON ${s}.rm_rectifications (issued_at DESC, id DESC);
     ${caseKindergartens.create(s)};
     DELETE FROM ${s}.rm_rectifications;
     DELETE FROM ${s}.projection_checkpoints WHERE name = 'rectifications'`,
  ],
  async apply(tx, events, s) {
    for (const table of tables) await table.apply(tx, events, s);
  },
};
