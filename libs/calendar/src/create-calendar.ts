import type { CalendarOverrides } from './calendar-overrides.js';
import { chineseDaysYears } from './chinese-days-years.js';
import { OfficialWorkingDayCalendar } from './domain/official-working-day-calendar.js';
import type { WorkingDayCalendar } from './domain/working-day-calendar.js';

/**
 * The calendar the engine uses: every year chinese-days ships (2004–2026), with each year of `overrides` replacing or adding that year.
 * @throws Error if the package data or an override year is unsound (overrides from `loadCalendarOverrides` are already validated).
 */
export const createCalendar = (overrides?: CalendarOverrides): WorkingDayCalendar => {
  const years = new Map(chineseDaysYears().map((data) => [data.year, data]));
  for (const data of overrides?.years ?? []) years.set(data.year, data);
  return new OfficialWorkingDayCalendar(years.values());
};
