import { readFile } from 'node:fs/promises';
import { calendarYearProblems, type CalendarYearData } from './domain/calendar-year-data.js';

/**
 * Official arrangements that replace or extend the shipped data, one entry per year, so that a year the State Council has just
 * announced can be added without a release. A year listed here replaces the package's data for that year entirely.
 */
export interface CalendarOverrides {
  readonly years: readonly CalendarYearData[];
}

/** The override file is unusable; `problems` lists every fault found, each with where it is. */
export class CalendarOverridesError extends Error {
  constructor(
    readonly problems: readonly string[],
    origin = 'calendar overrides',
  ) {
    super(`Invalid ${origin}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CalendarOverridesError';
  }
}

const YEAR_KEY = /^\d{4}$/;
const ENTRY_FIELDS = ['source', 'holidays', 'makeUpWorkdays'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const parseYear = (key: string, entry: unknown, problems: string[]): CalendarYearData | undefined => {
  const at = `years.${key}`;
  if (!YEAR_KEY.test(key)) {
    problems.push(`${at}: the key must be a four-digit year`);
    return undefined;
  }
  if (!isObject(entry)) {
    problems.push(`${at}: must be an object {source, holidays, makeUpWorkdays}`);
    return undefined;
  }
  for (const field of Object.keys(entry)) if (!ENTRY_FIELDS.includes(field)) problems.push(`${at}.${field}: unknown field`);
  const data = { year: Number(key), source: entry.source, holidays: entry.holidays, makeUpWorkdays: entry.makeUpWorkdays } as CalendarYearData;
  const yearProblems = calendarYearProblems(data, at);
  problems.push(...yearProblems);
  return yearProblems.length === 0 ? data : undefined;
};

/**
 * Validates the parsed content of an override file (format in libs/calendar/README.md):
 * `{"years": {"<year>": {"source": "<notice>", "holidays": ["YYYY-MM-DD", …], "makeUpWorkdays": ["YYYY-MM-DD", …]}}}`.
 * @throws CalendarOverridesError listing every problem.
 */
export const parseCalendarOverrides = (content: unknown, origin?: string): CalendarOverrides => {
  const problems: string[] = [];
  const years: CalendarYearData[] = [];
  if (!isObject(content)) {
    problems.push('the content must be a JSON object {"years": {…}}');
  } else {
    for (const key of Object.keys(content)) if (key !== 'years') problems.push(`${key}: unknown field`);
    if (!isObject(content.years)) problems.push('years: must be an object keyed by year, e.g. {"2025": {…}}');
    else
      for (const [key, entry] of Object.entries(content.years)) {
        const data = parseYear(key, entry, problems);
        if (data !== undefined) years.push(data);
      }
  }
  if (problems.length > 0) throw new CalendarOverridesError(problems, origin);
  return Object.freeze({ years: Object.freeze(years.sort((a, b) => a.year - b.year)) });
};

/**
 * Reads and validates the override file at `path` (UTF-8 JSON, format in libs/calendar/README.md); the calendar's only I/O.
 * @throws CalendarOverridesError if the file cannot be read, is not JSON, or lists anything unsound — with every problem found.
 */
export const loadCalendarOverrides = async (path: string): Promise<CalendarOverrides> => {
  const origin = `calendar override file ${path}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CalendarOverridesError([`cannot be read: ${(error as Error).message}`], origin);
  }
  let content: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    content = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CalendarOverridesError([`is not valid JSON: ${(error as Error).message}`], origin);
  }
  return parseCalendarOverrides(content, origin);
};
