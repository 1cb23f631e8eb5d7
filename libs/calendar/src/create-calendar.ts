import type { CalendarOverrides } from './calendar-overrides.js';
import { chineseDaysYears } from './chinese-days-years.js';
import type { CalendarYearData } from './domain/calendar-year-data.js';
import { OfficialWorkingDayCalendar } from './domain/official-working-day-calendar.js';
import type { WorkingDayCalendar } from './domain/working-day-calendar.js';

/** Every year chinese-days ships (2004–2026), with each year of `overrides` replacing or adding that year. */
export const baseCalendarYears = (overrides?: CalendarOverrides): Map<number, CalendarYearData> => {
  const years = new Map(chineseDaysYears().map((data) => [data.year, data]));
  for (const data of overrides?.years ?? []) years.set(data.year, data);
  return years;
};

/**
 * The calendar of the package and the override file (without the years published through the API).
 * @throws Error if the package data or an override year is unsound (overrides from `loadCalendarOverrides` are already validated).
 */
export const createCalendar = (overrides?: CalendarOverrides): WorkingDayCalendar =>
  new OfficialWorkingDayCalendar(baseCalendarYears(overrides).values());
