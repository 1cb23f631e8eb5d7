import { unchanged, unknownCommand, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar';
import { deliveryId, recordDelivery } from '@app/reminders/domain';
import type { AssessmentCommand } from './assessment.commands.js';
import type { AssessmentEvent } from './assessment.events.js';
import { assessmentReminderContent, assessmentReminderKey } from './plan-notifications.js';

/** A year's assessment campaign: not opened yet (its stream may hold the reminder), or opened. */
export type AssessmentState =
  | { readonly status: 'not-opened'; readonly sent: readonly string[] }
  | { readonly status: 'opened'; readonly year: number; readonly openedAt: string; readonly sent: readonly string[] };

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState, DecisionContext> = {
  initialState: () => ({ status: 'not-opened', sent: [] }),

  decide(command, state, { now }) {
    const at = formatShanghai(now);
    switch (command.type) {
      case 'OpenAssessment':
        // opening again is how missing annual inspections are scheduled: the campaign itself opens once
        return state.status === 'opened' ? [] : [{ type: 'AnnualAssessmentOpened', data: { year: command.data.year, openedAt: at } }];

      case 'Notify': {
        const { year, key } = command.data;
        if (key !== assessmentReminderKey(year) || state.sent.includes(deliveryId(key, 'supervisors', 'inbox'))) return [];
        const content = assessmentReminderContent(year, state.status === 'opened' ? state.openedAt : null);
        return [
          { type: 'ReminderSent', data: { key, kind: 'assessment-reminder', recipient: 'supervisors', channel: 'inbox', ...content, sentAt: at } },
        ];
      }

      case 'RecordDelivery':
        return recordDelivery(state.sent, command.data, at);

      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AnnualAssessmentOpened':
        return { status: 'opened', year: event.data.year, openedAt: event.data.openedAt, sent: state.sent };
      case 'ReminderSent':
        return { ...state, sent: [...state.sent, deliveryId(event.data.key, event.data.recipient, event.data.channel)] };
      default:
        return unchanged(event, state);
    }
  },
};
