import { CalendarAdministrationModule } from './calendar-administration.js';
import { calendarYearDecider } from './domain/calendar-year.decider.js';

/** The calendar as the engine assembles it: years published through the API are in the audit record. */
export const calendarFeature = {
  module: CalendarAdministrationModule,
  audit: [{ category: 'calendar', label: '工作日历', decider: calendarYearDecider }],
};
