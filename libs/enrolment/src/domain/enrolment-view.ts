import type { EnrolmentCaseState } from './enrolment.decider.js';

/** A kindergarten's enrolment as answers show it (api.md, due process): never shown on the public board. */
export interface EnrolmentView {
  readonly status: 'open' | 'suspended';
  readonly proposal?: {
    readonly rectificationId: string;
    readonly facts: string;
    readonly basis: string;
    readonly proposedFrom: string;
    readonly proposedAt: string;
    readonly statementDueAt: string;
    readonly statement?: { readonly text: string; readonly attachmentIds: readonly string[]; readonly submittedAt: string };
    readonly waived?: true;
    readonly waivedAt?: string;
  };
  readonly suspension?: { readonly rectificationId: string; readonly effectiveFrom: string; readonly reason: string; readonly decidedAt: string };
}

/** The pending proposal while open; the suspension and the proposal it decided while suspended. */
export const enrolmentView = (state: EnrolmentCaseState): EnrolmentView => {
  const proposal = state.proposal && {
    rectificationId: state.proposal.rectificationId,
    facts: state.proposal.facts,
    basis: state.proposal.basis,
    proposedFrom: state.proposal.proposedFrom,
    proposedAt: state.proposal.proposedAt,
    statementDueAt: state.proposal.statementDueAt,
    ...(state.proposal.statement
      ? {
          statement: {
            text: state.proposal.statement.text,
            attachmentIds: state.proposal.statement.attachmentIds,
            submittedAt: state.proposal.statement.submittedAt,
          },
        }
      : {}),
    ...(state.proposal.waivedAt ? { waived: true as const, waivedAt: state.proposal.waivedAt } : {}),
  };
  return {
    status: state.status,
    ...(proposal ? { proposal } : {}),
    ...(state.status === 'suspended'
      ? {
          suspension: {
            rectificationId: state.rectificationId,
            effectiveFrom: state.effectiveFrom,
            reason: state.reason,
            decidedAt: state.suspendedAt,
          },
        }
      : {}),
  };
};
