import { describe, expect, it } from '@jest/globals';
import { countdownText, workingDaysLeft, yearsBetween, type CalendarYear } from './countdown';

const year = (value: number, holidays: string[] = [], makeUpWorkdays: string[] = []): [number, CalendarYear] => [
  value,
  { year: value, holidays, makeUpWorkdays },
];

describe('the deadline countdown', () => {
  describe('working days left', () => {
    it('counts Monday to Friday after today, up to and including the due date', () => {
      // Friday 2026-12-04 → Friday 2026-12-11: the next week's five days
      expect(workingDaysLeft('2026-12-04', '2026-12-11', new Map([year(2026)]))).toBe(5);
      expect(workingDaysLeft('2026-12-11', '2026-12-11', new Map([year(2026)]))).toBe(0);
    });

    it('skips the holidays and counts the make-up working days', () => {
      const calendars = new Map([year(2026, ['2026-12-08', '2026-12-09'], ['2026-12-05'])]);
      expect(workingDaysLeft('2026-12-04', '2026-12-11', calendars)).toBe(4);
    });

    it('does not guess a year the official calendar lacks', () => {
      expect(workingDaysLeft('2026-12-30', '2027-01-05', new Map([year(2026)]))).toBeNull();
      expect(workingDaysLeft('2026-12-30', '2027-01-05', new Map([year(2026), year(2027, ['2027-01-01'])]))).toBe(3);
    });

    it('asks for at most two years of calendar', () => {
      expect(yearsBetween('2026-12-04', '2026-12-31')).toEqual([2026]);
      expect(yearsBetween('2026-12-04', '2027-03-01')).toEqual([2026, 2027]);
      expect(yearsBetween('2026-12-04', '2099-12-31')).toEqual([]);
    });
  });

  describe('what it says', () => {
    const now = new Date('2026-12-04T10:00:00+08:00');
    const base = { status: 'issued', overdue: false, dueAt: '2026-12-11T23:59:59.999+08:00', dueDate: '2026-12-11', now, today: '2026-12-04' };

    it('names the working days and the days left', () => {
      expect(countdownText({ ...base, workingDays: 5 })).toBe('剩余 5 个工作日（7 天）');
      expect(countdownText({ ...base, workingDays: null })).toBe('剩余 7 天');
    });

    it('says a deadline ends today', () => {
      expect(countdownText({ ...base, dueAt: '2026-12-04T23:59:59.999+08:00', dueDate: '2026-12-04', workingDays: 0 })).toBe('今日到期');
    });

    it('says an overdue case is overdue, and by how many days', () => {
      const passed = { ...base, dueAt: '2026-12-01T23:59:59.999+08:00', dueDate: '2026-12-01', workingDays: null };
      expect(countdownText({ ...passed, overdue: true })).toBe('已逾期 3 天');
      expect(countdownText(passed)).toBe('已逾期');
      expect(countdownText({ ...passed, status: 'submitted' })).toBe('期限已届满（整改报告待审核）');
    });

    it('says nothing once the case is final', () => {
      for (const status of ['closed', 'failed', 'withdrawn']) expect(countdownText({ ...base, status, overdue: true, workingDays: null })).toBe('');
    });
  });
});
