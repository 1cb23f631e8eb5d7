import type { Channel, NotificationContent, NotificationKind, Recipient } from './domain/notification.js';

export const REMINDER_QUEUE = 'reminders';
export const DELIVERY_QUEUE = 'deliveries';
export const CADENCE_QUEUE = 'cadence';

/** A notification to deliver to inboxes when it falls due; its job id is the notification's key. */
export interface ReminderJob {
  readonly streamId: string;
  readonly key: string;
}

/** One delivery on an external channel, retried with backoff; its job id is key, recipient and channel. */
export interface DeliveryJob {
  readonly streamId: string;
  readonly key: string;
  readonly kind: NotificationKind;
  readonly recipient: Recipient;
  readonly channel: Exclude<Channel, 'inbox'>;
  readonly content: NotificationContent;
}

/** BullMQ job ids: no `:`, not all digits. Keys already follow that; recipients (`kindergarten:…`) need it done. */
export const jobId = (...parts: string[]): string => parts.join('.').replace(/[^A-Za-z0-9._-]/g, '_');

/** How long a worker holds a job before another may take it over, if the first stops answering (JOB_LOCK_MS). */
export const jobLockMs = (): number => {
  const value = Number(process.env['JOB_LOCK_MS'] ?? 30_000);
  return Number.isInteger(value) && value >= 1_000 ? value : 30_000;
};
