import { ConflictError, RuleViolationError, unchanged, unknownCommand, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar';
import { deliveryId, recordDelivery } from '@app/reminders/domain';
import type { BulletinCommand } from './bulletin.commands.js';
import type { BulletinEvent } from './bulletin.events.js';
import { bulletinReminderContent, bulletinReminderKey } from './plan-notifications.js';
import { quarterEnd, quarterId } from './plan-periods.js';
import type { BulletinContent } from './quarterly-bulletin.js';

/** A quarter's bulletin: unpublished (its stream may hold the reminder to publish it) or published with its numbers. */
export type BulletinState =
  | { readonly status: 'unpublished'; readonly sent: readonly string[] }
  | ({
      readonly status: 'published';
      readonly year: number;
      readonly quarter: number;
      readonly publishedAt: string;
      readonly sent: readonly string[];
    } & BulletinContent);

export interface BulletinContext extends DecisionContext {
  /** PublishBulletin: the quarter's numbers from the record as it stood at its end (computed only when they can be published). */
  readonly content?: BulletinContent;
}

/** Whether a bulletin could be published now: not yet published, and its quarter over. */
export const bulletinPublishable = (state: BulletinState, quarter: Parameters<typeof quarterEnd>[0], now: Date): boolean =>
  state.status === 'unpublished' && now.getTime() > Date.parse(quarterEnd(quarter));

export const bulletinDecider: Decider<BulletinCommand, BulletinEvent, BulletinState, BulletinContext> = {
  initialState: () => ({ status: 'unpublished', sent: [] }),

  decide(command, state, context) {
    const { now } = context;
    const at = formatShanghai(now);
    switch (command.type) {
      case 'PublishBulletin': {
        const quarter = command.data;
        if (state.status === 'published')
          throw new ConflictError('bulletin-exists', `The bulletin of ${quarterId(quarter)} was published at ${state.publishedAt}`);
        if (now.getTime() <= Date.parse(quarterEnd(quarter)))
          throw new RuleViolationError('period-not-ended', `${quarterId(quarter)} ends at ${quarterEnd(quarter)}`);
        if (!context.content) throw new Error('PublishBulletin needs the quarter’s numbers in its context');
        return [{ type: 'QuarterlyBulletinPublished', data: { year: quarter.year, quarter: quarter.quarter, ...context.content, publishedAt: at } }];
      }

      case 'Notify': {
        const { key, ...quarter } = command.data;
        // the reminder to publish applies once the quarter is over, until the bulletin is out, once
        if (key !== bulletinReminderKey(quarter) || !bulletinPublishable(state, quarter, now)) return [];
        if (state.sent.includes(deliveryId(key, 'supervisors', 'inbox'))) return [];
        const content = bulletinReminderContent(quarter);
        return [
          { type: 'ReminderSent', data: { key, kind: 'bulletin-reminder', recipient: 'supervisors', channel: 'inbox', ...content, sentAt: at } },
        ];
      }

      case 'RecordDelivery':
        return recordDelivery(state.sent, command.data, at);

      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'QuarterlyBulletinPublished':
        return { ...event.data, status: 'published', sent: state.sent };
      case 'ReminderSent':
        return { ...state, sent: [...state.sent, deliveryId(event.data.key, event.data.recipient, event.data.channel)] };
      default:
        return unchanged(event, state);
    }
  },
};
