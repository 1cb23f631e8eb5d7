import { describe, expect, it } from '@jest/globals';
import { reminderJob } from './reminder-scheduler.js';

const notification = {
  key: 'rectification-rc-1.reminder-P1D',
  kind: 'rectification-reminder' as const,
  dueAt: '2025-03-16T23:59:59.999+08:00',
  recipients: ['kindergarten:kg-1' as const],
};

describe('reminderJob', () => {
  it('is due when the notification is, by the engine clock, counted from the machine time that clock was read', () => {
    const now = new Date('2025-03-16T15:00:00.000Z'); // 23:00 in Shanghai: 59:59.999 before the due moment
    const readAt = 1_700_000_000_000; // this machine's clock may differ from the engine's (tests shift it)
    const job = reminderJob('rectification-rc-1', notification as never, now, readAt);
    expect(job.opts).toMatchObject({ jobId: notification.key, delay: 3_599_999, timestamp: readAt });
    // BullMQ fires a delayed job at timestamp + delay, whenever it was added
    expect(job.opts.timestamp + job.opts.delay).toBe(readAt + (Date.parse(notification.dueAt) - now.getTime()));
  });

  it('is due at once when its moment has passed', () => {
    const job = reminderJob('rectification-rc-1', notification as never, new Date('2025-03-17T00:00:00.000+08:00'), 5);
    expect(job.opts).toMatchObject({ delay: 0, timestamp: 5 });
  });
});
