import type { Command } from '@app/event-sourcing';
import type { RecordDelivery } from '@app/notifications/domain';

export type SuspensionDecision = 'suspend' | 'withdraw';

export type EnrolmentCommand =
  | Command<'ProposeSuspension', { kindergartenId: string; rectificationId: string; facts: string; basis: string; proposedFrom: string }>
  | Command<'SubmitStatement', { kindergartenId: string; text: string; attachmentIds: string[] }>
  | Command<'WaiveStatement', { kindergartenId: string }>
  | Command<'DecideSuspension', { kindergartenId: string; decision: SuspensionDecision; reason: string; effectiveFrom?: string }>
  | Command<'ReinstateEnrolment', { kindergartenId: string; inspectionId: string; reason: string }>
  | Command<'Notify', { kindergartenId: string; key: string }>
  | RecordDelivery;
