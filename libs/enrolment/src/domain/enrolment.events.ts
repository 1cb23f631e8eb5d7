import type { Event } from '@app/event-sourcing';
import type { ReminderSent } from '@app/notifications/domain';

/** 告知: the facts, reasons and basis of a proposed suspension, and until when the kindergarten may state its case. */
export type SuspensionProposed = Event<
  'SuspensionProposed',
  {
    kindergartenId: string;
    proposalNo: number;
    rectificationId: string;
    facts: string;
    basis: string;
    proposedFrom: string;
    proposedAt: string;
    statementDueAt: string;
    /** One working day before `statementDueAt`: when the kindergarten is reminded (fixed when proposed, like the deadline). */
    reminderAt: string;
  }
>;
/** An uploaded attachment as a statement cites it: its hash puts the bytes under the record's hash chain. */
export interface StatementAttachment {
  readonly attachmentId: string;
  readonly name: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** 陈述申辩: the kindergarten's statement on the pending proposal; `attachments` (absent before they were verified) cite what it uploaded. */
export type StatementSubmitted = Event<
  'StatementSubmitted',
  { kindergartenId: string; proposalNo: number; text: string; attachmentIds: string[]; attachments?: StatementAttachment[]; submittedAt: string }
>;
export type StatementWaived = Event<'StatementWaived', { kindergartenId: string; proposalNo: number; waivedAt: string }>;
/** v1 suspensions carry no `proposalNo`: they were decided without a proposal. */
export type EnrolmentSuspended = Event<
  'EnrolmentSuspended',
  { kindergartenId: string; rectificationId: string; effectiveFrom: string; reason: string; suspendedAt: string; proposalNo?: number }
>;
export type SuspensionWithdrawn = Event<
  'SuspensionWithdrawn',
  { kindergartenId: string; proposalNo: number; rectificationId: string; reason: string; withdrawnAt: string }
>;
export type EnrolmentReinstated = Event<
  'EnrolmentReinstated',
  { kindergartenId: string; inspectionId: string; reason: string; reinstatedAt: string }
>;

export type EnrolmentEvent =
  SuspensionProposed | StatementSubmitted | StatementWaived | EnrolmentSuspended | SuspensionWithdrawn | EnrolmentReinstated | ReminderSent;
