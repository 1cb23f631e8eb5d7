import { describe, it } from '@jest/globals';
import { ConflictError, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import { bulletinDecider, type BulletinContext } from './bulletin.decider.js';
import type { BulletinEvent } from './bulletin.events.js';
import type { Quarter } from './plan-periods.js';
import { quarterlyBulletin } from './quarterly-bulletin.js';

const Q1: Quarter = { year: 2025, quarter: 1 };
const CONTENT = quarterlyBulletin(Q1, []);
const at = (written: string): Date => new Date(written);

const context: BulletinContext = { now: at('2025-04-01T09:30:00.000+08:00'), actor: { sub: 'wang', role: 'supervisor' }, content: CONTENT };
const given = DeciderSpecification.for(bulletinDecider, context);

const published = (publishedAt = '2025-04-01T09:30:00.000+08:00'): BulletinEvent => ({
  type: 'QuarterlyBulletinPublished',
  data: { year: 2025, quarter: 1, ...CONTENT, publishedAt },
});

describe('QuarterlyBulletin', () => {
  describe('when published', () => {
    it('records the numbers it was given, once the quarter is over', () => {
      given([]).when({ type: 'PublishBulletin', data: Q1 }).then([published()]);
    });

    it('may be published long after the quarter, with the same numbers', () => {
      given([])
        .when({ type: 'PublishBulletin', data: Q1 }, { now: at('2025-08-20T15:00:00.000+08:00') })
        .then([published('2025-08-20T15:00:00.000+08:00')]);
    });

    it('is refused before the quarter’s last instant has passed (period-not-ended)', () => {
      given([])
        .when({ type: 'PublishBulletin', data: Q1 }, { now: at('2025-03-31T23:59:59.999+08:00') })
        .thenThrows(RuleViolationError, 'period-not-ended');
    });

    it('is refused a second time (bulletin-exists), even before checking the period', () => {
      given([published()]).when({ type: 'PublishBulletin', data: Q1 }).thenThrows(ConflictError, 'bulletin-exists');
    });
  });
});
