import type { Command } from '@app/event-sourcing';
import type { RecordDelivery } from '@app/notifications/domain';
import type { Quarter } from './plan-periods.js';

export type BulletinCommand =
  | Command<'PublishBulletin', Quarter>
  // the engine, when the quarterly cadence job fires: remind the supervisors to publish
  | Command<'Notify', Quarter & { key: string }>
  | RecordDelivery;
