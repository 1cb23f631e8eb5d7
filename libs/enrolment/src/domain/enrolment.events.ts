import type { Event } from '@app/event-sourcing';

export type EnrolmentSuspended = Event<
  'EnrolmentSuspended',
  { kindergartenId: string; rectificationId: string; effectiveFrom: string; reason: string; suspendedAt: string }
>;
export type EnrolmentReinstated = Event<
  'EnrolmentReinstated',
  { kindergartenId: string; inspectionId: string; reason: string; reinstatedAt: string }
>;

export type EnrolmentEvent = EnrolmentSuspended | EnrolmentReinstated;
