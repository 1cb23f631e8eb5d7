import { ConflictError, RuleViolationError, unchanged, unknownCommand, type DecisionContext } from '@app/event-sourcing';
import { mayCite, type AttachmentState } from '@app/attachments/domain';
import { formatShanghai, shanghaiDate } from '@app/calendar/domain';
import type { InspectionState } from '@app/inspections/domain';
import { inboxDeliveries, withDeliveries, type RecordDelivery, type ReminderSent } from '@app/notifications/domain';
import type { RectificationCaseState } from '@app/rectifications/domain';
import type { EnrolmentCommand } from './enrolment.commands.js';
import type { EnrolmentEvent, StatementAttachment } from './enrolment.events.js';
import { enrolmentNotificationContent, enrolmentNotifications } from './enrolment-notifications.js';

export interface Suspension {
  readonly rectificationId: string;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly suspendedAt: string;
}

export interface Statement {
  readonly text: string;
  readonly attachmentIds: readonly string[];
  /** As recorded since statements' attachments are verified. */
  readonly attachments?: readonly StatementAttachment[];
  readonly submittedAt: string;
}

/** 告知 and 陈述申辩: a proposed suspension, and what the kindergarten said to it. */
export interface SuspensionProposal {
  readonly proposalNo: number;
  readonly rectificationId: string;
  readonly facts: string;
  readonly basis: string;
  readonly proposedFrom: string;
  readonly proposedAt: string;
  readonly statementDueAt: string;
  readonly reminderAt: string;
  readonly statement?: Statement;
  readonly waivedAt?: string;
}

/** The last decision on a proposal: what the kindergarten is told. */
export interface ProposalDecision {
  readonly proposalNo: number;
  readonly decision: 'suspend' | 'withdraw';
  readonly reason: string;
  readonly decidedAt: string;
  /** The proposal decided, with what the kindergarten said to it: what the decision (决定书) answers. */
  readonly proposal?: SuspensionProposal;
  readonly effectiveFrom?: string;
}

interface DueProcess {
  /** How many proposals the stream has had (numbers them); absent before the first. */
  readonly proposals?: number;
  /** Open: the pending proposal. Suspended: the proposal the suspension decided (none for a v1 suspension). */
  readonly proposal?: SuspensionProposal;
  readonly lastDecision?: ProposalDecision;
  /** Whether the last reinstatement lifted a suspension decided on a proposal (the kindergarten is told of those). */
  readonly reinstatedAfterProposal?: boolean;
}

/** 暂停招生 / 恢复招生: enrolment is open until a suspension is decided on a proposal, and again after a reinstatement. */
export type EnrolmentCaseState =
  ({ readonly status: 'open'; readonly lastReinstatedAt: string | null } & DueProcess) | ({ readonly status: 'suspended' } & Suspension & DueProcess);

/** What the decider needs of the working-day calendar. */
export interface StatementDeadlines {
  deadline(issuedOn: string, workingDays: number): { readonly dueDate: string; readonly dueAt: string };
}

export interface EnrolmentContext extends DecisionContext {
  /** ProposeSuspension: the case it cites, as it stands now. */
  readonly rectification?: RectificationCaseState;
  /** ProposeSuspension: the calendar and STATEMENT_WORKING_DAYS. */
  readonly calendar?: StatementDeadlines;
  readonly statementWorkingDays?: number;
  /** ReinstateEnrolment: the follow-up inspection it cites, as it stands now. */
  readonly inspection?: InspectionState;
  /** Notify: the kindergarten's name for the text. */
  readonly kindergartenName?: string;
  /** SubmitStatement: the attachments it cites, as they are now. */
  readonly attachments?: Readonly<Record<string, AttachmentState>>;
}

export const enrolmentStreamId = (kindergartenId: string): string => `enrolment-${kindergartenId}`;

/** The proposal awaiting a decision, if any. */
export const pendingProposal = (state: EnrolmentCaseState): SuspensionProposal | undefined => (state.status === 'open' ? state.proposal : undefined);

const requirePending = (state: EnrolmentCaseState): SuspensionProposal => {
  const proposal = pendingProposal(state);
  if (!proposal) throw new ConflictError('no-proposal', 'No suspension proposal is pending');
  return proposal;
};

