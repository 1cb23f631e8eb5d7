import { RuleViolationError } from '@app/event-sourcing';

/** A calendar date `YYYY-MM-DD`, read in Asia/Shanghai. */
export type IsoDate = string;

/** The longest deadline, in working days, a notice may set (api.md: `workingDays` 1..90). */
export const MAX_DEADLINE_WORKING_DAYS = 90;

/** When a deadline counted in working days falls due. */
export interface Deadline {
  /** The N-th working day after the day of issue. */
  readonly dueDate: IsoDate;
  /** The end of `dueDate` in Asia/Shanghai: `YYYY-MM-DDT23:59:59.999+08:00`. */
  readonly dueAt: string;
}

/** One year's official arrangement, as `GET /calendar/{year}` shows it. Both lists are sorted ascending. */
export interface CalendarYear {
  readonly year: number;
  /** Every day off of a holiday period: the days the notice names, with the weekend days joined to them ("与周末连休"). */
  readonly holidays: IsoDate[];
  /** The announced make-up working days (调休上班日), each a Saturday or a Sunday. */
  readonly makeUpWorkdays: IsoDate[];
}

/**
 * Working days in Asia/Shanghai: Monday–Friday minus the State Council's public holidays, plus its make-up working days.
 * Only years with official data are answered; any other year throws `calendar-unavailable`, never a guess.
 * The abstract class is the port and, for Nest, its DI token.
 */
export abstract class WorkingDayCalendar {
  /**
   * Whether `date` is a working day.
   * @throws RangeError if `date` is not a real `YYYY-MM-DD` date.
   * @throws RuleViolationError `calendar-unavailable` if its year has no official data.
   */
  abstract isWorkingDay(date: IsoDate): boolean;

  /**
   * The end of the `workingDays`-th working day after `issuedOn`; the day of issue does not count, and only the counted days need data.
   * @throws RangeError if `issuedOn` is not a real date or `workingDays` is not an integer from 1 to {@link MAX_DEADLINE_WORKING_DAYS}.
   * @throws RuleViolationError `calendar-unavailable` if a day to be counted falls in a year without official data.
   */
  abstract deadline(issuedOn: IsoDate, workingDays: number): Deadline;

  /**
   * The official arrangement of `year` (fresh arrays, sorted ascending).
   * @throws RangeError if `year` is not an integer.
   * @throws RuleViolationError `calendar-unavailable` if the year has no official data.
   */
  abstract year(year: number): CalendarYear;

  /** The years with official data, ascending. */
  abstract coveredYears(): number[];
}

/** The refusal for a year without official data: 422 on commands and on the deadline preview, 404 on `GET /calendar/{year}`. */
export const calendarUnavailable = (year: number): RuleViolationError =>
  new RuleViolationError(
    'calendar-unavailable',
    `No official working-day calendar for ${year}: the State Council's holiday arrangements for ${year} are not loaded (add them to the calendar override file once published)`,
    { year },
  );
