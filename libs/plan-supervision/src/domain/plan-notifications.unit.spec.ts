import { describe, expect, it } from '@jest/globals';
import { fold } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import { loadSettings } from '@app/config';
import { cadenceSchedules } from '../application/cadence-jobs.js';
import { assessmentDecider } from './assessment.decider.js';
import { bulletinDecider } from './bulletin.decider.js';
import { monthlyReportDecider, type MonthlyReportContext } from './monthly-report.decider.js';
import type { MonthlyReportEvent } from './monthly-report.events.js';
import {
  assessmentReminderKey,
  bulletinReminderContent,
  bulletinReminderKey,
  monthlyReminderContent,
  monthlyReminderKey,
  parseAssessmentStreamId,
  parseBulletinStreamId,
  parseMonthlyReportStreamId,
} from './plan-notifications.js';

const UNIT = 'county-finance-bureau';
const PERIOD = '2025-03';
const DUE = '2025-04-05T23:59:59.999+08:00';
const FIRST = monthlyReminderKey(UNIT, PERIOD, 'first');
const SECOND = monthlyReminderKey(UNIT, PERIOD, 'second');
const at = (written: string): Date => new Date(written);
const SYSTEM = { sub: 'system', role: 'system' };

const monthly: MonthlyReportContext = { now: at('2025-04-01T09:00:00.000+08:00'), actor: SYSTEM, dueDay: 5, unitName: '县财政局' };
const givenMonthly = DeciderSpecification.for(monthlyReportDecider, monthly);
const notify = (key: string) => ({ type: 'Notify' as const, data: { unitId: UNIT, period: PERIOD, key } });
const reminded = (key: string, round: 'first' | 'second', sentAt: string): MonthlyReportEvent => ({
  type: 'ReminderSent',
  data: {
    key,
    kind: 'monthly-report-reminder',
    recipient: `unit:${UNIT}`,
    channel: 'inbox',
    ...monthlyReminderContent(round, UNIT, '县财政局', PERIOD, DUE),
    sentAt,
  },
});
const submitted: MonthlyReportEvent = {
  type: 'MonthlyReportSubmitted',
  data: {
    unitId: UNIT,
    period: PERIOD,
    items: [{ taskNo: 1, status: 'done', progress: '完成' }],
    dueAt: DUE,
    submittedAt: '2025-04-02T10:00:00.000+08:00',
    late: false,
  },
};

