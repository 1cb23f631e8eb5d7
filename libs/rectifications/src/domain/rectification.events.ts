import type { Event } from '@app/event-sourcing';
import type { Finding } from '@app/inspections/domain';
import type { ReminderSent } from '@app/notifications/domain';

/** How the deadline was given: a number of working days after the day of issue, or an instant. */
export type DeadlineSpec = { readonly workingDays: number } | { readonly dueAt: string };

export interface CorrectiveAction {
  readonly findingCode: string;
  readonly action: string;
}

/** v1: a file named by its hash, kept as an unverified reference (nothing proves the file exists). */
export interface ReferencedEvidence {
  readonly name: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** An uploaded attachment as the report cites it: its hash puts the bytes under the record's hash chain. */
export interface AttachedEvidence {
  readonly attachmentId: string;
  readonly caption?: string;
  readonly name: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

export type Evidence = ReferencedEvidence | AttachedEvidence;

/** What a report gives: `{attachmentId, caption?}` (an upload), or the v1 reference. */
export type EvidenceItem = ReferencedEvidence | { readonly attachmentId: string; readonly caption?: string };

export type RectificationNoticeIssued = Event<
  'RectificationNoticeIssued',
  {
    rectificationId: string;
    kindergartenId: string;
    inspectionId: string;
    findings: Finding[];
    deadline: DeadlineSpec;
    dueAt: string;
    publish: boolean;
    issuedAt: string;
    /** 文号, `清教督改〔2026〕3号`; absent on notices issued before v1.1. */
    documentNo?: string;
  }
>;
export type NoticeAcknowledged = Event<'NoticeAcknowledged', { rectificationId: string; acknowledgedAt: string }>;
export type ExtensionRequested = Event<
  'ExtensionRequested',
  { rectificationId: string; requestedDueAt: string; reason: string; requestedAt: string }
>;
export type ExtensionGranted = Event<
  'ExtensionGranted',
  { rectificationId: string; previousDueAt: string; dueAt: string; reason: string; decidedAt: string }
>;
export type ExtensionDenied = Event<'ExtensionDenied', { rectificationId: string; reason: string; decidedAt: string }>;
export type RectificationReportSubmitted = Event<
  'RectificationReportSubmitted',
  {
    rectificationId: string;
    reportNo: number;
    summary: string;
    actions: CorrectiveAction[];
    evidence: Evidence[];
    submittedAt: string;
    late: boolean;
  }
>;
export type RectificationReportReturned = Event<
  'RectificationReportReturned',
  { rectificationId: string; reportNo: number; comment: string; reviewedAt: string }
>;
export type RectificationAccepted = Event<
  'RectificationAccepted',
  { rectificationId: string; reportNo: number; comment: string; reviewedAt: string }
>;
export type FollowUpPassed = Event<
  'FollowUpPassed',
  { rectificationId: string; inspectionId: string; inspectionConcludedAt: string; recordedAt: string }
>;
export type FollowUpFailed = Event<
  'FollowUpFailed',
  { rectificationId: string; inspectionId: string; inspectionConcludedAt: string; recordedAt: string }
>;
export type DeadlineMissed = Event<'DeadlineMissed', { rectificationId: string; dueAt: string; recordedAt: string }>;

/** A new deadline set by a supervisor (alone, or with a `return` review sent at or after the deadline). */
export type DeadlineReset = Event<
  'DeadlineReset',
  { rectificationId: string; previousDueAt: string; deadline: DeadlineSpec; dueAt: string; reason: string; resetAt: string }
>;
export type NoticePublished = Event<'NoticePublished', { rectificationId: string; publishedAt: string }>;
export type NoticeWithdrawn = Event<'NoticeWithdrawn', { rectificationId: string; reason: string; withdrawnAt: string }>;

export type RectificationEvent =
  | RectificationNoticeIssued
  | NoticeAcknowledged
  | ExtensionRequested
  | ExtensionGranted
  | ExtensionDenied
  | RectificationReportSubmitted
  | RectificationReportReturned
  | RectificationAccepted
  | FollowUpPassed
  | FollowUpFailed
  | DeadlineMissed
  | DeadlineReset
  | NoticePublished
  | NoticeWithdrawn
  | ReminderSent;
