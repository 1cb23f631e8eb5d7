import { describe, expect, it } from '@jest/globals';
import {
  latestEndedQuarter,
  monthlyReportDueAt,
  parsePeriod,
  parseQuarterId,
  periodContaining,
  periodEnd,
  periodOf,
  periodsDueInQuarter,
  periodsOverdueAt,
  quarterContaining,
  quarterEnd,
  quarterId,
  quarterStart,
  yearContaining,
} from './plan-periods.js';

const at = (written: string): Date => new Date(written);

describe('plan periods (Asia/Shanghai)', () => {
  describe('months', () => {
    it('normalizes overflowing months either way', () => {
      expect(periodOf(2025, 13)).toBe('2026-01');
      expect(periodOf(2025, 0)).toBe('2024-12');
      expect(parsePeriod('2025-03')).toEqual({ year: 2025, month: 3 });
      expect(() => parsePeriod('2025-13')).toThrow(RangeError);
      expect(() => parsePeriod('2025-3')).toThrow(RangeError);
    });

    it('places an instant in its Shanghai month, not the UTC one', () => {
      // 2025-03-31T16:30Z is already 1 April 00:30 in Shanghai
      expect(periodContaining(at('2025-03-31T16:30:00Z'))).toBe('2025-04');
      expect(periodContaining(at('2025-03-31T15:59:59.999Z'))).toBe('2025-03');
    });

    it('ends a period at midnight of the 1st of the next month, +08:00', () => {
      expect(periodEnd('2025-03').toISOString()).toBe('2025-03-31T16:00:00.000Z');
      expect(periodEnd('2024-12').toISOString()).toBe('2024-12-31T16:00:00.000Z');
    });

    it('makes a report due at the end of the due day of the following month', () => {
      expect(monthlyReportDueAt('2025-03', 5)).toBe('2025-04-05T23:59:59.999+08:00');
      expect(monthlyReportDueAt('2024-12', 5)).toBe('2025-01-05T23:59:59.999+08:00');
      expect(monthlyReportDueAt('2025-01', 28)).toBe('2025-02-28T23:59:59.999+08:00');
    });

    it('lists the latest periods whose due time has passed', () => {
      // on 6 April the March report is overdue; on 5 April it is not yet
      expect(periodsOverdueAt(at('2025-04-06T00:05:00+08:00'), 5, 2)).toEqual(['2025-03', '2025-02']);
      expect(periodsOverdueAt(at('2025-04-05T23:00:00+08:00'), 5, 2)).toEqual(['2025-02', '2025-01']);
      expect(periodsOverdueAt(at('2025-01-06T00:05:00+08:00'), 5, 1)).toEqual(['2024-12']);
    });
  });

  describe('quarters', () => {
    it('starts and ends each quarter in Shanghai time', () => {
      expect(quarterStart({ year: 2025, quarter: 1 })).toBe('2025-01-01T00:00:00.000+08:00');
      expect(quarterEnd({ year: 2025, quarter: 1 })).toBe('2025-03-31T23:59:59.999+08:00');
      expect(quarterEnd({ year: 2025, quarter: 2 })).toBe('2025-06-30T23:59:59.999+08:00');
      expect(quarterEnd({ year: 2024, quarter: 4 })).toBe('2024-12-31T23:59:59.999+08:00');
    });

    it('names quarters YYYY-Qn and reads them back', () => {
      expect(quarterId({ year: 2025, quarter: 3 })).toBe('2025-Q3');
      expect(parseQuarterId('2025-Q3')).toEqual({ year: 2025, quarter: 3 });
      expect(parseQuarterId('2025-Q5')).toBeNull();
      expect(parseQuarterId('2025-q1')).toBeNull();
    });

    it('finds the quarter of an instant and the last one ended', () => {
      expect(quarterContaining(at('2025-03-31T16:00:00Z'))).toEqual({ year: 2025, quarter: 2 });
      expect(latestEndedQuarter(at('2025-04-01T09:00:00+08:00'))).toEqual({ year: 2025, quarter: 1 });
      expect(latestEndedQuarter(at('2025-01-01T09:00:00+08:00'))).toEqual({ year: 2024, quarter: 4 });
      expect(yearContaining(at('2024-12-31T16:00:00Z'))).toBe(2025);
    });

    it('counts in a bulletin the reports due within the quarter', () => {
      expect(periodsDueInQuarter({ year: 2025, quarter: 1 })).toEqual(['2024-12', '2025-01', '2025-02']);
      expect(periodsDueInQuarter({ year: 2025, quarter: 4 })).toEqual(['2025-09', '2025-10', '2025-11']);
    });
  });
});
