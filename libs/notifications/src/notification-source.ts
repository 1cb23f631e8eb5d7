import { randomUUID } from 'node:crypto';
import { formatShanghai } from '@app/calendar/domain';
import { SYSTEM_ACTOR, type EventMetadata, type EventStore, type StoredEvent } from '@app/event-sourcing';
import type { Channel, DueNotification, NotificationContent, NotificationKind, Recipient, ReminderSent } from './domain/notification.js';

/** A notification already in a recipient's inbox, with what it said: the start of its other channels' deliveries. */
export interface InboxDelivery {
  readonly key: string;
  readonly kind: NotificationKind;
  readonly recipient: Recipient;
  readonly content: NotificationContent;
  /** The other channels it has been delivered on so far. */
  readonly deliveredOn: readonly Channel[];
}

/** A delivery of a notification on a channel, as the record keeps it. */
export interface ChannelDelivery {
  readonly key: string;
  readonly kind: NotificationKind;
  readonly recipient: Recipient;
  readonly channel: Channel;
  readonly content: NotificationContent;
}

/**
 * Where notifications come from: the streams of some categories (rectification cases; the plan's periods) that know
 * which notifications they should have and record their deliveries through their own decider, so nothing is
 * recorded twice.
 */
export abstract class NotificationSource {
  abstract readonly categories: readonly string[];

  protected constructor(protected readonly store: EventStore) {}

  /** The notifications the stream should still deliver, as it stands now. */
  abstract pending(streamId: string, now: Date): Promise<DueNotification[]>;

  /** Every stream's pending notifications, to rebuild the delayed jobs from the record. */
  abstract allPending(now: Date): AsyncIterable<{ streamId: string; notifications: DueNotification[] }>;

  /** Delivers `key` to the inboxes if it is due and still applies (recorded once); returns every inbox delivery of `key` so far. */
  abstract notify(streamId: string, key: string, now: Date): Promise<InboxDelivery[]>;

  /** Every inbox delivery of `key` so far, with the channels each has also been delivered on. */
  async inboxDeliveries(streamId: string, key: string): Promise<InboxDelivery[]> {
    return inboxDeliveriesIn(await this.store.readStream(streamId), key);
  }

  /** Records a delivery on another channel, once per (key, recipient, channel). */
  abstract recordDelivery(streamId: string, delivery: ChannelDelivery, now: Date): Promise<void>;
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

/** The metadata of what the engine records by itself (reminders, missed deadlines): actor `system`, correlated by the notification's key. */
export const systemMetadata = (now: Date, correlationId: string): EventMetadata => ({
  actor: SYSTEM_ACTOR,
  at: formatShanghai(now),
  commandId: randomUUID(),
  correlationId,
  causationId: null,
});

/** Every inbox delivery of `key` in a stream's events, with the other channels each has also been delivered on. */
export const inboxDeliveriesIn = (events: readonly StoredEvent[], key: string): InboxDelivery[] => {
  const sent = events
    .filter((event) => event.type === 'ReminderSent' && (event.data as ReminderSent['data']).key === key)
    .map((event) => event.data as ReminderSent['data']);
  return sent
    .filter((delivery) => delivery.channel === 'inbox')
    .map((inbox) => ({
      key,
      kind: inbox.kind,
      recipient: inbox.recipient,
      content: { subject: inbox.subject, body: inbox.body, refs: inbox.refs },
      deliveredOn: sent.filter((other) => other.recipient === inbox.recipient && other.channel !== 'inbox').map((other) => other.channel),
    }));
};
