import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { QueueProbe } from '../support/reminders.js';
import { finished, runTs } from '../support/worker-process.js';

// The cadence's job schedulers in the real Redis, upserted by a process whose own time zone is not Shanghai's:
// their next runs must still be the Shanghai wall times of the patterns. Each run has its own queue prefix.

const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;

/** The next instant after `from` at which Shanghai's wall clock shows `hour:minute` on a day and month that `matches`. */
const nextShanghai = (from: number, hour: number, minute: number, matches: (month: number, day: number) => boolean): number => {
  const wall = new Date(from + SHANGHAI);
  for (let day = 0; day < 400; day++) {
    const candidate = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + day, hour, minute) - SHANGHAI;
    const shown = new Date(candidate + SHANGHAI);
    if (candidate > from && matches(shown.getUTCMonth() + 1, shown.getUTCDate())) return candidate;
  }
  throw new Error('no next run within 400 days');
};

const upsertIn = async (tz: string, prefix: string, env: Record<string, string> = {}) => {
  const run = runTs('tests/plan-supervision/cadence-schedulers.child.ts', {
    NODE_ENV: 'test',
    TZ: tz,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const { code, output } = await finished(run);
  expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  const line = output.split('\n').find((text) => text.startsWith('{'));
  return JSON.parse(line!) as {
    tz: string;
    offsetMinutes: number;
    schedulers: Array<{ id: string; pattern: string; tz: string; next: number }>;
    delayed: Array<{ name: string; runAt: number }>;
  };
};

const probes: QueueProbe[] = [];

afterAll(async () => {
  for (const probe of probes) await probe.close();
});

describe('the cadence’s job schedulers (real Redis)', () => {
  it('run at the Shanghai wall times of their patterns whatever the process’s time zone, and upserting again adds none', async () => {
    const prefix = `test-cadence-${randomUUID().slice(0, 8)}`;
    probes.push(new QueueProbe('redis://127.0.0.1:6379', prefix));
    const startedAt = Date.now();

    const newYork = await upsertIn('America/New_York', prefix);
    // the child really ran in New York time (UTC−4 or −5), not in Shanghai's or UTC
    expect([240, 300]).toContain(newYork.offsetMinutes);

    const next = Object.fromEntries(newYork.schedulers.map((scheduler) => [scheduler.id, scheduler]));
    expect(Object.keys(next).sort()).toEqual([
      'assessment-reminder',
      'bulletin-reminder',
      'monthly-report-missed',
      'monthly-report-reminder',
      'monthly-report-second-reminder',
    ]);
    for (const scheduler of newYork.schedulers) expect(scheduler.tz).toBe('Asia/Shanghai');
    const expected = {
      'monthly-report-reminder': nextShanghai(startedAt, 9, 0, (_month, day) => day === 1),
      'monthly-report-second-reminder': nextShanghai(startedAt, 9, 0, (_month, day) => day === 4),
      'monthly-report-missed': nextShanghai(startedAt, 0, 5, (_month, day) => day === 6),
      'bulletin-reminder': nextShanghai(startedAt, 9, 0, (month, day) => day === 1 && [1, 4, 7, 10].includes(month)),
      'assessment-reminder': nextShanghai(startedAt, 9, 0, (month, day) => day === 1 && month === 12),
    };
    const shown = (ms: number) => new Date(ms).toISOString();
    expect(Object.fromEntries(Object.entries(next).map(([id, { next: at }]) => [id, shown(at)]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([id, at]) => [id, shown(at)])),
    );
    // e.g. 09:00 in Shanghai is 01:00 UTC
    expect(shown(next['monthly-report-reminder']!.next)).toMatch(/T01:00:00\.000Z$/);
    // one delayed job per scheduler, due at its next run
    expect(newYork.delayed.map((job) => [job.name, shown(job.runAt)]).sort()).toEqual(
      Object.entries(expected)
        .map(([id, at]) => [id, shown(at)])
        .sort(),
    );

    // a restart in another zone upserts the same schedulers: no duplicate, the same next runs
    const again = await upsertIn('Pacific/Honolulu', prefix);
    expect(again.offsetMinutes).toBe(600);
    expect(again.schedulers.map(({ id, next: at }) => [id, shown(at)]).sort()).toEqual(
      newYork.schedulers.map(({ id, next: at }) => [id, shown(at)]).sort(),
    );
    expect(again.delayed).toHaveLength(5);
  });

  it('follows the settings: another due day and another assessment date', async () => {
    const prefix = `test-cadence-${randomUUID().slice(0, 8)}`;
    probes.push(new QueueProbe('redis://127.0.0.1:6379', prefix));
    const startedAt = Date.now();
    const run = await upsertIn('UTC', prefix, { MONTHLY_REPORT_DUE_DAY: '10', CADENCE_ASSESSMENT_CRON: '30 9 15 11 *' });
    const next = Object.fromEntries(run.schedulers.map((scheduler) => [scheduler.id, scheduler]));
    expect(next['monthly-report-second-reminder']).toMatchObject({
      pattern: '0 9 9 * *',
      next: nextShanghai(startedAt, 9, 0, (_m, day) => day === 9),
    });
    expect(next['monthly-report-missed']).toMatchObject({ pattern: '5 0 11 * *', next: nextShanghai(startedAt, 0, 5, (_m, day) => day === 11) });
    expect(next['assessment-reminder']).toMatchObject({
      pattern: '30 9 15 11 *',
      next: nextShanghai(startedAt, 9, 30, (month, day) => month === 11 && day === 15),
    });
  });
});