const hasSpoken = (proposal: SuspensionProposal): boolean => proposal.statement !== undefined || proposal.waivedAt !== undefined;

const requireStatementPeriod = (proposal: SuspensionProposal, now: Date): void => {
  if (hasSpoken(proposal)) throw new ConflictError('statement-exists', 'A statement was already submitted or waived for this proposal');
  if (now.getTime() >= Date.parse(proposal.statementDueAt)) {
    throw new RuleViolationError('statement-period-over', `The statement period ended at ${proposal.statementDueAt}`, {
      statementDueAt: proposal.statementDueAt,
    });
  }
};

/** An attachment the kindergarten uploaded, with its hash: a statement may cite nothing else (as a report's evidence). */
const citedAttachment = (attachmentId: string, context: EnrolmentContext): StatementAttachment => {
  const attachment = context.attachments?.[attachmentId] ?? { status: 'none' };
  if (!mayCite(context.actor, attachment)) {
    throw new RuleViolationError('unknown-attachment', `No attachment ${attachmentId} that this statement may cite`, { attachmentId });
  }
  const { name, contentType, sha256, sizeBytes } = attachment;
  return { attachmentId, name, contentType, sha256, sizeBytes };
};

/** The end of the working day before the statement's last one: the day of the proposal when the period is one day. */
const reminderMoment = (calendar: StatementDeadlines, today: string, workingDays: number): string =>
  workingDays > 1 ? calendar.deadline(today, workingDays - 1).dueAt : `${today}T23:59:59.999+08:00`;

export const enrolmentDecider = withDeliveries<
  Exclude<EnrolmentCommand, RecordDelivery>,
  Exclude<EnrolmentEvent, ReminderSent>,
  EnrolmentCaseState,
  EnrolmentContext
