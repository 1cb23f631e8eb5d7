import type { Command } from '@app/event-sourcing';
import type { RecordDelivery } from '@app/notifications/domain';

export type AssessmentCommand =
  | Command<'OpenAssessment', { year: number }>
  // the engine, when the annual cadence job fires: remind the supervisors of the year's assessment
  | Command<'Notify', { year: number; key: string }>
  | RecordDelivery;
