import type { CalendarYearData } from './domain/calendar-year-data.js';
import { OfficialWorkingDayCalendar } from './domain/official-working-day-calendar.js';
import { WorkingDayCalendar, type CalendarYear, type Deadline, type IsoDate } from './domain/working-day-calendar.js';

/**
 * The calendar every process uses: the years of the package and the override file, under the years published through the
 * API (`calendar-{year}` streams), which replace them as they arrive. Each publication swaps in a whole new calendar, so a
 * computation never sees half of one.
 */
export class LiveWorkingDayCalendar extends WorkingDayCalendar {
  readonly #published = new Map<number, { readonly version: number; readonly data: CalendarYearData }>();
  #current: OfficialWorkingDayCalendar;

  /** @param base the package's and the override file's years (already merged, the file's winning). */
  constructor(private readonly base: ReadonlyMap<number, CalendarYearData>) {
    super();
    this.#current = new OfficialWorkingDayCalendar(base.values());
  }

  /** Puts a published year in force, unless an equal or later version of it already is. */
  publish(data: CalendarYearData, version: number): void {
    const known = this.#published.get(data.year);
    if (known && known.version >= version) return;
    this.#published.set(data.year, { version, data });
    const years = new Map(this.base);
    for (const [year, published] of this.#published) years.set(year, published.data);
    this.#current = new OfficialWorkingDayCalendar(years.values());
  }

  /** Whether the file or the package has the year (what a first publication through the API must replace explicitly). */
  hasBaseData(year: number): boolean {
    return this.base.has(year);
  }

  override isWorkingDay(date: IsoDate): boolean {
    return this.#current.isWorkingDay(date);
  }

  override deadline(issuedOn: IsoDate, workingDays: number): Deadline {
    return this.#current.deadline(issuedOn, workingDays);
  }

  override year(year: number): CalendarYear {
    return this.#current.year(year);
  }

  override coveredYears(): number[] {
    return this.#current.coveredYears();
  }
}
