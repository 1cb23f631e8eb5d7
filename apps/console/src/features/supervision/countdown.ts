/** A year of the official calendar as `GET /calendar/{year}` answers it. */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly makeUpWorkdays: readonly string[];
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The years whose calendar counting from `today` to `dueDate` needs, or none when that is more than two years (not worth fetching). */
export const yearsBetween = (today: string, dueDate: string): number[] => {
  const first = Number(today.slice(0, 4));
  const last = Number(dueDate.slice(0, 4));
  return last < first || last - first > 1 ? [] : Array.from({ length: last - first + 1 }, (_, index) => first + index);
};

/**
 * The working days after `today` up to and including `dueDate` (the day of issue does not count, as for deadlines):
 * Monday–Friday minus the holidays, plus the make-up working days. Null when a year's calendar is missing.
 */
export const workingDaysLeft = (today: string, dueDate: string, calendars: ReadonlyMap<number, CalendarYear | null>): number | null => {
  let count = 0;
  for (let day = dayNumber(today) + 1; day <= dayNumber(dueDate); day++) {
    const date = dateOf(day);
    const calendar = calendars.get(Number(date.slice(0, 4)));
    if (!calendar) return null;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    const working = calendar.makeUpWorkdays.includes(date) || (weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(date));
    if (working) count++;
  }
  return count;
};

const FINAL = ['closed', 'failed', 'withdrawn'];

/** What the deadline means now, in Chinese: days (and working days, when known) left, or that it has passed. */
export const countdownText = (options: {
  status: string;
  overdue: boolean;
  dueAt: string;
  dueDate: string;
  now: Date;
  today: string;
  workingDays: number | null;
}): string => {
  const { status, overdue, dueAt, dueDate, now, today, workingDays } = options;
  if (FINAL.includes(status)) return '';
  const days = dayNumber(dueDate) - dayNumber(today);
  if (overdue) return days < 0 ? `已逾期 ${-days} 天` : '已逾期';
  if (now.getTime() >= Date.parse(dueAt)) return status === 'submitted' ? '期限已届满（整改报告待审核）' : '已逾期';
  if (days === 0) return '今日到期';
  return workingDays === null ? `剩余 ${days} 天` : `剩余 ${workingDays} 个工作日（${days} 天）`;
};
