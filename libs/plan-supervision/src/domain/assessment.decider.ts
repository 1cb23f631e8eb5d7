import { unknownCommand, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import { inboxDeliveries, withDeliveries, type Delivering, type RecordDelivery, type ReminderSent } from '@app/notifications/domain';
import type { AssessmentCommand } from './assessment.commands.js';
import type { AssessmentEvent } from './assessment.events.js';
import { assessmentReminderContent, assessmentReminderKey } from './plan-notifications.js';

/** A year's assessment campaign: not opened yet (its stream may hold the reminder), or opened. */
export type AssessmentState = Delivering<Assessment>;
type Assessment = { readonly status: 'not-opened' } | { readonly status: 'opened'; readonly year: number; readonly openedAt: string };

export const assessmentDecider = withDeliveries<Exclude<AssessmentCommand, RecordDelivery>, Exclude<AssessmentEvent, ReminderSent>, Assessment, DecisionContext>({
  initialState: () => ({ status: 'not-opened' }),

  decide(command, state, { now }) {
    const at = formatShanghai(now);
    switch (command.type) {
      case 'OpenAssessment':
        // opening again is how missing annual inspections are scheduled: the campaign itself opens once
        return state.status === 'opened' ? [] : [{ type: 'AnnualAssessmentOpened', data: { year: command.data.year, openedAt: at } }];

      case 'Notify': {
        const { year, key } = command.data;
        if (key !== assessmentReminderKey(year)) return [];
        const content = assessmentReminderContent(year, state.status === 'opened' ? state.openedAt : null);
        return inboxDeliveries(state, { key, kind: 'assessment-reminder', recipients: ['supervisors'] }, content, at);
      }

      default:
        return unknownCommand(command);
    }
  },

  // AnnualAssessmentOpened is its only event
  evolve: (_state, { data }) => ({ status: 'opened', year: data.year, openedAt: data.openedAt }),
});
