import type { Command } from '@app/event-sourcing';

export type EnrolmentCommand =
  | Command<'SuspendEnrolment', { kindergartenId: string; rectificationId: string; effectiveFrom: string; reason: string }>
  | Command<'ReinstateEnrolment', { kindergartenId: string; inspectionId: string; reason: string }>;
