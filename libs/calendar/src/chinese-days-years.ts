import { createRequire } from 'node:module';
import { calendarYearProblems, type CalendarYearData } from './domain/calendar-year-data.js';

/** The package whose data the calendar ships with; the coverage below was checked against exactly this version. */
export const CHINESE_DAYS_VERSION = '1.5.7';

/**
 * The years chinese-days 1.5.7 has official arrangements for: its README says 2004–2026 and it ships one `dist/years/<year>.json` each.
 * The package has no API that tells, and answers plain weekdays for any other year, so the coverage is stated here and
 * checked when the data is read (a missing year file fails loudly) and by a test against the installed package.
 */
export const CHINESE_DAYS_YEARS: readonly number[] = Array.from({ length: 2026 - 2004 + 1 }, (_, index) => 2004 + index);

interface PackageYearFile {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

const isDateMap = (value: unknown): value is Readonly<Record<string, string>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((label) => typeof label === 'string');

const isPackageYearFile = (value: unknown): value is PackageYearFile =>
  typeof value === 'object' &&
  value !== null &&
  isDateMap((value as Record<string, unknown>).holidays) &&
  isDateMap((value as Record<string, unknown>).workdays);

// The package's date functions misread 'YYYY-MM-DD' strings west of UTC ('2025-01-01' comes back as 2024-12-31 under
// TZ=America/New_York), so its per-year data files, keyed by plain dates, are read instead.
const require = createRequire(import.meta.url);
let packageYears: readonly CalendarYearData[] | undefined;

/**
 * The official arrangements chinese-days ships, one entry per year of {@link CHINESE_DAYS_YEARS}
 * (`holidays` from its `holidays`, `makeUpWorkdays` from its `workdays`), read once and validated.
 * @throws Error if a year's file is missing or its data is unsound: a packaging fault, never something to guess around.
 */
export const chineseDaysYears = (): readonly CalendarYearData[] => {
  packageYears ??= Object.freeze(
    CHINESE_DAYS_YEARS.map((year) => {
      let file: unknown;
      try {
        file = require(`chinese-days/dist/years/${year}.json`);
      } catch (cause) {
        throw new Error(`chinese-days ${CHINESE_DAYS_VERSION} was expected to ship data for ${year}, but it cannot be read`, { cause });
      }
      if (!isPackageYearFile(file)) throw new Error(`chinese-days data for ${year} does not have the expected shape ({holidays, workdays})`);
      const data: CalendarYearData = Object.freeze({
        year,
        source: `chinese-days ${CHINESE_DAYS_VERSION}`,
        holidays: Object.freeze(Object.keys(file.holidays).sort()),
        makeUpWorkdays: Object.freeze(Object.keys(file.workdays).sort()),
      });
      const problems = calendarYearProblems(data);
      if (problems.length > 0)
        throw new Error(`chinese-days data for ${year} is unsound:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
      return data;
    }),
  );
  return packageYears;
};
