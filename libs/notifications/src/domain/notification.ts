import type { Command, Event } from '@app/event-sourcing';

export const NOTIFICATION_KINDS = [
  'notice-issued',
  'rectification-reminder',
  'deadline-missed',
  'extension-decided',
  'report-reviewed',
  'monthly-report-reminder',
  'bulletin-reminder',
  'assessment-reminder',
  'report-submitted',
  'extension-requested',
  'case-failed',
  'deadline-reset',
  'notice-withdrawn',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One of REMINDER_OFFSETS: how long before a deadline to remind (`P7D`), in milliseconds. */
export interface ReminderOffset {
  readonly label: string;
  readonly ms: number;
}

/** Who a notification is for: every user of a kindergarten, every supervisor, or every user of a responsible unit. */
export type Recipient = `kindergarten:${string}` | 'supervisors' | `unit:${string}`;

export const CHANNELS = ['inbox', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface NotificationContent {
  readonly subject: string;
  readonly body: string;
  readonly refs: Readonly<Record<string, string>>;
}

/**
 * A notification delivered on one channel to one recipient, recorded in the stream of what it is about (the case's
 * `rectification-…`, or the period's `monthlyReport-…`, `bulletin-…`, `assessment-…`). Once per (key, recipient, channel).
 */
export type ReminderSent = Event<
  'ReminderSent',
  { key: string; kind: NotificationKind; recipient: Recipient; channel: Channel; sentAt: string } & NotificationContent
>;

/** The identity of one delivery, for "nothing twice". */
export const deliveryId = (key: string, recipient: Recipient, channel: Channel): string => `${key}|${recipient}|${channel}`;

export const kindergartenRecipient = (kindergartenId: string): Recipient => `kindergarten:${kindergartenId}`;
export const unitRecipient = (unitId: string): Recipient => `unit:${unitId}`;

/** A notification something should have: due at `dueAt`, for the recipients who have not had it in their inbox yet. */
export interface DueNotification {
  readonly key: string;
  readonly kind: NotificationKind;
  readonly dueAt: string;
  readonly recipients: readonly Recipient[];
}

/** Keys are job ids too: letters, digits, `.`, `_` and `-` only (never `:`), and never all digits. */
export const instantKey = (written: string): string => new Date(written).toISOString().replace(/[-:]/g, '').replace('.', '_');

/** A delivery on another channel than the inbox, to be recorded in the stream it is about: every notifying decider takes it. */
export type RecordDelivery = Command<
  'RecordDelivery',
  { key: string; kind: NotificationKind; recipient: Recipient; channel: Channel; content: NotificationContent }
>;

