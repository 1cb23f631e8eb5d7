import type { Event } from '@app/event-sourcing';

export const INSPECTION_KINDS = ['annual', 'safety', 'quality', 'follow-up'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const OUTCOMES = ['passed', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Finding {
  readonly code: string;
  readonly description: string;
  readonly severity: Severity;
}

export type InspectionScheduled = Event<
  'InspectionScheduled',
  { inspectionId: string; kindergartenId: string; kind: InspectionKind; year: number; scheduledOn: string; scheduledAt: string }
>;
export type FindingRecorded = Event<'FindingRecorded', { inspectionId: string; recordedAt: string } & Finding>;
export type InspectionConcluded = Event<'InspectionConcluded', { inspectionId: string; outcome: Outcome; summary: string; concludedAt: string }>;

export type InspectionRescheduled = Event<
  'InspectionRescheduled',
  { inspectionId: string; previousScheduledOn: string; scheduledOn: string; reason: string; rescheduledAt: string }
>;
export type InspectionCancelled = Event<'InspectionCancelled', { inspectionId: string; reason: string; cancelledAt: string }>;
export type FindingAmended = Event<'FindingAmended', { inspectionId: string; amendedAt: string } & Finding>;
export type FindingWithdrawn = Event<'FindingWithdrawn', { inspectionId: string; code: string; reason: string; withdrawnAt: string }>;

export type InspectionEvent =
  | InspectionScheduled
  | FindingRecorded
  | InspectionConcluded
  | InspectionRescheduled
  | InspectionCancelled
  | FindingAmended
  | FindingWithdrawn;