describe('the cadence’s notification policy', () => {
  describe('monthly-report reminders', () => {
    it('reminds the unit at 09:00 on the 1st, in Chinese, naming the period and the deadline', () => {
      givenMonthly([])
        .when(notify(FIRST))
        .then([reminded(FIRST, 'first', '2025-04-01T09:00:00.000+08:00')]);
      const content = monthlyReminderContent('first', UNIT, '县财政局', PERIOD, DUE);
      expect(content.subject).toContain('2025年3月');
      expect(content.subject).toContain('2025年4月5日 23:59');
      expect(content.refs).toEqual({ unitId: UNIT, period: PERIOD });
    });

    it('reminds a second time, the day before the due day, a unit still missing', () => {
      givenMonthly([reminded(FIRST, 'first', '2025-04-01T09:00:00.000+08:00')])
        .when(notify(SECOND), { now: at('2025-04-04T09:00:00.000+08:00') })
        .then([reminded(SECOND, 'second', '2025-04-04T09:00:00.000+08:00')]);
    });

    it('does not remind a unit that has reported', () => {
      givenMonthly([submitted])
        .when(notify(SECOND), { now: at('2025-04-04T09:00:00.000+08:00') })
        .thenNothingHappened();
    });

    it('records each reminder once, however often the job runs', () => {
      givenMonthly([reminded(FIRST, 'first', '2025-04-01T09:00:00.000+08:00')])
        .when(notify(FIRST), { now: at('2025-04-01T09:05:00.000+08:00') })
        .thenNothingHappened();
    });

    it('sends nothing before the month has ended, nor after the deadline', () => {
      givenMonthly([])
        .when(notify(FIRST), { now: at('2025-03-31T09:00:00.000+08:00') })
        .thenNothingHappened();
      givenMonthly([])
        .when(notify(SECOND), { now: new Date(Date.parse(DUE) + 1) })
        .thenNothingHappened();
    });

    it('ignores a key that is not one of the stream’s', () => {
      givenMonthly([])
        .when(notify(monthlyReminderKey('county-education-bureau', PERIOD, 'first')))
        .thenNothingHappened();
      givenMonthly([])
        .when(notify(`${FIRST}x`))
        .thenNothingHappened();
    });

    it('records a delivery on another channel once per (key, recipient, channel)', () => {
      const content = monthlyReminderContent('first', UNIT, '县财政局', PERIOD, DUE);
      const record = {
        type: 'RecordDelivery' as const,
        data: { key: FIRST, kind: 'monthly-report-reminder' as const, recipient: `unit:${UNIT}` as const, channel: 'email' as const, content },
      };
      const email: MonthlyReportEvent = {
        type: 'ReminderSent',
        data: {
          key: FIRST,
          kind: 'monthly-report-reminder',
          recipient: `unit:${UNIT}`,
          channel: 'email',
          ...content,
          sentAt: '2025-04-01T09:00:00.000+08:00',
        },
      };
      givenMonthly([reminded(FIRST, 'first', '2025-04-01T09:00:00.000+08:00')])
        .when(record)
        .then([email]);
      givenMonthly([reminded(FIRST, 'first', '2025-04-01T09:00:00.000+08:00'), email])
        .when(record)
        .thenNothingHappened();
    });

    it('keeps the reminders a report was sent before it was submitted', () => {
      const state = fold(monthlyReportDecider, [reminded(FIRST, 'first', '2025-04-01T09:00:00.000+08:00'), submitted]);
      expect(state.status).toBe('submitted');
      expect(state.sent).toEqual([`${FIRST}|unit:${UNIT}|inbox`]);
    });
  });

  describe('the quarterly-bulletin reminder', () => {
    const Q1 = { year: 2025, quarter: 1 as const };
    const KEY = bulletinReminderKey(Q1);
    const given = DeciderSpecification.for(bulletinDecider, { now: at('2025-04-01T09:00:00.000+08:00'), actor: SYSTEM });

    it('tells the supervisors at 09:00 on the 1st of the next quarter, once', () => {
      const content = bulletinReminderContent(Q1);
      expect(content.subject).toBe('【季通报提醒】请发布2025年第1季度督导通报');
      given([])
        .when({ type: 'Notify', data: { ...Q1, key: KEY } })
        .then([
          {
            type: 'ReminderSent',
            data: {
              key: KEY,
              kind: 'bulletin-reminder',
              recipient: 'supervisors',
              channel: 'inbox',
              ...content,
              sentAt: '2025-04-01T09:00:00.000+08:00',
            },
          },
        ]);
    });

    it('sends nothing before the quarter is over, or once the bulletin is out', () => {
      given([])
        .when({ type: 'Notify', data: { ...Q1, key: KEY } }, { now: at('2025-03-31T09:00:00.000+08:00') })
        .thenNothingHappened();
      given([
        {
          type: 'QuarterlyBulletinPublished',
          data: { year: 2025, quarter: 1, publishedAt: '2025-04-01T08:00:00.000+08:00' } as never,
        },
      ])
        .when({ type: 'Notify', data: { ...Q1, key: KEY } })
        .thenNothingHappened();
    });
  });

  describe('the annual-assessment reminder', () => {
    const KEY = assessmentReminderKey(2025);
    const given = DeciderSpecification.for(assessmentDecider, { now: at('2025-12-01T09:00:00.000+08:00'), actor: SYSTEM });
    const sent = {
      type: 'ReminderSent' as const,
      data: {
        key: KEY,
        kind: 'assessment-reminder' as const,
        recipient: 'supervisors' as const,
        channel: 'inbox' as const,
        subject: '【年度考核提醒】2025年度考核',
        body: '2025年度考核尚未开启。请开启2025年度考核，为全县各幼儿园安排2025年度年检，并汇总各责任单位重点任务完成情况。',
        refs: { year: '2025' },
        sentAt: '2025-12-01T09:00:00.000+08:00',
      },
    };

    it('tells the supervisors once', () => {
      given([])
        .when({ type: 'Notify', data: { year: 2025, key: KEY } })
        .then([sent]);
      given([sent])
        .when({ type: 'Notify', data: { year: 2025, key: KEY } })
        .thenNothingHappened();
    });
  });

  describe('streams and schedules', () => {
    it('records each period’s notifications in its own stream', () => {
      expect(parseMonthlyReportStreamId(`monthlyReport-${UNIT}-${PERIOD}`)).toEqual({ unitId: UNIT, period: PERIOD });
      expect(parseBulletinStreamId('bulletin-2025-Q1')).toEqual({ year: 2025, quarter: 1 });
      expect(parseAssessmentStreamId('assessment-2025')).toBe(2025);
      // keys are BullMQ job ids: never a ':'
      for (const key of [FIRST, SECOND, bulletinReminderKey({ year: 2025, quarter: 1 }), assessmentReminderKey(2025)]) expect(key).not.toContain(':');
    });

    it('follows the due day for the second reminder and the missed check, unless set', () => {
      const defaults = cadenceSchedules(loadSettings({ NODE_ENV: 'test' }));
      expect(Object.fromEntries(defaults.map(({ id, pattern }) => [id, pattern]))).toEqual({
        'monthly-report-reminder': '0 9 1 * *',
        'monthly-report-second-reminder': '0 9 4 * *',
        'monthly-report-missed': '5 0 6 * *',
        'bulletin-reminder': '0 9 1 1,4,7,10 *',
        'assessment-reminder': '0 9 1 12 *',
      });
      const tenth = cadenceSchedules(loadSettings({ NODE_ENV: 'test', MONTHLY_REPORT_DUE_DAY: '10', CADENCE_ASSESSMENT_CRON: '0 9 15 11 *' }));
      expect(tenth.find(({ id }) => id === 'monthly-report-second-reminder')?.pattern).toBe('0 9 9 * *');
      expect(tenth.find(({ id }) => id === 'monthly-report-missed')?.pattern).toBe('5 0 11 * *');
      expect(tenth.find(({ id }) => id === 'assessment-reminder')?.pattern).toBe('0 9 15 11 *');
    });
  });
});
