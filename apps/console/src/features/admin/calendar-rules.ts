import type { Dayjs } from 'dayjs';

const DAY = 'YYYY-MM-DD';

const isWeekend = (day: Dayjs): boolean => day.day() === 0 || day.day() === 6;

/** Every day of a period, its ends included, as `YYYY-MM-DD`. */
export const daysOf = ([from, to]: [Dayjs, Dayjs]): string[] => {
  const days: string[] = [];
  for (let day = from.startOf('day'); !day.isAfter(to, 'day'); day = day.add(1, 'day')) days.push(day.format(DAY));
  return days;
};

/** Runs of consecutive dates (a holiday period each), from a list of `YYYY-MM-DD`. */
export const periodsOf = (dates: readonly string[], dayjs: (date: string) => Dayjs): string[][] => {
  const periods: string[][] = [];
  for (const date of [...dates].sort()) {
    const last = periods.at(-1);
    if (last && dayjs(last.at(-1)!).add(1, 'day').format(DAY) === date) last.push(date);
    else periods.push([date]);
  }
  return periods;
};

/** What the engine would refuse as `invalid-calendar` (api.md "Calendar administration"), said in Chinese before publishing. */
export const calendarIssues = (
  year: number,
  holidays: readonly string[],
  makeUpWorkdays: readonly string[],
  dayjs: (date: string) => Dayjs,
): string[] => {
  const issues: string[] = [];
  for (const date of [...holidays, ...makeUpWorkdays]) if (!date.startsWith(`${year}-`)) issues.push(`${date} 不在 ${year} 年内`);
  for (const date of makeUpWorkdays) {
    if (holidays.includes(date)) issues.push(`${date} 既是放假日又是调休上班日`);
    if (!isWeekend(dayjs(date))) issues.push(`${date} 是工作日，调休上班日须为周六或周日`);
  }
  for (const period of periodsOf(holidays, dayjs))
    if (period.every((date) => isWeekend(dayjs(date)))) issues.push(`${period[0]} 至 ${period.at(-1)} 全是周末，不构成放假时段`);
  return issues;
};
