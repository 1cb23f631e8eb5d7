import { describe, expect, it } from '@jest/globals';
import { RuleViolationError } from '@app/event-sourcing';
import { parseCalendarOverrides } from './calendar-overrides.js';
import { CHINESE_DAYS_YEARS } from './chinese-days-years.js';
import { createCalendar } from './create-calendar.js';
import { OfficialWorkingDayCalendar } from './domain/official-working-day-calendar.js';

// Expected values are typed from the State Council's notices, never read from chinese-days.
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const weekday = (date: string): string => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
const days = (from: string, to: string): string[] => {
  const result: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS)
    result.push(new Date(time).toISOString().slice(0, 10));
  return result;
};

interface Period {
  readonly name: string;
  readonly holidays: readonly string[];
  /** "与周末连休": the weekend days that join a holiday into one period of days off (api.md lists them too). */
  readonly joinedWeekend?: readonly string[];
  readonly makeUpWorkdays: readonly (readonly [date: string, weekday: 'Saturday' | 'Sunday'])[];
}

/** 国办发明电〔2023〕7号: 国务院办公厅关于2024年部分节假日安排的通知. */
const NOTICE_2024: readonly Period[] = [
  { name: '元旦: 1月1日放假，与周末连休', holidays: ['2024-01-01'], makeUpWorkdays: [] },
  {
    name: '春节: 2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班',
    holidays: days('2024-02-10', '2024-02-17'),
    makeUpWorkdays: [
      ['2024-02-04', 'Sunday'],
      ['2024-02-18', 'Sunday'],
    ],
  },
  {
    name: '清明节: 4月4日至6日放假调休，共3天。4月7日（星期日）上班',
    holidays: days('2024-04-04', '2024-04-06'),
    makeUpWorkdays: [['2024-04-07', 'Sunday']],
  },
  {
    name: '劳动节: 5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班',
    holidays: days('2024-05-01', '2024-05-05'),
    makeUpWorkdays: [
      ['2024-04-28', 'Sunday'],
      ['2024-05-11', 'Saturday'],
    ],
  },
  { name: '端午节: 6月10日放假，与周末连休', holidays: ['2024-06-10'], joinedWeekend: ['2024-06-08', '2024-06-09'], makeUpWorkdays: [] },
  {
    name: '中秋节: 9月15日至17日放假调休，共3天。9月14日（星期六）上班',
    holidays: days('2024-09-15', '2024-09-17'),
    makeUpWorkdays: [['2024-09-14', 'Saturday']],
  },
  {
    name: '国庆节: 10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班',
    holidays: days('2024-10-01', '2024-10-07'),
    makeUpWorkdays: [
      ['2024-09-29', 'Sunday'],
      ['2024-10-12', 'Saturday'],
    ],
  },
];

/** 国办发明电〔2024〕12号: 国务院办公厅关于2025年部分节假日安排的通知. */
const NOTICE_2025: readonly Period[] = [
  { name: '元旦: 1月1日（周三）放假1天，不调休', holidays: ['2025-01-01'], makeUpWorkdays: [] },
  {
    name: '春节: 1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班',
    holidays: days('2025-01-28', '2025-02-04'),
    makeUpWorkdays: [
      ['2025-01-26', 'Sunday'],
      ['2025-02-08', 'Saturday'],
    ],
  },
  { name: '清明节: 4月4日（周五）至6日（周日）放假，共3天', holidays: days('2025-04-04', '2025-04-06'), makeUpWorkdays: [] },
  {
    name: '劳动节: 5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班',
    holidays: days('2025-05-01', '2025-05-05'),
    makeUpWorkdays: [['2025-04-27', 'Sunday']],
  },
  { name: '端午节: 5月31日（周六）至6月2日（周一）放假，共3天', holidays: days('2025-05-31', '2025-06-02'), makeUpWorkdays: [] },
  {
    name: '国庆节、中秋节: 10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班',
    holidays: days('2025-10-01', '2025-10-08'),
    makeUpWorkdays: [
      ['2025-09-28', 'Sunday'],
      ['2025-10-11', 'Saturday'],
    ],
  },
];

