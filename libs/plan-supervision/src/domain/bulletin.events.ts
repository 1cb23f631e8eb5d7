import type { Event } from '@app/event-sourcing';
import type { ReminderSent } from '@app/notifications/domain';
import type { BulletinContent } from './quarterly-bulletin.js';

/** A quarter's bulletin (季通报), with the numbers it published: they never change afterwards. */
export type QuarterlyBulletinPublished = Event<
  'QuarterlyBulletinPublished',
  { year: number; quarter: number; publishedAt: string } & BulletinContent
>;

export type BulletinEvent = QuarterlyBulletinPublished | ReminderSent;
