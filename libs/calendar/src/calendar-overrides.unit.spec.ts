import { describe, expect, it } from '@jest/globals';
import { CalendarOverridesError, parseCalendarOverrides } from './calendar-overrides.js';

// The 2025 arrangement as 国办发明电〔2024〕12号 announced it: real data, used to show the format.
const YEAR_2025 = {
  source: '国办发明电〔2024〕12号',
  holidays: [
    '2025-01-01',
    ...['01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04'].map((day) => `2025-${day}`),
    ...['04-04', '04-05', '04-06', '05-01', '05-02', '05-03', '05-04', '05-05', '05-31', '06-01', '06-02'].map((day) => `2025-${day}`),
    ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07', '10-08'].map((day) => `2025-${day}`),
  ],
  makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

const problemsOf = (content: unknown): readonly string[] => {
  try {
    parseCalendarOverrides(content);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarOverridesError);
    return (error as CalendarOverridesError).problems;
  }
  throw new Error('the content was accepted');
};

const withYear = (entry: unknown, year = '2025'): unknown => ({ years: { [year]: entry } });

describe('parseCalendarOverrides', () => {
  it('accepts a year as a notice announces it', () => {
    expect(parseCalendarOverrides({ years: { 2025: YEAR_2025 } })).toEqual({ years: [{ year: 2025, ...YEAR_2025 }] });
  });

  it('accepts an empty file and a year without make-up working days', () => {
    expect(parseCalendarOverrides({ years: {} })).toEqual({ years: [] });
    expect(parseCalendarOverrides(withYear({ source: 'n', holidays: ['2025-01-01'], makeUpWorkdays: [] })).years).toHaveLength(1);
  });

  it('returns the years in ascending order', () => {
    const content = { years: { 2025: YEAR_2025, 2024: { source: 'n', holidays: ['2024-01-01'], makeUpWorkdays: [] } } };
    expect(parseCalendarOverrides(content).years.map((entry) => entry.year)).toEqual([2024, 2025]);
  });

  it.each([
    ['not an object', [], 'the content must be a JSON object {"years": {…}}'],
    ['null', null, 'the content must be a JSON object {"years": {…}}'],
    ['an unknown top-level field', { years: {}, comment: 'x' }, 'comment: unknown field'],
    ['no years', {}, 'years: must be an object keyed by year, e.g. {"2025": {…}}'],
    ['years as a list', { years: [YEAR_2025] }, 'years: must be an object keyed by year, e.g. {"2025": {…}}'],
    ['a key that is not a year', withYear(YEAR_2025, '25'), 'years.25: the key must be a four-digit year'],
    ['an entry that is not an object', withYear(['2025-01-01']), 'years.2025: must be an object {source, holidays, makeUpWorkdays}'],
    ['an unknown entry field', withYear({ ...YEAR_2025, workdays: [] }), 'years.2025.workdays: unknown field'],
    [
      'no source',
      withYear({ ...YEAR_2025, source: undefined }),
      'years.2025.source: must name the notice the data comes from, e.g. "国办发明电〔2024〕12号"',
    ],
    [
      'a blank source',
      withYear({ ...YEAR_2025, source: '  ' }),
      'years.2025.source: must name the notice the data comes from, e.g. "国办发明电〔2024〕12号"',
    ],
    ['holidays that are not a list', withYear({ ...YEAR_2025, holidays: '2025-01-01' }), 'years.2025.holidays: must be an array of YYYY-MM-DD dates'],
    [
      'no make-up working days field',
      withYear({ ...YEAR_2025, makeUpWorkdays: undefined }),
      'years.2025.makeUpWorkdays: must be an array of YYYY-MM-DD dates (may be empty)',
    ],
    [
      'empty holidays',
      withYear({ ...YEAR_2025, holidays: [] }),
      "years.2025.holidays: must not be empty (every year has official holidays, at least New Year's Day)",
    ],
    ['a date that is not a string', withYear({ ...YEAR_2025, holidays: [20250101] }), 'years.2025.holidays[0]: 20250101 is not a YYYY-MM-DD date'],
    ['a date in another shape', withYear({ ...YEAR_2025, holidays: ['2025-1-1'] }), 'years.2025.holidays[0]: "2025-1-1" is not a YYYY-MM-DD date'],
    ['a date that does not exist', withYear({ ...YEAR_2025, holidays: ['2025-02-30'] }), 'years.2025.holidays[0]: 2025-02-30 is not a real date'],
    ['a date in another year', withYear({ ...YEAR_2025, makeUpWorkdays: ['2024-12-28'] }), 'years.2025.makeUpWorkdays[0]: 2024-12-28 is not in 2025'],
    ['a date listed twice', withYear({ ...YEAR_2025, holidays: ['2025-01-01', '2025-01-01'] }), 'years.2025.holidays[1]: 2025-01-01 is listed twice'],
    [
      'a day both off and worked',
      withYear({ ...YEAR_2025, makeUpWorkdays: [...YEAR_2025.makeUpWorkdays, '2025-02-01'] }),
      'years.2025: 2025-02-01 is both a holiday and a make-up working day',
    ],
    [
      'a make-up working day on a weekday',
      withYear({ ...YEAR_2025, makeUpWorkdays: ['2025-01-27'] }),
      'years.2025.makeUpWorkdays[0]: 2025-01-27 is a Monday; make-up working days are Saturdays or Sundays',
    ],
  ])('refuses %s', (_case, content, problem) => {
    expect(problemsOf(content)).toEqual([problem]);
  });

  it('lists every problem at once, in a message that names each', () => {
    const content = {
      years: {
        2025: { source: '', holidays: ['2025-02-30', '2026-01-01'], makeUpWorkdays: ['2025-01-27'] },
        2024: { source: 'n', holidays: [], makeUpWorkdays: [] },
      },
      extra: true,
    };
    const expected = [
      'extra: unknown field',
      "years.2024.holidays: must not be empty (every year has official holidays, at least New Year's Day)",
      'years.2025.source: must name the notice the data comes from, e.g. "国办发明电〔2024〕12号"',
      'years.2025.holidays[0]: 2025-02-30 is not a real date',
      'years.2025.holidays[1]: 2026-01-01 is not in 2025',
      'years.2025.makeUpWorkdays[0]: 2025-01-27 is a Monday; make-up working days are Saturdays or Sundays',
    ];
    expect(problemsOf(content)).toEqual(expected);
    expect(() => parseCalendarOverrides(content, 'calendar override file overrides.json')).toThrow(
      ['Invalid calendar override file overrides.json:', ...expected.map((problem) => `  - ${problem}`)].join('\n'),
    );
  });

  it('checks the source even when a list is missing', () => {
    expect(problemsOf(withYear({ holidays: ['2025-01-01'] }))).toEqual([
      'years.2025.source: must name the notice the data comes from, e.g. "国办发明电〔2024〕12号"',
      'years.2025.makeUpWorkdays: must be an array of YYYY-MM-DD dates (may be empty)',
    ]);
  });
});
