import type { Finding } from '@app/inspections/domain';
import type { DeadlineResetRecord, Extension, RectificationCase, Report } from '../domain/rectification.decider.js';
import type { DeadlineSpec } from '../domain/rectification.events.js';

/** A case as the API answers it (one case, and each item of the list), mapped from the case's state. */
export interface RectificationView {
  readonly id: string;
  readonly documentNo: string | null;
  readonly kindergartenId: string;
  readonly inspectionId: string;
  readonly findings: readonly Finding[];
  readonly status: RectificationCase['status'];
  readonly deadline: DeadlineSpec;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly publish: boolean;
  readonly issuedAt: string;
  readonly acknowledgedAt: string | null;
  readonly reports: readonly Report[];
  readonly extension: Extension | null;
  readonly followUp: RectificationCase['followUp'];
  readonly closedAt: string | null;
  readonly publishedAt: string | null;
  readonly deadlineReset: DeadlineResetRecord | null;
  readonly withdrawal: RectificationCase['withdrawal'];
  readonly version: number;
}

export const rectificationView = (state: RectificationCase, version: number): RectificationView => ({
  id: state.id,
  documentNo: state.documentNo ?? null,
  kindergartenId: state.kindergartenId,
  inspectionId: state.inspectionId,
  findings: state.findings,
  status: state.status,
  deadline: state.deadline,
  dueAt: state.dueAt,
  overdue: state.overdue,
  publish: state.publish,
  issuedAt: state.issuedAt,
  acknowledgedAt: state.acknowledgedAt,
  reports: state.reports,
  extension: state.extension,
  followUp: state.followUp,
  closedAt: state.closedAt,
  publishedAt: state.publishedAt ?? null,
  deadlineReset: state.deadlineReset ?? null,
  withdrawal: state.withdrawal ?? null,
  version,
});