>({
  initialState: () => ({ status: 'open', lastReinstatedAt: null }),

  decide(command, state, context) {
    const now = context.now;
    const at = formatShanghai(now);
    switch (command.type) {
      case 'ProposeSuspension': {
        const { kindergartenId, rectificationId, facts, basis, proposedFrom } = command.data;
        const rectification = context.rectification;
        if (!rectification || rectification.status === 'none')
          throw new RuleViolationError('unknown-rectification', `No rectification case ${rectificationId}`);
        if (rectification.status !== 'failed' || rectification.kindergartenId !== kindergartenId) {
          throw new RuleViolationError(
            'suspension-requires-failed-rectification',
            `A suspension must cite a failed rectification case of kindergarten ${kindergartenId}`,
          );
        }
        if (state.status === 'suspended') throw new ConflictError('already-suspended', `Enrolment is already suspended since ${state.effectiveFrom}`);
        if (state.proposal)
          throw new ConflictError('suspension-proposed', `A suspension proposal awaits a decision until ${state.proposal.statementDueAt}`);
        if (!context.calendar) throw new Error('ProposeSuspension needs the working-day calendar');
        const workingDays = context.statementWorkingDays ?? 3;
        const today = shanghaiDate(now);
        const statementDueAt = context.calendar.deadline(today, workingDays).dueAt;
        const reminderAt = reminderMoment(context.calendar, today, workingDays);
        return [
          {
            type: 'SuspensionProposed',
            data: {
              kindergartenId,
              proposalNo: (state.proposals ?? 0) + 1,
              rectificationId,
              facts,
              basis,
              proposedFrom,
              proposedAt: at,
              statementDueAt,
              reminderAt,
            },
          },
        ];
      }
      case 'SubmitStatement': {
        const proposal = requirePending(state);
        requireStatementPeriod(proposal, now);
        const { kindergartenId, text, attachmentIds } = command.data;
        const attachments = attachmentIds.map((attachmentId) => citedAttachment(attachmentId, context));
        return [
          {
            type: 'StatementSubmitted',
            data: { kindergartenId, proposalNo: proposal.proposalNo, text, attachmentIds, attachments, submittedAt: at },
          },
        ];
      }
      case 'WaiveStatement': {
        const proposal = requirePending(state);
        requireStatementPeriod(proposal, now);
        return [{ type: 'StatementWaived', data: { kindergartenId: command.data.kindergartenId, proposalNo: proposal.proposalNo, waivedAt: at } }];
      }
      case 'DecideSuspension': {
        const { kindergartenId, decision, reason } = command.data;
        const proposal = requirePending(state);
        if (!hasSpoken(proposal) && now.getTime() < Date.parse(proposal.statementDueAt)) {
          throw new ConflictError('statement-period-open', `The kindergarten may state its case until ${proposal.statementDueAt}`, {
            statementDueAt: proposal.statementDueAt,
          });
        }
        const { proposalNo, rectificationId } = proposal;
        if (decision === 'withdraw') {
          return [{ type: 'SuspensionWithdrawn', data: { kindergartenId, proposalNo, rectificationId, reason, withdrawnAt: at } }];
        }
        const effectiveFrom = command.data.effectiveFrom ?? shanghaiDate(now);
        if (effectiveFrom < shanghaiDate(now)) throw new RuleViolationError('effective-from-in-past', 'A suspension takes effect today or later');
        return [{ type: 'EnrolmentSuspended', data: { kindergartenId, rectificationId, effectiveFrom, reason, suspendedAt: at, proposalNo } }];
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
      case 'Notify': {
        const notification = enrolmentNotifications(state, command.data.kindergartenId, now).find((candidate) => candidate.key === command.data.key);
        // stale (the proposal moved on), already delivered, or not due yet: nothing to record
        if (!notification || Date.parse(notification.dueAt) > now.getTime()) return [];
        const content = enrolmentNotificationContent(notification, state, context.kindergartenName ?? notification.kindergartenId);
        return inboxDeliveries(state, notification, content, at);
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    const dueProcess: DueProcess = {
      ...(state.proposals === undefined ? {} : { proposals: state.proposals }),
      ...(state.lastDecision ? { lastDecision: state.lastDecision } : {}),
    };
    switch (event.type) {
      case 'SuspensionProposed': {
        const { kindergartenId: _kindergartenId, ...proposal } = event.data;
        return { ...state, proposals: proposal.proposalNo, proposal };
      }
      case 'StatementSubmitted': {
        const { text, attachmentIds, attachments, submittedAt } = event.data;
        const statement: Statement = { text, attachmentIds, ...(attachments ? { attachments } : {}), submittedAt };
        return state.proposal ? { ...state, proposal: { ...state.proposal, statement } } : state;
      }
      case 'StatementWaived':
        return state.proposal ? { ...state, proposal: { ...state.proposal, waivedAt: event.data.waivedAt } } : state;
      case 'EnrolmentSuspended': {
        const { rectificationId, effectiveFrom, reason, suspendedAt, proposalNo } = event.data;
        const decided = proposalNo !== undefined && state.proposal?.proposalNo === proposalNo ? state.proposal : undefined;
        return {
          status: 'suspended',
          rectificationId,
          effectiveFrom,
          reason,
          suspendedAt,
          ...dueProcess,
          ...(decided ? { proposal: decided } : {}),
          ...(proposalNo !== undefined
            ? {
                lastDecision: {
                  proposalNo,
                  decision: 'suspend' as const,
                  reason,
                  decidedAt: suspendedAt,
                  effectiveFrom,
                  ...(decided ? { proposal: decided } : {}),
                },
              }
            : {}),
        };
      }
      case 'SuspensionWithdrawn': {
        const { proposalNo, reason, withdrawnAt } = event.data;
        const lastReinstatedAt = state.status === 'open' ? state.lastReinstatedAt : null;
        return {
          status: 'open',
          lastReinstatedAt,
          ...dueProcess,
          lastDecision: {
            proposalNo,
            decision: 'withdraw',
            reason,
            decidedAt: withdrawnAt,
            ...(state.proposal?.proposalNo === proposalNo ? { proposal: state.proposal } : {}),
          },
        };
      }
      case 'EnrolmentReinstated':
        return {
          status: 'open',
          lastReinstatedAt: event.data.reinstatedAt,
          ...dueProcess,
          reinstatedAfterProposal: state.status === 'suspended' && state.proposal !== undefined,
        };
      default:
        return unchanged(event, state);
    }
  },
});

export type EnrolmentState = ReturnType<typeof enrolmentDecider.initialState>;

/** The latest proposal (告知): pending, or the one last decided. */
export const latestProposal = (state: EnrolmentCaseState): SuspensionProposal | undefined => state.proposal ?? state.lastDecision?.proposal;
