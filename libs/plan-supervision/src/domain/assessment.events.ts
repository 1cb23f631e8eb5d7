import type { Event } from '@app/event-sourcing';
import type { ReminderSent } from '@app/notifications/domain';

/** The year's assessment campaign (年度考核) is open: every registered kindergarten gets its annual inspection. */
export type AnnualAssessmentOpened = Event<'AnnualAssessmentOpened', { year: number; openedAt: string }>;

export type AssessmentEvent = AnnualAssessmentOpened | ReminderSent;
