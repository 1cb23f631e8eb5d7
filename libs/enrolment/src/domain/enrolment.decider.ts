import { ConflictError, RuleViolationError, unchanged, unknownCommand, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai, shanghaiDate } from '@app/calendar/domain';
import type { InspectionState } from '@app/inspections/domain';
import type { RectificationCaseState } from '@app/rectifications/domain';
import type { EnrolmentCommand } from './enrolment.commands.js';
import type { EnrolmentEvent } from './enrolment.events.js';

export interface Suspension {
  readonly rectificationId: string;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly suspendedAt: string;
}

/** 暂停招生 / 恢复招生: a kindergarten's enrolment is open until a suspension is recorded, and again after a reinstatement. */
export type EnrolmentState = { readonly status: 'open'; readonly lastReinstatedAt: string | null } | ({ readonly status: 'suspended' } & Suspension);

export interface EnrolmentContext extends DecisionContext {
  /** SuspendEnrolment: the case the suspension cites, as it stands now. */
  readonly rectification?: RectificationCaseState;
  /** ReinstateEnrolment: the follow-up inspection it cites, as it stands now. */
  readonly inspection?: InspectionState;
}

export const enrolmentStreamId = (kindergartenId: string): string => `enrolment-${kindergartenId}`;

export const enrolmentDecider: Decider<EnrolmentCommand, EnrolmentEvent, EnrolmentState, EnrolmentContext> = {
  initialState: () => ({ status: 'open', lastReinstatedAt: null }),

  decide(command, state, context) {
    const at = formatShanghai(context.now);
    switch (command.type) {
      case 'SuspendEnrolment': {
        const { kindergartenId, rectificationId, effectiveFrom, reason } = command.data;
        if (effectiveFrom < shanghaiDate(context.now))
          throw new RuleViolationError('effective-from-in-past', 'A suspension takes effect today or later');
        if (state.status === 'suspended') throw new ConflictError('already-suspended', `Enrolment is already suspended since ${state.effectiveFrom}`);
        const rectification = context.rectification;
        if (!rectification || rectification.status === 'none')
          throw new RuleViolationError('unknown-rectification', `No rectification case ${rectificationId}`);
        if (rectification.status !== 'failed' || rectification.kindergartenId !== kindergartenId) {
          throw new RuleViolationError(
            'suspension-requires-failed-rectification',
            `A suspension must cite a failed rectification case of kindergarten ${kindergartenId}`,
          );
        }
        return [{ type: 'EnrolmentSuspended', data: { kindergartenId, rectificationId, effectiveFrom, reason, suspendedAt: at } }];
      }
      case 'ReinstateEnrolment': {
        const { kindergartenId, inspectionId, reason } = command.data;
        if (state.status !== 'suspended') throw new ConflictError('not-suspended', 'Enrolment is not suspended');
        const inspection = context.inspection;
        if (!inspection || inspection.status === 'none') throw new RuleViolationError('unknown-inspection', `No inspection ${inspectionId}`);
        const qualifies =
          inspection.status === 'concluded' &&
          inspection.kind === 'follow-up' &&
          inspection.kindergartenId === kindergartenId &&
          inspection.outcome === 'passed' &&
          Date.parse(inspection.concludedAt) > Date.parse(state.suspendedAt);
        if (!qualifies) {
          throw new RuleViolationError(
            'reinstatement-requires-passed-follow-up',
            `A reinstatement must cite a follow-up inspection of kindergarten ${kindergartenId} passed after the suspension`,
          );
        }
        return [{ type: 'EnrolmentReinstated', data: { kindergartenId, inspectionId, reason, reinstatedAt: at } }];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'EnrolmentSuspended': {
        const { rectificationId, effectiveFrom, reason, suspendedAt } = event.data;
        return { status: 'suspended', rectificationId, effectiveFrom, reason, suspendedAt };
      }
      case 'EnrolmentReinstated':
        return { status: 'open', lastReinstatedAt: event.data.reinstatedAt };
      default:
        return unchanged(event, state);
    }
  },
};
