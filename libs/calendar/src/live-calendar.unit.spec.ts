import { describe, expect, it } from '@jest/globals';
import { RuleViolationError } from '@app/event-sourcing';
import { baseCalendarYears } from './create-calendar.js';
import { LiveWorkingDayCalendar } from './live-calendar.js';

const Y2027 = {
  year: 2027,
  source: '国办发明电〔2026〕7号',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  makeUpWorkdays: [],
};

describe('LiveWorkingDayCalendar', () => {
  it('answers the package’s years, and a published year from the moment it is published', () => {
    const calendar = new LiveWorkingDayCalendar(baseCalendarYears());
    expect(() => calendar.deadline('2026-12-24', 10)).toThrow(RuleViolationError);
    calendar.publish(Y2027, 1);
    // 25, 28, 29, 30, 31 December; 4, 5, 6, 7, 8 January (1 January off)
    expect(calendar.deadline('2026-12-24', 10)).toEqual({ dueDate: '2027-01-08', dueAt: '2027-01-08T23:59:59.999+08:00' });
    expect(calendar.coveredYears().at(-1)).toBe(2027);
  });

  it('puts a published year above the package’s, and keeps the later version of a year', () => {
    const calendar = new LiveWorkingDayCalendar(baseCalendarYears());
    const replaced = { year: 2026, source: '更正', holidays: ['2026-01-01'], makeUpWorkdays: [] };
    calendar.publish(replaced, 2);
    expect(calendar.year(2026).holidays).toEqual(['2026-01-01']);
    calendar.publish({ ...replaced, holidays: ['2026-01-01', '2026-01-02'] }, 1);
    expect(calendar.year(2026).holidays).toEqual(['2026-01-01']);
    expect(calendar.hasBaseData(2026)).toBe(true);
    expect(calendar.hasBaseData(2027)).toBe(false);
  });
});