const holidaysOf = (notice: readonly Period[]): string[] => notice.flatMap((period) => [...period.holidays, ...(period.joinedWeekend ?? [])]).sort();
const makeUpWorkdaysOf = (notice: readonly Period[]): string[] => notice.flatMap((period) => period.makeUpWorkdays.map(([date]) => date)).sort();

// TEST FIXTURE, NOT OFFICIAL DATA: no 2027 arrangement is known; 1 January is a public holiday by law every year.
const FICTITIOUS_2027 = { source: 'test fixture, not an official notice', holidays: ['2027-01-01'], makeUpWorkdays: [] };

const expectUnavailable = (act: () => unknown, year: number): void => {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RuleViolationError);
  expect(thrown).toMatchObject({ code: 'calendar-unavailable', kind: 'rule', details: { year } });
  expect((thrown as Error).message).toContain(String(year));
};

describe('OfficialWorkingDayCalendar', () => {
  const calendar = createCalendar();

  describe.each([
    [2024, NOTICE_2024],
    [2025, NOTICE_2025],
  ])('in %i, as the State Council announced it', (year, notice) => {
    describe.each(notice.map((period) => [period.name, period] as const))('%s', (_name, period) => {
      it.each(period.holidays.map((date) => [date]))('%s is a day off', (date) => {
        expect(calendar.isWorkingDay(date)).toBe(false);
      });

      if (period.makeUpWorkdays.length > 0)
        it.each(period.makeUpWorkdays.map(([date, day]) => [date, day]))('%s (%s) is a make-up working day', (date, day) => {
          expect(weekday(date)).toBe(day);
          expect(calendar.isWorkingDay(date)).toBe(true);
        });
    });

    it('lists exactly the notice’s days off, sorted', () => {
      expect(calendar.year(year).holidays).toEqual(holidaysOf(notice));
    });

    it('lists exactly the notice’s make-up working days, sorted', () => {
      expect(calendar.year(year)).toEqual({ year, holidays: holidaysOf(notice), makeUpWorkdays: makeUpWorkdaysOf(notice) });
    });
  });

  describe('around the 2024 holidays', () => {
    it.each([
      '2024-01-02',
      '2024-02-09',
      '2024-02-19',
      '2024-04-03',
      '2024-04-08',
      '2024-04-30',
      '2024-05-06',
      '2024-06-07',
      '2024-06-11',
      '2024-09-13',
      '2024-09-18',
      '2024-09-30',
      '2024-10-08',
    ])('the neighbouring weekday %s is a working day', (date) => {
      expect(['Saturday', 'Sunday']).not.toContain(weekday(date));
      expect(calendar.isWorkingDay(date)).toBe(true);
    });

    it.each(['2024-01-06', '2024-01-07', '2024-02-03', '2024-03-16', '2024-03-17', '2024-05-12', '2024-10-13'])(
      'the ordinary weekend day %s is not a working day',
      (date) => {
        expect(['Saturday', 'Sunday']).toContain(weekday(date));
        expect(calendar.isWorkingDay(date)).toBe(false);
      },
    );

    // "与周末连休": the weekend joined to a one-day holiday is part of the period of days off, so it is listed with it
    it('lists the weekend joined to 端午节 among the days off of the holiday period', () => {
      expect(calendar.isWorkingDay('2024-06-08')).toBe(false);
      expect(calendar.isWorkingDay('2024-06-09')).toBe(false);
      expect(calendar.year(2024).holidays).toEqual(expect.arrayContaining(['2024-06-08', '2024-06-09', '2024-06-10']));
      // an ordinary weekend next to no holiday is not listed
      expect(calendar.year(2024).holidays).not.toEqual(expect.arrayContaining(['2024-06-15']));
    });
  });

  describe('around the 2025 holidays', () => {
    it.each([
      '2024-12-31',
      '2025-01-02',
      '2025-01-27',
      '2025-02-05',
      '2025-04-03',
      '2025-04-07',
      '2025-04-30',
      '2025-05-06',
      '2025-05-30',
      '2025-06-03',
      '2025-09-30',
      '2025-10-09',
    ])('the neighbouring weekday %s is a working day', (date) => {
      expect(['Saturday', 'Sunday']).not.toContain(weekday(date));
      expect(calendar.isWorkingDay(date)).toBe(true);
    });

    it.each(['2025-01-04', '2025-01-05', '2025-02-09', '2025-03-08', '2025-03-09', '2025-04-26', '2025-10-12', '2025-10-18', '2025-10-19'])(
      'the ordinary weekend day %s is not a working day',
      (date) => {
        expect(['Saturday', 'Sunday']).toContain(weekday(date));
        expect(calendar.isWorkingDay(date)).toBe(false);
      },
    );
  });

  describe('coverage', () => {
    it('covers exactly the years chinese-days ships, 2004 to 2026', () => {
      expect(CHINESE_DAYS_YEARS).toEqual(
        days('2004-01-01', '2026-12-31')
          .filter((date) => date.endsWith('-01-01'))
          .map((date) => Number(date.slice(0, 4))),
      );
      expect(calendar.coveredYears()).toEqual([...CHINESE_DAYS_YEARS]);
    });

    it.each([
      ['2027-01-01', 2027],
      ['2027-01-04', 2027],
      ['2003-12-31', 2003],
      ['1999-10-01', 1999],
    ])('refuses to answer for %s instead of guessing', (date, year) => {
      expectUnavailable(() => calendar.isWorkingDay(date), year);
    });

    it('refuses the arrangement of a year without data', () => {
      expectUnavailable(() => calendar.year(2027), 2027);
      expectUnavailable(() => calendar.year(2003), 2003);
    });

    it('adds a year from the overrides', () => {
      const extended = createCalendar(parseCalendarOverrides({ years: { 2027: FICTITIOUS_2027 } }));
      expect(extended.coveredYears()).toEqual([...CHINESE_DAYS_YEARS, 2027]);
      expect(extended.isWorkingDay('2027-01-01')).toBe(false);
      // Friday 1 January runs on into the weekend: one period of days off
      expect(extended.year(2027)).toEqual({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [] });
    });

    it('lets an override replace the package’s data for that year entirely', () => {
      // TEST FIXTURE, NOT OFFICIAL DATA: a 2025 without its Spring Festival shows which data wins.
      const replaced = createCalendar(
        parseCalendarOverrides({ years: { 2025: { source: 'test fixture', holidays: ['2025-01-01'], makeUpWorkdays: [] } } }),
      );
      expect(replaced.isWorkingDay('2025-01-28')).toBe(true);
      expect(replaced.isWorkingDay('2025-01-26')).toBe(false);
      expect(replaced.year(2025)).toEqual({ year: 2025, holidays: ['2025-01-01'], makeUpWorkdays: [] });
      expect(replaced.year(2024).holidays).toEqual(holidaysOf(NOTICE_2024));
    });

    it('hands out copies of its lists', () => {
      calendar.year(2025).holidays.push('2025-03-03');
      expect(calendar.year(2025).holidays).toEqual(holidaysOf(NOTICE_2025));
      expect(calendar.isWorkingDay('2025-03-03')).toBe(true);
    });
  });

  describe('deadline', () => {
    it.each([
      // Sun 01-26 (make-up) and Mon 01-27 count, 01-28..02-04 are off.
      ['2025-01-24', 3, '2025-02-05'],
      ['2025-03-07', 1, '2025-03-10'],
      ['2024-04-26', 2, '2024-04-29'],
      ['2025-09-26', 5, '2025-10-10'],
      ['2025-10-03', 1, '2025-10-09'],
      ['2025-10-09', 2, '2025-10-11'],
      ['2024-12-31', 1, '2025-01-02'],
      ['2024-02-08', 1, '2024-02-09'],
      ['2024-02-09', 1, '2024-02-18'],
    ])('issued on %s with %i working day(s) falls due at the end of %s', (issuedOn, workingDays, dueDate) => {
      expect(calendar.deadline(issuedOn, workingDays)).toEqual({ dueDate, dueAt: `${dueDate}T23:59:59.999+08:00` });
    });

    it('counts 90 working days', () => {
      // 90 weekdays from Mon 03-03 end on Fri 07-04; 5 are off (04-04, 05-01, 05-02, 05-05, 06-02) and Sun 04-27 is worked: 4 more days.
      expect(calendar.deadline('2025-03-02', 90).dueDate).toBe('2025-07-10');
    });

    it('needs data only for the counted days', () => {
      expect(calendar.deadline('2026-12-30', 1)).toEqual({ dueDate: '2026-12-31', dueAt: '2026-12-31T23:59:59.999+08:00' });
      const only2025 = new OfficialWorkingDayCalendar([
        { year: 2025, source: '国办发明电〔2024〕12号', holidays: holidaysOf(NOTICE_2025), makeUpWorkdays: makeUpWorkdaysOf(NOTICE_2025) },
      ]);
      expect(only2025.deadline('2024-12-31', 1).dueDate).toBe('2025-01-02');
      expect(only2025.deadline('2024-12-31', 19).dueDate).toBe('2025-01-27');
    });

    it('refuses a deadline that counts into a year without data', () => {
      expectUnavailable(() => calendar.deadline('2026-12-30', 2), 2027);
      expectUnavailable(() => calendar.deadline('2026-12-15', 90), 2027);
    });

    it('resolves it once the year comes from the overrides', () => {
      const extended = createCalendar(parseCalendarOverrides({ years: { 2027: FICTITIOUS_2027 } }));
      // Thu 2026-12-31, then (01-01 off, weekend) Mon 01-04 and Tue 01-05.
      expect(extended.deadline('2026-12-30', 3)).toEqual({ dueDate: '2027-01-05', dueAt: '2027-01-05T23:59:59.999+08:00' });
    });

    it.each([0, -1, 91, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p working days with a RangeError', (workingDays) => {
      expect(() => calendar.deadline('2025-03-03', workingDays)).toThrow(RangeError);
    });

    it.each(['2025-02-30', '2025-2-3', '20250203', '2025-13-01', '2025-02-29', '', '2025-03-03T00:00:00+08:00'])(
      'refuses the issue date %p with a RangeError',
      (issuedOn) => {
        expect(() => calendar.deadline(issuedOn, 1)).toThrow(RangeError);
        expect(() => calendar.isWorkingDay(issuedOn)).toThrow(RangeError);
      },
    );

    it('refuses a year that is not an integer with a RangeError', () => {
      expect(() => calendar.year(2025.5)).toThrow(RangeError);
    });
  });

  describe('construction', () => {
    it('refuses a year given twice', () => {
      const data = { year: 2025, source: 'x', holidays: ['2025-01-01'], makeUpWorkdays: [] };
      expect(() => new OfficialWorkingDayCalendar([data, data])).toThrow('Calendar data for 2025 is given twice');
    });

    it('refuses unsound data', () => {
      expect(() => new OfficialWorkingDayCalendar([{ year: 2025, source: 'x', holidays: ['2025-01-01'], makeUpWorkdays: ['2025-01-02'] }])).toThrow(
        '2025.makeUpWorkdays[0]: 2025-01-02 is a Thursday; make-up working days are Saturdays or Sundays',
      );
    });
  });
});
