import { aggregateStateProjection } from '@app/projections';
import { rectificationDecider, type RectificationState } from '../domain/rectification.decider.js';

export const rectificationsProjection = aggregateStateProjection<RectificationState>({
  name: 'rectifications',
  category: 'rectification',
  table: 'rm_rectifications',
  decider: rectificationDecider,
  // what the case has delivered is not part of its row's state: the reconciler reads it to skip inbox deliveries made
  apart: { field: 'sent', column: 'delivered' },
  upgrades: (s) => [`ALTER TABLE ${s}.rm_rectifications ADD COLUMN delivered jsonb`],
  columns: {
    kindergarten_id: 'text',
    inspection_id: 'text',
    status: 'text',
    due_at: 'timestamptz',
    overdue: 'boolean',
    publish: 'boolean',
    issued_at: 'timestamptz',
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
        },
  indexes: (s) => [
    `CREATE INDEX rm_rectifications_kindergarten ON ${s}.rm_rectifications (kindergarten_id, status)`,
    `CREATE INDEX rm_rectifications_status ON ${s}.rm_rectifications (status, due_at)`,
    `CREATE INDEX rm_rectifications_published ON ${s}.rm_rectifications (issued_at) WHERE publish`,
  ],
});
