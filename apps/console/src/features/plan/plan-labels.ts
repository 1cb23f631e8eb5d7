import { TAG_COLOR } from '../../lib/labels';
import { dayjs, COUNTY_ZONE } from '../../lib/time';

/** A month's report as the county says it: on time, late, not filed after the due day, not yet due. */
export const REPORT_STATUS: Record<string, string> = { 'on-time': '按时', late: '逾期', missing: '未报', pending: '待报' };
export const REPORT_STATUS_COLOR: Record<string, string> = {
  'on-time': TAG_COLOR.success,
  late: TAG_COLOR.warning,
  missing: TAG_COLOR.danger,
  pending: TAG_COLOR.info,
};

export const TASK_STATUS: Record<string, string> = { 'on-track': '正常推进', 'at-risk': '存在风险', done: '已完成' };
export const TASK_STATUS_COLOR: Record<string, string> = { 'on-track': TAG_COLOR.info, 'at-risk': TAG_COLOR.warning, done: TAG_COLOR.success };

/** The plan's first reporting month (api.md: 2023-01). */
export const FIRST_PERIOD = '2023-01';

/** The last month that has ended (Asia/Shanghai): the latest one a unit can report on. */
export const lastEndedPeriod = (): string => dayjs().tz(COUNTY_ZONE).subtract(1, 'month').format('YYYY-MM');

/** `2025-03` as people read it. */
export const periodLabel = (period: string): string => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

/** The months of `year` a unit reports on: inside the plan, up to the last ended month, the latest first. */
export const periodsOfYear = (year: number): string[] => {
  const last = lastEndedPeriod();
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(12 - index).padStart(2, '0')}`).filter(
    (period) => period >= FIRST_PERIOD && period <= last,
  );
};

/** The years with months to report, the latest first. */
export const reportYears = (): number[] => {
  const last = Number(lastEndedPeriod().slice(0, 4));
  return Array.from({ length: last - 2023 + 1 }, (_, index) => last - index);
};

/** The quarters that have ended, the latest first: those a bulletin can be published for. */
export const endedQuarters = (): Array<{ year: number; quarter: number }> => {
  const now = dayjs().tz(COUNTY_ZONE);
  const current = now.year() * 4 + Math.floor(now.month() / 3);
  return Array.from({ length: 8 }, (_, index) => current - 1 - index).map((n) => ({ year: Math.floor(n / 4), quarter: (n % 4) + 1 }));
};
