import type { InspectionState, WithdrawnFinding } from '../domain/inspection.decider.js';
import type { Finding, InspectionKind, Outcome } from '../domain/inspection.events.js';

/** An inspection as the API answers it (one inspection, and each item of the list), mapped from its state. */
export interface InspectionView {
  readonly id: string;
  readonly kindergartenId: string;
  readonly kind: InspectionKind;
  readonly year: number;
  readonly scheduledOn: string;
  readonly status: 'scheduled' | 'concluded' | 'cancelled';
  readonly outcome: Outcome | null;
  readonly summary: string | null;
  readonly findings: readonly Finding[];
  readonly withdrawnFindings: readonly WithdrawnFinding[];
  readonly concludedAt: string | null;
  readonly cancellation: { readonly reason: string; readonly cancelledAt: string } | null;
  readonly version: number;
}

export const inspectionView = (state: Exclude<InspectionState, { status: 'none' }>, version: number): InspectionView => ({
  id: state.id,
  kindergartenId: state.kindergartenId,
  kind: state.kind,
  year: state.year,
  scheduledOn: state.scheduledOn,
  status: state.status,
  outcome: state.status === 'concluded' ? state.outcome : null,
  summary: state.status === 'concluded' ? state.summary : null,
  findings: state.findings,
  withdrawnFindings: state.withdrawnFindings ?? [],
  concludedAt: state.status === 'concluded' ? state.concludedAt : null,
  cancellation: state.status === 'cancelled' ? state.cancellation : null,
  version,
});
