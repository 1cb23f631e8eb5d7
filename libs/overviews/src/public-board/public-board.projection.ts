import { enrolmentDecider, type EnrolmentState } from '@app/enrolment/domain';
import { kindergartenDecider, type KindergartenState } from '@app/kindergartens/domain';
import { streamTable, streamTablesProjection } from '@app/projections';
import { rectificationDecider, type RectificationState } from '@app/rectifications/domain';

/** A published notice as the board keeps it, without the kindergarten's name (joined when read). */
export interface BoardNotice {
  readonly id: string;
  readonly documentNo: string | null;
  readonly findings: readonly string[];
  readonly issuedAt: string;
  readonly dueAt: string;
  readonly status: Exclude<RectificationState, { status: 'none' }>['status'];
  readonly overdue: boolean;
  readonly withdrawal: { readonly reason: string; readonly withdrawnAt: string } | null;
}

/**
 * The public notice board (公示): kindergartens' names, the published notices and the enrolment suspensions, from
 * the streams of three features, in tables of its own.
 */
export const publicBoardProjection = streamTablesProjection({
  name: 'public-board',
  // v1.1 shows document numbers and withdrawals: the board is emptied and rebuilt from the log
  upgrades: (s) => [
    `DELETE FROM ${s}.rm_public_board_kindergartens; DELETE FROM ${s}.rm_public_board_notices; DELETE FROM ${s}.rm_public_board_enrolment;
     DELETE FROM ${s}.projection_checkpoints WHERE name = 'public-board'`,
  ],
  tables: [
    streamTable<KindergartenState>({
      category: 'kindergarten',
      table: 'rm_public_board_kindergartens',
      decider: kindergartenDecider,
      columns: { name: 'text' },
      toColumns: (state) => (state.status === 'registered' ? { name: state.name } : {}),
    }),
    streamTable<RectificationState>({
      category: 'rectification',
      table: 'rm_public_board_notices',
      decider: rectificationDecider.withoutDeliveries,
      columns: { kindergarten_id: 'text', publish: 'boolean', issued_at: 'timestamptz', notice: 'jsonb' },
      toColumns: (state): { kindergarten_id?: string; publish?: boolean; issued_at?: string; notice?: BoardNotice } =>
        state.status === 'none'
          ? {}
          : {
              kindergarten_id: state.kindergartenId,
              publish: state.publish,
              issued_at: state.issuedAt,
              notice: {
                id: state.id,
                documentNo: state.documentNo ?? null,
                findings: state.findings.map((finding) => finding.description),
                issuedAt: state.issuedAt,
                dueAt: state.dueAt,
                status: state.status,
                overdue: state.overdue,
                withdrawal: state.withdrawal ?? null,
              },
            },
      indexes: (s) => [`CREATE INDEX rm_public_board_notices_published ON ${s}.rm_public_board_notices (issued_at) WHERE publish`],
    }),
    streamTable<EnrolmentState>({
      category: 'enrolment',
      table: 'rm_public_board_enrolment',
      decider: enrolmentDecider,
      columns: { suspended: 'boolean', effective_from: 'text', reason: 'text' },
      toColumns: (state) =>
        state.status === 'suspended' ? { suspended: true, effective_from: state.effectiveFrom, reason: state.reason } : { suspended: false },
    }),
  ],
});
