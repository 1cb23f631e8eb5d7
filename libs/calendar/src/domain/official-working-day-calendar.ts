import type { DateTime } from 'luxon';
import { calendarYearProblems, type CalendarYearData } from './calendar-year-data.js';
import {
  calendarUnavailable,
  MAX_DEADLINE_WORKING_DAYS,
  WorkingDayCalendar,
  type CalendarYear,
  type Deadline,
  type IsoDate,
} from './working-day-calendar.js';
import { endOfShanghaiDay, parseShanghaiDate } from './shanghai-time.js';

interface YearTable {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly makeUpWorkdays: ReadonlySet<IsoDate>;
  readonly sortedHolidays: readonly IsoDate[];
  readonly sortedMakeUpWorkdays: readonly IsoDate[];
}

const SATURDAY = 6;

/**
 * Every day off of the year's holiday periods: each official holiday with the weekend days that run on from it
 * without a working day between ("与周末连休"), within the year.
 */
const holidayPeriods = (data: CalendarYearData): IsoDate[] => {
  const days = new Set<IsoDate>(data.holidays);
  const makeUp = new Set(data.makeUpWorkdays);
  for (const holiday of data.holidays) {
    for (const step of [-1, 1]) {
      for (let day = parseShanghaiDate(holiday).plus({ days: step }); day.year === data.year; day = day.plus({ days: step })) {
        const date = day.toISODate();
        if (days.has(date) && data.holidays.includes(date)) break;
        if (day.weekday < SATURDAY || makeUp.has(date)) break;
        days.add(date);
      }
    }
  }
  return [...days].sort();
};

/** A {@link WorkingDayCalendar} that knows exactly the years it is given and refuses every other year. */
export class OfficialWorkingDayCalendar extends WorkingDayCalendar {
  readonly #years: ReadonlyMap<number, YearTable>;

  /** @throws Error if a year is given twice or its data is unsound (see `calendarYearProblems`). */
  constructor(years: Iterable<CalendarYearData>) {
    super();
    const tables = new Map<number, YearTable>();
    for (const data of years) {
      if (tables.has(data.year)) throw new Error(`Calendar data for ${data.year} is given twice`);
      const problems = calendarYearProblems(data);
      if (problems.length > 0)
        throw new Error(`Calendar data for ${data.year} is unsound:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
      tables.set(data.year, {
        holidays: new Set(data.holidays),
        makeUpWorkdays: new Set(data.makeUpWorkdays),
        sortedHolidays: holidayPeriods(data),
        sortedMakeUpWorkdays: [...data.makeUpWorkdays].sort(),
      });
    }
    this.#years = tables;
  }

  override isWorkingDay(date: IsoDate): boolean {
    return this.#isWorkingDay(parseShanghaiDate(date));
  }

  override deadline(issuedOn: IsoDate, workingDays: number): Deadline {
    let day = parseShanghaiDate(issuedOn, 'issuedOn');
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_DEADLINE_WORKING_DAYS)
      throw new RangeError(`workingDays must be an integer from 1 to ${MAX_DEADLINE_WORKING_DAYS}, got ${String(workingDays)}`);
    // The day of issue itself is never looked up, so a notice issued in a year without data may still count into covered days.
    for (let counted = 0; counted < workingDays;) {
      day = day.plus({ days: 1 });
      if (this.#isWorkingDay(day)) counted++;
    }
    const dueDate = day.toISODate();
    return { dueDate, dueAt: endOfShanghaiDay(dueDate) };
  }

  override year(year: number): CalendarYear {
    if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${String(year)}`);
    const table = this.#table(year);
    return { year, holidays: [...table.sortedHolidays], makeUpWorkdays: [...table.sortedMakeUpWorkdays] };
  }

  override coveredYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  #table(year: number): YearTable {
    const table = this.#years.get(year);
    if (table === undefined) throw calendarUnavailable(year);
    return table;
  }

  #isWorkingDay(day: DateTime<true>): boolean {
    const table = this.#table(day.year);
    const date = day.toISODate();
    if (table.makeUpWorkdays.has(date)) return true;
    if (table.holidays.has(date)) return false;
    return day.weekday < SATURDAY;
  }
}
