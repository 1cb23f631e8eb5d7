import { ConflictError, RuleViolationError, unknownCommand, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import { inboxDeliveries, withDeliveries, type Delivering, type RecordDelivery, type ReminderSent } from '@app/notifications/domain';
import type { BulletinCommand } from './bulletin.commands.js';
import type { BulletinEvent } from './bulletin.events.js';
import { bulletinReminderContent, bulletinReminderKey } from './plan-notifications.js';
import { quarterEnd, quarterId } from './plan-periods.js';
import type { BulletinContent } from './quarterly-bulletin.js';

/** A quarter's bulletin: unpublished (its stream may hold the reminder to publish it) or published with its numbers. */
export type BulletinState = Delivering<Bulletin>;
type Bulletin =
  | { readonly status: 'unpublished' }
  | ({ readonly status: 'published'; readonly year: number; readonly quarter: number; readonly publishedAt: string } & BulletinContent);

export interface BulletinContext extends DecisionContext {
  /** PublishBulletin: the quarter's numbers from the record as it stood at its end (computed only when they can be published). */
  readonly content?: BulletinContent;
}

/** Whether a bulletin could be published now: not yet published, and its quarter over. */
export const bulletinPublishable = (state: BulletinState, quarter: Parameters<typeof quarterEnd>[0], now: Date): boolean =>
  state.status === 'unpublished' && now.getTime() > Date.parse(quarterEnd(quarter));

export const bulletinDecider = withDeliveries<Exclude<BulletinCommand, RecordDelivery>, Exclude<BulletinEvent, ReminderSent>, Bulletin, BulletinContext>({
  initialState: () => ({ status: 'unpublished' }),

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
        return inboxDeliveries(state, { key, kind: 'bulletin-reminder', recipients: ['supervisors'] }, bulletinReminderContent(quarter), at);
      }

      default:
        return unknownCommand(command);
    }
  },

  // QuarterlyBulletinPublished is its only event
  evolve: (_state, { data }) => ({ ...data, status: 'published' }),
});
