import { resolve } from 'node:path';
import { Global, Logger, Module } from '@nestjs/common';
import { Settings } from '@app/config';
import { loadCalendarOverrides } from './calendar-overrides.js';
import { WorkingDayCalendar } from './domain/working-day-calendar.js';
import { createCalendar } from './create-calendar.js';

/** The official working-day calendar: the packaged years, plus CALENDAR_OVERRIDES_FILE's (an invalid file stops start-up). */
@Global()
@Module({
  providers: [
    {
      provide: WorkingDayCalendar,
      inject: [Settings],
      useFactory: async (settings: Settings): Promise<WorkingDayCalendar> => {
        const overrides = settings.CALENDAR_OVERRIDES_FILE ? await loadCalendarOverrides(resolve(settings.CALENDAR_OVERRIDES_FILE)) : undefined;
        const calendar = createCalendar(overrides);
        const years = calendar.coveredYears();
        new Logger('Calendar').log(
          `official working-day calendar for ${years[0]}–${years.at(-1)}${overrides ? ` (with ${settings.CALENDAR_OVERRIDES_FILE})` : ''}`,
        );
        return calendar;
      },
    },
  ],
  exports: [WorkingDayCalendar],
})
export class CalendarModule {}
