import { ConflictError, NotFoundError, RuleViolationError, unchanged, unknownCommand, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai, shanghaiDate } from '@app/calendar/domain';
import type { InspectionCommand } from './inspection.commands.js';
import type { Finding, InspectionEvent, InspectionKind, Outcome } from './inspection.events.js';

/** A finding taken back before the conclusion: it no longer counts, and its code cannot be cited or recorded again. */
export interface WithdrawnFinding extends Finding {
  readonly reason: string;
  readonly withdrawnAt: string;
}

interface InspectionData {
  readonly id: string;
  readonly kindergartenId: string;
  readonly kind: InspectionKind;
  readonly year: number;
  readonly scheduledOn: string;
  readonly scheduledAt: string;
  readonly findings: readonly Finding[];
  /** Absent in states folded before v1.1 stored them: read as none. */
  readonly withdrawnFindings?: readonly WithdrawnFinding[];
}

export type InspectionState =
  | { readonly status: 'none' }
  | (InspectionData & { readonly status: 'scheduled' })
  | (InspectionData & { readonly status: 'concluded'; readonly outcome: Outcome; readonly summary: string; readonly concludedAt: string })
  | (InspectionData & { readonly status: 'cancelled'; readonly cancellation: { readonly reason: string; readonly cancelledAt: string } });

export interface InspectionContext extends DecisionContext {
  /** Whether the kindergarten named by a ScheduleInspection is registered. */
  readonly kindergartenRegistered: boolean;
  /** Whether that kindergarten is closed: it gets no new inspections. */
  readonly kindergartenClosed?: boolean;
}

export const inspectionStreamId = (inspectionId: string): string => `inspection-${inspectionId}`;

/** One annual inspection per kindergarten and year: its id is derived from both, so a second one is the same stream. */
export const annualInspectionId = (kindergartenId: string, year: number): string => `annual-${year}-${kindergartenId}`;

const requireInspection = (state: InspectionState): Exclude<InspectionState, { status: 'none' }> => {
  if (state.status === 'none') throw new NotFoundError('not-found', 'No such inspection');
  return state;
};

/** Corrections and findings only before the conclusion; a cancelled inspection takes nothing more. */
const requireScheduled = (state: InspectionState): Extract<InspectionState, { status: 'scheduled' }> => {
  const current = requireInspection(state);
  if (current.status === 'concluded') throw new ConflictError('inspection-concluded', `Inspection ${current.id} is concluded`);
  if (current.status === 'cancelled')
    throw new ConflictError('invalid-transition', `Inspection ${current.id} is cancelled`, { inspectionStatus: 'cancelled' });
  return current;
};

/** A finding the path names must be a current one of the inspection (a withdrawn code is not): else 404. */
export const requireFinding = (state: InspectionState, code: string): Finding => {
  const current = requireInspection(state);
  const finding = current.findings.find((candidate) => candidate.code === code);
  if (!finding) throw new NotFoundError('not-found', `Inspection ${current.id} has no finding ${code}`);
  return finding;
};

