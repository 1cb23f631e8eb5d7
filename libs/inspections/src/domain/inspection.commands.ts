import type { Command } from '@app/event-sourcing';
import type { Finding, InspectionKind, Outcome } from './inspection.events.js';

export type InspectionCommand =
  | Command<'ScheduleInspection', { inspectionId: string; kindergartenId: string; kind: InspectionKind; year: number; scheduledOn: string }>
  | Command<'RecordFinding', Finding>
  | Command<'ConcludeInspection', { outcome: Outcome; summary: string }>
  | Command<'RescheduleInspection', { scheduledOn: string; reason: string }>
  | Command<'CancelInspection', { reason: string }>
  | Command<'AmendFinding', Finding>
  | Command<'WithdrawFinding', { code: string; reason: string }>;
