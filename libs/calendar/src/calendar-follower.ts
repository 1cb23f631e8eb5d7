import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type EventStore, streamCategory, type StoredEvent } from '@app/event-sourcing';
import type { CalendarYearPublished } from './domain/calendar-year.decider.js';
import { type LiveWorkingDayCalendar } from './live-calendar.js';

const RETRY_MS = 2_000;

/** Puts a `CalendarYearPublished` in force in this process's calendar. */
export const applyPublication = (calendar: LiveWorkingDayCalendar, event: StoredEvent): void => {
  if (event.type !== 'CalendarYearPublished') return;
  const { year, holidays, makeUpWorkdays, source } = event.data as CalendarYearPublished['data'];
  calendar.publish({ year, holidays, makeUpWorkdays, source }, event.version);
};

/** Loads every year published through the API into this process's calendar. */
export const loadPublishedYears = async (store: EventStore, calendar: LiveWorkingDayCalendar): Promise<void> => {
  for (let after: string | undefined; ;) {
    const streams = await store.listStreams({ category: 'calendar', afterStreamId: after, limit: 500 });
    for (const { streamId } of streams) for (const event of await store.readStream(streamId)) applyPublication(calendar, event);
    if (streams.length < 500) return;
    after = streams.at(-1)!.streamId;
  }
};

/**
 * Follows the global log from start-up on, so that a year published by any process (the API, another replica) is in force
 * in this one within moments, with no restart; what was published before start-up is loaded with the calendar itself.
 */
export class CalendarFollower implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Calendar');
  private readonly stop = new AbortController();
  private running?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly calendar: LiveWorkingDayCalendar,
    /** The log position the calendar was loaded at. */
    private readonly from: number,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.follow();
  }

  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async follow(): Promise<void> {
    let position = this.from;
    while (!this.stop.signal.aborted) {
      try {
        for await (const item of this.store.subscribeToAll({ afterPosition: position, signal: this.stop.signal })) {
          if (item.kind !== 'events') continue;
          for (const event of item.events) if (streamCategory(event.streamId) === 'calendar') applyPublication(this.calendar, event);
          position = item.events.at(-1)!.position;
        }
      } catch (error) {
        if (this.stop.signal.aborted) return;
        this.logger.warn(`following published calendar years paused: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
