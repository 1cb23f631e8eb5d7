import type { Command } from '@app/event-sourcing';
import type { RecordDelivery } from '@app/notifications/domain';
import type { CorrectiveAction, DeadlineSpec, EvidenceItem } from './rectification.events.js';

export type RectificationCommand =
  | Command<
      'IssueNotice',
      { rectificationId: string; kindergartenId: string; inspectionId: string; findingCodes: string[]; deadline: DeadlineSpec; publish: boolean }
    >
  | Command<'AcknowledgeNotice', Record<string, never>>
  | Command<'RequestExtension', { requestedDueAt: string; reason: string }>
  | Command<'DecideExtension', { approve: boolean; reason: string }>
  | Command<'SubmitReport', { summary: string; actions: CorrectiveAction[]; evidence: EvidenceItem[] }>
  // a `return` sent at or after the deadline must give a new one
  | Command<'ReviewReport', { decision: 'accept' | 'return'; comment: string; deadline?: DeadlineSpec }>
  | Command<'RecordFollowUp', { inspectionId: string }>
  | Command<'ResetDeadline', { deadline: DeadlineSpec; reason: string }>
  | Command<'PublishNotice', Record<string, never>>
  | Command<'WithdrawNotice', { reason: string }>
  // recorded by the engine when the deadline passes on a case that still owes its report
  | Command<'MarkDeadlineMissed', Record<string, never>>
  // the engine, when a reminder job fires: deliver the notification `key` to the inboxes (and record a missed deadline)
  | Command<'Notify', { key: string }>
  // the engine, after delivering a notification on another channel
  | RecordDelivery;