const requireInYear = (scheduledOn: string, year: number): void => {
  if (!scheduledOn.startsWith(`${year}-`))
    throw new RuleViolationError('scheduled-outside-year', `scheduledOn ${scheduledOn} is not in ${year}`, { year, scheduledOn });
};

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState, InspectionContext> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state, context) {
    const at = formatShanghai(context.now);
    switch (command.type) {
      case 'ScheduleInspection':
        if (!context.kindergartenRegistered) throw new RuleViolationError('unknown-kindergarten', `No kindergarten ${command.data.kindergartenId}`);
        if (context.kindergartenClosed) throw new ConflictError('kindergarten-closed', `Kindergarten ${command.data.kindergartenId} is closed`);
        requireInYear(command.data.scheduledOn, command.data.year);
        if (state.status !== 'none') {
          // a cancelled annual inspection still holds its year
          if (state.kind === 'annual') {
            throw new ConflictError(
              'annual-inspection-exists',
              `Kindergarten ${state.kindergartenId} already has its ${state.year} annual inspection`,
              {
                inspectionId: state.id,
              },
            );
          }
          throw new ConflictError('inspection-exists', `Inspection ${state.id} already exists`);
        }
        return [{ type: 'InspectionScheduled', data: { ...command.data, scheduledAt: at } }];
      case 'RecordFinding': {
        const current = requireScheduled(state);
        const codes = [...current.findings, ...(current.withdrawnFindings ?? [])].map((finding) => finding.code);
        if (codes.includes(command.data.code)) throw new ConflictError('finding-exists', `Finding ${command.data.code} is already recorded`);
        return [{ type: 'FindingRecorded', data: { inspectionId: current.id, ...command.data, recordedAt: at } }];
      }
      case 'ConcludeInspection': {
        const current = requireScheduled(state);
        if (command.data.outcome === 'failed' && current.findings.length === 0) {
          throw new RuleViolationError('failed-without-findings', 'An inspection can only fail with at least one finding');
        }
        if (shanghaiDate(context.now) < current.scheduledOn) {
          throw new RuleViolationError('conclusion-before-scheduled', `Inspection ${current.id} is scheduled on ${current.scheduledOn}`, {
            scheduledOn: current.scheduledOn,
          });
        }
        return [{ type: 'InspectionConcluded', data: { inspectionId: current.id, ...command.data, concludedAt: at } }];
      }
      case 'RescheduleInspection': {
        const current = requireScheduled(state);
        requireInYear(command.data.scheduledOn, current.year);
        return [
          {
            type: 'InspectionRescheduled',
            data: {
              inspectionId: current.id,
              previousScheduledOn: current.scheduledOn,
              scheduledOn: command.data.scheduledOn,
              reason: command.data.reason,
              rescheduledAt: at,
            },
          },
        ];
      }
      case 'CancelInspection': {
        const current = requireScheduled(state);
        return [{ type: 'InspectionCancelled', data: { inspectionId: current.id, reason: command.data.reason, cancelledAt: at } }];
      }
      case 'AmendFinding': {
        requireFinding(state, command.data.code);
        const current = requireScheduled(state);
        return [{ type: 'FindingAmended', data: { inspectionId: current.id, ...command.data, amendedAt: at } }];
      }
      case 'WithdrawFinding': {
        requireFinding(state, command.data.code);
        const current = requireScheduled(state);
        return [{ type: 'FindingWithdrawn', data: { inspectionId: current.id, ...command.data, withdrawnAt: at } }];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InspectionScheduled':
        return {
          status: 'scheduled',
          id: event.data.inspectionId,
          kindergartenId: event.data.kindergartenId,
          kind: event.data.kind,
          year: event.data.year,
          scheduledOn: event.data.scheduledOn,
          scheduledAt: event.data.scheduledAt,
          findings: [],
          withdrawnFindings: [],
        };
      case 'FindingRecorded':
        if (state.status !== 'scheduled') return state;
        return {
          ...state,
          findings: [...state.findings, { code: event.data.code, description: event.data.description, severity: event.data.severity }],
        };
      case 'InspectionConcluded':
        if (state.status !== 'scheduled') return state;
        return { ...state, status: 'concluded', outcome: event.data.outcome, summary: event.data.summary, concludedAt: event.data.concludedAt };
      case 'InspectionRescheduled':
        if (state.status !== 'scheduled') return state;
        return { ...state, scheduledOn: event.data.scheduledOn };
      case 'InspectionCancelled':
        if (state.status !== 'scheduled') return state;
        return { ...state, status: 'cancelled', cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt } };
      case 'FindingAmended': {
        if (state.status !== 'scheduled') return state;
        const { code, description, severity } = event.data;
        return { ...state, findings: state.findings.map((finding) => (finding.code === code ? { code, description, severity } : finding)) };
      }
      case 'FindingWithdrawn': {
        if (state.status !== 'scheduled') return state;
        const withdrawn = state.findings.find((finding) => finding.code === event.data.code);
        if (!withdrawn) return state;
        return {
          ...state,
          findings: state.findings.filter((finding) => finding !== withdrawn),
          withdrawnFindings: [...(state.withdrawnFindings ?? []), { ...withdrawn, reason: event.data.reason, withdrawnAt: event.data.withdrawnAt }],
        };
      }
      default:
        return unchanged(event, state);
    }
  },
};
