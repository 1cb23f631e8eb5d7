import { ConflictError, NotFoundError, RuleViolationError, unchanged, unknownCommand, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import type { InspectionCommand } from './inspection.commands.js';
import type { Finding, InspectionEvent, InspectionKind, Outcome } from './inspection.events.js';

interface InspectionData {
  readonly id: string;
  readonly kindergartenId: string;
  readonly kind: InspectionKind;
  readonly year: number;
  readonly scheduledOn: string;
  readonly scheduledAt: string;
  readonly findings: readonly Finding[];
}

export type InspectionState =
  | { readonly status: 'none' }
  | (InspectionData & { readonly status: 'scheduled' })
  | (InspectionData & { readonly status: 'concluded'; readonly outcome: Outcome; readonly summary: string; readonly concludedAt: string });

export interface InspectionContext extends DecisionContext {
  /** Whether the kindergarten named by a ScheduleInspection is registered. */
  readonly kindergartenRegistered: boolean;
}

export const inspectionStreamId = (inspectionId: string): string => `inspection-${inspectionId}`;

/** One annual inspection per kindergarten and year: its id is derived from both, so a second one is the same stream. */
export const annualInspectionId = (kindergartenId: string, year: number): string => `annual-${year}-${kindergartenId}`;

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState, InspectionContext> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state, context) {
    const at = formatShanghai(context.now);
    switch (command.type) {
      case 'ScheduleInspection':
        if (!context.kindergartenRegistered) throw new RuleViolationError('unknown-kindergarten', `No kindergarten ${command.data.kindergartenId}`);
        if (state.status !== 'none') {
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
      case 'RecordFinding':
        if (state.status === 'none') throw new NotFoundError('not-found', 'No such inspection');
        if (state.status === 'concluded') throw new ConflictError('inspection-concluded', `Inspection ${state.id} is concluded`);
        if (state.findings.some((finding) => finding.code === command.data.code)) {
          throw new ConflictError('finding-exists', `Finding ${command.data.code} is already recorded`);
        }
        return [{ type: 'FindingRecorded', data: { inspectionId: state.id, ...command.data, recordedAt: at } }];
      case 'ConcludeInspection':
        if (state.status === 'none') throw new NotFoundError('not-found', 'No such inspection');
        if (state.status === 'concluded') throw new ConflictError('inspection-concluded', `Inspection ${state.id} is concluded`);
        if (command.data.outcome === 'failed' && state.findings.length === 0) {
          throw new RuleViolationError('failed-without-findings', 'An inspection can only fail with at least one finding');
        }
        return [{ type: 'InspectionConcluded', data: { inspectionId: state.id, ...command.data, concludedAt: at } }];
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
      default:
        return unchanged(event, state);
    }
  },
};
