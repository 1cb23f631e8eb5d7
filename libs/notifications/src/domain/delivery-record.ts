import { formatShanghai } from '@app/calendar/domain';
import type { Command, Decider, DecisionContext, Event } from '@app/event-sourcing';
import {
  deliveryId,
  type Channel,
  type DueNotification,
  type NotificationContent,
  type Recipient,
  type RecordDelivery,
  type ReminderSent,
} from './notification.js';

/** What a stream has delivered: its deliveries' ids (`key|recipient|channel`), each once; absent before the stream's first event. */
export interface Delivered {
  readonly sent?: readonly string[];
}

/** The state of a stream that notifies: its aggregate's state and what it has delivered. */
export type Delivering<S> = S & Delivered;

export const wasDelivered = (state: Delivered, key: string, recipient: Recipient, channel: Channel = 'inbox'): boolean =>
  state.sent?.includes(deliveryId(key, recipient, channel)) ?? false;

/** A notification recorded in the inboxes of those of its recipients who have not had it yet (none if all have). */
export const inboxDeliveries = (
  state: Delivered,
  notification: Pick<DueNotification, 'key' | 'kind' | 'recipients'>,
  content: NotificationContent,
  at: string,
): ReminderSent[] =>
  notification.recipients
    .filter((recipient) => !wasDelivered(state, notification.key, recipient))
    .map((recipient) => ({
      type: 'ReminderSent',
      data: { key: notification.key, kind: notification.kind, recipient, channel: 'inbox', ...content, sentAt: at },
    }));

/**
 * The decider of an aggregate that notifies, without the bookkeeping of its deliveries: `decide` sees what the stream
 * has delivered (to notify each recipient once); `evolve` never sees a `ReminderSent`.
 */
export interface NotifyingDecider<C extends Command, E extends Event, S, X extends DecisionContext> {
  initialState(): S;
  decide(command: C, state: Delivering<S>, context: X): readonly (E | ReminderSent)[];
  evolve(state: S, event: E): S;
  /** Whether the stream is one to record deliveries in (a case not yet issued is not); always, if absent. */
  recordsDeliveries?(state: S): boolean;
}

const isRecordDelivery = (command: Command): command is RecordDelivery => command.type === 'RecordDelivery';
const isReminderSent = (event: Event): event is ReminderSent => event.type === 'ReminderSent';

/**
 * Gives a notifying decider the delivery bookkeeping every such stream shares: `RecordDelivery` records a
 * `ReminderSent` once per (key, recipient, channel), and the state remembers each delivery's id once.
 * `withoutDeliveries` folds the aggregate's own state only, for read models that must not carry the bookkeeping.
 */
export const withDeliveries = <C extends Command, E extends Event, S, X extends DecisionContext>(
  decider: NotifyingDecider<C, E, S, X>,
): Decider<C | RecordDelivery, E | ReminderSent, Delivering<S>, X> & {
  readonly withoutDeliveries: Pick<Decider<C, E | ReminderSent, S, X>, 'initialState' | 'evolve'>;
} => ({
  // nothing delivered yet: `sent` is absent, so a stream's initial state is its aggregate's own
  initialState: () => decider.initialState() as Delivering<S>,

  decide(command, state, context) {
    if (!isRecordDelivery(command)) return decider.decide(command, state, context);
    const { key, kind, recipient, channel, content } = command.data;
    if (decider.recordsDeliveries?.(state) === false || wasDelivered(state, key, recipient, channel)) return [];
    return [{ type: 'ReminderSent', data: { key, kind, recipient, channel, ...content, sentAt: formatShanghai(context.now) } }];
  },

  evolve(state, event) {
    if (!isReminderSent(event)) {
      const next = decider.evolve(state, event);
      return next === state ? state : { ...next, sent: state.sent ?? [] };
    }
    const { key, recipient, channel } = event.data;
    if (decider.recordsDeliveries?.(state) === false || wasDelivered(state, key, recipient, channel)) return state;
    return { ...state, sent: [...(state.sent ?? []), deliveryId(key, recipient, channel)] };
  },

  withoutDeliveries: {
    // nothing delivered yet: `sent` is absent, so a stream's initial state is its aggregate's own
  initialState: () => decider.initialState() as Delivering<S>,
    evolve: (state, event) => (isReminderSent(event) ? state : decider.evolve(state, event)),
  },
});
