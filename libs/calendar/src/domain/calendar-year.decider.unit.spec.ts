import { describe, expect, it } from '@jest/globals';
import { ConflictError, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import { calendarStreamId, calendarYearDecider, type CalendarYearPublished, type PublishCalendarYear } from './calendar-year.decider.js';

const NOW = new Date('2026-11-20T02:00:00Z');
const given = DeciderSpecification.for(calendarYearDecider, { now: NOW, actor: { sub: 'admin', role: 'admin' }, hasOtherData: false });

// 2027: New Year's Day Friday 1 – Sunday 3 January; Spring Festival 6–12 February with Sunday 14 February worked
const HOLIDAYS = [
  '2027-01-01',
  '2027-01-02',
  '2027-01-03',
  '2027-02-06',
  '2027-02-07',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-02-12',
];
const MAKE_UP = ['2027-02-14'];
const SOURCE = '国办发明电〔2026〕7号';

const publish = (overrides: Partial<PublishCalendarYear['data']> = {}): PublishCalendarYear => ({
  type: 'PublishCalendarYear',
  data: { year: 2027, holidays: HOLIDAYS, makeUpWorkdays: MAKE_UP, source: SOURCE, replace: false, ...overrides },
});
const published = (replaced = false, holidays = HOLIDAYS): CalendarYearPublished => ({
  type: 'CalendarYearPublished',
  data: { year: 2027, holidays, makeUpWorkdays: MAKE_UP, source: SOURCE, replaced, publishedAt: '2026-11-20T10:00:00.000+08:00' },
});

describe('CalendarYear', () => {
  it('lives in the stream calendar-{year}', () => {
    expect(calendarStreamId(2027)).toBe('calendar-2027');
  });

  describe('when the year has no data', () => {
    it('is published, its lists sorted', () => {
      given([])
        .when(publish({ holidays: [...HOLIDAYS].reverse() }))
        .then([published()]);
    });

    it('refuses a date outside the year', () => {
      given([])
        .when(publish({ holidays: [...HOLIDAYS, '2028-01-01'] }))
        .thenThrows(RuleViolationError, 'invalid-calendar');
      given([])
        .when(publish({ makeUpWorkdays: ['2026-12-27'] }))
        .thenThrows(RuleViolationError, 'invalid-calendar');
    });

    it('refuses a date in both lists', () => {
      given([])
        .when(publish({ makeUpWorkdays: ['2027-02-06'] }))
        .thenThrows(RuleViolationError, 'invalid-calendar');
    });

    it('refuses a weekday listed as a make-up working day', () => {
      given([])
        .when(publish({ makeUpWorkdays: ['2027-02-15'] }))
        .thenThrows(RuleViolationError, 'invalid-calendar');
    });

    it('refuses a holiday period made only of weekend days', () => {
      given([])
        .when(publish({ holidays: [...HOLIDAYS, '2027-05-01', '2027-05-02'] }))
        .thenThrows(RuleViolationError, 'invalid-calendar');
      given([])
        .when(publish({ holidays: [...HOLIDAYS, '2027-03-06'] }))
        .thenThrows(RuleViolationError, 'invalid-calendar');
    });

    it('takes a period that joins weekend days to a holiday', () => {
      given([])
        .when(publish({ holidays: [...HOLIDAYS, '2027-04-03', '2027-04-04', '2027-04-05'] }))
        .then([published(false, [...HOLIDAYS, '2027-04-03', '2027-04-04', '2027-04-05'].sort())]);
    });

    it('refuses a year without holidays', () => {
      given([])
        .when(publish({ holidays: [] }))
        .thenThrows(RuleViolationError, 'invalid-calendar');
    });

    it('needs replace: true when the override file or the package has the year, checked after the dates', () => {
      given([]).when(publish(), { hasOtherData: true }).thenThrows(ConflictError, 'calendar-year-exists');
      given([])
        .when(publish({ makeUpWorkdays: ['2027-02-15'] }), { hasOtherData: true })
        .thenThrows(RuleViolationError, 'invalid-calendar');
      given([])
        .when(publish({ replace: true }), { hasOtherData: true })
        .then([published(true)]);
    });
  });

  describe('when published', () => {
    it('refuses a second publication without replace: true', () => {
      given([published()]).when(publish()).thenThrows(ConflictError, 'calendar-year-exists');
    });

    it('is replaced with replace: true', () => {
      given([published()])
        .when(publish({ replace: true }))
        .then([published(true)]);
    });
  });
});
