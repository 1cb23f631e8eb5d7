import type { Channel, DueNotification, NotificationContent, NotificationKind, Recipient } from './domain/notification.js';

/** A notification already in a recipient's inbox, with what it said: the start of its other channels' deliveries. */
export interface InboxDelivery {
  readonly key: string;
  readonly kind: NotificationKind;
  readonly recipient: Recipient;
  readonly content: NotificationContent;
  /** The other channels it has been delivered on so far. */
  readonly deliveredOn: readonly Channel[];
}

/**
 * Where notifications come from: the streams of some categories (rectification cases; the plan's periods) that know
 * which notifications they should have and record their deliveries through their own decider, so nothing is
 * recorded twice.
 */
export abstract class NotificationSource {
  abstract readonly categories: readonly string[];

  /** The notifications the stream should still deliver, as it stands now. */
  abstract pending(streamId: string, now: Date): Promise<DueNotification[]>;

  /** Every stream's pending notifications, to rebuild the delayed jobs from the record. */
  abstract allPending(now: Date): AsyncIterable<{ streamId: string; notifications: DueNotification[] }>;

  /** Delivers `key` to the inboxes if it is due and still applies (recorded once); returns every inbox delivery of `key` so far. */
  abstract notify(streamId: string, key: string, now: Date): Promise<InboxDelivery[]>;

  /** Every inbox delivery of `key` so far, with the channels each has also been delivered on. */
  abstract inboxDeliveries(streamId: string, key: string): Promise<InboxDelivery[]>;

  /** Records a delivery on another channel, once per (key, recipient, channel). */
  abstract recordDelivery(
    streamId: string,
    delivery: { key: string; kind: NotificationKind; recipient: Recipient; channel: Channel; content: NotificationContent },
    now: Date,
  ): Promise<void>;
}

/** The sources of this deployment, by stream category. */
export class NotificationSources {
  private readonly byCategory = new Map<string, NotificationSource>();

  constructor(readonly all: readonly NotificationSource[]) {
    for (const source of all) for (const category of source.categories) this.byCategory.set(category, source);
  }

  for(category: string): NotificationSource | undefined {
    return this.byCategory.get(category);
  }
}
