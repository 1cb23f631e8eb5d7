import { DateTime } from 'luxon';
import type { IsoDate } from './working-day-calendar.js';
import { SHANGHAI_ZONE } from './shanghai-time.js';

/** One year's official arrangement with where it comes from; the input a calendar is built from. */
export interface CalendarYearData {
  readonly year: number;
  /** The notice or package the data was taken from, e.g. `国办发明电〔2024〕12号` or `chinese-days 1.5.7`. */
  readonly source: string;
  /** Every day off named by the notice, weekends inside a holiday period included. */
  readonly holidays: readonly IsoDate[];
  /** The make-up working days (调休上班日). */
  readonly makeUpWorkdays: readonly IsoDate[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SATURDAY = 6;
const SUNDAY = 7;

const dateProblem = (date: unknown, year: number, field: 'holidays' | 'makeUpWorkdays'): string | undefined => {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return `${JSON.stringify(date)} is not a YYYY-MM-DD date`;
  const day = DateTime.fromISO(date, { zone: SHANGHAI_ZONE });
  if (!day.isValid) return `${date} is not a real date`;
  if (day.year !== year) return `${date} is not in ${year}`;
  if (field === 'makeUpWorkdays' && day.weekday !== SATURDAY && day.weekday !== SUNDAY)
    return `${date} is a ${day.setLocale('en').weekdayLong}; make-up working days are Saturdays or Sundays`;
  return undefined;
};

/**
 * Every reason why `data` cannot be trusted as a year's arrangement, each prefixed with `at` (empty when it is sound):
 * a named source, lists of real dates inside that year, no repeats, no day both off and worked, make-up days on weekends only,
 * at least one holiday.
 */
export const calendarYearProblems = (data: CalendarYearData, at = `${data.year}`): string[] => {
  const problems: string[] = [];
  if (!Number.isInteger(data.year) || data.year < 0 || data.year > 9999) problems.push(`${at}: year must be a four-digit year, got ${data.year}`);
  if (typeof data.source !== 'string' || data.source.trim() === '')
    problems.push(`${at}.source: must name the notice the data comes from, e.g. "国办发明电〔2024〕12号"`);
  const checkDates = (field: 'holidays' | 'makeUpWorkdays'): Set<IsoDate> => {
    const seen = new Set<IsoDate>();
    // Checked at run time too: the data may come straight from a parsed JSON file.
    const list: unknown = data[field];
    if (!Array.isArray(list)) {
      problems.push(`${at}.${field}: must be an array of YYYY-MM-DD dates${field === 'makeUpWorkdays' ? ' (may be empty)' : ''}`);
      return seen;
    }
    list.forEach((date: unknown, index) => {
      const problem = dateProblem(date, data.year, field) ?? (seen.has(date as IsoDate) ? `${date as IsoDate} is listed twice` : undefined);
      if (problem === undefined) seen.add(date as IsoDate);
      else problems.push(`${at}.${field}[${index}]: ${problem}`);
    });
    return seen;
  };
  const holidays = checkDates('holidays');
  const makeUpWorkdays = checkDates('makeUpWorkdays');
  if (Array.isArray(data.holidays) && data.holidays.length === 0)
    problems.push(`${at}.holidays: must not be empty (every year has official holidays, at least New Year's Day)`);
  for (const date of makeUpWorkdays) if (holidays.has(date)) problems.push(`${at}: ${date} is both a holiday and a make-up working day`);
  return problems;
};
