import type { NotificationContent } from '@app/notifications/domain';
import { wallTime } from '@app/notifications/domain';
import { parsePeriod, quarterEnd, type Period, type Quarter } from './plan-periods.js';

export const monthlyReportStreamId = (unitId: string, period: Period): string => `monthlyReport-${unitId}-${period}`;
export const bulletinStreamId = ({ year, quarter }: Quarter): string => `bulletin-${year}-Q${quarter}`;
export const assessmentStreamId = (year: number): string => `assessment-${year}`;

export const parseMonthlyReportStreamId = (streamId: string): { unitId: string; period: Period } | null => {
  const match = /^monthlyReport-([a-z0-9][a-z0-9-]{1,62})-(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(streamId);
  return match ? { unitId: match[1]!, period: match[2]! } : null;
};

export const parseBulletinStreamId = (streamId: string): Quarter | null => {
  const match = /^bulletin-(\d{4})-Q([1-4])$/.exec(streamId);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] } : null;
};

export const parseAssessmentStreamId = (streamId: string): number | null => {
  const match = /^assessment-(\d{4})$/.exec(streamId);
  return match ? Number(match[1]) : null;
};

/** The first reminder goes to every unit when the month ends; the second, the day before the due day, to units still missing. */
export type MonthlyReminderRound = 'first' | 'second';

// keys are job ids of the deliveries too: the stream's id and a suffix, never a ':'
export const monthlyReminderKey = (unitId: string, period: Period, round: MonthlyReminderRound): string =>
  `${monthlyReportStreamId(unitId, period)}.${round}-reminder`;
export const bulletinReminderKey = (quarter: Quarter): string => `${bulletinStreamId(quarter)}.reminder`;
export const assessmentReminderKey = (year: number): string => `${assessmentStreamId(year)}.reminder`;

/** Which round a monthly-report reminder key names, if it is one of that stream's. */
export const monthlyReminderRound = (key: string, unitId: string, period: Period): MonthlyReminderRound | null =>
  (['first', 'second'] as const).find((round) => monthlyReminderKey(unitId, period, round) === key) ?? null;

const periodLabel = (period: Period): string => {
  const { year, month } = parsePeriod(period);
  return `${year}年${month}月`;
};

const PLAN = '《清水河县学前教育普及普惠发展三年行动计划（2023—2025年）》';

/** The monthly-report reminder to a unit, in Chinese, naming the period and the deadline (Asia/Shanghai). */
export const monthlyReminderContent = (
  round: MonthlyReminderRound,
  unitId: string,
  unitName: string,
  period: Period,
  dueAt: string,
): NotificationContent => {
  const refs = { unitId, period };
  const deadline = wallTime(dueAt);
  return round === 'first'
    ? {
        subject: `【月报告提醒】${unitName}：请于${deadline}前报送${periodLabel(period)}工作进展`,
        body: `${unitName}：\n${periodLabel(period)}已结束，请于${deadline}前在系统中报送${PLAN}重点任务${periodLabel(period)}推进情况月报告（逐项填写任务进展：正常推进、存在风险或已完成）。`,
        refs,
      }
    : {
        subject: `【月报告催报】${unitName}：${periodLabel(period)}月报告尚未报送，截止时间${deadline}`,
        body: `${unitName}：\n截至目前，你单位尚未报送${periodLabel(period)}重点任务推进情况月报告。报送截止时间为${deadline}，逾期未报送的将记为缺报，并在季度通报中通报。`,
        refs,
      };
};

/** The quarterly-bulletin reminder to the supervisors, in Chinese. */
export const bulletinReminderContent = (quarter: Quarter): NotificationContent => ({
  subject: `【季通报提醒】请发布${quarter.year}年第${quarter.quarter}季度督导通报`,
  body: `${quarter.year}年第${quarter.quarter}季度已于${wallTime(quarterEnd(quarter))}结束。请核对本季度年检、整改、暂停招生及各责任单位月报告情况，发布季度督导通报（通报内容以季度末的记录为准）。`,
  refs: { year: String(quarter.year), quarter: String(quarter.quarter) },
});

/** The annual-assessment reminder to the supervisors, in Chinese; it says whether the year's campaign is open. */
export const assessmentReminderContent = (year: number, openedAt: string | null): NotificationContent => ({
  subject: `【年度考核提醒】${year}年度考核`,
  body: openedAt
    ? `${year}年度考核已于${wallTime(openedAt)}开启。请督促完成全县各幼儿园${year}年度年检，并汇总各责任单位重点任务完成情况。`
    : `${year}年度考核尚未开启。请开启${year}年度考核，为全县各幼儿园安排${year}年度年检，并汇总各责任单位重点任务完成情况。`,
  refs: { year: String(year) },
});
