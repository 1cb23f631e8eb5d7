import { resolve } from 'node:path';
import { Global, Logger, Module } from '@nestjs/common';
import { Settings } from '@app/config';
import { EventStore } from '@app/event-sourcing';
import { CalendarFollower, loadPublishedYears } from './calendar-follower.js';
import { loadCalendarOverrides } from './calendar-overrides.js';
import { baseCalendarYears } from './create-calendar.js';
import { WorkingDayCalendar } from './domain/working-day-calendar.js';
import { LiveWorkingDayCalendar } from './live-calendar.js';

const LOADED_AT = Symbol('calendar loaded at');

/**
 * The official working-day calendar: the packaged years, CALENDAR_OVERRIDES_FILE's (an invalid file stops start-up), and above
 * them the years published through the API (`calendar-{year}`), loaded at start-up and followed while the process runs.
 */
@Global()
@Module({
  providers: [
    {
      provide: LOADED_AT,
      inject: [Settings, EventStore],
      useFactory: async (settings: Settings, store: EventStore) => {
        const overrides = settings.CALENDAR_OVERRIDES_FILE ? await loadCalendarOverrides(resolve(settings.CALENDAR_OVERRIDES_FILE)) : undefined;
        const calendar = new LiveWorkingDayCalendar(baseCalendarYears(overrides));
        // the position first: a year published while the streams are read is then met again by the follower
        const position = await store.headPosition();
        await loadPublishedYears(store, calendar);
        const years = calendar.coveredYears();
        new Logger('Calendar').log(
          `official working-day calendar for ${years[0]}–${years.at(-1)}${overrides ? ` (with ${settings.CALENDAR_OVERRIDES_FILE})` : ''}`,
        );
        return { calendar, position };
      },
    },
    { provide: LiveWorkingDayCalendar, inject: [LOADED_AT], useFactory: (loaded: { calendar: LiveWorkingDayCalendar }) => loaded.calendar },
    { provide: WorkingDayCalendar, useExisting: LiveWorkingDayCalendar },
    {
      provide: CalendarFollower,
      inject: [EventStore, LiveWorkingDayCalendar, LOADED_AT],
      useFactory: (store: EventStore, calendar: LiveWorkingDayCalendar, loaded: { position: number }) =>
        new CalendarFollower(store, calendar, loaded.position),
    },
  ],
  exports: [WorkingDayCalendar, LiveWorkingDayCalendar],
})
export class CalendarModule {}
