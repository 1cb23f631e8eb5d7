import type { NotificationContent, NotificationKind, Recipient } from '../domain/notification.js';

export interface OutgoingNotification {
  readonly key: string;
  readonly kind: NotificationKind;
  readonly recipient: Recipient;
  readonly content: NotificationContent;
}

/** A way to tell people besides the inbox. `send` throws on failure; the delivery job then retries with backoff. */
export abstract class NotificationChannel {
  abstract readonly name: 'email' | 'webhook';
  /** Configured, so that deliveries are queued for it. */
  abstract readonly enabled: boolean;
  /** Sends, or returns false when the recipient has no address on this channel (nothing to retry). */
  abstract send(notification: OutgoingNotification): Promise<boolean>;
}
