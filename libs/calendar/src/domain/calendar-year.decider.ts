import { DateTime } from 'luxon';
import {
  ConflictError,
  RuleViolationError,
  unchanged,
  unknownCommand,
  type Command,
  type Decider,
  type DecisionContext,
  type Event,
} from '@app/event-sourcing';
import { calendarYearProblems, type CalendarYearData } from './calendar-year-data.js';
import { formatShanghai, SHANGHAI_ZONE } from './shanghai-time.js';

export type PublishCalendarYear = Command<
  'PublishCalendarYear',
  { year: number; holidays: string[]; makeUpWorkdays: string[]; source: string; replace: boolean }
>;

/** A year's official arrangement published through the API (`calendar-{year}`): in force at once, above the file and the package. */
export type CalendarYearPublished = Event<
  'CalendarYearPublished',
  { year: number; holidays: string[]; makeUpWorkdays: string[]; source: string; replaced: boolean; publishedAt: string }
>;

export type CalendarYearState = { readonly status: 'none' } | ({ readonly status: 'published'; readonly publishedAt: string } & CalendarYearData);

export interface CalendarYearContext extends DecisionContext {
  /** Whether the year already has data from the override file or the package. */
  readonly hasOtherData: boolean;
}

export const calendarStreamId = (year: number): string => `calendar-${year}`;

const WEEKEND = new Set([6, 7]);

/** The runs of consecutive days off in `holidays` made only of Saturdays and Sundays: not a holiday period. */
const weekendOnlyPeriods = (holidays: readonly string[]): string[][] => {
  const days = [...new Set(holidays)].sort().map((date) => DateTime.fromISO(date, { zone: SHANGHAI_ZONE }));
  const runs: DateTime[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.plus({ days: 1 }).hasSame(day, 'day')) run.push(day);
    else runs.push([day]);
  }
  return runs.filter((run) => run.every((day) => WEEKEND.has(day.weekday))).map((run) => run.map((day) => day.toISODate()!));
};

/** Every reason the arrangement cannot be published (empty when it can). */
export const calendarPublicationProblems = (data: CalendarYearData): string[] => [
  ...calendarYearProblems(data, 'calendar'),
  ...weekendOnlyPeriods(data.holidays).map((run) => `calendar.holidays: the period ${run.join(', ')} is made only of weekend days`),
];

export const calendarYearDecider: Decider<PublishCalendarYear, CalendarYearPublished, CalendarYearState, CalendarYearContext> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state, context) {
    switch (command.type) {
      case 'PublishCalendarYear': {
        const { year, holidays, makeUpWorkdays, source, replace } = command.data;
        const problems = calendarPublicationProblems({ year, holidays, makeUpWorkdays, source });
        if (problems.length > 0) throw new RuleViolationError('invalid-calendar', problems.join('; '), { problems });
        const exists = state.status === 'published' || context.hasOtherData;
        if (exists && !replace)
          throw new ConflictError('calendar-year-exists', `${year} already has an official calendar: send "replace": true to replace it`, { year });
        return [
          {
            type: 'CalendarYearPublished',
            data: {
              year,
              holidays: [...new Set(holidays)].sort(),
              makeUpWorkdays: [...new Set(makeUpWorkdays)].sort(),
              source,
              replaced: exists,
              publishedAt: formatShanghai(context.now),
            },
          },
        ];
      }
      default:
        return unknownCommand(command as never);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CalendarYearPublished': {
        const { year, holidays, makeUpWorkdays, source, publishedAt } = event.data;
        return { status: 'published', year, holidays, makeUpWorkdays, source, publishedAt };
      }
      default:
        return unchanged(event as never, state);
    }
  },
};
