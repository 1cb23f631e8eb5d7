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

interface JobLock {
  lockDuration: number;
  stalledInterval: number;
}
const jobLocks: JobLock[] = [];

/**
 * A processor's worker options, with the job lock (how long a worker holds a job before another may take it over, if
 * the first stops answering). The decorator that takes them runs on import, before any settings exist: the reminders
 * module sets the lock from the validated JOB_LOCK_MS (`applyJobLock`) before the workers are made.
 */
export const workerOptions = <O extends object>(options: O): O & JobLock => {
  const withLock = { ...options, lockDuration: 30_000, stalledInterval: 30_000 };
  jobLocks.push(withLock);
  return withLock;
};

export const applyJobLock = (jobLockMs: number): number => {
  for (const lock of jobLocks) Object.assign(lock, { lockDuration: jobLockMs, stalledInterval: jobLockMs });
  return jobLockMs;
};
