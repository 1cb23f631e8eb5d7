/** A month of the plan's reporting (月报告): `YYYY-MM`, in Asia/Shanghai. */
export type Period = string;

/** A quarter of the plan's bulletins (季通报). */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

// China Standard Time has had no daylight saving since 1991: every wall time below is UTC+08:00
const OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (value: number): string => String(value).padStart(2, '0');

/** The instant a Shanghai wall time falls on; months and days may overflow (month 13 is next January). */
const shanghaiInstant = (year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0, ms = 0): number =>
  Date.UTC(year, month - 1, day, hours, minutes, seconds, ms) - OFFSET_MS;

const shanghaiWall = (instant: number): { year: number; month: number; day: number } => {
  const wall = new Date(instant + OFFSET_MS);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
};

/** The plan's first month: no report is owed, or taken, for an earlier one (清政发〔2023〕52号). */
export const PLAN_FIRST_PERIOD: Period = '2023-01';

/** The period of a year and a month (the month may overflow either way). */
export const periodOf = (year: number, month: number): Period => {
  const normalized = new Date(Date.UTC(year, month - 1, 1));
  return `${normalized.getUTCFullYear()}-${pad(normalized.getUTCMonth() + 1)}`;
};

export const parsePeriod = (period: Period): { year: number; month: number } => {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a period YYYY-MM: ${period}`);
  return { year: Number(match[1]), month: Number(match[2]) };
};

export const previousPeriod = (period: Period): Period => {
  const { year, month } = parsePeriod(period);
  return periodOf(year, month - 1);
};

/** The period an instant falls in, in Asia/Shanghai. */
export const periodContaining = (instant: Date): Period => {
  const { year, month } = shanghaiWall(instant.getTime());
  return periodOf(year, month);
};

/** The first instant after the period: its reports may be submitted from then on. */
export const periodEnd = (period: Period): Date => {
  const { year, month } = parsePeriod(period);
  return new Date(shanghaiInstant(year, month + 1, 1));
};

/** When a period's report is due: the end (23:59:59.999 +08:00) of day `dueDay` of the following month. */
export const monthlyReportDueAt = (period: Period, dueDay: number): string => {
  const { year, month } = parsePeriod(period);
  const next = parsePeriod(periodOf(year, month + 1));
  return `${next.year}-${pad(next.month)}-${pad(dueDay)}T23:59:59.999+08:00`;
};

/** The latest `count` periods whose due time had passed at `instant`, latest first. */
export const periodsOverdueAt = (instant: Date, dueDay: number, count: number): Period[] => {
  let period = periodContaining(instant);
  while (Date.parse(monthlyReportDueAt(period, dueDay)) >= instant.getTime()) period = previousPeriod(period);
  const periods = [period];
  while (periods.length < count) periods.push(previousPeriod(periods.at(-1)!));
  return periods;
};

export const quarterId = ({ year, quarter }: Quarter): string => `${year}-Q${quarter}`;

export const parseQuarterId = (id: string): Quarter | null => {
  const match = QUARTER_ID.exec(id);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] } : null;
};

/** The quarter's first instant, written as the engine writes times. */
export const quarterStart = ({ year, quarter }: Quarter): string => `${year}-${pad(quarter * 3 - 2)}-01T00:00:00.000+08:00`;

/** The quarter's last instant (23:59:59.999 +08:00 on its last day): a bulletin shows the record as it stood then. */
export const quarterEnd = ({ year, quarter }: Quarter): string => {
  const lastDay = new Date(Date.UTC(year, quarter * 3, 0)).getUTCDate();
  return `${year}-${pad(quarter * 3)}-${pad(lastDay)}T23:59:59.999+08:00`;
};

/** The quarter an instant falls in, in Asia/Shanghai. */
export const quarterContaining = (instant: Date): Quarter => {
  const { year, month } = shanghaiWall(instant.getTime());
  return { year, quarter: Math.ceil(month / 3) as Quarter['quarter'] };
};

/** The last quarter that had ended at `instant`. */
export const latestEndedQuarter = (instant: Date): Quarter => {
  const { year, quarter } = quarterContaining(instant);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
};

/**
 * The monthly reports a quarter's bulletin counts: those whose due day falls in the quarter, i.e. the periods of the
 * month before each of its months (Q2 counts March, April and May). By the quarter's end every one of them is due,
 * so each is on time, late or missing for good.
 */
export const periodsDueInQuarter = ({ year, quarter }: Quarter): Period[] => [0, 1, 2].map((offset) => periodOf(year, quarter * 3 - 2 + offset - 1));

/** The year an instant falls in, in Asia/Shanghai. */
export const yearContaining = (instant: Date): number => shanghaiWall(instant.getTime()).year;

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export const dateOf = (instant: Date): string => {
  const { year, month, day } = shanghaiWall(instant.getTime());
  return `${year}-${pad(month)}-${pad(day)}`;
};
